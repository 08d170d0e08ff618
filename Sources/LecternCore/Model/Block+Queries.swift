import LecternText
extension Block {
    /// True for the `. . .` paragraph that marks a pause in slides.
    public var isPause: Bool {
        guard case .para(let inlines) = kind, inlines.count == 1,
              case .text(let text) = inlines[0].kind else { return false }
        return text == ". . ."
    }

    /// The attributes of a div, header, code block or figure.
    public var attributes: Attributes? {
        switch kind {
        case .div(let attributes, _), .header(_, let attributes, _), .codeBlock(let attributes, _),
             .figure(let attributes, _, _):
            return attributes
        default:
            return nil
        }
    }

    /// The blocks directly inside this block, in order.
    public var childBlocks: [Block] {
        switch kind {
        case .blockQuote(let blocks), .div(_, let blocks), .figure(_, _, let blocks):
            return blocks
        case .orderedList(_, let items), .bulletList(let items):
            return items.flatMap(\.blocks)
        case .definitionList(let items):
            return items.flatMap { $0.definitions.flatMap { $0 } }
        default:
            return []
        }
    }
}

extension Inline {
    /// The plain text of inlines, as pandoc's `stringify` computes it; `math` gives readable
    /// text for a formula where the TeX would otherwise be used.
    public static func plainText(_ inlines: [Inline], math: ((Inline) -> String?)? = nil) -> String {
        var out = ""
        for inline in inlines { inline.forEachPlainTextPiece(math: math) { out += $0 } }
        return out
    }

    /// The number of Unicode scalars in `plainText(inlines)`, without building the text:
    /// slide heights are estimated many times per slide.
    public static func plainTextScalarCount(_ inlines: [Inline]) -> Int {
        var count = 0
        for inline in inlines { inline.forEachPlainTextPiece(math: nil) { count += $0.scalarCount } }
        return count
    }

    private func forEachPlainTextPiece(math: ((Inline) -> String?)?, _ body: (String) -> Void) {
        switch kind {
        case .text(let text): body(text)
        case .softBreak, .lineBreak: body(" ")
        case .math(_, let text): body(math?(self) ?? text)
        case .code(_, let text): body(text)
        case .rawInline, .note: break
        case .emph(let children), .strong(let children), .strikeout(let children),
             .superscript(let children), .subscript(let children), .span(_, let children),
             .link(_, let children, _), .image(_, let children, _), .cite(_, let children):
            for child in children { child.forEachPlainTextPiece(math: math, body) }
        }
    }
}
