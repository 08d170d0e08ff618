import Foundation

/// TeX math and Pandoc sub/superscript, by Pandoc's rules.
extension InlineScanner {
    /// `$...$` and `$$...$$`, rewritten as a code span holding a token.
    mutating func scanMath(_ offset: Int) -> Int {
        let count = buffer.count
        if offset + 1 < count, buffer[offset + 1] == 0x24 {
            var index = offset + 2
            while index + 1 < count {
                if buffer[index] == 0x5C { index += 2; continue }
                if buffer[index] == 0x24, buffer[index + 1] == 0x24, index > offset + 2 {
                    emitMath(.display, range: offset..<index + 2, body: (offset + 2)..<index)
                    return index + 2
                }
                index += 1
            }
            copy(offset..<offset + 2)
            return offset + 2
        }
        guard offset + 1 < count, !Self.isSpace(buffer[offset + 1]), buffer[offset + 1] != 0x24 else {
            copy(offset..<offset + 1)
            return offset + 1
        }
        var index = offset + 1
        while index < count {
            let byte = buffer[index]
            if byte == 0x5C { index += 2; continue }
            if byte == 0x24 {
                if index + 1 < count, Self.isDigit(buffer[index + 1]) { break }
                emitMath(.inline, range: offset..<index + 1, body: (offset + 1)..<index)
                return index + 1
            }
            if Self.isSpace(byte) {
                var end = index
                while end < count, Self.isSpace(buffer[end]) { end += 1 }
                if end < count, buffer[end] == 0x24 { break }
                index = end
                continue
            }
            index += 1
        }
        copy(offset..<offset + 1)
        return offset + 1
    }

    mutating func emitMath(_ kind: MathKind, range: Range<Int>, body: Range<Int>) {
        var content = body.isEmpty ? "" : original(location(body.lowerBound), location(body.upperBound - 1))
        if !body.isEmpty, buffer[body.upperBound - 1] == 0x0A { content += "\n" }
        let bytes = token(.math(kind, content), at: range)
        replace(range, first: [0x60] + bytes, last: [0x60])
    }

    /// `H~2~O` and `x^2^`: content without spaces between single delimiters.
    mutating func scanScript(_ offset: Int, delimiter: UInt8) -> Int {
        let count = buffer.count
        if offset + 1 < count, buffer[offset + 1] == delimiter {
            var end = offset
            while end < count, buffer[end] == delimiter { end += 1 }
            copy(offset..<end)
            return end
        }
        let closing = scriptClose(offset, delimiter: delimiter)
        let isSubscript = delimiter == 0x7E
        guard let close = closing else {
            if isSubscript {
                replace(offset..<offset + 1, first: [0x5C, 0x7E])
            } else {
                copy(offset..<offset + 1)
            }
            return offset + 1
        }
        let open = token(isSubscript ? .subscriptOpen : .superscriptOpen, at: offset..<offset + 1)
        pendingCloses[close] = token(isSubscript ? .subscriptClose : .superscriptClose, at: close..<close + 1)
        replace(offset..<offset + 1, first: open)
        return offset + 1
    }

    /// Where a sub- or superscript opened at `offset` closes: the next delimiter, with no
    /// unescaped space, code or math before it.
    func scriptClose(_ offset: Int, delimiter: UInt8) -> Int? {
        let count = buffer.count
        var index = offset + 1
        while index < count {
            let byte = buffer[index]
            if byte == 0x5C, index + 1 < count, buffer[index + 1] != 0x0A { index += 2; continue }
            if byte == delimiter {
                if index > offset + 1, !(index + 1 < count && buffer[index + 1] == delimiter) { return index }
                return nil
            }
            if Self.isSpace(byte) || byte == 0x60 || byte == 0x24 { return nil }
            index += 1
        }
        return nil
    }
}
