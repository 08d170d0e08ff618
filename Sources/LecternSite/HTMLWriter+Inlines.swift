import LecternCore

extension HTMLWriter {
    mutating func writeInlines(_ inlines: [Inline], into out: inout HTMLBuffer) {
        for inline in inlines { writeInline(inline, into: &out) }
    }

    mutating func writeInline(_ inline: Inline, into out: inout HTMLBuffer) {
        switch inline.kind {
        case .text(let text): Self.escapeText(text, into: &out)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .emph(let children): writeWrapped("em", children, into: &out)
        case .strong(let children): writeWrapped("strong", children, into: &out)
        case .strikeout(let children): writeWrapped("del", children, into: &out)
        case .superscript(let children): writeWrapped("sup", children, into: &out)
        case .subscript(let children): writeWrapped("sub", children, into: &out)
        case .code(let attributes, let code): writeCode(attributes, code, at: inline.range.start, into: &out)
        case .math(let kind, let body): writeMath(kind, body, at: inline.range.start, into: &out)
        case .rawInline(let format, let text): if format == "html", options.allowsRawHTML { out += text }
        case .link(let attributes, let children, let target): writeLink(attributes, children, target, into: &out)
        case .image(let attributes, let alt, let target): writeImage(attributes, alt, target, into: &out)
        case .note(let blocks): writeNoteReference(blocks, into: &out)
        case .span(let attributes, let children): writeSpan(attributes, children, into: &out)
        case .cite(let keys, let children): writeCite(keys, children, into: &out)
        }
    }

    mutating func writeWrapped(_ tag: String, _ children: [Inline], into out: inout HTMLBuffer) {
        out += "<\(tag)>"
        writeInlines(children, into: &out)
        out += "</\(tag)>"
    }

    func writeMath(_ kind: MathKind, _ body: String, at location: SourceLocation, into out: inout HTMLBuffer) {
        if let mathML = options.math(location) {
            out += mathML
            return
        }
        out += kind == .inline ? "<span class=\"math inline\">\\(" : "<span class=\"math display\">\\["
        Self.escapeText(body, into: &out)
        out += kind == .inline ? "\\)</span>" : "\\]</span>"
    }

    mutating func writeLink(_ attributes: Attributes, _ children: [Inline], _ target: Target, into out: inout HTMLBuffer) {
        let safe = options.allowsRawHTML || URLPolicy.allowed(target.url, image: false)
        var pairs = [("href", safe ? options.resolveURL(target.url) : "#")]
        if !target.title.isEmpty { pairs.append(("title", target.title)) }
        pairs += attributePairs(attributes)
        out += "<a"
        Self.writeAttributes(pairs, into: &out)
        out += ">"
        writeInlines(children, into: &out)
        out += "</a>"
    }

    func writeImage(_ attributes: Attributes, _ alt: [Inline], _ target: Target, into out: inout HTMLBuffer) {
        let safe = options.allowsRawHTML || URLPolicy.allowed(target.url, image: true)
        var pairs = [("src", safe ? options.resolveURL(target.url) : "#")]
        if !target.title.isEmpty { pairs.append(("title", target.title)) }
        if let media = MediaKind.of(target.url) {
            // As pandoc 3 writes audio and video: the player, with a link to the file inside.
            pairs += attributePairs(attributes) + [("controls", "")]
            out += "<\(media.rawValue)"
            Self.writeAttributes(pairs, into: &out)
            out += "><a"
            Self.writeAttributes([("href", pairs[0].1)], into: &out)
            out += ">"
            if alt.isEmpty { out += media == .video ? "Video" : "Audio" } else { Self.escapeText(Inline.plainText(alt), into: &out) }
            out += "</a></\(media.rawValue)>"
            return
        }
        pairs += attributePairs(attributes, isImage: true)
        // Beyond pandoc: the file's own size keeps the page from shifting as images load, and
        // images further down a page load when they are about to be seen.
        if attributes["width"] == nil, attributes["height"] == nil, let size = options.imageSize(target.url) {
            pairs += [("width", String(size.width)), ("height", String(size.height))]
        }
        if options.pageMode, !options.deckMode, attributes["loading"] == nil { pairs.append(("loading", "lazy")) }
        if attributes["alt"] == nil { pairs.append(("alt", Inline.plainText(alt))) }
        out += "<img"
        Self.writeAttributes(pairs, into: &out)
        out += " />"
    }

    mutating func writeCite(_ keys: [String], _ children: [Inline], into out: inout HTMLBuffer) {
        out += "<span class=\"citation\""
        Self.writeAttributes([("data-cites", keys.joined(separator: " "))], into: &out)
        out += ">"
        writeInlines(children, into: &out)
        out += "</span>"
    }

    mutating func writeNoteReference(_ blocks: [Block], into out: inout HTMLBuffer) {
        notes.append(blocks)
        let number = noteBase + notes.count
        out += "<a href=\"#fn\(number)\" class=\"footnote-ref\" id=\"fnref\(number)\" role=\"doc-noteref\"><sup>\(number)</sup></a>"
    }

    /// Writes the notes referenced since the last call, numbered on from earlier ones.
    mutating func writeFootnotes(into out: inout HTMLBuffer) {
        guard !notes.isEmpty else { return }
        defer {
            noteBase += notes.count
            notes = []
        }
        let id = noteBase == 0 ? "footnotes" : "footnotes-\(noteBase + 1)"
        out += "<section id=\"\(id)\" class=\"footnotes footnotes-end-of-document\" role=\"doc-endnotes\">\n"
        // Beyond pandoc: on a page the notes get a heading to navigate by, for screen readers only.
        if options.pageMode { out += "<h2 class=\"visually-hidden\">Notes</h2>\n" }
        out += "<hr />\n"
        out += noteBase > 0 ? "<ol start=\"\(noteBase + 1)\">\n" : "<ol>\n"
        var index = 0
        while index < notes.count {
            let number = noteBase + index + 1
            var blocks = notes[index].isEmpty ? [Block(.para([]))] : notes[index]
            let backlink = Inline(.rawInline(format: "html",
                "<a href=\"#fnref\(number)\" class=\"footnote-back\" role=\"doc-backlink\">↩︎</a>"))
            if let last = blocks.last, case .para(let inlines) = last.kind {
                blocks[blocks.count - 1] = Block(.para(inlines + [backlink]), last.range)
            }
            out += "<li id=\"fn\(number)\">"
            let start = out.count
            writeBlocks(blocks, into: &out)
            if let last = blocks.last, case .para = last.kind {} else {
                // Pandoc puts the link after a closing block (a list, a figure) as it is, outside any paragraph.
                if out.count > start, !out.endsWithNewline { out += "\n" }
                writeInline(backlink, into: &out)
            }
            if out.count > start, out.endsWithNewline { out.removeNewline() }
            out += "</li>\n"
            index += 1
        }
        out += "</ol>\n</section>\n"
    }
}
