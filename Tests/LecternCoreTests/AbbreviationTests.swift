@testable import LecternCore
import Testing

/// A space after a known abbreviation becomes non-breaking, as pandoc's smart punctuation
/// makes it, wherever the abbreviation stands in the text.
@Suite struct AbbreviationTests {
    static let pieces = ["e.g.", "i.e.", "Dr.", "Ph.D.", "pp.", "p.", "vs.", "word", "word.", "E.g.", "xDr.", "é.", "(", " ", " ", "\n", "\t", ".", ".."]

    /// The rule read plainly: each space after a dot whose word, back to a space, line
    /// break, tab or `(`, is a known abbreviation.
    static func expected(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            var start = index
            while start > 0, ![0x20, 0x0A, 0x09, 0x28].contains(bytes[start - 1]) { start -= 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            if byte == 0x20, index > start, Abbreviations.all.contains(Substring(word)) {
                out += [0xC2, 0xA0]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func spacesAfterAbbreviationsAreNonBreaking() {
        var generator = SystemRandomNumberGenerator()
        var changed = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let result = Abbreviations.apply(text)
            #expect((result ?? text) == Self.expected(text), "\(Array(text.utf8))")
            #expect(result == nil || result != text)
            if result != nil { changed += 1 }
        }
        #expect(changed > 200)
        #expect(Abbreviations.apply("See e.g. this, Dr. Who (i.e. him) and x.y. here.") == "See e.g.\u{A0}this, Dr.\u{A0}Who (i.e.\u{A0}him) and x.y. here.")
    }
}
