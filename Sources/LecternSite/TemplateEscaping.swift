import Mustache

/// How `{{name}}` values are escaped in the theme's templates: the characters Mustache's own
/// HTML escaping replaces (`& < > " '`), found by looking at UTF-8 bytes rather than at
/// characters, because every variable of every page passes through here.
struct TemplateEscaping: MustacheContentType {
    /// The content-type name templates are parsed with.
    static let name = "LECTERN_HTML"

    /// The line put before every template's text so that it and the templates it includes
    /// escape this way; a standalone tag, so it adds nothing to the output.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    /// Registers the content type once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { Self.replacement($0) != nil }) else { return text }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        var pending = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if let replacement = Self.replacement(utf8[index]) {
                out += Substring(utf8[pending..<index])
                out += replacement
                pending = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += Substring(utf8[pending..<utf8.endIndex])
        return out
    }

    private static func replacement(_ byte: UInt8) -> String? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }
}
