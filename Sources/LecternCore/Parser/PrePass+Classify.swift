/// Classifies one line and applies Pandoc's block rules.
extension PrePass {
    var isInParagraph: Bool { previous == .paragraph || previous == .listItem || previous == .blockQuote }
    var atBlockStart: Bool { previous == .blank || previous == .other }

    /// Handles a line whose bytes may already be dedented (definition lists); returns the next index.
    mutating func classify(_ index: Int, _ bytes: [UInt8], stages: [[LineEdit]]) -> Int {
        let origin = index + 1
        let (width, count) = indentation(bytes)
        let content = bytes[count...]
        var line = OutLine(bytes: bytes, origin: origin, stages: stages)

        if previous == .blank, width >= 4, listContentIndent == nil, definition == nil {
            inIndentedCode = true
            out.append(line)
            return index + 1
        }
        if previous == .blank, let indent = listContentIndent, width < indent, listMarker(bytes, at: count) == nil {
            listContentIndent = nil
        }
        if atBlockStart, listMarker(bytes, at: count) == nil { orderedLists = orderedLists.filter { $0.key < width } }
        if content.starts(with: [0x3A, 0x3A, 0x3A]) {
            return handleDivFence(index, bytes, indentBytes: count, stages: stages)
        }
        if let fence = codeFenceOpening(content) {
            if fence.byte == 0x7E, isInParagraph {
                escape(&line, at: count)
                continueParagraph(line)
                return index + 1
            }
            codeFence = fence
            out.append(line)
            previous = .other
            return index + 1
        }
        if atBlockStart, width < 4 {
            if let next = handleTeXEnvironment(index, content) { return next }
            if bytes.count == lines[index].count, let next = handleGridTable(index, indentBytes: count) { return next }
            if let next = handleLineBlock(index, bytes) { return next }
            if bytes.count == lines[index].count, let next = handleMultilineTable(index) { return next }
            if let next = handleSimpleTable(index, bytes) { return next }
            if let next = handleTableCaption(index, bytes, indentBytes: count) { return next }
        }
        // Only a line that opens with `[` can be a definition; the line before is looked at only then.
        if width < 4, content.first == 0x5B,
           atBlockStart || previous == .paragraph && index > 0 && isReferenceDefinition(Array(lines[index - 1])),
           let next = handleReferenceAttributes(index, bytes, indentBytes: count) { return next }
        if let level = atxLevel(content), width < 4 {
            if isInParagraph {
                escape(&line, at: count)
                continueParagraph(line)
                return index + 1
            }
            _ = level
            // `## Title {#id⏎.class}`: an attribute list may run onto the next line, as in pandoc.
            var consumed = 1
            if let open = line.bytes.lastIndex(of: 0x7B), !line.bytes[open...].contains(0x7D), index + 1 < lines.count {
                let next = trimmed(lines[index + 1])
                let joined = Array(line.bytes[open...]) + [0x20] + next
                if next.last == 0x7D, !next.contains(0x7B),
                   case .success(_, let end) = AttributeParser.parse(joined, from: 0), end == joined.count {
                    let start = line.bytes.count
                    line.bytes += [0x20] + next
                    line.stages.append([LineEdit(newStart: start, newLength: next.count + 1, oldStart: start, oldLength: 0)])
                    consumed = 2
                }
            }
            tokenizeTrailingAttributes(&line, from: count)
            line.scannable = true
            line.isHeading = true
            out.append(line)
            previous = .other
            return index + consumed
        }
        if content.first == 0x3E, width < 4 {
            // Pandoc wants a blank line before a quote; under a list item (quiz feedback) one may follow directly.
            if previous == .paragraph {
                escape(&line, at: count)
                continueParagraph(line)
                return index + 1
            }
            let prefix = bytes.prefix(while: { $0 == 0x3E || $0 == 0x20 || $0 == 0x09 }).count
            if width < 4, let next = handleQuotedDivFence(index, bytes, prefix: prefix) { return next }
            line.scannable = true
            out.append(line)
            previous = .blockQuote
            lastBlockWasTable = false
            return index + 1
        }
        if width < 4 || listContentIndent != nil, !isThematicBreak(content), let found = listMarker(bytes, at: count) {
            let marker = continuingOpenList(found, column: width)
            let empty = bytes[marker.end...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if previous == .paragraph && listContentIndent == nil
                || isInParagraph && previous != .blockQuote && empty && marker.delimiter != marker.start
                    && width >= (listContentIndent ?? 0) {
                // An empty numbered item does not interrupt a paragraph: `(1946)` alone on a
                // continuation line is text, as in pandoc and cmark.
                if marker.numbering == nil { escape(&line, at: marker.delimiter) }
                continueParagraph(line)
                return index + 1
            }
            if let numbering = marker.numbering {
                rewriteFancyMarker(&line, marker, numbering: numbering)
            }
            separateListStyles(&line, marker, column: width)
            listContentIndent = marker.contentIndent
            lastBlockWasTable = false
            var contentStart = marker.end
            while contentStart < line.bytes.count, line.bytes[contentStart] == 0x20 { contentStart += 1 }
            if line.bytes[contentStart...].starts(with: [0x3A, 0x3A, 0x3A]) {
                // `- ::: {.b}`: the item starts with a div, its marker behind the list marker.
                previous = .blank
                return handleDivFence(index, line.bytes, indentBytes: contentStart, stages: line.stages)
            }
            if let fence = codeFenceOpening(line.bytes[contentStart...]) {
                // `- ```: the item starts with a code block; its lines are code, not markdown.
                codeFence = fence
                out.append(line)
                previous = .other
                return index + 1
            }
            line.scannable = true
            out.append(line)
            previous = .listItem
            lastBlockWasTable = false
            return index + 1
        }
        if previous == .paragraph, paragraphLines >= 2, isTableDelimiterRow(lines[index]) {
            // Pandoc starts a table only at a block boundary: the header line must begin the paragraph.
            escape(&line, at: count)
            continueParagraph(line)
            return index + 1
        }
        if width < 4, atBlockStart || content.first == 0x3C && content.dropFirst().first == 0x2F,
           let next = handleHTMLDiv(index, bytes, indentBytes: count) { return next }
        // The raw-HTML readings below all need a line that opens with `<`.
        if content.first == 0x3C, width < 4, let next = handleHTMLLine(index, bytes, content, indentBytes: count) { return next }
        if atBlockStart, width < 4, content.starts(with: Marker.commentOpen),
           let close = content.firstRange(of: Marker.commentClose)?.upperBound,
           content[close...].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            // `<!-- note --> text`: the comment is a block of its own and the text a paragraph,
            // as pandoc reads it (cmark would keep the text inside the HTML block).
            out.append(OutLine(bytes: Array(bytes[..<close]), origin: origin, stages: stages))
            var text = OutLine(bytes: Array(bytes[close...]), origin: origin,
                               stages: stages + [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: close)]])
            while text.bytes.first == 0x20 || text.bytes.first == 0x09 {
                text.bytes.removeFirst()
                text.stages.append([LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: 1)])
            }
            paragraphStart = out.count
            paragraphLines = 0
            previous = .paragraph
            continueParagraph(text)
            return index + 1
        }
        if atBlockStart, isThematicBreak(content) || isHTMLBlockStart(content) {
            out.append(line)
            previous = .other
            lastBlockWasTable = false
            return index + 1
        }
        if previous == .paragraph, paragraphLines == 1, isTableDelimiterRow(lines[index]) {
            let columns = Self.pipeCells(content).count
            guard max(columns, Self.pipeCells(out[out.count - 1].bytes[...]).count) <= Self.maximumTableColumns else {
                // Reported where the table starts, as for the other kinds of table.
                _ = refuseWideTable(at: out[out.count - 1].origin - 1, column: 0)
                escape(&line, at: count)
                continueParagraph(line)
                return index + 1
            }
            inPipeTable = true
            pipeTableColumns = columns
            out[out.count - 1].isTableRow = true
            if let widths = pipeTableWidths(delimiter: index) { pipeTableWidths[out[out.count - 1].origin] = widths }
        } else if inPipeTable, let cut = Self.excessCells(line.bytes[count...], columns: pipeTableColumns) {
            replace(&line, cut..<line.bytes.count, with: [])
        }
        line.isTableRow = inPipeTable
        if atBlockStart {
            if index + 1 < lines.count, isSetextUnderline(lines[index + 1]), !isBlank(content) {
                tokenizeTrailingAttributes(&line, from: count)
                line.isHeading = true
            }
            paragraphStart = out.count
            paragraphLines = 0
            lastBlockWasTable = content.first == 0x7C
            previous = .paragraph
        }
        continueParagraph(line)
        return index + 1
    }

    /// Appends a paragraph-ish line, keeping list and quote context.
    mutating func continueParagraph(_ line: OutLine) {
        var line = line
        line.scannable = true
        out.append(line)
        paragraphLines += 1
        if previous == .blank || previous == .other { previous = .paragraph }
    }

    /// Inserts a backslash so cmark reads the byte at `offset` literally.
    func escape(_ line: inout OutLine, at offset: Int) {
        replace(&line, offset..<offset, with: [0x5C])
    }

    func codeFenceOpening(_ content: ArraySlice<UInt8>) -> (byte: UInt8, count: Int)? {
        guard let first = content.first, first == 0x60 || first == 0x7E else { return nil }
        let count = content.prefix(while: { $0 == first }).count
        guard count >= 3 else { return nil }
        if first == 0x60, content.dropFirst(count).contains(0x60) { return nil }
        return (first, count)
    }

    func atxLevel(_ content: ArraySlice<UInt8>) -> Int? {
        let hashes = content.prefix(while: { $0 == 0x23 }).count
        guard (1...6).contains(hashes) else { return nil }
        let after = content.dropFirst(hashes)
        guard after.isEmpty || after.first == 0x20 || after.first == 0x09 else { return nil }
        return hashes
    }

    /// A line opening with `<`: markdown inside block-level HTML, a verbatim element or comment,
    /// or a tag alone on its line; nil when none applies.
    private mutating func handleHTMLLine(_ index: Int, _ bytes: [UInt8], _ content: ArraySlice<UInt8>, indentBytes: Int) -> Int? {
        let undented = bytes.count == lines[index].count
        if content.starts(with: Marker.commentOpen), isUnclosedComment(line: index, at: bytes.count - content.count) {
            var text = OutLine(bytes: bytes, origin: index + 1)
            escape(&text, at: bytes.count - content.count)
            continueParagraph(text)
            return index + 1
        }
        if atBlockStart, undented, let next = handleMarkdownHTMLBlock(index, indentBytes: indentBytes) { return next }
        if atBlockStart, undented, let next = handleVerbatimHTML(index, content) { return next }
        if atBlockStart || isInParagraph && isHTMLBlockStart(content) { return handleLoneTag(index, bytes, indentBytes: indentBytes) }
        return nil
    }

    /// HTML block starts cmark honours at the start of a block (types 1 to 6).
    func isHTMLBlockStart(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.first == 0x3C else { return false }
        let text = String(decoding: content.prefix(12), as: UTF8.self).lowercased()
        if text.hasPrefix("<!--") || text.hasPrefix("<?") || text.hasPrefix("<![cdata[") { return true }
        if text.hasPrefix("<!"), text.count > 2, text.dropFirst(2).first?.isLetter == true { return true }
        let name = text.dropFirst(text.hasPrefix("</") ? 2 : 1).prefix(while: { $0.isLetter || $0.isNumber })
        return Self.blockTagNames.contains(String(name))
    }

    static let blockTagNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul", "script", "pre", "style", "textarea", "video", "audio",
        "iframe", "canvas", "svg",
    ]
}
