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

    /// Lessons of one course use the same few classes of their own: each is compared with the
    /// component classes once per process.
    static let componentSuggestions = SuggestionCache(candidates: componentClasses)

    /// Warnings about what renders silently wrong: a class a letter or two from a component's,
    /// and a link holding only images without alt text, which has no name a screen reader can
    /// say. A visitor for the analysis walk, and the warnings once it is over.
    static func authoringWarnings(_ document: Document) -> (visitor: NodeVisitor, result: () -> [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func check(_ attributes: Attributes, _ range: SourceRange) {
            guard !attributes.classes.isEmpty else { return }
            for name in attributes.classes where !componentClasses.contains(name) && !otherKnownClasses.contains(name) {
                guard let suggestion = componentSuggestions.closest(to: name) else { continue }
                diagnostics.append(Diagnostic("component.unknown", ["name": name, "suggestion": suggestion],
                                              file: document.file, range: SourceRange(start: range.start, end: range.start)))
            }
        }
        let visitor = NodeVisitor(block: { block in
            if case .div(let attributes, _) = block.kind { check(attributes, block.range) }
        }, inline: { inline in
            switch inline.kind {
            case .span(let attributes, _):
                check(attributes, inline.range)
            case .link(_, let children, _) where !children.isEmpty && isNameless(children):
                diagnostics.append(Diagnostic("link.no-name",
                                              file: document.file, range: SourceRange(start: inline.range.start, end: inline.range.start)))
            default:
                break
            }
        })
        return (visitor, { diagnostics })
    }

    private static func isNameless(_ children: [Inline]) -> Bool {
        let onlyImages = children.allSatisfy { child in
            switch child.kind {
            case .image, .softBreak: return true
            case .text(let text): return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return onlyImages && Inline.plainText(children).allSatisfy(\.isWhitespace)
    }
}
