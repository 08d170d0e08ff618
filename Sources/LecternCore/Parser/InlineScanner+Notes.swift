import LecternText
/// Notes and citations in the inline scan: inline notes against superscripts, footnote
/// references, and citation keys cmark would otherwise misread.
extension InlineScanner {
    /// `[^label]`: a footnote reference only when the label is a plain word; `[^\[x\]^](u)` is
    /// a link around a superscript.
    mutating func isFootnoteReference(_ offset: Int) -> Bool {
        guard let close = nextCloseBracket(from: offset) else { return false }
        return !buffer[(offset + 2)..<close].contains { $0 == 0x5C || $0 == 0x20 || $0 == 0x0A || $0 == 0x5E }
    }

    /// `@https://…`: a citation whose key looks like a URL, which cmark would otherwise turn
    /// into a link; the key runs as pandoc reads keys (internal punctuation, ending in a letter
    /// or digit).
    mutating func scanURLCitation(_ offset: Int) -> Int {
        let before = offset > 0 ? buffer[offset - 1] : 0x20
        // After a letter (`é` too) the `@` is part of a word or an address, as pandoc reads it.
        guard !Self.isLetter(before), !(0x30...0x39).contains(before), before < 0x80 else { copy(offset..<offset + 1); return offset + 1 }
        let punctuation = Set(":.#$%&-+?<>~/".utf8)
        var end = offset + 1
        while end < buffer.count, Self.isLetter(buffer[end]) || Self.isDigit(buffer[end]) || buffer[end] == 0x5F
                || buffer[end] >= 0x80 || punctuation.contains(buffer[end]) { end += 1 }
        while end > offset + 1, !(Self.isLetter(buffer[end - 1]) || Self.isDigit(buffer[end - 1]) || buffer[end - 1] == 0x5F) { end -= 1 }
        let key = String(decoding: buffer[(offset + 1)..<end], as: UTF8.self)
        guard end > offset + 1, Self.isLetter(buffer[offset + 1]), key.firstByteRange(of: "://") != nil else { copy(offset..<offset + 1); return offset + 1 }
        replace(offset..<end, first: token(.citation(key), at: offset..<end))
        return end
    }

    /// `@{key}`, pandoc's spelling for a citation key with characters a bare key cannot hold.
    mutating func scanBracedCitation(_ offset: Int) -> Int {
        let before = offset > 0 ? buffer[offset - 1] : 0x20
        guard !Self.isLetter(before), !(0x30...0x39).contains(before),
              let close = buffer[(offset + 2)...].firstIndex(where: { $0 == 0x7D || $0 == 0x7B || $0 == 0x0A }),
              buffer[close] == 0x7D, close > offset + 2 else {
            copy(offset..<offset + 1)
            return offset + 1
        }
        let key = String(decoding: buffer[(offset + 2)..<close], as: UTF8.self)
        replace(offset..<close + 1, first: token(.citation(key), at: offset..<close + 1))
        return close + 1
    }

    /// Where `^[…]` at `offset` closes as a superscript rather than being an inline note: as
    /// pandoc reads it, when the brackets are a span or link (`^[a]{.c}^`, `^[a][b]^`) that a
    /// `^` closes.
    mutating func bracketedSuperscriptClose(_ offset: Int) -> Int? {
        guard let close = matchingGroup(from: offset + 1), close + 1 < buffer.count,
              [0x7B, 0x5B, 0x28].contains(buffer[close + 1]) else { return nil }
        if let end = scriptClose(offset, delimiter: 0x5E) { return end }
        // A span's attributes may hold spaces; the superscript closes after them.
        guard buffer[close + 1] == 0x7B,
              let brace = AttributeParser.closingBrace(buffer, from: close + 1, limit: buffer.count) else { return nil }
        return scriptClose(brace, delimiter: 0x5E)
    }

    /// `^[note text]`: tokens for both ends, so the brackets never reach cmark.
    mutating func scanInlineNote(_ offset: Int) -> Int {
        guard let index = matchingGroup(from: offset + 1, acrossLines: true) else {
            copy(offset..<offset + 1)
            return offset + 1
        }
        pendingCloses[index] = token(.inlineNoteClose, at: index..<index + 1)
        replace(offset..<offset + 2, first: token(.inlineNoteOpen, at: offset..<offset + 2))
        return offset + 2
    }
}
