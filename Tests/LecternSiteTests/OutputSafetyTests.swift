import Foundation
import LecternCore
@testable import LecternSite
import Testing

/// A failed build leaves the previous site as it was, and unsafe output folders are refused untouched.
@Suite struct OutputSafetyTests {
    static func makeCourse(_ lesson: String = "---\ntitle: One\n---\n\nHello.\n", safe: Bool = false) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Content/img", withIntermediateDirectories: true)
        try ("title: T\n" + (safe ? "safe: true\n" : "") + "modules:\n  - title: M\n    lessons: [one.md]\n")
            .write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
        try lesson.write(toFile: root + "/Content/one.md", atomically: true, encoding: .utf8)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: root + "/Content/img/a.png"))
        return root
    }

    /// Removes a test's folder; a build's background removal of its previous site may still be
    /// deleting inside it, so this tries again until the folder is gone.
    static func remove(_ folder: String) {
        for _ in 0..<50 {
            try? FileManager.default.removeItem(atPath: folder)
            guard FileManager.default.fileExists(atPath: folder) else { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Every file under a folder with its bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + path) { files[path] = data }
        }
        return files
    }

    @Test func buildWithAnErrorLeavesThePreviousSiteByteIdentical() throws {
        let root = try Self.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        let first = try SiteBuilder.build(BuildOptions(root: root))
        #expect(first.wrote)
        let before = Self.snapshot(root + "/Public")
        #expect(before["one/index.html"] != nil && before["img/a.png"] == Data([1, 2, 3]))

        try "---\ntitle: One\n---\n\n![gone](gone.png)\n".write(toFile: root + "/Content/one.md", atomically: true, encoding: .utf8)
        let second = try SiteBuilder.build(BuildOptions(root: root))
        #expect(!second.wrote)
        #expect(second.diagnostics.map(\.id) == ["image.missing"])
        #expect(Self.snapshot(root + "/Public") == before)
    }

    @Test func successfulRebuildReplacesTheSiteAndLeavesNoStagingFolders() throws {
        let root = try Self.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        try "---\ntitle: One\n---\n\nChanged.\n".write(toFile: root + "/Content/one.md", atomically: true, encoding: .utf8)
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let page = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        #expect(page.contains("Changed."))
        // The previous site is swapped out in one rename and deleted by a background process.
        var siblings = try FileManager.default.contentsOfDirectory(atPath: root)
        for _ in 0..<100 where siblings.count > 2 {
            Thread.sleep(forTimeInterval: 0.05)
            siblings = try FileManager.default.contentsOfDirectory(atPath: root)
        }
        #expect(siblings.sorted() == ["Content", "Public"])
    }

    @Test(arguments: ["/", "~", ".", "Content", "Templates", ".."])
    func refusesProtectedFolders(_ relative: String) throws {
        let root = try Self.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        try FileManager.default.createDirectory(atPath: root + "/Templates", withIntermediateDirectories: true)
        let path: String
        switch relative {
        case "~": path = FileManager.default.homeDirectoryForCurrentUser.path
        case "/": path = "/"
        default: path = root + "/" + relative
        }
        let before = Self.snapshot(root)
        var options = BuildOptions(root: root)
        options.output = path
        #expect(throws: OutputFolderError.self) { try SiteBuilder.build(options) }
        #expect(Self.snapshot(root) == before)
    }

    @Test func refusesAFolderWithFilesItDidNotMake() throws {
        let root = try Self.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        let foreign = root + "/Elsewhere"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep me".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        var options = BuildOptions(root: root)
        options.output = foreign
        #expect(throws: OutputFolderError.foreign(foreign)) { try SiteBuilder.build(options) }
        #expect(try String(contentsOfFile: foreign + "/notes.txt", encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign) == ["notes.txt"])
    }

    @Test func acceptsAnEmptyFolderAndItsOwnOutput() throws {
        let root = try Self.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        let empty = root + "/Site"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        var options = BuildOptions(root: root)
        options.output = empty
        #expect(try SiteBuilder.build(options).wrote)
        #expect(try SiteBuilder.build(options).wrote)
        #expect(FileManager.default.fileExists(atPath: empty + "/" + OutputFolder.markerName))
    }
}

/// `safe: true` holds for metadata and the table of contents too.
@Suite struct SafeModeOutputTests {
    @Test func frontMatterCannotReplaceTheLessonBodyAndHeadingsStayEscapedInTheContents() throws {
        let lesson = "---\ntitle: One\ncontent: '<img src=x onerror=alert(1)>'\n---\n\n"
            + "## First <img src=y onerror=alert(2)>\n\nText.\n\n## Second\n\nMore.\n"
        let root = try OutputSafetyTests.makeCourse(lesson, safe: true)
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(result.wrote)
        let page = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        #expect(page.contains("Text.") && page.contains("More."), "the lesson body is the markdown's")
        #expect(!page.contains("onerror=alert(1)") && !page.contains("<img src=x"))
        #expect(!page.contains("<img src=y"), "raw HTML in a heading is dropped from the page and its contents")
    }
}

/// Safe mode keeps only harmless link and image targets, however the scheme is spelt.
@Suite struct SafeURLTests {
    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                      "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
                      "JAVASCRIPT&colon;alert(1)".replacingOccurrences(of: "&colon;", with: ":")])
    func refusesScriptSchemes(_ url: String) {
        #expect(!URLPolicy.allowed(url, image: false))
        #expect(!URLPolicy.allowed(url, image: true))
    }

    @Test(arguments: ["https://example.com/a?b=c:d", "http://x", "mailto:a@b.c", "../other/", "#part", "page.html#x:y",
                      "folder/file:name.png", "?q=a:b", ""])
    func keepsOrdinaryTargets(_ url: String) {
        #expect(URLPolicy.allowed(url, image: false))
    }

    @Test func dataURLsOnlyForRasterImages() {
        #expect(URLPolicy.allowed("data:image/png;base64,AAAA", image: true))
        #expect(!URLPolicy.allowed("data:image/png;base64,AAAA", image: false))
        #expect(!URLPolicy.allowed("data:image/svg+xml,<svg onload=alert(1)>", image: true))
    }

    @Test func linksInEverySpellingAreDisarmedInASafeCourse() throws {
        let lesson = "---\ntitle: One\n---\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](java&#x73;cript:alert(3))\n\n"
            + "<javascript:alert(4)>\n\n[d][ref]\n\n[ref]: javascript:alert(5)\n\n![i](javascript:alert(6))\n\n[ok](https://example.com)\n"
        let root = try OutputSafetyTests.makeCourse(lesson, safe: true)
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let page = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        // The text of an autolink may show the URL; no attribute may hold it.
        let attributes = page.lowercased().components(separatedBy: "=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!attributes.contains { $0.contains("script:") })
        #expect(page.components(separatedBy: "href=\"#\"").count - 1 >= 5)
        #expect(page.contains("href=\"https://example.com\""))
    }
}
