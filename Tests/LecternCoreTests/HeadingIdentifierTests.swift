import Testing
@testable import LecternCore

/// Pandoc's unique heading ids, kept when many headings share a text.
struct HeadingIdentifierTests {
    @Test func repeatedHeadingsCountUpAndSkipIdsTakenExplicitly() {
        var identifiers = HeadingIdentifiers()
        let same = [Inline(.text("Same"))]
        identifiers.register("same-2")
        let ids = (0..<5).map { _ in identifiers.assign(same) }
        #expect(ids == ["same", "same-1", "same-3", "same-4", "same-5"])
        identifiers.register("same-6")
        #expect(identifiers.assign(same) == "same-7")
        #expect(identifiers.assign([Inline(.text("Other"))]) == "other")
    }

    /// ASCII headings take a byte-wise path; it must name them as the character-wise one does,
    /// with every ASCII byte, control characters and separators at both ends included.
    @Test func asciiHeadingsGetTheIdsOfTheGeneralRule() {
        let pieces = ["A", "z", "Q", "7", "_", "-", ".", " ", "  ", "\t", "\r\n", "\u{0B}", "\u{1F}", "!", "#",
                      "Word", "9lives", "x.y", "--", "(", "~"] + (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var generator = SystemRandomNumberGenerator()
        var nonEmpty = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let fast = HeadingIdentifiers.asciiIdentifier(text)
            #expect(fast == HeadingIdentifiers.identifier(text), "\(text.unicodeScalars.map(\.value))")
            if fast?.isEmpty == false { nonEmpty += 1 }
        }
        #expect(nonEmpty > 1_000, "most texts have a letter")
        #expect(HeadingIdentifiers.asciiIdentifier("Caf\u{E9}") == nil)
        #expect(HeadingIdentifiers.identifier(for: [Inline(.text("Caf\u{E9} au lait"))]) == "café-au-lait")
        #expect(HeadingIdentifiers.identifier(for: [Inline(.text("  3. Data --  Drift! "))]) == "data----drift")
    }
}
