import Foundation

/// Pandoc's smart-punctuation rule: a space after a known abbreviation is non-breaking.
enum Abbreviations {
    static let all: Set<Substring> = [
        "Mr.", "Mrs.", "Ms.", "Capt.", "Dr.", "Prof.", "Gen.", "Gov.", "e.g.", "i.e.", "Sgt.", "St.", "vol.",
        "vs.", "Sen.", "Rep.", "Pres.", "Hon.", "Rev.", "Ph.D.", "M.D.", "M.A.", "p.", "pp.", "ch.", "sec.",
        "cf.", "cp.",
    ]

    static func apply(_ inlines: [Inline]) -> [Inline] {
        // Most sentences end in `. ` after an ordinary word: a list is copied only when one
        // of its texts changes.
        var out = inlines
        for index in out.indices {
            guard case .text(let text) = out[index].kind, let replaced = apply(text) else { continue }
            out[index] = Inline(.text(replaced), out[index].range)
        }
        return out
    }

    /// The abbreviations' bytes by length, so that a word is compared without copying it.
    private static let byLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (all.map(\.utf8.count).max() ?? 0) + 1)
        for abbreviation in all { table[abbreviation.utf8.count].append(Array(abbreviation.utf8)) }
        return table
    }()

    /// The text with each space that follows a known abbreviation made U+00A0; nil when no
    /// space follows one. Only the words before `. ` are looked at, found with `memchr`: most
    /// text has few of them, and every lesson's text passes through here.
    static func apply(_ text: String) -> String? {
        var text = text
        let byLength = Self.byLength
        return text.withUTF8 { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var output: [UInt8] = []
            var copied = 0
            var from = 0
            while from < buffer.count, let found = memchr(base + from, 0x2E, buffer.count - from) {
                let dot = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                from = dot + 1
                let space = dot + 1
                guard space < buffer.count, buffer[space] == 0x20 else { continue }
                // The word runs back from the dot to a space, line break, tab or `(`.
                var start = dot
                while start > 0, start > space - byLength.count, !Self.endsWord(buffer[start - 1]) { start -= 1 }
                guard space - start < byLength.count, start == 0 || Self.endsWord(buffer[start - 1]),
                      byLength[space - start].contains(where: { $0.elementsEqual(buffer[start..<space]) }) else { continue }
                output += buffer[copied..<space]
                output += [0xC2, 0xA0]
                copied = space + 1
            }
            guard copied > 0 else { return nil }
            output += buffer[copied...]
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func endsWord(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x28
    }
}
