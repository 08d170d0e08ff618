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

    static func apply(_ text: String) -> String {
        var out = ""
        var wordStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == " ", index > text.startIndex, text[text.index(before: index)] == ".",
               all.contains(text[wordStart..<index]) {
                out.append("\u{A0}")
            } else {
                out.append(character)
            }
            index = text.index(after: index)
            if character.isWhitespace { wordStart = index }
        }
        return out
    }
}
