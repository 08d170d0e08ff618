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
}
