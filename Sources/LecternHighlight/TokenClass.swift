/// The small, stable set of token kinds the highlighter emits; each is one CSS class
/// (`hl-keyword`, …) of the theme.
public enum TokenClass: String, CaseIterable, Sendable {
    case keyword, type, function, builtin, string, escape, number, constant, comment, `operator`,
         preprocessor, variable, attribute, error, note, heading, emphasis, strong, inserted,
         deleted, link

    /// The CSS class written on the token's span.
    public var cssClass: String { "hl-" + rawValue }

    /// GtkSourceView's shared styles (`def.lang`), the ones every language maps to.
    static let byDefaultStyle: [String: TokenClass] = [
        "def:comment": .comment, "def:shebang": .comment, "def:doc-comment": .comment,
        "def:doc-comment-element": .note, "def:note": .note,
        "def:constant": .constant, "def:special-constant": .constant, "def:boolean": .constant,
        "def:character": .string, "def:string": .string, "def:special-char": .escape,
        "def:number": .number, "def:floating-point": .number, "def:decimal": .number,
        "def:base-n-integer": .number, "def:complex": .number,
        "def:identifier": .variable, "def:function": .function, "def:builtin": .builtin,
        "def:statement": .keyword, "def:keyword": .keyword, "def:operator": .operator,
        "def:type": .type, "def:preprocessor": .preprocessor,
        "def:error": .error, "def:reserved": .error, "def:warning": .error,
        "def:emphasis": .emphasis, "def:strong-emphasis": .strong, "def:inline-code": .string,
        "def:preformatted-section": .string, "def:insertion": .inserted, "def:deletion": .deleted,
        "def:link-text": .link, "def:link-destination": .link, "def:net-address": .link, "def:underlined": .link,
        "def:link-symbol": .operator, "def:list-marker": .operator, "def:thematic-break": .operator,
        "def:heading": .heading, "def:heading0": .heading, "def:heading1": .heading, "def:heading2": .heading,
        "def:heading3": .heading, "def:heading4": .heading, "def:heading5": .heading, "def:heading6": .heading,
    ]

    /// Language-specific styles that would otherwise fall to a vaguer shared style: markup
    /// attribute names read better apart from element names.
    static let bySpecificStyle: [String: TokenClass] = [
        "xml:attribute-name": .attribute, "xml:element-name": .keyword, "css:property-name": .attribute,
        "yaml:map-key": .attribute, "json:keyname": .attribute, "sh:variable": .variable,
        "diff:added-line": .inserted, "diff:removed-line": .deleted, "diff:changed-line": .note,
        "diff:location": .keyword, "diff:diff-file": .heading, "diff:special-case": .note,
    ]
}
