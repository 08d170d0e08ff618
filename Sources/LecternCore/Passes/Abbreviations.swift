/// Pandoc's smart-punctuation rule: a space after a known abbreviation is non-breaking.
enum Abbreviations {
    static let all: Set<Substring> = [
        "Mr.", "Mrs.", "Ms.", "Capt.", "Dr.", "Prof.", "Gen.", "Gov.", "e.g.", "i.e.", "Sgt.", "St.", "vol.",
        "vs.", "Sen.", "Rep.", "Pres.", "Hon.", "Rev.", "Ph.D.", "M.D.", "M.A.", "p.", "pp.", "ch.", "sec.",
        "cf.", "cp.",
    ]

    static func apply(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            guard case .text(let text) = inline.kind, hasPeriodSpace(text) else { return inline }
            return Inline(.text(apply(text)), inline.range)
        }
    }

    static func hasPeriodSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x20, previous == 0x2E { return true }
            previous = byte
        }
        return false
    }

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
