@testable import LecternCore
import Testing

/// A lesson's search text: one section per heading, speaker notes left out, long sections cut
/// at a fixed number of characters.
@Suite struct SearchSectionTests {
    static func sections(_ body: String) -> [SearchSection] {
        Lesson(path: "l.md", moduleIndex: 0, source: "---\ntitle: L\n---\n\n" + body).analysis.searchSections
    }

    @Test func sectionsFollowHeadingsAndLeaveNotesOut() {
        let sections = Self.sections("Intro text.\n\n## First {#first}\n\nOne.\n\n::: notes\nSpeaker only.\n:::\n\nTwo.\n\n## Second\n\nThree.\n")
        #expect(sections.map(\.heading) == ["L", "First", "Second"])
        #expect(sections.map(\.text) == ["Intro text.", "One. Two.", "Three."])
        #expect(sections.map(\.anchor) == ["", "first", "second"])
    }

    @Test func longSectionsAreCutAtTheLimitInCharacters() throws {
        let limit = LessonAnalyzer.maximumSectionText
        // Characters of one and two scalars and of one to eight bytes, so that bytes, scalars and characters all differ.
        let paragraph = String(repeating: "ae\u{301}\u{1F600}\u{1F1EB}\u{1F1F7} ", count: 40) + "end"
        let body = "## Long\n\n" + Array(repeating: paragraph, count: 12).joined(separator: "\n\n")
        let long = try #require(Self.sections(body).first { $0.heading == "Long" }).text
        #expect(long.count == limit)
        let whole = Array(repeating: paragraph, count: 12).joined(separator: " ")
        #expect(whole.hasPrefix(long))
        let exact = String(repeating: "x", count: limit - 5) + " tail"
        #expect(Self.sections("## Exact\n\n" + exact + "\n").map(\.text) == [exact])
    }
}
