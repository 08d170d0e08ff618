import LecternCore

extension HTMLWriter {
    /// HTML attributes Pandoc keeps as they are; other keys get a `data-` prefix.
    static let htmlAttributes: Set<String> = [
        "title", "lang", "dir", "style", "target", "rel", "hreflang", "download", "role", "tabindex", "hidden",
        "loading", "srcset", "sizes", "type", "start", "reversed", "colspan", "rowspan", "accesskey", "alt",
        "translate", "spellcheck", "draggable", "name", "value", "open", "datetime", "cite", "referrerpolicy",
    ]

    /// Converts model attributes to HTML attribute pairs, the way Pandoc's HTML writer does;
    /// with `safe` (a `safe: true` course), under the safe-mode policy of `SafeAttributes`.
    static func htmlPairs(_ attributes: Attributes, extraClasses: [String] = [], isImage: Bool = false,
                          safe: Bool = false) -> [(String, String)] {
        // Most elements have no attributes: nothing to filter, order or merge.
        if attributes.isEmpty { return extraClasses.isEmpty ? [] : [("class", extraClasses.joined(separator: " "))] }
        let attributes = safe ? SafeAttributes.filter(attributes) : attributes
        var pairs: [(String, String)] = []
        if !attributes.id.isEmpty { pairs.append(("id", attributes.id)) }
        let classes = extraClasses + attributes.classes
        if !classes.isEmpty { pairs.append(("class", classes.joined(separator: " "))) }
        var styles: [String] = []
        // Pandoc writes width before height, whatever the author's order.
        for key in ["width", "height"] {
            guard let value = attributes[key] else { continue }
            // Pandoc writes a width in pixels (`800` or `800px`) as the attribute, any other unit as style.
            let pixels = value.hasSuffix("px") ? String(value.dropLast(2)) : value
            if isImage, !pixels.isEmpty, pixels.allSatisfy(\.isNumber) { pairs.append((key, pixels)) } else { styles.append("\(key):\(value)") }
        }
        for (key, value) in attributes.pairs {
            if key == "width" || key == "height" { continue }
            if key == "style" { styles.insert(value.hasSuffix(";") ? String(value.dropLast()) : value, at: 0); continue }
            if htmlAttributes.contains(key) || key.hasPrefix("data-") || key.hasPrefix("aria-") {
                pairs.append((key, value))
            } else {
                pairs.append(("data-" + key, value))
            }
        }
        if !styles.isEmpty { pairs.append(("style", styles.joined(separator: ";") + (isImage ? "" : ";"))) }
        return pairs
    }

    /// Writes `<tag attributes>`.
    static func openTag(_ tag: String, _ attributes: Attributes = .empty, extraClasses: [String] = [], safe: Bool = false,
                        into out: inout HTMLBuffer) {
        out += "<" + tag
        writeAttributes(htmlPairs(attributes, extraClasses: extraClasses, safe: safe), into: &out)
        out += ">"
    }

    /// `htmlPairs` under this writer's policy.
    func attributePairs(_ attributes: Attributes, extraClasses: [String] = [], isImage: Bool = false) -> [(String, String)] {
        Self.htmlPairs(attributes, extraClasses: extraClasses, isImage: isImage, safe: !options.allowsRawHTML)
    }

    /// `openTag` under this writer's policy.
    func openElement(_ tag: String, _ attributes: Attributes = .empty, extraClasses: [String] = [], into out: inout HTMLBuffer) {
        Self.openTag(tag, attributes, extraClasses: extraClasses, safe: !options.allowsRawHTML, into: &out)
    }
}
