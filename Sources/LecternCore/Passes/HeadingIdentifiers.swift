/// Pandoc's `auto_identifiers`: ids from heading text, made unique with `-1`, `-2` suffixes.
public struct HeadingIdentifiers: Sendable {
    /// Identifiers handed out so far.
    public private(set) var used: Set<String> = []
    /// The next suffix to try per base, so that many equal headings stay linear.
    private var nextSuffix: [String: Int] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Pandoc's identifier for heading text (before making it unique).
    public static func identifier(for inlines: [Inline]) -> String {
        let text = Inline.plainText(inlines)
        return asciiIdentifier(text) ?? identifier(text)
    }

    /// `identifier` on characters, for any text.
    static func identifier(_ text: String) -> String {
        let text = text.lowercased()
        let filtered = text.filter { $0.isWhitespace || $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        let joined = filtered.split(whereSeparator: \.isWhitespace).joined(separator: "-")
        return String(joined.drop(while: { !$0.isLetter }))
    }

    /// `identifier` for ASCII text, on bytes; nil for other text. Headings are mostly ASCII,
    /// and the character-wise filter and split cost more than the rest of naming them.
    static func asciiIdentifier(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for var byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x09...0x0D, 0x20:
                pendingSeparator = !out.isEmpty
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte += 0x20
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): break
            default: continue
            }
            // The identifier starts at its first letter: what comes before, separators included, goes.
            let isLetter = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            if out.isEmpty, !isLetter { continue }
            if pendingSeparator { out.append(UInt8(ascii: "-")); pendingSeparator = false }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A unique identifier for a heading, registering it.
    public mutating func assign(_ inlines: [Inline]) -> String {
        var base = Self.identifier(for: inlines)
        if base.isEmpty { base = "section" }
        var candidate = base
        var number = nextSuffix[base, default: 1]
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        if candidate != base { nextSuffix[base] = number }
        used.insert(candidate)
        return candidate
    }

    /// Registers an explicit identifier.
    public mutating func register(_ id: String) {
        used.insert(id)
    }

    /// Gives every heading without an id one, in document order.
    public mutating func apply(to blocks: [Block]) -> [Block] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .header(let level, var attributes, let inlines):
                if attributes.id.isEmpty { attributes.id = assign(inlines) } else { register(attributes.id) }
                block.kind = .header(level: level, attributes, inlines)
            case .div(let attributes, let children):
                block.kind = .div(attributes, apply(to: children))
            case .blockQuote(let children):
                block.kind = .blockQuote(apply(to: children))
            case .bulletList(let items):
                block.kind = .bulletList(items.map { item in var item = item; item.blocks = apply(to: item.blocks); return item })
            case .orderedList(let style, let items):
                block.kind = .orderedList(style, items.map { item in var item = item; item.blocks = apply(to: item.blocks); return item })
            default:
                break
            }
            return block
        }
    }
}
