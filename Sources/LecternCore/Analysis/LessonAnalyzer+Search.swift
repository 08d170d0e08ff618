import LecternText
extension LessonAnalyzer {
    /// Splits a lesson at its headings for search, speaker notes left out.
    static func searchSections(_ blocks: [Block], title: String, math: ((Inline) -> String?)? = nil) -> [SearchSection] {
        var sections = [SearchSection(heading: title, anchor: "", text: "")]
        var lengths = [0]
        func add(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .header(_, let attributes, let inlines):
                    sections.append(SearchSection(heading: Inline.plainText(inlines, math: math), anchor: attributes.id, text: ""))
                    lengths.append(0)
                case .div(let attributes, let children):
                    if !attributes.hasClass("notes") { add(children) }
                default:
                    let last = sections.count - 1
                    guard lengths[last] < maximumSectionText else { continue }
                    let text = PlainText.of([block], math: math)
                    guard !text.isEmpty else { continue }
                    if lengths[last] > 0 { sections[last].text += " " }
                    sections[last].text += text
                    lengths[last] += text.characterCount + 1
                }
            }
        }
        add(blocks)
        // A section's text has at most its length less one characters (joined texts only merge).
        return zip(sections, lengths).filter { !$0.0.text.isEmpty || !$0.0.anchor.isEmpty }.map { section, length in
            var section = section
            if length - 1 > maximumSectionText { section.text = String(section.text.prefix(maximumSectionText)) }
            return section
        }
    }
}

/// Plain text of blocks, one space between blocks; for search and for quiz summaries.
public enum PlainText {
    /// The text of `blocks`, as pandoc's `stringify` would join it.
    public static func of(_ blocks: [Block], math: ((Inline) -> String?)? = nil) -> String {
        var out = ""
        func add(_ part: String) {
            guard !part.isEmpty else { return }
            if !out.isEmpty { out += " " }
            out += part
        }
        NodeVisitor(block: { block in
            switch block.kind {
            case .para(let inlines), .plain(let inlines), .header(_, _, let inlines): add(Inline.plainText(inlines, math: math))
            case .codeBlock(_, let code): add(code)
            case .lineBlock(let lines): add(lines.map { Inline.plainText($0, math: math) }.joined(separator: " "))
            case .definitionList(let items): add(items.map { Inline.plainText($0.term, math: math) }.joined(separator: " "))
            default: break
            }
        }).walk(blocks)
        return out
    }
}
