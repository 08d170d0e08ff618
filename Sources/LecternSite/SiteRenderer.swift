import Foundation
import LecternCore

/// Renders every page of a course to HTML files, keyed by their path in the site.
public struct SiteRenderer: Sendable {
    /// The course.
    public let course: Course
    /// How links are written.
    public let paths: SitePaths

    /// Creates a renderer.
    public init(course: Course, paths: SitePaths) {
        self.course = course
        self.paths = paths
    }

    /// Page directory of each lesson by its content path.
    var pages: [String: String] {
        Dictionary(course.lessons.map { ($0.path, $0.slug) }, uniquingKeysWith: { first, _ in first })
    }

    /// All pages: home, lessons and the 404 page.
    public func renderPages() -> [String: Data] {
        var files: [String: Data] = [:]
        files["index.html"] = Data(home().utf8)
        files["404.html"] = Data(notFound().utf8)
        let resolver = LinkResolver(pages: pages, paths: paths)
        let rendered = ResultBox<String>(count: course.lessons.count)
        DispatchQueue.concurrentPerform(iterations: course.lessons.count) { index in
            rendered.set(index, lessonPage(course.lessons[index], resolver: resolver))
        }
        for (index, lesson) in course.lessons.enumerated() {
            files[paths.file(forPage: lesson.slug)] = Data((rendered.values[index] ?? "").utf8)
        }
        return files
    }

    func lessonPage(_ lesson: Lesson, resolver: LinkResolver) -> String {
        let options = HTMLWriter.Options(pageMode: true) { url in
            resolver.resolve(url, lessonPath: lesson.path, pageDirectory: lesson.slug)
        }
        var writer = HTMLWriter(options: options)
        let body = writer.render(lesson.document.blocks)
        let home = paths.link(fromPage: lesson.slug, toPage: "")
        return PlainPage.render(title: lesson.title + " · " + course.config.title, language: course.config.language,
                                body: "<nav><a href=\"\(HTMLWriter.escapeAttribute(home))\">\(PlainPage.escape(course.config.title))</a></nav>\n<main>\n<h1>\(PlainPage.escape(lesson.title))</h1>\n\(body)</main>")
    }

    func home() -> String {
        var body = "<main>\n<h1>\(PlainPage.escape(course.config.title))</h1>\n"
        for (index, module) in course.config.modules.enumerated() {
            body += "<h2>\(PlainPage.escape(module.title))</h2>\n<ul>\n"
            for lesson in course.lessons where lesson.moduleIndex == index {
                let link = paths.link(fromPage: "", toPage: lesson.slug)
                body += "<li><a href=\"\(HTMLWriter.escapeAttribute(link))\">\(PlainPage.escape(lesson.title))</a></li>\n"
            }
            body += "</ul>\n"
        }
        return PlainPage.render(title: course.config.title, language: course.config.language, body: body + "</main>")
    }

    func notFound() -> String {
        PlainPage.render(title: "Page not found · " + course.config.title, language: course.config.language,
                         body: "<main>\n<h1>Page not found</h1>\n<p><a href=\"\(paths.link(fromPage: "", toPage: ""))\">Back to the course</a></p>\n</main>")
    }
}

/// The minimal page shell used until a theme renders the page.
enum PlainPage {
    static func escape(_ text: String) -> String {
        var out = ""
        HTMLWriter.escapeText(text, into: &out)
        return out
    }

    static func render(title: String, language: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(HTMLWriter.escapeAttribute(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
