@testable import LecternCore
import Testing

/// Citations are found the same way in ASCII text, which is read a run at a time, and in
/// other text, which is read character by character.
@Suite struct CitationTests {
    static let pieces = ["@key", "@a1", "[@b]", "[see @c, p. 4; @d]", "[p. 3]", "mail@example.org", "x@", "@", "[", "]", " ", "word", ";", ".", "-", "_x"]

    @Test func asciiTextIsReadAsCharacterByCharacter() {
        var generator = SystemRandomNumberGenerator()
        var cited = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let ascii = Citations.resolve([Inline(.text(text))])
            // A trailing " ·" makes the same text go character by character; taken off again after.
            var other = Citations.resolve([Inline(.text(text + " \u{B7}"))])
            if case .text(let last) = other.last?.kind, last.hasSuffix(" \u{B7}") {
                let rest = String(last.dropLast(2))
                if rest.isEmpty { other.removeLast() } else { other[other.count - 1] = Inline(.text(rest)) }
            }
            #expect(ascii == other, "\(text)")
            if ascii.contains(where: { if case .cite = $0.kind { return true }; return false }) { cited += 1 }
        }
        #expect(cited > 1_000)
    }
}
