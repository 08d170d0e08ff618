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

    /// `window.LecternSearchIndex = {"lessons":[{"t":…,"u":…}],"sections":[[lesson,heading,anchor,text]]};`
    static func script(course: Course, paths: SitePaths) -> Data {
        var out = "window.LecternSearchIndex = {\"lessons\":["
        for (index, lesson) in course.lessons.enumerated() {
            if index > 0 { out += "," }
            out += "{\"t\":"
            JSONText.append(lesson.title, to: &out)
            out += ",\"u\":"
            JSONText.append(paths.link(fromPage: "", toPage: lesson.slug), to: &out)
            out += "}"
        }
        out += "],\"sections\":["
        var first = true
        for (index, lesson) in course.lessons.enumerated() {
            for section in sections(of: lesson.document, title: lesson.title) {
                out += first ? "[" : ",["
                first = false
                out += String(index) + ","
                JSONText.append(section.heading, to: &out)
                out += ","
                JSONText.append(section.anchor, to: &out)
                out += ","
                JSONText.append(section.text, to: &out)
                out += "]"
            }
        }
        out += "]};\n"
        return Data(out.utf8)
    }
}

/// JSON string literals, escaped for use inside a script file.
enum JSONText {
    static func append(_ text: String, to out: inout String) {
        out += "\""
        var pending = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "<": escape = "\\u003c"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default: escape = scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escape {
                out += String(scalars[pending..<index])
                out += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out += String(scalars[pending..<scalars.endIndex])
        out += "\""
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
