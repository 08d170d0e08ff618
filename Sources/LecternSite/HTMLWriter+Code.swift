import LecternCore
import LecternHighlight

/// Code blocks and inline code: highlighted tokens, line numbers, linkable and highlighted
/// lines, and on slides the steps of `data-line-numbers`.
extension HTMLWriter {
    /// What a code block's attributes ask for beyond colour.
    struct CodeLayout {
        var numbered: Bool
        var firstNumber: Int
        /// Lines highlighted at each step (`data-line-numbers="3,5-7|9"`, in displayed numbers):
        /// one set per step.
        var steps: [Set<Int>]
        /// The block's id, which makes its lines linkable as `#id-N`.
        var lineAnchor: String

        init(_ attributes: Attributes) {
            let classes = Set(attributes.classes)
            let value = { (key: String) in attributes.pairs.first { $0.0 == key }?.1 }
            firstNumber = value("startFrom").flatMap { Int($0.trimmingWhitespaces()) } ?? 1
            let stepSpec = value("data-line-numbers") ?? value("line-numbers") ?? value("code-line-numbers")
            steps = stepSpec.map(Self.steps) ?? []
            numbered = classes.contains("numberLines") || classes.contains("number-lines") || stepSpec != nil
            lineAnchor = attributes.id
        }

        /// `3,5-7|9` → [{3,5,6,7}, {9}]; an empty step (`|`) highlights nothing.
        static func steps(_ spec: String) -> [Set<Int>] {
            spec.split(separator: "|", omittingEmptySubsequences: false).map { step in
                var lines = Set<Int>()
                for part in step.split(separator: ",") {
                    let bounds = part.split(separator: "-").map { Int($0.trimmingWhitespaces()) }
                    if bounds.count == 1, let line = bounds[0] {
                        lines.insert(line)
                    } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high, high - low < 10_000 {
                        lines.formUnion(low...high)
                    }
                }
                return lines
            }
        }

        var wrapsLines: Bool { numbered || !lineAnchor.isEmpty || steps.contains { !$0.isEmpty } }
    }

    func writeCodeBlock(_ attributes: Attributes, _ code: String, at location: SourceLocation, into out: inout HTMLBuffer) {
        let text = code.hasSuffix("\n") ? String(code.dropLast()) : code
        guard options.pageMode || options.deckMode else {
            openElement("pre", attributes, into: &out)
            out += "<code>"
            Self.escapeText(text, into: &out)
            out += "</code></pre>"
            return
        }
        let highlighted = options.code(location)
        let layout = CodeLayout(attributes)
        var wrapper = "<div class=\"code-block\""
        if let language = highlighted?.language { wrapper += " data-language=\"\(language)\"" }
        out += wrapper
        if options.deckMode, layout.steps.count > 1 {
            out += " data-line-steps=\"" + Self.escapeAttribute(layout.steps.map { $0.sorted().map(String.init).joined(separator: ",") }
                .joined(separator: "|")) + "\""
        }
        out += ">"
        openElement("pre", attributes, into: &out)
        out += highlighted.map { "<code class=\"language-\($0.language)\">" } ?? "<code>"
        let lines: [[HighlightedCode.Piece]] = highlighted?.lines
            ?? text.split(separator: "\n", omittingEmptySubsequences: false).map { [.init(text: String($0), tokenClass: nil)] }
        // Pages show every step's lines at once; slides start at the first step.
        let marked = options.deckMode ? (layout.steps.first ?? []) : layout.steps.reduce(into: Set<Int>()) { $0.formUnion($1) }
        for (index, pieces) in lines.enumerated() {
            let number = layout.firstNumber + index
            guard layout.wrapsLines else {
                if index > 0 { out += "\n" }
                writePieces(pieces, into: &out)
                continue
            }
            out += marked.contains(number) ? "<span class=\"code-line is-marked\" data-line=\"" : "<span class=\"code-line\" data-line=\""
            out += String(number)
            out += "\""
            if !layout.lineAnchor.isEmpty { out += " id=\"" + Self.escapeAttribute(layout.lineAnchor + "-\(number)") + "\"" }
            out += ">"
            if layout.numbered {
                if layout.lineAnchor.isEmpty {
                    out += "<span class=\"code-number\" data-n=\""
                    out += String(number)
                    out += "\" aria-hidden=\"true\"></span>"
                } else {
                    out += "<a class=\"code-number\" href=\"#" + Self.escapeAttribute(layout.lineAnchor + "-\(number)")
                        + "\" data-n=\"\(number)\" aria-hidden=\"true\" tabindex=\"-1\"></a>"
                }
            }
            writePieces(pieces, into: &out)
            // The line break stays inside its line: lines are blocks, and copied text keeps it.
            out += index + 1 < lines.count ? "\n</span>" : "</span>"
        }
        out += "</code></pre>"
        if options.deckMode {
            for step in layout.steps.dropFirst() {
                out += "<span class=\"fragment code-step\" data-lines=\"" + step.sorted().map(String.init).joined(separator: ",")
                    + "\" aria-hidden=\"true\"></span>"
            }
        }
        out += "</div>"
    }

    func writeCode(_ attributes: Attributes, _ code: String, at location: SourceLocation, into out: inout HTMLBuffer) {
        openElement("code", attributes, into: &out)
        if let highlighted = options.code(location) {
            for (index, line) in highlighted.lines.enumerated() {
                if index > 0 { out += "\n" }
                writePieces(line, into: &out)
            }
        } else {
            Self.escapeText(code, into: &out)
        }
        out += "</code>"
    }

    private func writePieces(_ pieces: [HighlightedCode.Piece], into out: inout HTMLBuffer) {
        for piece in pieces {
            if let tokenClass = piece.tokenClass {
                out += "<span class=\""
                out += tokenClass.cssClass
                out += "\">"
                Self.escapeText(piece.text, into: &out)
                out += "</span>"
            } else {
                Self.escapeText(piece.text, into: &out)
            }
        }
    }
}
