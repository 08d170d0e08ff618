import LecternCore

extension HTMLWriter {
    static let calloutTitles = ["note": "Note", "tip": "Tip", "warning": "Warning", "important": "Important",
                                "caution": "Caution"]

    /// A Quarto-style callout box with an icon slot and a title (the `title` attribute, a first
    /// heading, or the kind's name). `collapse="true"` folds it behind its title, `"false"`
    /// makes it foldable but open, as in Quarto.
    mutating func writeCallout(_ kind: String, _ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        var attributes = attributes
        var (title, body, titleID, _) = componentTitle(attributes, children)
        if title == nil {
            var text = ""
            Self.escapeText(Self.calloutTitles[kind] ?? kind.capitalized, into: &text)
            title = text
        }
        let collapse = attributes["collapse"]
        attributes.pairs.removeAll { $0.key == "title" || $0.key == "collapse" }
        attributes.classes.removeAll { $0 == "callout" }
        var pairs = attributePairs(attributes, extraClasses: ["callout"])
        if collapse == "true" || collapse == "false" {
            out += "<details"
            if collapse == "false" { pairs.append(("open", "")) }
            Self.writeAttributes(pairs, into: &out)
            out += ">\n<summary class=\"callout-title\"\(Self.idAttribute(titleID))>\(title!)</summary>\n"
            writeBlocks(body, into: &out)
            out += "</details>"
            return
        }
        pairs.append(("role", "note"))
        out += "<div"
        Self.writeAttributes(pairs, into: &out)
        out += ">\n<p class=\"callout-title\"\(Self.idAttribute(titleID))>\(title!)</p>\n"
        writeBlocks(body, into: &out)
        out += "</div>"
    }
}
