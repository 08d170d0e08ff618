import Foundation
import LecternCore
@testable import LecternSite
import Testing

/// Partials rendered once per folder depth: which ones qualify, and pages that come out exactly
/// as when every partial is rendered per page.
@Suite struct SharedPartialsTests {
    @Test func theBuiltInHeaderFooterAndPolicyAreShared() {
        let (theme, _) = Theme.load(courseRoot: "/nonexistent")
        #expect(theme.sharedPartials == ["csp", "footer", "header"])
    }

    @Test func onlyPartialsThatSeeCourseWideValuesWhereThePageHasThemAreShared() {
        var texts = [
            "page": "{{>wide}}{{>lesson}}{{#s}}{{>inSection}}{{/s}}\n  {{>indented}}\n{{>outer}}{{>slides}}{{>dot}}{{>inner}}{{>nested}}",
            "wide": "{{course.title}}{{#course.authors}}{{root}}{{/course.authors}}{{uppercased(links.home)}}{{{assets.x_css}}}{{! note }}",
            "lesson": "{{lesson.title}}", "inSection": "{{root}}", "indented": "{{root}}", "outer": "{{>wide}}",
            "slides": "{{links.slides}}", "dot": "{{.}}", "inner": "{{#course.tags}}{{.}}{{uppercased(.)}}{{/course.tags}}",
            "nested": "{{root}}{{>deeper}}", "deeper": "{{root}}", "unused": "{{root}}",
            "direct": "{{root}}",
        ]
        #expect(SharedPartials.names(scans: texts.mapValues(TemplateTags.scan), direct: ["page", "direct"]) == ["wide", "inner", "deeper"])
        texts["page", default: ""] += "{{>direct}}"
        #expect(SharedPartials.names(scans: texts.mapValues(TemplateTags.scan), direct: ["page", "direct"]) == ["wide", "inner", "deeper"])
        texts["other"] = "{{=[ ]=}}"
        #expect(SharedPartials.names(scans: texts.mapValues(TemplateTags.scan), direct: ["page", "direct"]).isEmpty)
    }

    /// A course with lessons at three depths.
    static func course(templates: [String: String] = [:]) throws -> String {
        let root = try ThemeTests.course(templates: templates)
        try "title: T\nauthors: [A. Author]\nlicense: CC BY 4.0\nmodules:\n  - title: M\n    lessons: [one.md, a/two.md, a/b/three.md]\n"
            .write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
        for (path, title) in [("a/two.md", "Two"), ("a/b/three.md", "Three")] {
            let file = root + "/Content/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "---\ntitle: \(title)\nduration: 5\n---\n\n## First\n\nText.\n\n## Second\n\nMore.\n".write(toFile: file, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Every file the renderer makes, by path.
    static func files(_ renderer: SiteRenderer) -> [String: Data] {
        let lessons = renderer.course.lessons.indices.flatMap { renderer.lessonFiles($0) }
        return Dictionary(lessons + renderer.sharedFiles(), uniquingKeysWith: { first, _ in first })
    }

    @Test(arguments: [false, true])
    func pagesAreTheSameAsWithEveryPartialRenderedPerPage(offline: Bool) throws {
        let header = "<header>{{course.title}} <a href=\"{{links.home}}\">home</a> <a href=\"{{links.search}}\">search</a> {{root}}</header>\n"
        let root = try Self.course(templates: ["header.mustache": header])
        defer { OutputSafetyTests.remove(root) }
        let (course, _) = try CourseLoader.load(root: root)
        let (theme, diagnostics) = Theme.load(courseRoot: root)
        #expect(diagnostics.isEmpty)
        #expect(theme.sharedPartials == ["csp", "footer", "header"])
        var plain = theme
        plain.sharedPartials = []
        let paths = SitePaths(offline: offline)
        let shared = SiteRenderer(course: course, paths: paths, theme: theme)
        #expect(shared.context.sharedRoots == ["", "../", "../../", "../../../", "../../../../"])
        let files = Self.files(shared)
        let perPage = Self.files(SiteRenderer(course: course, paths: paths, theme: plain))
        #expect(files.keys.sorted() == perPage.keys.sorted())
        for (path, data) in files { #expect(data == perPage[path], "\(path)") }
        let page = String(decoding: try #require(files[paths.file(forPage: "a/two")]), as: UTF8.self)
        #expect(page.contains("<a href=\"../../search/\(offline ? "index.html" : "")\">search</a> ../../</header>"))
    }

    @Test func aPartialThatNamesPageValuesIsRenderedPerPage() throws {
        let root = try Self.course(templates: ["footer.mustache": "<footer>{{lesson.title}} of {{course.title}}</footer>\n"])
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(result.wrote)
        #expect(try String(contentsOfFile: root + "/Public/a/b/three/index.html", encoding: .utf8).contains("<footer>Three of T</footer>"))
        #expect(try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8).contains("<footer>One of T</footer>"))
    }

    @Test func anEditedLessonThatChangesCourseValuesRendersSharedPartialsAgain() throws {
        let root = try Self.course(templates: ["footer.mustache": "<footer>{{course.totalMinutes}} minutes</footer>\n"])
        defer { OutputSafetyTests.remove(root) }
        var (course, _) = try CourseLoader.load(root: root)
        let (theme, _) = Theme.load(courseRoot: root)
        #expect(theme.sharedPartials.contains("footer"))
        let renderer = SiteRenderer(course: course, paths: SitePaths(), theme: theme)
        let before = course.lessons.reduce(0) { $0 + $1.minutes }
        #expect(String(decoding: renderer.lessonFiles(1)[0].data, as: UTF8.self).contains("<footer>\(before) minutes</footer>"))
        let edited = course.lessons[1]
        course.lessons[1] = Lesson(path: edited.path, moduleIndex: edited.moduleIndex,
                                   source: edited.source.replacingOccurrences(of: "duration: 5", with: "duration: 45"))
        let updated = renderer.updating(course, titlesChanged: false)
        #expect(String(decoding: updated.lessonFiles(2)[0].data, as: UTF8.self).contains("<footer>\(before + 40) minutes</footer>"))
    }
}
