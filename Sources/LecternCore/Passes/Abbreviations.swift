/// Pandoc's smart-punctuation rule: a space after a known abbreviation is non-breaking.
enum Abbreviations {
    static let all: Set<Substring> = [
        "Mr.", "Mrs.", "Ms.", "Capt.", "Dr.", "Prof.", "Gen.", "Gov.", "e.g.", "i.e.", "Sgt.", "St.", "vol.",
        "vs.", "Sen.", "Rep.", "Pres.", "Hon.", "Rev.", "Ph.D.", "M.D.", "M.A.", "p.", "pp.", "ch.", "sec.",
        "cf.", "cp.",
    ]

    static func apply(_ inlines: [Inline]) -> [Inline] {
        // Most sentences end in `. ` after an ordinary word: the list is rebuilt only when
        // some text has a known abbreviation before a space.
        guard let first = inlines.firstIndex(where: { inline in
            if case .text(let text) = inline.kind { return hasAbbreviation(text) }
            return false
        }) else { return inlines }
        var out = inlines
        for index in first..<out.count {
            guard case .text(let text) = out[index].kind, hasAbbreviation(text) else { continue }
            out[index] = Inline(.text(apply(text)), out[index].range)
        }
        return out
    }

    /// Whether a space in the text follows one of the abbreviations.
    static func hasAbbreviation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var wordStart = 0
            for (index, byte) in buffer.enumerated() {
                if byte == 0x20, index > 0, buffer[index - 1] == 0x2E, index - wordStart <= longest,
                   bytes.contains(Array(buffer[wordStart..<index])) { return true }
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x28 { wordStart = index + 1 }
            }
            return false
        }
    }

    private static let longest = all.map(\.utf8.count).max() ?? 0

    private static let bytes: Set<[UInt8]> = Set(all.map { Array($0.utf8) })

    /// Replaces each space that follows a known abbreviation with U+00A0.
    static func apply(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 8)
        var wordStart = 0
        for byte in text.utf8 {
            if byte == 0x20, output.last == 0x2E, bytes.contains(Array(output[wordStart...])) {
                output += [0xC2, 0xA0]
                wordStart = output.count
                continue
            }
            output.append(byte)
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x28 { wordStart = output.count }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
