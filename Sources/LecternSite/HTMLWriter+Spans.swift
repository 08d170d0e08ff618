import LecternCore

/// Spans as pandoc writes them: some classes name an element of their own.
extension HTMLWriter {
    /// Classes pandoc's reader turns into small capitals or underline, innermost last.
    private static let wrapperTags = ["smallcaps": "span class=\"smallcaps\"", "underline": "u", "ul": "u"]
    /// Classes pandoc's writer writes as the element of that name.
    private static let elementClasses: Set<String> = ["kbd", "mark", "dfn"]

    mutating func writeSpan(_ attributes: Attributes, _ children: [Inline], into out: inout HTMLBuffer) {
        if inQuizPrompt, attributes.hasClass("blank") {
            writeBlank(attributes, children, into: &out)
            return
        }
        var attributes = attributes
        var wrappers: [String] = []
        if attributes.id.isEmpty, attributes.classes.isEmpty, let style = attributes["style"],
           style.lowercased().filter({ $0 != " " && $0 != ";" && $0 != "\t" }) == "font-variant:small-caps" {
            attributes.pairs.removeAll { $0.key == "style" }
            wrappers.append(Self.wrapperTags["smallcaps"]!)
        }
        attributes.classes.removeAll { name in
            guard let tag = Self.wrapperTags[name] else { return false }
            wrappers.append(tag)
            return true
        }
        var closing: [String] = []
        if let first = attributes.classes.firstIndex(where: Self.elementClasses.contains) {
            // As pandoc: the classes before the first element class are left out, and each
            // further element class nests inside.
            let rest = attributes.classes[(first + 1)...]
            let tag = attributes.classes[first]
            let outer = Attributes(id: attributes.id, classes: rest.filter { !Self.elementClasses.contains($0) },
                                   pairs: attributes.pairs)
            openElement(tag, outer, into: &out)
            closing.append(tag)
            for inner in rest where Self.elementClasses.contains(inner) {
                out += "<\(inner)>"
                closing.append(inner)
            }
        } else if !attributes.isEmpty {
            openElement("span", attributes, into: &out)
            closing.append("span")
        }
        for wrapper in wrappers {
            out += "<\(wrapper)>"
            closing.append(String(wrapper.prefix { $0 != " " }))
        }
        writeInlines(children, into: &out)
        for tag in closing.reversed() { out += "</\(tag)>" }
    }
}
