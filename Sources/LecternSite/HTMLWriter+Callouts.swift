import LecternCore

extension HTMLWriter {
    static let calloutTitles = ["note": "Note", "tip": "Tip", "warning": "Warning", "important": "Important",
                                "caution": "Caution"]

    /// A Quarto-style callout box with an icon slot and a title.
    mutating func writeCallout(_ kind: String, _ attributes: Attributes, _ children: [Block], into out: inout String) {
        var attributes = attributes
        let title = attributes["title"] ?? Self.calloutTitles[kind] ?? kind.capitalized
        attributes.pairs.removeAll { $0.key == "title" }
        attributes.classes.removeAll { $0 == "callout" }
        var pairs = Self.htmlPairs(attributes, extraClasses: ["callout"])
        pairs.append(("role", "note"))
        out += "<div"
        Self.writeAttributes(pairs, into: &out)
        out += ">\n<p class=\"callout-title\">"
        Self.escapeText(title, into: &out)
        out += "</p>\n"
        writeBlocks(children, into: &out)
        out += "</div>"
    }
}
