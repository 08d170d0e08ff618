@testable import LecternCore
import Testing

/// Offsets in the text given to cmark map back to the author's columns through the edits of each line.
@Suite struct SourceMapTests {
    /// The plain reading of an edit list: walk it from the start.
    static func walked(_ offset: Int, through edits: [LineEdit]) -> Int {
        var delta = 0
        for edit in edits {
            if offset < edit.newStart { break }
            if offset < edit.newStart + edit.newLength { return edit.oldStart }
            delta = (edit.oldStart + edit.oldLength) - (edit.newStart + edit.newLength)
        }
        return offset + delta
    }

    /// Edits as the pre-pass makes them: left to right over a line, each replacing some old
    /// bytes (possibly none) with some new ones (possibly none).
    static func randomEdits(using generator: inout some RandomNumberGenerator) -> (edits: [LineEdit], newLength: Int) {
        var edits: [LineEdit] = [], old = 0, new = 0
        for _ in 0..<Int.random(in: 0...40, using: &generator) {
            let kept = Int.random(in: 0...5, using: &generator)
            old += kept
            new += kept
            let oldLength = Int.random(in: 0...4, using: &generator)
            let newLength = oldLength == 0 ? Int.random(in: 1...6, using: &generator) : Int.random(in: 0...6, using: &generator)
            edits.append(LineEdit(newStart: new, newLength: newLength, oldStart: old, oldLength: oldLength))
            old += oldLength
            new += newLength
        }
        return (edits, new + 5)
    }

    @Test func searchingTheEditsAgreesWithWalkingThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let (edits, length) = Self.randomEdits(using: &generator)
            for offset in 0...length {
                #expect(LineEdit.map(offset, through: edits) == Self.walked(offset, through: edits),
                        "offset \(offset) through \(edits)")
            }
        }
    }

    @Test func thousandsOfTokensOnOneLineAreLocated() {
        let source = String(repeating: "$x^2$ ", count: 3000) + "[x]{.a @b}\n"
        let (_, diagnostics) = MarkdownParser.parse(source, file: "lesson.md")
        #expect(diagnostics.map(\.id) == ["attributes.malformed"])
        // The `@` after 3,000 math spans and `[x]{.a `.
        #expect(diagnostics.first?.range.start == SourceLocation(line: 1, column: 3000 * 6 + 8))
    }
}
