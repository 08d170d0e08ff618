/// Markdown inside block-level raw HTML, as pandoc reads it (`<details>`, `<table>` and the
/// like): each block tag becomes a raw HTML block of its own and the text between the tags is
/// markdown. Text that runs up to a tag is plain, text followed by a blank line a paragraph.
extension PrePass {
    /// Block tags whose content is markdown; `div` has native handling, and `pre`, `script`,
    /// `style` and `textarea` keep their content verbatim.
    static let markdownHTMLTags: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "li", "main", "nav", "ol", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// One piece of a line: a block tag, or text between tags.
    private enum HTMLPiece {
        case tag(Range<Int>, name: String, closing: Bool)
        case text(Range<Int>)
    }

    mutating func handleMarkdownHTMLBlock(_ index: Int, indentBytes: Int) -> Int? {
        let first = Array(lines[index])
        guard case .tag(_, let name, false)? = Self.htmlPieces(first, from: indentBytes).first,
              Self.markdownHTMLTags.contains(name) else { return nil }
        // The block runs to the line where its outermost element closes.
        var depth = 0, end = index
        repeat {
            let line = Array(lines[end])
            let text = String(decoding: line, as: UTF8.self).lowercased()
            if ["<!--", "<pre", "<script", "<style", "<textarea", "<div", "</div"].contains(where: text.contains) { return nil }
            for piece in Self.htmlPieces(line, from: 0) {
                if case .tag(_, let tag, let closing) = piece, tag == name { depth += closing ? -1 : 1 }
            }
            end += 1
        } while depth > 0 && end < lines.count && end - index < 2000
        guard depth <= 0 else { return nil }
        var textRun: [OutLine] = []
        func flushText(plain: Bool) {
            guard !textRun.isEmpty else { return }
            let fence = plain ? addFence(.plain, line: textRun[0].origin) : nil
            if let fence { emitMarker("F", fence, origin: textRun[0].origin, indent: 0) }
            out += textRun
            out.append(OutLine(bytes: [], origin: textRun[textRun.count - 1].origin))
            if let fence { emitMarker("C", fence, origin: textRun[textRun.count - 1].origin, indent: 0) }
            textRun = []
        }
        for row in index..<end {
            let line = Array(lines[row])
            if isBlank(line) { flushText(plain: false); continue }
            for piece in Self.htmlPieces(line, from: 0) {
                switch piece {
                case .tag(let range, _, _):
                    flushText(plain: true)
                    out.append(OutLine(bytes: Array(line[range]), origin: row + 1))
                    out.append(OutLine(bytes: [], origin: row + 1))
                case .text(let range):
                    var start = range.lowerBound, stop = range.upperBound
                    while start < stop, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
                    while stop > start, line[stop - 1] == 0x20 || line[stop - 1] == 0x09 { stop -= 1 }
                    guard start < stop else { continue }
                    var text = OutLine(bytes: Array(line[start..<stop]), origin: row + 1,
                                       stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: start)]])
                    text.scannable = true
                    textRun.append(text)
                }
            }
        }
        flushText(plain: true)
        previous = .other
        lastBlockWasTable = false
        return end
    }

    /// A comment or a `<pre>`, `<script>`, `<style>` or `<textarea>` element starting a block:
    /// its lines go to cmark untouched up to the line that ends it, so nothing inside (a `:::`,
    /// a definition, math) is read as markdown, as cmark and pandoc leave it alone.
    mutating func handleVerbatimHTML(_ index: Int, _ content: ArraySlice<UInt8>) -> Int? {
        let lowered = String(decoding: content.prefix(10), as: UTF8.self).lowercased()
        let end: [UInt8]
        if lowered.hasPrefix("<!--") {
            end = Marker.commentClose
        } else if let name = ["pre", "script", "style", "textarea"].first(where: { name in
            lowered.hasPrefix("<" + name) && [" ", ">", "\t", ""].contains(lowered.dropFirst(name.count + 1).prefix(1))
        }) {
            end = Array("</\(name)>".utf8)
        } else {
            return nil
        }
        var last = index
        let search = { (line: ArraySlice<UInt8>, from: Int) -> Bool in
            let bytes = Array(line.dropFirst(from)).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            return bytes.firstRange(of: end) != nil
        }
        // The end marker may not be the start marker itself (`<!-->` closes nothing).
        guard !search(content, 4) || last != index else { return nil }
        last += 1
        while last < lines.count, !search(lines[last], 0) { last += 1 }
        guard last < lines.count else { return nil }
        for line in index...last { out.append(OutLine(bytes: Array(lines[line]), origin: line + 1)) }
        previous = .other
        lastBlockWasTable = false
        return last + 1
    }

    /// True when a `<!--` starting at `offset` of line `index` has no `-->` after it in the
    /// file. Pandoc reads such a comment opener as text, where cmark would hide every line after
    /// it (and the pre-pass's markers with them) in one HTML block.
    mutating func isUnclosedComment(line index: Int, at offset: Int) -> Bool {
        if lastCommentClose == nil {
            var found: (line: Int, end: Int)?
            for line in stride(from: lines.count - 1, through: 0, by: -1) {
                let bytes = Array(lines[line])
                if let range = bytes.ranges(of: Marker.commentClose).last { found = (line, range.upperBound); break }
            }
            lastCommentClose = .some(found)
        }
        guard let close = lastCommentClose ?? nil else { return true }
        return close.line < index || (close.line == index && close.end - 3 < offset + 4)
    }

    /// Elements whose content is not markdown, so a line opening one stays in cmark's hands.
    static let rawContentTags: Set<String> = [
        "pre", "script", "style", "textarea", "svg", "math", "iframe", "object", "video", "audio", "canvas",
        "template", "select", "div",
    ]

    /// A line that is one HTML tag alone (`<small>`, `</font>`): pandoc reads it as a raw block
    /// and the lines after it as markdown, where cmark would swallow them into an HTML block.
    mutating func handleLoneTag(_ line: Int, _ bytes: [UInt8], indentBytes: Int) -> Int? {
        var end = bytes.count
        while end > indentBytes, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end - indentBytes >= 3, bytes[indentBytes] == 0x3C, bytes[end - 1] == 0x3E else { return nil }
        var cursor = indentBytes + 1
        if bytes[cursor] == 0x2F { cursor += 1 }
        let nameStart = cursor
        while cursor < end, (0x61...0x7A).contains(bytes[cursor] | 0x20) || (0x30...0x39).contains(bytes[cursor]) { cursor += 1 }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
        let inside = bytes[(indentBytes + 1)..<(end - 1)]
        guard cursor > nameStart, !Self.rawContentTags.contains(name), [0x20, 0x09, 0x3E, 0x2F].contains(bytes[cursor]),
              !inside.contains(0x3C), !inside.contains(0x3E) else { return nil }
        out.append(OutLine(bytes: bytes, origin: line + 1))
        out.append(OutLine(bytes: [], origin: line + 1))
        previous = .blank
        lastBlockWasTable = false
        return line + 1
    }

    /// Splits a line at the block tags in it (other tags stay in the text).
    private static func htmlPieces(_ line: [UInt8], from start: Int) -> [HTMLPiece] {
        var pieces: [HTMLPiece] = []
        var text = start, index = start
        while index < line.count {
            guard line[index] == 0x3C, let (end, name, closing) = blockTag(line, at: index) else { index += 1; continue }
            if index > text { pieces.append(.text(text..<index)) }
            pieces.append(.tag(index..<end, name: name, closing: closing))
            index = end
            text = end
        }
        if text < line.count { pieces.append(.text(text..<line.count)) }
        return pieces
    }

    /// A block tag at `start`: the offset past its `>`, its name, whether it closes.
    private static func blockTag(_ line: [UInt8], at start: Int) -> (Int, String, Bool)? {
        var index = start + 1
        let closing = index < line.count && line[index] == 0x2F
        if closing { index += 1 }
        let nameStart = index
        while index < line.count, (0x61...0x7A).contains(line[index] | 0x20) || (0x30...0x39).contains(line[index]) { index += 1 }
        let name = String(decoding: line[nameStart..<index], as: UTF8.self).lowercased()
        guard markdownHTMLTags.contains(name), index < line.count, [0x20, 0x09, 0x3E, 0x2F].contains(line[index]) else { return nil }
        var quote: UInt8?
        while index < line.count {
            let byte = line[index]
            if let open = quote { if byte == open { quote = nil } } else if byte == 0x22 || byte == 0x27 { quote = byte } else if byte == 0x3E {
                return (index + 1, name, closing)
            }
            index += 1
        }
        return nil
    }
}
