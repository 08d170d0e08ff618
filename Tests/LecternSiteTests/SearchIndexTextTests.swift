import Foundation
@testable import LecternSite
import Testing

/// Text in the search index script reads back as written and cannot end the script early.
@Suite struct SearchIndexTextTests {
    static let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "<", ">",
                                         "/", "é", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{E2}", "\u{1F600}", "\u{301}"]

    @Test func everyStringReadsBackAsWrittenAndHidesWhatAScriptFileMustNotHold() throws {
        for text in Self.randomTexts(from: Self.pool) {
            var literal = ""
            JSONText.append(text, to: &literal)
            let decoded = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(decoded?.first?.unicodeScalars.elementsEqual(text.unicodeScalars) == true, "\(literal)")
            #expect(!literal.unicodeScalars.contains { $0 == "<" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0.value < 0x20 }, "\(literal)")
        }
    }

    /// 5,000 strings of up to 12 scalars from `pool`.
    static func randomTexts(from pool: [Unicode.Scalar]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<5_000).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { scalars.append(pool.randomElement(using: &generator)!) }
            return String(scalars)
        }
    }
}
