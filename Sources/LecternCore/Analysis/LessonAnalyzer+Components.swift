/// Component classes written almost right: `::: cardz` renders as a plain div, so a class one
/// or two letters away from a component's (or from a slide construct's) gets a warning that
/// names it.
extension LessonAnalyzer {
    /// Classes that make components, callouts and badges.
    public static let componentClasses = [
        "cards", "card", "tabset", "comparison", "summary", "takeaways", "badge", "pill", "footer",
        "callout-note", "callout-tip", "callout-warning", "callout-important", "callout-caution",
        "columns", "column", "notes", "incremental", "nonincremental",
    ]

    /// Classes with a meaning of their own that are close to a component's by accident.
    static let otherKnownClasses: Set<String> = [
        "note", "tip", "warning", "important", "caution", "success", "fragment",
        "incremental", "nonincremental", "smaller", "scrollable", "quiz", "question", "hint", "explanation", "blank",
        "center", "header", "underline", "smallcaps", "mark", "kbd", "dfn", "example", "unnumbered", "callout", "stretch",
    ]

    /// A link whose only content is images without alt text has no name a screen reader can say.
    static func namelessLinks(_ document: Document) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        NodeVisitor(inline: { inline in
            guard case .link(_, let children, _) = inline.kind, !children.isEmpty else { return }
            let onlyImages = children.allSatisfy { child in
                switch child.kind {
                case .image: return true
                case .text(let text): return text.allSatisfy(\.isWhitespace)
                case .softBreak: return true
                default: return false
                }
            }
            guard onlyImages, Inline.plainText(children).allSatisfy(\.isWhitespace) else { return }
            diagnostics.append(Diagnostic("link.no-name", "this link holds only an image without alt text, so screen readers have no name for it; write the alt text in ![…]",
                                          file: document.file, range: SourceRange(start: inline.range.start, end: inline.range.start)))
        }).walk(document.blocks)
        return diagnostics
    }

    static func misspelledComponents(_ document: Document) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ attributes: Attributes, _ range: SourceRange) {
            for name in attributes.classes where !componentClasses.contains(name) && !otherKnownClasses.contains(name) {
                guard let suggestion = Suggestion.closest(to: name, in: componentClasses) else { continue }
                diagnostics.append(Diagnostic("component.unknown", "unknown class '\(name)'; did you mean '\(suggestion)'?",
                                              file: document.file, range: SourceRange(start: range.start, end: range.start)))
            }
        }
        NodeVisitor(block: { block in
            if case .div(let attributes, _) = block.kind { check(attributes, block.range) }
        }, inline: { inline in
            if case .span(let attributes, _) = inline.kind { check(attributes, inline.range) }
        }).walk(document.blocks)
        return diagnostics
    }
}
