/// GFM's extended autolinks, found in the text of a resolved inline list: `www.` addresses,
/// `http://`, `https://` and `ftp://` URLs, e-mail addresses and `mailto:`/`xmpp:` addresses,
/// with the GFM rules for where they may start and which trailing characters they leave out,
/// and none inside brackets, as cmark-gfm.
/// (cmark-gfm's own extension makes a node of every `w`, `:` and `@` it meets, which costs a
/// long paragraph of words forty times its size; finding links in merged text costs nothing
/// where there are none.)
enum Autolinks {
    /// Where bare addresses may be found in an inline list.
    enum Context {
        /// Nowhere: link text, image descriptions, bracketed spans and inline notes (GFM finds
        /// no address inside brackets).
        case none
        /// Anywhere; the list follows a line start or an emphasis delimiter, so a `www.`
        /// address may start at its first character.
        case afterDelimiter
        /// Anywhere but at the first character of the list, for a `www.` address.
        case afterText
    }

    /// The text nodes of one list (not of its children) with bare addresses made links.
    static func apply(_ inlines: [Inline], in context: Context) -> [Inline] {
        guard context != .none else { return inlines }
        // Made on the first address found: most lists have none and are returned as they are.
        var out: [Inline]?
        var openAtStart = context == .afterDelimiter
        var brackets = 0
        for (index, inline) in inlines.enumerated() {
            switch inline.kind {
            case .text(let text):
                if let linked = link(text, range: inline.range, openAtStart: openAtStart, brackets: &brackets) {
                    if out == nil {
                        out = Array(inlines[..<index])
                        out?.reserveCapacity(inlines.count + linked.count)
                    }
                    out? += linked
                } else {
                    out?.append(inline)
                }
                openAtStart = false
                continue
            case .emph, .strong, .strikeout, .subscript, .softBreak, .lineBreak:
                openAtStart = true
            default:
                openAtStart = false
            }
            out?.append(inline)
        }
        return out ?? inlines
    }

    /// One text node split into text and links; nil when it holds no address.
    private static func link(_ text: String, range: SourceRange, openAtStart: Bool, brackets: inout Int) -> [Inline]? {
        let prerequisites = text.utf8.withContiguousStorageIfAvailable(Prerequisites.init)
            ?? Array(text.utf8).withUnsafeBufferPointer(Prerequisites.init)
        guard prerequisites.mayChange else { return nil }
        // Every address needs a `:`, an `@` or `www`, and undoing smart punctuation makes none
        // of them: without them only the bracket depth can change.
        if !prerequisites.mayHoldAddress {
            if prerequisites.hasBracket {
                for byte in text.utf8 where byte == 0x5B || byte == 0x5D { brackets = byte == 0x5B ? brackets + 1 : max(0, brackets - 1) }
            }
            return nil
        }
        let original = Array(text.utf8)
        // Addresses are read in the text as written: smart punctuation made `--`, `...` and
        // straight quotes into dashes, an ellipsis and curly quotes, which would change where
        // a link ends and where it goes. `origin` maps each byte back to the text.
        let (bytes, origin) = asWritten(original)
        // cmark-gfm finds `www.` and URLs while it reads the text and e-mail addresses after,
        // in what is left; so does this.
        var found = addresses(bytes, openAtStart: openAtStart, brackets: &brackets)
        var mails: [Found] = []
        var gapStart = 0
        for gap in found.map({ $0.start..<$0.end }) + [bytes.count..<bytes.count] {
            mails += emails(bytes, in: gapStart..<gap.lowerBound) { original[origin[$0]] == 0xE2 }
            gapStart = gap.upperBound
        }
        if mails.isEmpty, found.isEmpty { return nil }
        found = (found + mails).sorted { $0.start < $1.start }
        var out: [Inline] = []
        var emitted = 0
        for link in found {
            if link.start > emitted { out.append(Inline(.text(string(original[origin[emitted]..<origin[link.start]])), range)) }
            let shown = string(bytes[link.start..<link.end])
            // No `uri` class: pandoc gives it to `<…>` autolinks, and GFM's bare ones have none.
            out.append(Inline(.link(.empty, [Inline(.text(shown), range)], Target(url: link.prefix + shown, title: "")), range))
            emitted = link.end
        }
        if emitted < bytes.count { out.append(Inline(.text(string(original[origin[emitted]...])), range)) }
        return out
    }

    /// What one pass over a text node finds, so that most nodes are passed over after it.
    private struct Prerequisites {
        /// A `.`, `:`, bracket or a byte of smart punctuation: without one nothing changes.
        var mayChange = false
        /// A `:`, an `@` or `www`.
        var mayHoldAddress = false
        /// A `[` or a `]`, which the bracket depth counts.
        var hasBracket = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var run = 0
            for byte in bytes {
                switch byte {
                case 0x2E, 0xE2: mayChange = true
                case 0x5B, 0x5D: mayChange = true; hasBracket = true
                case 0x3A: mayChange = true; mayHoldAddress = true
                case 0x40: mayHoldAddress = true
                case 0x77: run += 1; if run >= 3 { mayHoldAddress = true }; continue
                default: break
                }
                run = 0
            }
        }
    }

    /// `www.` addresses and URLs, left to right, none inside brackets.
    private static func addresses(_ bytes: [UInt8], openAtStart: Bool, brackets: inout Int) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < bytes.count {
            let match: Found?
            switch bytes[index] {
            case UInt8(ascii: "["): brackets += 1; match = nil
            case UInt8(ascii: "]"): brackets = max(0, brackets - 1); match = nil
            case _ where brackets > 0: match = nil
            case UInt8(ascii: "w"): match = www(bytes, at: index, openAtStart: openAtStart)
            case UInt8(ascii: ":"): match = url(bytes, colon: index, floor: found.last?.end ?? 0)
            default: match = nil
            }
            guard let match else {
                index += 1
                continue
            }
            if !match.isSkip { found.append(match) }
            index = match.end
        }
        return found
    }

    /// E-mail addresses in one stretch of text between other links.
    private static func emails(_ bytes: [UInt8], in gap: Range<Int>, isPunctuation: (Int) -> Bool) -> [Found] {
        var found: [Found] = []
        var index = gap.lowerBound
        while index < gap.upperBound {
            guard bytes[index] == 0x40, let match = email(bytes, at: index, within: (found.last?.end ?? gap.lowerBound)..<gap.upperBound,
                                                         isPunctuation: isPunctuation) else {
                index += 1
                continue
            }
            found.append(match)
            index = match.end
        }
        return found
    }

    /// The text with smart punctuation spelled as written, and for each of its bytes (and its
    /// end) the offset in the text it came from.
    private static func asWritten(_ text: [UInt8]) -> (bytes: [UInt8], origin: [Int]) {
        guard text.contains(0xE2) else { return (text, Array(0...text.count)) }
        var bytes: [UInt8] = []
        var origin: [Int] = []
        bytes.reserveCapacity(text.count)
        origin.reserveCapacity(text.count + 1)
        var index = 0
        while index < text.count {
            let spelled: String?
            if text[index] == 0xE2, index + 2 < text.count, text[index + 1] == 0x80 {
                switch text[index + 2] {
                case 0x93: spelled = "--"
                case 0x94: spelled = "---"
                case 0xA6: spelled = "..."
                case 0x98, 0x99: spelled = "'"
                case 0x9C, 0x9D: spelled = "\""
                default: spelled = nil
                }
            } else {
                spelled = nil
            }
            if let spelled {
                for byte in spelled.utf8 {
                    bytes.append(byte)
                    origin.append(index)
                }
                index += 3
            } else {
                bytes.append(text[index])
                origin.append(index)
                index += 1
            }
        }
        origin.append(text.count)
        return (bytes, origin)
    }
}
