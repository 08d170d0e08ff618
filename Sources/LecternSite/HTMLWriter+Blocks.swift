import LecternCore

extension HTMLWriter {
    /// Writes blocks one per line; `note` learns where each block that wrote something is.
    mutating func writeBlocks(_ blocks: [Block], into out: inout HTMLBuffer, noting note: ((Block, Range<Int>) -> Void)? = nil) {
        for block in blocks {
            let before = out.count
            writeBlock(block, into: &out)
            guard out.count != before else { continue }
            note?(block, before..<out.count)
            out += "\n"
        }
    }

    mutating func writeBlock(_ block: Block, into out: inout HTMLBuffer) {
        // Items of incremental lists step on slides, and blanks are text boxes in quiz prompts.
        if !fragmentItems, !inQuizPrompt, let html = pageBlocks?.html(for: block) {
            out += html
            return
        }
        switch block.kind {
        case .plain(let inlines): writeInlines(inlines, into: &out)
        case .para(let inlines): writePara(block, inlines, into: &out)
        case .lineBlock(let lines): writeLineBlock(lines, into: &out)
        case .codeBlock(let attributes, let code): writeCodeBlock(attributes, code, at: block.range.start, into: &out)
        case .rawBlock(let format, let text): writeRawBlock(format, text, into: &out)
        case .blockQuote(let children): writeBlockQuote(children, into: &out)
        case .orderedList(let style, let items): writeOrderedList(style, items, into: &out)
        case .bulletList(let items): writeBulletList(items, into: &out)
        case .definitionList(let items): writeDefinitionList(items, into: &out)
        case .header(let level, let attributes, let inlines): writeHeader(level, attributes, inlines, into: &out)
        case .horizontalRule: out += "<hr />"
        case .table(let table): writeTable(table, into: &out)
        case .figure(let attributes, let caption, let content): writeFigure(attributes, caption, content, into: &out)
        case .div(let attributes, let children): writeDiv(attributes, children, range: block.range, into: &out)
        }
    }

    mutating func writePara(_ block: Block, _ inlines: [Inline], into out: inout HTMLBuffer) {
        if options.pageMode, block.isPause { return }
        out += "<p>"
        writeInlines(inlines, into: &out)
        out += "</p>"
    }

    mutating func writeLineBlock(_ lines: [[Inline]], into out: inout HTMLBuffer) {
        out += "<div class=\"line-block\">"
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "<br />\n" }
            writeInlines(line, into: &out)
        }
        out += "</div>"
    }

    func writeRawBlock(_ format: String, _ text: String, into out: inout HTMLBuffer) {
        guard format == "html", options.allowsRawHTML else { return }
        out += text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    mutating func writeBlockQuote(_ children: [Block], into out: inout HTMLBuffer) {
        out += "<blockquote>\n"
        writeBlocks(children, into: &out)
        out += "</blockquote>"
    }

    mutating func writeOrderedList(_ style: ListStyle, _ items: [ListItem], into out: inout HTMLBuffer) {
        var pairs: [(String, String)] = []
        if style.start != 1 { pairs.append(("start", String(style.start))) }
        switch style.numbering {
        case .lowerAlpha: pairs.append(("type", "a"))
        case .upperAlpha: pairs.append(("type", "A"))
        case .lowerRoman: pairs.append(("type", "i"))
        case .upperRoman: pairs.append(("type", "I"))
        case .example: pairs += [("class", "example"), ("type", "1")]
        case .decimal, .defaultStyle: break
        }
        out += "<ol"
        Self.writeAttributes(pairs, into: &out)
        out += ">\n"
        writeItems(items, into: &out)
        out += "</ol>"
    }

    mutating func writeBulletList(_ items: [ListItem], into out: inout HTMLBuffer) {
        out += items.contains(where: { $0.task != nil }) ? "<ul class=\"task-list\">\n" : "<ul>\n"
        writeItems(items, into: &out)
        out += "</ul>"
    }

    mutating func writeItems(_ items: [ListItem], into out: inout HTMLBuffer) {
        for item in items {
            out += fragmentItems ? "<li class=\"fragment\">" : "<li>"
            var blocks = item.blocks
            if let checked = item.task {
                let box = "<input type=\"checkbox\"" + (checked ? " checked=\"\"" : "") + " />"
                if let first = blocks.first, case .plain(let inlines) = first.kind {
                    out += "<label>" + box
                    writeInlines(inlines, into: &out)
                    out += "</label>"
                    blocks.removeFirst()
                    if !blocks.isEmpty { out += "\n" }
                } else if let first = blocks.first, case .para(let inlines) = first.kind {
                    out += "<p><label>" + box
                    writeInlines(inlines, into: &out)
                    out += "</label></p>\n"
                    blocks.removeFirst()
                } else {
                    out += box
                }
            }
            let isTight = blocks.first.map { if case .plain = $0.kind { return true }; return false } ?? true
            if !isTight { out += "\n" }
            for (index, block) in blocks.enumerated() {
                writeBlock(block, into: &out)
                if index + 1 < blocks.count || !isTight { out += "\n" }
            }
            out += "</li>\n"
        }
    }

    mutating func writeDefinitionList(_ items: [DefinitionItem], into out: inout HTMLBuffer) {
        out += "<dl>\n"
        for item in items {
            out += "<dt>"
            writeInlines(item.term, into: &out)
            out += "</dt>\n"
            for definition in item.definitions {
                let isTight = definition.count == 1 && { if case .plain = definition[0].kind { return true }; return false }()
                out += isTight ? "<dd>" : "<dd>\n"
                writeBlocks(definition, into: &out)
                if isTight, out.endsWithNewline { out.removeNewline() }
                out += "</dd>\n"
            }
        }
        out += "</dl>"
    }

    mutating func writeHeader(_ level: Int, _ attributes: Attributes, _ inlines: [Inline], into out: inout HTMLBuffer) {
        let level = min(6, level + options.headingShift)
        openElement("h\(level)", attributes, into: &out)
        writeInlines(inlines, into: &out)
        if options.headingAnchors, !attributes.id.isEmpty {
            // Beyond pandoc: the page offers a link to each section.
            out += " <a class=\"heading-anchor\""
            Self.writeAttributes([("href", "#" + attributes.id), ("aria-label", "Link to the section " + Inline.plainText(inlines))],
                                 into: &out)
            out += ">#</a>"
        }
        out += "</h\(level)>"
    }

    mutating func writeFigure(_ attributes: Attributes, _ caption: [Inline], _ content: [Block], into out: inout HTMLBuffer) {
        openElement("figure", attributes, into: &out)
        out += "\n"
        writeBlocks(content, into: &out)
        // Beyond pandoc: on a page an image's title (its credit, usually) shows under the caption.
        let credit = options.pageMode ? Self.imageTitle(content) : nil
        if !caption.isEmpty || credit != nil {
            out += credit == nil && Self.captionRepeatsAlt(caption, content) ? "<figcaption aria-hidden=\"true\">" : "<figcaption>"
            writeInlines(caption, into: &out)
            if let credit {
                out += "<span class=\"figure-credit\">"
                Self.escapeText(credit, into: &out)
                out += "</span>"
            }
            out += "</figcaption>\n"
        }
        out += "</figure>"
    }

    /// The title of a figure's single image, when it has one.
    private static func imageTitle(_ content: [Block]) -> String? {
        guard content.count == 1, case .plain(let inlines) = content[0].kind, inlines.count == 1,
              case .image(_, _, let target) = inlines[0].kind, !target.title.isEmpty else { return nil }
        return target.title
    }

    /// Pandoc hides a caption that only repeats the image's alt text from screen readers. A
    /// caption with a link is never hidden: a focusable element inside `aria-hidden` is an
    /// accessibility error.
    private static func captionRepeatsAlt(_ caption: [Inline], _ content: [Block]) -> Bool {
        guard content.count == 1, case .plain(let inlines) = content[0].kind, inlines.count == 1,
              case .image(let attributes, let alt, _) = inlines[0].kind, attributes["alt"] == nil,
              Inline.plainText(alt) == Inline.plainText(caption) else { return false }
        var linked = false
        NodeVisitor(inline: { if case .link = $0.kind { linked = true } }).walk(caption)
        return !linked
    }

    mutating func writeDiv(_ attributes: Attributes, _ children: [Block], range: SourceRange, into out: inout HTMLBuffer) {
        if options.pageMode {
            if attributes.hasClass("notes") { return }
            if attributes.hasClass("quiz"), let quiz = options.quiz(range.start) {
                writeQuiz(quiz, into: &out)
                return
            }
            if options.deckMode, attributes.hasClass("incremental") || attributes.hasClass("nonincremental") {
                let saved = fragmentItems
                fragmentItems = attributes.hasClass("incremental")
                writeBlocks(children, into: &out)
                fragmentItems = saved
                if out.endsWithNewline { out.removeNewline() }
                return
            }
            if let kind = attributes.classes.first(where: { $0.hasPrefix("callout-") }) {
                writeCallout(String(kind.dropFirst(8)), attributes, children, into: &out)
                return
            }
            if writeComponent(attributes, children, into: &out) { return }
        }
        openElement("div", attributes, into: &out)
        out += "\n"
        writeBlocks(children, into: &out)
        out += "</div>"
    }
}
