@testable import LecternSite
import Testing

/// Links written in a lesson, as they appear on its page.
@Suite struct LinkResolverTests {
    let resolver = LinkResolver(pages: ["unit/a.md": "unit/a", "unit/b.md": "unit/b"], paths: SitePaths(offline: false))

    @Test func filesArePercentEncodedOnlyWhereAPathNeedsIt() {
        let cases = [
            ("files/my notes.pdf#p2", "../files/my%20notes.pdf#p2"),
            ("img/café.png", "../img/caf%C3%A9.png"),
            ("img/a(b)+c,d;e=f@g~h.png", "../img/a(b)+c,d%3Be=f@g~h.png"),
            ("data/100%25.csv", "../data/100%25.csv"),
            ("b.md#part", "../b/#part"),
            ("https://example.org/a b", "https://example.org/a b"),
        ]
        for (written, expected) in cases {
            #expect(resolver.resolve(written, lessonPath: "unit/a.md", pageDirectory: "unit/a") == expected, "\(written)")
        }
    }
}
