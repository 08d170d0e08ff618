/// The scanning loop: finds Pandoc inline syntax while skipping code spans, URLs and HTML.
extension InlineScanner {
    private static let backtick: UInt8 = 0x60

    mutating func scan() {
        var offset = 0
        let count = buffer.count
        // Read once: a static inside the byte loop costs a lazy-initialisation check per byte.
        let opensSyntax = Self.opensSyntax
        while offset < count {
            if !pendingCloses.isEmpty, let close = pendingCloses.removeValue(forKey: offset) {
                replace(offset..<offset + 1, first: close)
                offset += 1
                continue
            }
            let byte = buffer[offset]
            switch byte {
            case 0x5C: offset = scanBackslash(offset)
            case Self.backtick: offset = scanCodeSpan(offset)
            case 0x24: offset = scanMath(offset)
            case 0x5E where offset + 1 < count && buffer[offset + 1] == 0x5B:
                if let close = bracketedSuperscriptClose(offset) {
                    pendingCloses[close] = token(.superscriptClose, at: close..<close + 1)
                    replace(offset..<offset + 1, first: token(.superscriptOpen, at: offset..<offset + 1))
                    offset += 1
                } else {
                    offset = scanInlineNote(offset)
                }
            case 0x7E, 0x5E: offset = scanScript(offset, delimiter: byte)
            case 0x3C: offset = scanAngle(offset)
            case 0x5B where offset + 1 < count && buffer[offset + 1] == 0x5E && isFootnoteReference(offset):
                let end = nextCloseBracket(from: offset) ?? offset + 2
                copy(offset..<min(end + 1, count))
                offset = min(end + 1, count)
            case 0x5D: offset = scanBracketClose(offset)
            case 0x40 where offset + 1 < count && buffer[offset + 1] == 0x7B: offset = scanBracedCitation(offset)
            case 0x40: offset = scanURLCitation(offset)
            default:
                // Plain text up to the next byte the cases above look at is copied in one go.
                let limit = pendingCloses.isEmpty ? count : pendingCloses.keys.reduce(count) { $1 > offset ? min($0, $1) : $0 }
                var end = offset + 1
                while end < limit, !opensSyntax[Int(buffer[end])] { end += 1 }
                copy(offset..<end)
                offset = end
            }
        }
    }

    /// Whether a line holds a byte `scan` has a case for; a run without one is left as it is.
    static func mayChange(_ line: [UInt8]) -> Bool {
        let opensSyntax = Self.opensSyntax
        return line.contains { opensSyntax[Int($0)] }
    }

    /// The bytes `scan` has a case for.
    private static let opensSyntax: [Bool] = (0...255).map { [0x5C, backtick, 0x24, 0x5E, 0x7E, 0x3C, 0x5B, 0x5D, 0x40].contains(UInt8($0)) }

    private mutating func scanBackslash(_ offset: Int) -> Int {
        guard offset + 1 < buffer.count else { copy(offset..<offset + 1); return offset + 1 }
        let next = buffer[offset + 1]
        if next == 0x0A, offset + 2 == buffer.count {
            replace(offset..<offset + 1, first: token(.lineBreak, at: offset..<offset + 1))
            return offset + 1
        }
        if next == 0x40 {
            replace(offset..<offset + 2, first: token(.escapedAt, at: offset..<offset + 2))
            return offset + 2
        }
        if next == 0x20 {
            // Pandoc's escaped space is a non-breaking one.
            replace(offset..<offset + 2, first: [0xC2, 0xA0])
            return offset + 2
        }
        if Self.isPunctuation(next) {
            copy(offset..<offset + 2)
            return offset + 2
        }
        guard Self.isLetter(next) else { copy(offset..<offset + 1); return offset + 1 }
        if let end = mathEnvironmentEnd(offset) {
            emitMath(.display, range: offset..<end, body: offset..<end)
            return end
        }
        var end = offset + 1
        while end < buffer.count, Self.isLetter(buffer[end]) { end += 1 }
        while end < buffer.count, buffer[end] == 0x7B || buffer[end] == 0x5B,
              let close = matchingGroup(from: end, acrossLines: true) {
            end = close + 1
        }
        replace(offset..<end, first: token(.drop, at: offset..<end))
        return end
    }

    /// The end of `\begin{name}` … `\end{name}` at `offset` when `name` is a math environment,
    /// which pandoc reads as display math.
    private func mathEnvironmentEnd(_ offset: Int) -> Int? {
        let begin = Array("\\begin{".utf8)
        guard buffer[offset...].starts(with: begin), let close = buffer[(offset + begin.count)...].firstIndex(of: 0x7D) else { return nil }
        let name = String(decoding: buffer[(offset + begin.count)..<close], as: UTF8.self)
        guard PrePass.mathEnvironments.contains(name) else { return nil }
        let end = Array("\\end{\(name)}".utf8)
        var index = close + 1
        while index + end.count <= buffer.count {
            if buffer[index] == 0x5C, buffer[index..<(index + end.count)].elementsEqual(end) { return index + end.count }
            index += 1
        }
        return nil
    }

    private mutating func scanCodeSpan(_ offset: Int) -> Int {
        var run = offset
        while run < buffer.count, buffer[run] == Self.backtick { run += 1 }
        let length = run - offset
        var search = run
        while search < buffer.count {
            guard buffer[search] == Self.backtick else { search += 1; continue }
            var closeEnd = search
            while closeEnd < buffer.count, buffer[closeEnd] == Self.backtick { closeEnd += 1 }
            if closeEnd - search == length {
                copyCode(offset..<closeEnd)
                return scanAttributes(closeEnd, allowRaw: true)
            }
            search = closeEnd
        }
        copy(offset..<run)
        return run
    }

    private mutating func scanAngle(_ offset: Int) -> Int {
        let next = offset + 1 < buffer.count ? buffer[offset + 1] : 0
        guard Self.isLetter(next) || next == 0x2F || next == 0x21 || next == 0x3F else {
            copy(offset..<offset + 1)
            return offset + 1
        }
        var end = offset + 1
        while end < buffer.count, buffer[end] != 0x3E, buffer[end] != 0x3C { end += 1 }
        guard end < buffer.count, buffer[end] == 0x3E else { copy(offset..<offset + 1); return offset + 1 }
        copy(offset..<end + 1)
        let inside = buffer[(offset + 1)..<end]
        let autolink = !inside.contains(where: Self.isSpace) && (inside.contains(0x3A) || inside.contains(0x40))
        return autolink ? scanAttributes(end + 1, allowRaw: false) : end + 1
    }

    private mutating func scanBracketClose(_ offset: Int) -> Int {
        copy(offset..<offset + 1)
        var index = offset + 1
        guard index < buffer.count else { return index }
        if buffer[index] == 0x28 {
            guard let close = destinationEnd(open: index) else { return offset + 1 }
            index = close
            guard index < buffer.count else { return offset + 1 }
            copy((offset + 1)..<index + 1)
            return scanAttributes(index + 1, allowRaw: false)
        }
        return scanAttributes(index, allowRaw: false)
    }

    /// Turns `{...}` at `offset` into a token when it parses; warns when it does not.
    private mutating func scanAttributes(_ offset: Int, allowRaw: Bool) -> Int {
        guard offset < buffer.count, buffer[offset] == 0x7B else { return offset }
        switch AttributeParser.parse(buffer, from: offset) {
        case .success(let attributes, let end):
            // An attribute list may continue on the next line, as in pandoc.
            if let quote = AttributeParser.unclosedQuote(buffer, from: offset, to: end) {
                warnings.append(("attributes.malformed", ["problem": "a quoted value is not closed; it is read up to the next space or '}', as pandoc reads it"], location(quote)))
            }
            replace(offset..<end, first: token(.attributes(attributes), at: offset..<end))
            return end
        case .raw(let format, let end) where allowRaw:
            replace(offset..<end, first: token(.rawAttribute(format: format), at: offset..<end))
            return end
        case .raw:
            warnings.append(("attributes.malformed", ["problem": "a raw attribute '{=format}' goes after inline code or a code fence; the braces are kept as text"], location(offset)))
        case .failure(let position, let message):
            warnings.append(("attributes.malformed", ["problem": message + "; the braces are kept as text"], location(position)))
        }
        return offset
    }






    /// Copies a code span; in a table row each `|` is escaped so the cell is not split, as Pandoc reads it.
    private mutating func copyCode(_ range: Range<Int>) {
        guard !tableRows.isEmpty, tableRows.contains(line(of: range.lowerBound)) else { copy(range); return }
        var start = range.lowerBound
        for index in range where buffer[index] == 0x7C {
            copy(start..<index)
            replace(index..<index + 1, first: [0x5C, 0x7C])
            start = index + 1
        }
        copy(start..<range.upperBound)
    }
}
