/// The address rules of GFM's extended autolinks, on the text as written.
extension Autolinks {
    /// An address found: the bytes it covers in the text as written.
    struct Found {
        var start: Int
        var end: Int
        /// What the link's address adds before the text shown.
        var prefix: String

        /// True when there is no address here nor before `end`.
        var isSkip = false

        /// No address here nor before `index`.
        static func skip(to index: Int) -> Found { Found(start: index, end: index, prefix: "", isSkip: true) }
    }

    /// A `www.` address starting at `index`, after a space, a line start or `*`, `_`, `~`, `(`.
    static func www(_ bytes: [UInt8], at index: Int, openAtStart: Bool) -> Found? {
        guard bytes.count - index > 4, bytes[index + 1] == 0x77, bytes[index + 2] == 0x77, bytes[index + 3] == 0x2E else { return nil }
        if index == 0 {
            guard openAtStart else { return nil }
        } else {
            guard " \t\n*_~(".utf8.contains(bytes[index - 1]) else { return nil }
        }
        let domainEnd = domain(bytes, from: index + 4)
        guard domainEnd > index + 4 else { return nil }
        if let underscore = misplacedUnderscore(bytes[index..<domainEnd]) { return .skip(to: underscore + 1) }
        let end = trimmedEnd(bytes, start: index, end: pathEnd(bytes, from: domainEnd))
        return end > index + 4 ? Found(start: index, end: end, prefix: "http://") : nil
    }

    /// An `http`, `https` or `ftp` URL whose scheme ends at `colon`, starting no earlier than `floor`.
    static func url(_ bytes: [UInt8], colon: Int, floor: Int) -> Found? {
        guard bytes.count - colon > 3, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F else { return nil }
        var start = colon
        while start > floor, isLetter(bytes[start - 1]), colon - start <= 5 { start -= 1 }
        if start > floor, isLetter(bytes[start - 1]) { return nil }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme) else { return nil }
        let domainStart = colon + 3
        let domainEnd = domain(bytes, from: domainStart)
        guard domainEnd > domainStart, isAlphanumeric(bytes[domainStart]) || bytes[domainStart] >= 0x80 else { return nil }
        if let underscore = misplacedUnderscore(bytes[domainStart..<domainEnd]) { return .skip(to: underscore + 1) }
        let end = trimmedEnd(bytes, start: start, end: pathEnd(bytes, from: domainEnd))
        return end > domainStart ? Found(start: start, end: end, prefix: "") : nil
    }

    /// An e-mail address (or a `mailto:` or `xmpp:` one) around the `@` at `index`, inside
    /// `bounds`. `isPunctuation`: whether a byte stands for a dash, quote or ellipsis, which
    /// no address holds.
    static func email(_ bytes: [UInt8], at index: Int, within bounds: Range<Int>, isPunctuation: (Int) -> Bool) -> Found? {
        let floor = bounds.lowerBound
        var start = index
        while start > floor, isLocal(bytes[start - 1]), !isPunctuation(start - 1) { start -= 1 }
        guard start < index else { return nil }
        var end = index + 1
        var dots = 0
        while end < bounds.upperBound, isAlphanumeric(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x5F || bytes[end] == 0x2E, !isPunctuation(end) {
            if bytes[end] == 0x2E {
                // A dot counts only with a letter or digit after it.
                guard end + 1 < bounds.upperBound, isAlphanumeric(bytes[end + 1]) else { break }
                dots += 1
            }
            end += 1
        }
        // The domain ends in a letter, as cmark-gfm requires (`a@b.c1` is not an address).
        guard dots > 0, end > index + 1, isLetter(bytes[end - 1]) else { return nil }
        for scheme in ["mailto:", "xmpp:"] {
            let length = scheme.utf8.count
            guard start - length >= floor, start >= length, Array(bytes[(start - length)..<start]) == Array(scheme.utf8) else { continue }
            if scheme == "xmpp:", end < bounds.upperBound, bytes[end] == 0x2F {
                end += 1
                while end < bounds.upperBound, isAlphanumeric(bytes[end]) || "./@-_".utf8.contains(bytes[end]) { end += 1 }
                while bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2F { end -= 1 }
            }
            return Found(start: start - length, end: end, prefix: "")
        }
        return Found(start: start, end: end, prefix: "mailto:")
    }

    /// The end of a domain: letters, digits, `_`, `-`, `.` and any non-ASCII character.
    private static func domain(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x5F || bytes[end] == 0x2E || bytes[end] >= 0x80 {
            end += 1
        }
        return end
    }

    /// A `_` in the last two segments of a domain, which GFM does not allow. Every address
    /// that starts before it in the same run of domain characters has it there too, so the
    /// search goes on after it, and no run is scanned twice.
    private static func misplacedUnderscore(_ domain: ArraySlice<UInt8>) -> Int? {
        var dots = 0
        var index = domain.endIndex
        while index > domain.startIndex, dots < 2 {
            index -= 1
            if domain[index] == 0x2E { dots += 1 } else if domain[index] == 0x5F { return index }
        }
        return nil
    }

    /// The path runs to the next whitespace or `<`.
    private static func pathEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != 0x3C, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A { end += 1 }
        return end
    }

    /// GFM's path validation: trailing punctuation, closing parentheses that close nothing
    /// and an entity reference or `;` at the end are left out of the link.
    private static func trimmedEnd(_ bytes: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        var balance = 0
        for byte in bytes[start..<end] {
            if byte == 0x28 { balance += 1 } else if byte == 0x29 { balance -= 1 }
        }
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == 0x29 {
                guard balance < 0 else { break }
                balance += 1
                end -= 1
            } else if last == 0x3B {
                var ampersand = end - 2
                while ampersand > start, isAlphanumeric(bytes[ampersand]) { ampersand -= 1 }
                // An entity reference goes; so does a `;` alone, as cmark-gfm leaves it out.
                end = ampersand >= start && ampersand < end - 2 && bytes[ampersand] == 0x26 ? ampersand : end - 1
            } else {
                break
            }
        }
        return end
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }
    private static func isLocal(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte == 0x5F }
}
