@testable import LecternSite
import Testing

/// Relative paths between pages and files of the built site.
@Suite struct SitePathsTests {
    @Test func relativePathsClimbToTheCommonFolder() {
        let paths = SitePaths()
        #expect(paths.relative(from: "a/b", to: "a/c/d") == "../c/d")
        #expect(paths.relative(from: "a/b", to: "a/b") == "")
        #expect(paths.relative(from: "", to: "x/y.png") == "x/y.png")
        #expect(paths.relative(from: "a/b", to: "") == "../..")
        #expect(paths.relative(from: "/a//b/", to: "a/c") == "../c")
        #expect(paths.relative(from: "unité/a", to: "unité/b") == "../b")
        #expect(paths.relative(from: "unite\u{301}/a", to: "unit\u{E9}/b") == "../b", "canonically equal folders are one folder")
        #expect(paths.link(fromPage: "a/b", toPage: "a/c", fragment: "x") == "../c/#x")
    }

    /// Segments written as split reads them, empty and repeated slashes included.
    @Test func relativePathsAgreeWithComparingSplitSegments() {
        let segments = ["a", "b", "ab", "..", "", "é", "e\u{301}", "x y", "l0001"]
        func path(using generator: inout some RandomNumberGenerator) -> String {
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in segments.randomElement(using: &generator)! }.joined(separator: "/")
        }
        func expected(_ from: String, _ to: String) -> String {
            let source = from.split(separator: "/"), target = to.split(separator: "/")
            var common = 0
            while common < source.count, common < target.count, source[common] == target[common] { common += 1 }
            return (Array(repeating: "..", count: source.count - common) + target[common...].map(String.init)).joined(separator: "/")
        }
        let paths = SitePaths()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let from = path(using: &generator), to = path(using: &generator)
            #expect(paths.relative(from: from, to: to) == expected(from, to), "\(from) → \(to)")
        }
    }
}
