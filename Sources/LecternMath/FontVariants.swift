/// `\mathbf`, `\mathbb` and the other math fonts, written as Unicode mathematical
/// alphanumeric symbols (browsers ignore most of `mathvariant`).
enum FontVariant: String, Hashable, Sendable {
    case normal, bold, italic, boldItalic, script, boldScript, fraktur, boldFraktur, doubleStruck
    case sansSerif, sansSerifBold, sansSerifItalic, sansSerifBoldItalic, monospace

    /// The font commands and the variant each selects.
    static let commands: [String: FontVariant] = [
        "mathrm": .normal, "mathup": .normal, "rm": .normal, "mathbf": .bold, "bf": .bold, "mathit": .italic,
        "it": .italic, "mathnormal": .italic, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathbfit": .boldItalic,
        "mathcal": .script, "cal": .script, "mathscr": .script, "mathfrak": .fraktur, "frak": .fraktur,
        "mathbb": .doubleStruck, "Bbb": .doubleStruck, "mathsf": .sansSerif, "sf": .sansSerif,
        "mathtt": .monospace, "tt": .monospace, "mathsfit": .sansSerifItalic, "mathbfsf": .sansSerifBold,
    ]

    /// Offsets of A, a and 0 in the Mathematical Alphanumeric Symbols block (nil: not in this font).
    private var latin: (upper: UInt32, lower: UInt32, digit: UInt32?)? {
        switch self {
        case .normal: return nil
        case .bold: return (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: return (0x1D434, 0x1D44E, nil)
        case .boldItalic: return (0x1D468, 0x1D482, 0x1D7CE)
        case .script: return (0x1D49C, 0x1D4B6, nil)
        case .boldScript: return (0x1D4D0, 0x1D4EA, 0x1D7CE)
        case .fraktur: return (0x1D504, 0x1D51E, nil)
        case .boldFraktur: return (0x1D56C, 0x1D586, 0x1D7CE)
        case .doubleStruck: return (0x1D538, 0x1D552, 0x1D7D8)
        case .sansSerif: return (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .sansSerifBold: return (0x1D5D4, 0x1D5EE, 0x1D7EC)
        case .sansSerifItalic: return (0x1D608, 0x1D622, 0x1D7E2)
        case .sansSerifBoldItalic: return (0x1D63C, 0x1D656, 0x1D7EC)
        case .monospace: return (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// Offsets of capital alpha and small alpha for Greek (nil: Greek stays as it is).
    private var greek: (upper: UInt32, lower: UInt32)? {
        switch self {
        case .bold: return (0x1D6A8, 0x1D6C2)
        case .italic: return (0x1D6E2, 0x1D6FC)
        case .boldItalic: return (0x1D71C, 0x1D736)
        case .sansSerifBold: return (0x1D756, 0x1D770)
        case .sansSerifBoldItalic: return (0x1D790, 0x1D7AA)
        default: return nil
        }
    }

    /// Letters that Unicode encodes outside the block (the "holes").
    private static let holes: [FontVariant: [Character: Character]] = [
        .italic: ["h": "ℎ"],
        .script: ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"],
        .fraktur: ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"],
        .doubleStruck: ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
    ]

    /// Greek symbols that follow the lowercase letters in each Greek run, in order.
    private static let greekTail: [Character] = ["∂", "ϵ", "ϑ", "ϰ", "ϕ", "ϱ", "ϖ"]

    /// `text` in this font; characters the font does not have stay as they are.
    func apply(_ text: String) -> String {
        guard self != .normal else { return text }
        var out = ""
        for character in text {
            if let hole = Self.holes[self]?[character] { out.append(hole); continue }
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
                out.append(character)
                continue
            }
            let value = scalar.value
            var mapped: UInt32?
            if let latin {
                if (0x41...0x5A).contains(value) { mapped = latin.upper + value - 0x41 }
                if (0x61...0x7A).contains(value) { mapped = latin.lower + value - 0x61 }
                if (0x30...0x39).contains(value), let digit = latin.digit { mapped = digit + value - 0x30 }
            }
            if let greek {
                if (0x391...0x3A9).contains(value), value != 0x3A2 { mapped = greek.upper + value - 0x391 }
                if (0x3B1...0x3C9).contains(value) { mapped = greek.lower + value - 0x3B1 }
                if let tail = Self.greekTail.firstIndex(of: character) { mapped = greek.lower + 25 + UInt32(tail) }
            }
            if let mapped, let result = Unicode.Scalar(mapped) { out.unicodeScalars.append(result) } else { out.append(character) }
        }
        return out
    }
}
