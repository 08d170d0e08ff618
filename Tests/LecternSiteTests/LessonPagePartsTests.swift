import Foundation
import LecternCore
@testable import LecternSite
import Testing

/// The parts of the lesson page that Lectern writes as HTML are what template sections over
/// the underlying values write, so a theme can still lay them out itself.
@Suite struct LessonPagePartsTests {
    /// The built-in lesson template's parts as sections over the values they are made of.
    static let sections = [
        "{{{breadcrumbHTML}}}": "<li><a href=\"{{links.home}}\">{{course.title}}</a></li>{{#module}}<li><a href=\"{{moduleURL}}\">{{.}}</a></li>{{/module}}"
            + "<li><span aria-current=\"page\">{{lesson.title}}</span></li>",
        "{{{lessonHeaderHTML}}}": "<h1 id=\"lectern-lesson-title\">{{{lesson.titleHTML}}}</h1>\n"
            + "{{#lesson.subtitle}}<p class=\"lesson-subtitle\">{{{lesson.subtitleHTML}}}</p>{{/lesson.subtitle}}\n<p class=\"lesson-meta\">"
            + "{{#position}}<span class=\"lesson-position\">Lesson {{number}} of {{count}}{{#module}} in {{.}}{{/module}}</span> · {{/position}}"
            + "<span class=\"lesson-status\" data-status=\"not-started\">Not Started</span> · <span>{{lesson.minutes}} min read</span>"
            + "{{#lesson.level}} · <span class=\"level level-{{.}}\">{{lesson.levelLabel}}</span>{{/lesson.level}}"
            + "{{#links.slides}} · <a href=\"{{.}}\">Slides</a>{{/links.slides}}</p>\n{{#lesson.hasObjectives}}\n"
            + "<section class=\"objectives\" aria-labelledby=\"lectern-objectives-title\">\n"
            + "<h2 id=\"lectern-objectives-title\">You will be able to</h2>\n<ul>\n{{#lesson.objectives}}<li>{{.}}</li>\n"
            + "{{/lesson.objectives}}\n</ul>\n</section>\n{{/lesson.hasObjectives}}\n",
        "{{{lessonFooterHTML}}}": "{{#lesson.authors}}<p>Written by {{.}}{{#lesson.date}}, {{.}}{{/lesson.date}}</p>{{/lesson.authors}}\n"
            + "{{#lesson.license}}<p>License: {{.}}</p>{{/lesson.license}}\n",
        "{{{nextPromptHTML}}}": "{{#next}}<p class=\"next-prompt\" hidden>Lesson completed. Up next: <a href=\"{{url}}\">{{title}}</a></p>{{/next}}",
        "{{{pagerHTML}}}": "{{#previous}}<a class=\"pager-previous\" href=\"{{url}}\" rel=\"prev\"><span class=\"pager-label\">Previous</span> {{title}}</a>{{/previous}}\n"
            + "{{#next}}<a class=\"pager-next\" href=\"{{url}}\" rel=\"next\"><span class=\"pager-label\">Next</span> {{title}}</a>{{/next}}",
    ]

    /// Lessons first, last and between, in two modules and a subfolder, with and without a
    /// level, a deck, a duration, a subtitle, objectives, authors, a date and a license, and
    /// text that needs escaping everywhere.
    static func writeCourse(at root: String) throws {
        let lessons = [
            "a.md": "---\ntitle: \"A 1 < 2 & more\"\nlevel: beginner\nsubtitle: A *sub* title & more\n"
                + "objectives:\n  - Read <b> & \"write\"\n  - Count\nauthor: [Ann O'Neil, Bo]\ndate: 1 May 2026\nlicense: CC BY & more\n"
                + "---\n\n## One\n\nText.\n\n## Two\n\nMore.\n",
            "part/b.md": "---\ntitle: B \"quoted\"\nslides: false\nduration: 7\n---\n\nJust text.\n",
            "c.md": "---\ntitle: C\nlevel: advanced\nauthor: Ann\n---\n\n## Only\n\nEnd.\n",
            "d.md": "---\ntitle: D\n---\n\nLast.\n",
        ]
        try FileManager.default.createDirectory(atPath: root + "/Content/part", withIntermediateDirectories: true)
        for (path, text) in lessons { try text.write(toFile: root + "/Content/" + path, atomically: true, encoding: .utf8) }
        let config = "title: \"T & <Co>\"\nmodules:\n  - title: \"M1 'x' \\\"y\\\"\"\n    lessons: [a.md, part/b.md]\n"
            + "  - title: M2 & more\n    lessons: [c.md, d.md]\n"
        try config.write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
    }

    @Test(arguments: [false, true])
    func aThemeThatLaysOutThePartsItselfGetsTheSamePages(offline: Bool) throws {
        let lesson = String(decoding: try #require(Theme.builtInFiles["lesson.mustache"]), as: UTF8.self)
        var themed = lesson
        for (part, section) in Self.sections {
            #expect(lesson.contains(part), "the built-in lesson template uses \(part)")
            themed = themed.replacingOccurrences(of: part, with: section)
        }
        let builtIn = try ThemeTests.course(templates: [:])
        defer { OutputSafetyTests.remove(builtIn) }
        let custom = try ThemeTests.course(templates: ["lesson.mustache": themed])
        defer { OutputSafetyTests.remove(custom) }
        for root in [builtIn, custom] {
            try FileManager.default.removeItem(atPath: root + "/Content/one.md")
            try Self.writeCourse(at: root)
            var options = BuildOptions(root: root)
            options.offline = offline
            #expect(try SiteBuilder.build(options).wrote)
        }
        for page in ["a", "part/b", "c", "d"].map({ $0 + "/index.html" }) {
            let expected = try String(contentsOfFile: builtIn + "/Public/" + page, encoding: .utf8)
            #expect(try String(contentsOfFile: custom + "/Public/" + page, encoding: .utf8) == expected, "\(page)")
        }
        let first = try String(contentsOfFile: builtIn + "/Public/a/index.html", encoding: .utf8)
        #expect(first.contains("<span aria-current=\"page\">A 1 &lt; 2 &amp; more</span>"))
        #expect(first.contains("Lesson 1 of 2 in M1 &#39;x&#39; &quot;y&quot;</span>"))
        #expect(first.contains("<span class=\"level level-beginner\">Beginner</span> · <a href=\""))
        #expect(first.contains("<nav class=\"pager\" aria-label=\"Lessons\">\n\n<a class=\"pager-next\""))
        #expect(first.contains("<p class=\"lesson-subtitle\">A <em>sub</em> title &amp; more</p>"))
        #expect(first.contains("<li>Read &lt;b&gt; &amp; &quot;write&quot;</li>\n<li>Count</li>\n</ul>"))
        #expect(first.contains("<p>Written by Ann O&#39;Neil, Bo, 1 May 2026</p>\n<p>License: CC BY &amp; more</p>"))
        let middle = try String(contentsOfFile: builtIn + "/Public/part/b/index.html", encoding: .utf8)
        #expect(middle.contains("<span>7 min read</span></p>") && middle.contains("rel=\"prev\""))
        #expect(middle.contains("Up next: <a href=\"../../c/" + (offline ? "index.html" : "") + "\">C</a>"))
        let last = try String(contentsOfFile: builtIn + "/Public/d/index.html", encoding: .utf8)
        #expect(last.contains("Lesson 2 of 2 in M2 &amp; more</span>") && !last.contains("next-prompt"))
    }
}
