import LecternCore
import Testing

/// Warnings that catch what renders silently wrong: a misspelt component class and a link a
/// screen reader cannot name.
@Suite struct AuthoringWarningTests {
    static func ids(_ source: String) -> [String] {
        let (document, _) = MarkdownParser.parse(source, file: "a.md")
        return LessonAnalyzer.analyze(document, path: "a.md").diagnostics.map(\.id)
    }

    @Test func aClassCloseToAComponentIsNamed() {
        let (document, _) = MarkdownParser.parse("::: summery\nx\n:::\n\n[y]{.bagde} [z]{.badge .warning} [w]{.my-own}\n", file: "a.md")
        let found = LessonAnalyzer.analyze(document, path: "a.md").diagnostics.filter { $0.id == "component.unknown" }
        #expect(found.map(\.message) == ["unknown class 'summery'; did you mean 'summary'?", "unknown class 'bagde'; did you mean 'badge'?"])
        #expect(found.first?.range.start.line == 1)
    }

    @Test func aLinkHoldingOnlyAnImageWithoutAltHasNoName() {
        #expect(Self.ids("[![](logo.png)](https://example.org)\n").contains("link.no-name"))
        #expect(!Self.ids("[![The logo](logo.png)](https://example.org)\n").contains("link.no-name"))
        #expect(!Self.ids("[Home ![](logo.png)](https://example.org)\n").contains("link.no-name"))
    }
}
