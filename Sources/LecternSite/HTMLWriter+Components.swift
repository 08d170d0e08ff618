import LecternCore

/// Lesson components written as fenced divs (pandoc reads them as plain divs): cards and card
/// grids, tabs, comparison panels and summary boxes. Titles come from a `title` attribute or
/// the component's first heading; icons from `icon`.
extension HTMLWriter {
    /// Writes `attributes`' component, when it names one; false otherwise.
    mutating func writeComponent(_ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) -> Bool {
        if attributes.hasClass("cards") { writeContainer("div", attributes, children, into: &out); return true }
        if attributes.hasClass("card") { writeCard(attributes, children, into: &out); return true }
        if attributes.hasClass("tabset") { writeTabset(attributes, children, into: &out); return true }
        if attributes.hasClass("comparison") { writeComparison(attributes, children, into: &out); return true }
        if attributes.hasClass("summary") || attributes.hasClass("takeaways") { writeSummary(attributes, children, into: &out); return true }
        return false
    }

    /// The title of a component, the blocks left for its body, and the id of the heading the
    /// title came from (kept, so "On this page" and links still reach it): the `title`
    /// attribute, else a first heading, which then leaves the body.
    func componentTitle(_ attributes: Attributes, _ children: [Block]) -> (html: String?, body: [Block], id: String?, text: String?) {
        if let title = attributes["title"] {
            var html = ""
            Self.escapeText(title, into: &html)
            return (html, children, nil, title)
        }
        if let first = children.first, case .header(_, let heading, let inlines) = first.kind {
            var copy = self
            return (copy.renderInlines(inlines), Array(children.dropFirst()), heading.id.isEmpty ? nil : heading.id,
                    Inline.plainText(inlines))
        }
        return (nil, children, nil, nil)
    }

    /// ` id="…"` for a title that came from a heading.
    static func idAttribute(_ id: String?) -> String {
        id.map { " id=\"\(escapeAttribute($0))\"" } ?? ""
    }

    private static func without(_ attributes: Attributes, keys: Set<String>) -> Attributes {
        var attributes = attributes
        attributes.pairs.removeAll { keys.contains($0.key) }
        return attributes
    }

    private mutating func writeContainer(_ tag: String, _ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        openElement(tag, attributes, into: &out)
        out += "\n"
        writeBlocks(children, into: &out)
        out += "</\(tag)>"
    }

    private mutating func writeCard(_ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        var (title, body, titleID, _) = componentTitle(attributes, children)
        openElement("article", Self.without(attributes, keys: ["title", "icon"]), into: &out)
        out += "\n"
        let icon = attributes["icon"]
        if title != nil || icon != nil {
            out += "<header class=\"card-header\">"
            if let icon {
                out += "<span class=\"card-icon\" aria-hidden=\"true\">"
                Self.escapeText(icon, into: &out)
                out += "</span>"
            }
            if let title { out += "<h3 class=\"card-title\"\(Self.idAttribute(titleID))>\(title)</h3>" }
            out += "</header>\n"
        }
        // A `::: footer` div closes the card.
        var footer: [Block]?
        if let last = body.last, case .div(let footerAttributes, let footerBlocks) = last.kind, footerAttributes.hasClass("footer") {
            footer = footerBlocks
            body.removeLast()
        }
        out += "<div class=\"card-body\">\n"
        writeBlocks(body, into: &out)
        out += "</div>\n"
        if let footer {
            out += "<footer class=\"card-footer\">\n"
            writeBlocks(footer, into: &out)
            out += "</footer>\n"
        }
        out += "</article>"
    }

    /// Tabs: one per child div (titled as a component is) or, with no child divs, one per
    /// heading of the first heading's level. Without scripts they read as titled sections;
    /// `tabs.js` turns them into a keyboard-driven tab list.
    private mutating func writeTabset(_ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        componentCounter += 1
        let base = attributes.id.isEmpty ? "tabset-\(componentCounter)" : attributes.id
        var tabs: [(title: String, body: [Block], id: String?)] = []
        var before: [Block] = []
        let divs = children.filter { if case .div = $0.kind { return true }; return false }
        if !divs.isEmpty {
            for (index, child) in divs.enumerated() {
                guard case .div(let tabAttributes, let tabChildren) = child.kind else { continue }
                let (title, body, id, _) = componentTitle(tabAttributes, tabChildren)
                tabs.append((title ?? "Tab \(index + 1)", body, id))
            }
        } else {
            let level = children.compactMap { block -> Int? in
                if case .header(let level, _, _) = block.kind { return level }
                return nil
            }.first
            for block in children {
                if case .header(let headingLevel, let heading, let inlines) = block.kind, headingLevel == level {
                    tabs.append((renderInlines(inlines), [], heading.id.isEmpty ? nil : heading.id))
                } else if tabs.isEmpty {
                    before.append(block)
                } else {
                    tabs[tabs.count - 1].body.append(block)
                }
            }
        }
        var outer = attributes
        outer.id = base
        openElement("div", outer, into: &out)
        out += "\n"
        writeBlocks(before, into: &out)
        for (index, tab) in tabs.enumerated() {
            let panel = "\(base)-panel-\(index + 1)"
            let titleID = tab.id ?? panel + "-title"
            out += "<section class=\"tab-panel\" id=\"\(Self.escapeAttribute(panel))\" aria-labelledby=\"\(Self.escapeAttribute(titleID))\">\n"
            out += "<h3 class=\"tab-title\" id=\"\(Self.escapeAttribute(titleID))\">\(tab.title)</h3>\n"
            writeBlocks(tab.body, into: &out)
            out += "</section>\n"
        }
        out += "</div>"
    }

    /// Side-by-side panels from `::: {.column title="…"}` children, stacking on phones.
    private mutating func writeComparison(_ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        openElement("div", attributes, into: &out)
        out += "\n"
        for child in children {
            guard case .div(let columnAttributes, let columnChildren) = child.kind else {
                writeBlock(child, into: &out)
                continue
            }
            let (title, body, titleID, _) = componentTitle(columnAttributes, columnChildren)
            var panel = Self.without(columnAttributes, keys: ["title", "width"])
            panel.classes = panel.classes.filter { $0 != "column" } + ["comparison-panel"]
            openElement("section", panel, into: &out)
            out += "\n"
            if let title { out += "<h3 class=\"comparison-title\"\(Self.idAttribute(titleID))>\(title)</h3>\n" }
            writeBlocks(body, into: &out)
            out += "</section>\n"
        }
        out += "</div>"
    }

    /// A "key takeaways" box: titled, set apart from the text around it.
    private mutating func writeSummary(_ attributes: Attributes, _ children: [Block], into out: inout HTMLBuffer) {
        let (title, body, titleID, text) = componentTitle(attributes, children)
        var box = Self.without(attributes, keys: ["title"])
        box.classes.append("summary-box")
        var pairs = attributePairs(box)
        let shown = title ?? "Key takeaways"
        out += "<aside"
        pairs.append(("aria-label", text ?? "Key takeaways"))
        Self.writeAttributes(pairs, into: &out)
        out += ">\n<p class=\"summary-title\"\(Self.idAttribute(titleID))>\(shown)</p>\n"
        writeBlocks(body, into: &out)
        out += "</aside>"
    }
}
