/// Where each `(`, `[` and `{` of a run closes, found in one pass: scanning forward from every
/// opener for its closer made runs of many unclosed links, notes or spans quadratic.
struct GroupIndex {
    /// For each offset holding an opener, the offset of the closer that matches it, or -1.
    private var match: [Int32]

    init(_ buffer: [UInt8]) {
        match = Array(repeating: -1, count: buffer.count)
        var parens: [Int32] = [], brackets: [Int32] = [], braces: [Int32] = []
        var index = 0
        while index < buffer.count {
            switch buffer[index] {
            case 0x5C: index += 2; continue
            case 0x28: parens.append(Int32(index))
            case 0x5B: brackets.append(Int32(index))
            case 0x7B: braces.append(Int32(index))
            case 0x29: if let open = parens.popLast() { match[Int(open)] = Int32(index) }
            case 0x5D: if let open = brackets.popLast() { match[Int(open)] = Int32(index) }
            case 0x7D: if let open = braces.popLast() { match[Int(open)] = Int32(index) }
            default: break
            }
            index += 1
        }
    }

    /// The closer matching the opener at `open`: what counting depth from `open` finds, since
    /// backslash escapes read the same from any opener.
    func close(of open: Int) -> Int? {
        match[open] < 0 ? nil : Int(match[open])
    }
}

/// The first occurrence of one byte at or after an offset, for offsets that only grow: one
/// remembered answer makes repeated searches linear in total.
struct NextByte {
    let byte: UInt8
    private var from = Int.max
    private var found: Int?

    init(_ byte: UInt8) { self.byte = byte }

    mutating func find(in buffer: [UInt8], from offset: Int) -> Int? {
        if offset >= from, found.map({ offset <= $0 }) ?? true { return found }
        from = offset
        found = offset < buffer.count ? buffer[offset...].firstIndex(of: byte) : nil
        return found
    }
}

extension InlineScanner {
    /// The closer matching `{` or `[` at `start`; on the same line unless `acrossLines`.
    mutating func matchingGroup(from start: Int, acrossLines: Bool = false) -> Int? {
        if groups == nil { groups = GroupIndex(buffer) }
        guard let close = groups?.close(of: start) else { return nil }
        return acrossLines || line(of: start) == line(of: close) ? close : nil
    }

    /// The `)` ending a link destination and title whose `(` is at `open`. A destination in
    /// `<…>` (CommonMark's pointy form, on one line, no `<` inside) may hold unbalanced parens.
    mutating func destinationEnd(open: Int) -> Int? {
        if groups == nil { groups = GroupIndex(buffer) }
        var cursor = open + 1
        while cursor < buffer.count, buffer[cursor] == 0x20 { cursor += 1 }
        if cursor < buffer.count, buffer[cursor] == 0x3C {
            var end = cursor + 1
            while end < buffer.count, ![0x3C, 0x3E, 0x0A].contains(buffer[end]) { end += buffer[end] == 0x5C ? 2 : 1 }
            if end < buffer.count, buffer[end] == 0x3E { return nextParen.find(in: buffer, from: end + 1) }
        }
        return groups?.close(of: open)
    }

    /// The first `]` at or after `offset`.
    mutating func nextCloseBracket(from offset: Int) -> Int? {
        nextBracket.find(in: buffer, from: offset)
    }
}
