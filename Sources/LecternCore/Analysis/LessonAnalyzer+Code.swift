import LecternHighlight

/// How a code block or inline code names its language: the first of its classes that names
/// one (```` ```python ````, `{.java .numberLines}`, `` `x`{.haskell} ``).
public enum CodeLanguage {
    /// Classes Pandoc gives code meaning other than a language.
    static let nonLanguageClasses: Set<String> = ["numberLines", "number-lines", "sourceCode", "fragment", "nohighlight"]

    /// The language a code element's attributes name, as a definition id, or nil.
    public static func of(_ attributes: Attributes) -> String? {
        for name in attributes.classes where !nonLanguageClasses.contains(name) {
            if let language = SyntaxHighlighter.shared.language(named: name) { return language }
        }
        return nil
    }
}

extension LessonAnalyzer {
    /// Every code block and inline code that names a known language, highlighted, by where
    /// it starts (results are shared across the build per language and code). A visitor for
    /// the analysis walk, and the result once it is over.
    static func highlightCode(_ document: Document) -> (visitor: NodeVisitor, result: () -> [SourceLocation: HighlightedCode]) {
        var result: [SourceLocation: HighlightedCode] = [:]
        func highlight(_ attributes: Attributes, _ code: String, at location: SourceLocation) {
            guard let language = CodeLanguage.of(attributes),
                  let highlighted = SyntaxHighlighter.shared.highlight(code, language: language) else { return }
            result[location] = highlighted
        }
        let visitor = NodeVisitor(block: { block in
            if case .codeBlock(let attributes, let code) = block.kind {
                highlight(attributes, code.hasSuffix("\n") ? String(code.dropLast()) : code, at: block.range.start)
            }
        }, inline: { inline in
            if case .code(let attributes, let code) = inline.kind, !attributes.classes.isEmpty {
                highlight(attributes, code, at: inline.range.start)
            }
        })
        return (visitor, { result })
    }
}
