import Foundation
import LecternCore

/// The client-side search index: one entry per lesson section, written as a script file
/// so that it also loads from `file://`, where `fetch` of JSON is blocked.
struct SearchIndex {
    /// Longest text kept per section, in characters.
    static let maximumSectionText = 2_000

    struct Section {
        var heading: String
        var anchor: String
        var text: String
    }

    /// Splits a lesson at its headings (speaker notes left out).
    static func sections(of document: Document, title: String) -> [Section] {
        var sections = [Section(heading: title, anchor: "", text: "")]
        func add(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .header(_, let attributes, let inlines):
                    sections.append(Section(heading: Inline.plainText(inlines), anchor: attributes.id, text: ""))
                case .div(let attributes, let children):
                    if !attributes.hasClass("notes") { add(children) }
                default:
                    let text = PlainText.of([block])
                    if !text.isEmpty, sections[sections.count - 1].text.count < maximumSectionText {
                        sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + text
                    }
                }
            }
        }
        add(document.blocks)
        return sections.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }.map { section in
            var section = section
            if section.text.count > maximumSectionText { section.text = String(section.text.prefix(maximumSectionText)) }
            return section
        }
    }

    /// `window.LecternSearchIndex = {...};`
    static func script(course: Course, paths: SitePaths) -> Data {
        var lessons: [[String: String]] = []
        var entries: [[Any]] = []
        for (index, lesson) in course.lessons.enumerated() {
            lessons.append(["t": lesson.title, "u": paths.link(fromPage: "", toPage: lesson.slug)])
            for section in sections(of: lesson.document, title: lesson.title) {
                entries.append([index, section.heading, section.anchor, section.text])
            }
        }
        let object: [String: Any] = ["lessons": lessons, "sections": entries]
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Data("window.LecternSearchIndex = ".utf8) + json + Data(";\n".utf8)
    }
}

/// Plain text of blocks, one space between blocks.
enum PlainText {
    static func of(_ blocks: [Block]) -> String {
        var parts: [String] = []
        NodeVisitor(block: { block in
            switch block.kind {
            case .para(let inlines), .plain(let inlines), .header(_, _, let inlines): parts.append(Inline.plainText(inlines))
            case .codeBlock(_, let code): parts.append(code)
            case .lineBlock(let lines): parts.append(lines.map(Inline.plainText).joined(separator: " "))
            case .table(let table): parts.append((table.head + table.body).flatMap { $0.map(Inline.plainText) }.joined(separator: " "))
            case .definitionList(let items): parts.append(items.map { Inline.plainText($0.term) }.joined(separator: " "))
            default: break
            }
        }).walk(blocks)
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
