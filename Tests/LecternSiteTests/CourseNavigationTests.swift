import Foundation
import LecternCore
@testable import LecternSite
import Testing

/// The navigation beside a lesson copies its module's lines, made once per folder, around the
/// page's own line: every page must get what writing each line for that page gives.
@Suite struct CourseNavigationTests {
    /// Lessons at the top, in folders, in a folder named like a lesson (so lessons below one),
    /// and modules that mix folders; `count` lessons in all, so that both listings are tried.
    static func writeCourse(at root: String, count: Int) throws -> [String] {
        let paths = (0..<count).map { index -> String in
            switch index % 5 {
            case 0: return "l\(index).md"
            case 1: return "deep/a/l\(index).md"
            case 2: return "l0/l\(index).md"
            default: return "part\(index % 3)/l\(index).md"
            }
        }
        for path in paths {
            let file = root + "/Content/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "---\ntitle: \"Lesson <\(path)> & co\"\n---\n\nText.\n".write(toFile: file, atomically: true, encoding: .utf8)
        }
        let modules = stride(from: 0, to: count, by: 7).map { start in
            "  - title: \"Module \(start) & <x>\"\n    lessons: [" + paths[start..<min(start + 7, count)].joined(separator: ", ") + "]\n"
        }
        try ("title: Navigation\nmodules:\n" + modules.joined()).write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
        return paths
    }

    @Test(arguments: [(24, false), (24, true), (160, false)])
    func everyPageGetsTheLinesWrittenForIt(count: Int, offline: Bool) throws {
        let root = try OutputSafetyTests.makeCourse()
        defer { OutputSafetyTests.remove(root) }
        try FileManager.default.removeItem(atPath: root + "/Content/one.md")
        _ = try Self.writeCourse(at: root, count: count)
        let (course, diagnostics) = try CourseLoader.load(root: root)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(course.lessons.count == count)
        let navigation = CourseNavigation(course: course, paths: SitePaths(offline: offline))
        var below = 0
        for index in course.lessons.indices {
            let html = navigation.html(for: index)
            #expect(html == navigation.html(for: index, reusingLines: false), "\(course.lessons[index].slug)")
            #expect(html.components(separatedBy: "aria-current=\"page\"").count == 2)
            if course.lessons.contains(where: { $0.slug.hasPrefix(course.lessons[index].slug + "/") }) { below += 1 }
        }
        #expect(below == 1, "one lesson has lessons below it")
        // The first lesson's own module lists its lessons, in order, the first marked current.
        let first = navigation.html(for: 0)
        let titles = course.lessons.prefix(7).map { HTMLWriter.escapeAttribute($0.title) }
        let positions = titles.compactMap { first.range(of: $0)?.lowerBound }
        #expect(positions.count == 7 && positions == positions.sorted())
        #expect(first.contains("aria-current=\"page\"><span class=\"nav-status\""))
    }
}
