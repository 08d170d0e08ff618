import Mustache

/// How `{{name}}` values are escaped in the theme's templates: the characters Mustache's own
/// HTML escaping replaces (`& < > " '`), by the writer's byte-wise escaping rather than
/// Mustache's look-up of every character, because every variable of every page passes here.
struct TemplateEscaping: MustacheContentType {
    /// The content-type name templates are parsed with.
    static let name = "LECTERN_HTML"

    /// The line put before every template's text so that it and the templates it includes
    /// escape this way; a standalone tag, so it adds nothing to the output.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    /// Registers the content type once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var out = ""
        Self.append(text, to: &out)
        return out
    }

    /// Appends `text` escaped as a template's `{{name}}` writes it, for HTML that Lectern writes
    /// in place of a template section.
    static func append(_ text: String, to out: inout String) {
        HTMLWriter.appendEscaped(text, quotes: true, apostrophes: true, to: &out)
    }

    /// `append` for HTML the writer's buffer holds.
    static func append(_ text: String, to out: inout HTMLBuffer) {
        out.appendEscaped(text, quotes: true, apostrophes: true)
    }
}
