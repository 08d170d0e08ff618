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

    private static let longest = all.map(\.utf8.count).max() ?? 0

    private static let bytes: Set<[UInt8]> = Set(all.map { Array($0.utf8) })

    /// The text with each space that follows a known abbreviation made U+00A0; nil when no
    /// space follows one.
    static func apply(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { buffer -> String? in
            var output: [UInt8] = []
            var copied = 0
            var wordStart = 0
            for (index, byte) in buffer.enumerated() {
                if byte == 0x20, index > 0, buffer[index - 1] == 0x2E, index - wordStart <= longest,
                   bytes.contains(Array(buffer[wordStart..<index])) {
                    output += buffer[copied..<index]
                    output += [0xC2, 0xA0]
                    copied = index + 1
                }
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x28 { wordStart = index + 1 }
            }
            guard copied > 0 else { return nil }
            output += buffer[copied...]
            return String(decoding: output, as: UTF8.self)
        }
    }
}
