import Foundation
import LecternCore
@testable import LecternSite
import Mustache
import Testing

/// Course overrides, template errors located in the template, and missing partials.
@Suite struct ThemeTests {
    static func course(templates: [String: String]) throws -> String {
        let root = try OutputSafetyTests.makeCourse()
        for (name, text) in templates {
            let path = root + "/Templates/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func builtInThemeHasEveryRequiredTemplateAndNoErrors() throws {
        let (theme, diagnostics) = Theme.load(courseRoot: "/nonexistent")
        #expect(diagnostics.isEmpty)
        for name in Theme.requiredTemplates { #expect(theme.files[name + ".mustache"] != nil) }
        #expect(theme.files["assets/lectern.css"] != nil)
    }

    @Test func aCourseOverridesOneFileAndKeepsTheRest() throws {
        let root = try Self.course(templates: ["404.mustache": "{{<layout}}{{$main}}<h1>Lost?</h1>{{/main}}{{/layout}}\n"])
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(result.wrote)
        #expect(try String(contentsOfFile: root + "/Public/404.html", encoding: .utf8).contains("<h1>Lost?</h1>"))
        #expect(try String(contentsOfFile: root + "/Public/index.html", encoding: .utf8).contains("lesson-cards"))
    }

    /// Home cards written by Lectern read as the built-in `lesson-card` partial writes them, and
    /// a course's own partial still makes its cards.
    @Test func homeCardsComeOutAsTheCardPartialWritesThem() throws {
        let card = String(decoding: try #require(Theme.builtInFiles["lesson-card.mustache"]), as: UTF8.self)
        var homes: [String] = []
        for templates in [[:], ["lesson-card.mustache": card], ["lesson-card.mustache": "<li class=\"mine\">{{title}}</li>\n"]] {
            let root = try Self.course(templates: templates)
            defer { OutputSafetyTests.remove(root) }
            let lessons = [
                ("one.md", "---\ntitle: One & Co\nlevel: beginner\ndescription: Rock 'n' \"roll\" <b>\n---\n\nText.\n"),
                ("two.md", "---\ntitle: Zwei · Straße\nduration: 7\n---\n\nText.\n"),
                ("sub/three.md", "---\ntitle: Three\nlevel: advanced\ndescription: ''\n---\n\nText.\n"),
            ]
            try FileManager.default.createDirectory(atPath: root + "/Content/sub", withIntermediateDirectories: true)
            for (path, text) in lessons { try text.write(toFile: root + "/Content/" + path, atomically: true, encoding: .utf8) }
            try "title: T\nmodules:\n  - title: A\n    lessons: [one.md, two.md]\n  - title: B\n    lessons: [sub/three.md]\n"
                .write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
            #expect(try SiteBuilder.build(BuildOptions(root: root)).wrote)
            homes.append(try String(contentsOfFile: root + "/Public/index.html", encoding: .utf8))
        }
        #expect(homes[0] == homes[1])
        #expect(homes[0].components(separatedBy: "class=\"lesson-card\"").count == 4)
        #expect(homes[0].contains("One &amp; Co") && homes[0].contains("Rock &#39;n&#39; &quot;roll&quot; &lt;b&gt;"))
        #expect(homes[2].contains("<li class=\"mine\">Zwei · Straße</li>") && !homes[2].contains("class=\"lesson-card\""))
    }

    /// The `<html>` element's attributes written by Lectern read as the template variables write them.
    @Test func htmlAttributesComeOutAsTheVariablesWriteThem() throws {
        let files = Theme.builtInFiles
        let layout = String(decoding: try #require(files["layout.mustache"]), as: UTF8.self)
        let slides = String(decoding: try #require(files["slides.mustache"]), as: UTF8.self)
        let element = "<html{{{htmlAttributes}}}>"
        #expect(layout.contains(element) && slides.contains(element))
        let templates = [
            "layout.mustache": layout.replacingOccurrences(of: element, with: "<html lang=\"{{course.language}}\" data-root=\"{{root}}\" "
                + "data-course=\"{{course.id}}\"{{#page.lessonId}} data-lesson=\"{{.}}\"{{/page.lessonId}}>"),
            "slides.mustache": slides.replacingOccurrences(of: element, with: "<html lang=\"{{course.language}}\" data-root=\"{{root}}\" "
                + "data-course=\"{{course.id}}\" data-lesson=\"{{page.lessonId}}\">"),
        ]
        var sites: [[String: Data]] = []
        for templates in [[:], templates] {
            let root = try Self.course(templates: templates)
            defer { OutputSafetyTests.remove(root) }
            try FileManager.default.createDirectory(atPath: root + "/Content/part", withIntermediateDirectories: true)
            try "---\ntitle: Two\n---\n\n## A\n\nText.\n\n## B\n\nMore.\n".write(toFile: root + "/Content/part/two.md", atomically: true, encoding: .utf8)
            try "title: T & Co\nid: t-co\nlanguage: de-CH\nmodules:\n  - title: M\n    lessons: [one.md, part/two.md]\n"
                .write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
            #expect(try SiteBuilder.build(BuildOptions(root: root)).wrote)
            sites.append(OutputSafetyTests.snapshot(root + "/Public").filter { $0.key.hasSuffix(".html") })
        }
        #expect(sites[0].count >= 6 && sites[0] == sites[1], "\(sites[0].keys.sorted())")
        let deck = String(decoding: try #require(sites[0]["part/two/slides/index.html"]), as: UTF8.self)
        #expect(deck.contains("<html lang=\"de-CH\" data-root=\"../../../\" data-course=\"t-co\" data-lesson=\"part/two\">"))
    }

    @Test func templateSyntaxErrorsPointAtTheTemplateLine() throws {
        let root = try Self.course(templates: ["home.mustache": "{{<layout}}\n{{$main}}\n{{#modules}}\n<p>{{title}}</p>\n{{/lessons}}\n{{/main}}\n{{/layout}}\n"])
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(!result.wrote)
        let errors = result.diagnostics.filter { $0.id == "template.syntax" }
        #expect(errors.count == 1)
        #expect(errors.first?.file == "Templates/home.mustache")
        #expect(errors.first?.range.start.line == 5)
        #expect(!FileManager.default.fileExists(atPath: root + "/Public"))
    }

    @Test func templateVariablesAreEscapedAndTripleBracesAreNot() throws {
        let (theme, diagnostics) = Theme.load(courseRoot: "/nonexistent")
        #expect(diagnostics.isEmpty)
        var library = theme.library
        library.register(try MustacheTemplate(string: TemplateEscaping.pragma + "<p title='{{v}}'>{{v}}|{{{v}}}|{{n}}</p>\n{{#v}}\n{{.}}\n{{/v}}\n"), named: "probe")
        let text = library.render(["v": "Tom & \"Jerry's\" <b>é</b>", "n": 3], withTemplate: "probe")
        let escaped = "Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;é&lt;/b&gt;"
        #expect(text == "<p title='\(escaped)'>\(escaped)|Tom & \"Jerry's\" <b>é</b>|3</p>\n\(escaped)\n")
    }

    @Test func pageValuesRenderAsThePlainValuesWould() throws {
        let (theme, _) = Theme.load(courseRoot: "/nonexistent")
        var library = theme.library
        let probe = """
            {{lowercased(title)}}|{{uppercased(lesson.title)}}|{{plusone(n)}}|{{#even(n)}}even{{/even(n)}}|{{#odd(n)}}odd{{/odd(n)}}
            {{#lesson.level}}[{{lesson.level}} {{title}} {{.}}]{{/lesson.level}}{{^lesson.missing}}none{{/lesson.missing}}{{#flag}}yes{{/flag}}{{^off}}off{{/off}}
            {{#items}}{{name}}@{{n}} {{/items}}{{count(items)}}|{{items}}|{{#sorted(tags)}}{{.}},{{/sorted(tags)}}|{{#reversed(tags)}}{{.}},{{/reversed(tags)}}
            {{#extra}}{{a}}-{{b.c}}{{/extra}}|{{extra.b.c}}|{{#list}}({{.}}){{/list}}|{{empty}}|{{#empty}}e{{/empty}}|{{capitalized(empty)}}|{{missing.x}}
            """
        library.register(try MustacheTemplate(string: TemplateEscaping.pragma + probe), named: "probe")
        let values: [String: Any] = [
            "title": "A & B", "n": 41, "flag": true, "off": false, "empty": "",
            "lesson": ["title": "Loops <i>", "level": "beginner"] as [String: Any],
            "items": [["name": "one", "n": 1], ["name": "two", "n": 2]] as [[String: Any]],
            "tags": ["b", "a", "c"],
            "extra": ["a": "x", "b": ["c": "deep"] as [String: Any]] as [String: Any],
            "list": ["p", 2, ["q": "r"] as [String: Any]] as [Any],
        ]
        let plain = try #require(library.render(values, withTemplate: "probe"))
        var probed = theme
        probed.library = library
        let themed = probed.render(values, template: "probe")
        #expect(themed == plain)
        #expect(plain.contains("a &amp; b|LOOPS &lt;I&gt;|42||odd\n[beginner A &amp; B beginner]none"))
        #expect(plain.contains("one@1 two@2 2|"))
        #expect(plain.contains("|a,b,c,|c,a,b,\nx-deep|deep|(p)(2)([&quot;q&quot;: &quot;r&quot;])||e||"))
    }

    @Test func aSyntaxErrorOnTheFirstLineKeepsItsPlace() throws {
        let root = try Self.course(templates: ["footer.mustache": "<footer>{{/x}}</footer>\n"])
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        let errors = result.diagnostics.filter { $0.id == "template.syntax" }
        #expect(errors.map(\.range.start.line) == [1])
    }

    @Test func aMissingPartialIsAnErrorNotAnEmptyString() throws {
        let root = try Self.course(templates: ["footer.mustache": "<footer>\n{{> credits}}\n</footer>\n"])
        defer { OutputSafetyTests.remove(root) }
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(!result.wrote)
        let missing = result.diagnostics.filter { $0.id == "template.missing-partial" }
        #expect(missing.map(\.file) == ["Templates/footer.mustache"])
        #expect(missing.first?.range.start == SourceLocation(line: 2, column: 1))
        #expect(missing.first?.message.contains("'credits'") == true)
    }

    @Test func aPartialNamedByAValueIsNotReportedAndRendersWhatTheValueNames() throws {
        let root = try Self.course(templates: [
            "footer.mustache": "<footer>\n{{>*course.credits}}{{>*course.nothing}}\n</footer>\n",
            "thanks.mustache": "<p class=\"credits\">Thanks to {{course.title}}</p>\n",
        ])
        defer { OutputSafetyTests.remove(root) }
        let config = root + "/Content/course.yml"
        try (String(contentsOfFile: config, encoding: .utf8) + "credits: thanks\n").write(toFile: config, atomically: true, encoding: .utf8)
        let result = try SiteBuilder.build(BuildOptions(root: root))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(result.wrote)
        let page = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        #expect(page.contains("<footer>\n<p class=\"credits\">Thanks to T</p>\n\n</footer>"))
    }

    @Test func assetNamesCarryTheirContentHash() throws {
        let root = try Self.course(templates: [:])
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let assets = try FileManager.default.contentsOfDirectory(atPath: root + "/Public/assets")
        let css = assets.filter { $0.hasPrefix("lectern.") && $0.hasSuffix(".css") }
        #expect(css.count == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/Public/assets/" + css[0]))
        #expect(css[0] == "lectern." + AssetNames.hash(data).prefix(10) + ".css")
    }

    @Test func sitemapOnlyWithABaseURL() throws {
        let root = try Self.course(templates: [:])
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        #expect(!FileManager.default.fileExists(atPath: root + "/Public/sitemap.xml"))
        var options = BuildOptions(root: root)
        options.baseURL = "https://courses.example.edu/t"
        _ = try SiteBuilder.build(options)
        let sitemap = try String(contentsOfFile: root + "/Public/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://courses.example.edu/t/one/</loc>"))
    }

    @Test(arguments: [("", nil), ("description: \"\"\n", nil), ("description: Loops & <b>\n", "Loops &amp; &lt;b&gt;")])
    func aLessonPageDescribesItselfOnlyWithADescription(frontMatter: String, expected: String?) throws {
        let root = try OutputSafetyTests.makeCourse("---\ntitle: One\n\(frontMatter)---\n\nHello.\n")
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let page = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        let meta = page.components(separatedBy: "\n").filter { $0.contains("<meta name=\"description\"") }
        #expect(meta == (expected.map { ["<meta name=\"description\" content=\"\($0)\">"] } ?? []))
        // The lesson's card on the home page, likewise.
        let home = try String(contentsOfFile: root + "/Public/index.html", encoding: .utf8)
        let cards = home.components(separatedBy: "\n").filter { $0.contains("lesson-description") }
        #expect(cards == (expected.map { ["<p class=\"lesson-description\">\($0)</p>"] } ?? []))
    }

    @Test func aThemeThatLaysOutSlidesAndContentsItselfGetsTheSamePages() throws {
        let files = Theme.builtInFiles
        let slides = String(decoding: try #require(files["slides.mustache"]), as: UTF8.self)
        let lesson = String(decoding: try #require(files["lesson.mustache"]), as: UTF8.self)
        let slidesLoop = "{{#slides}}\n{{{open}}}\n<div class=\"slide-body\">\n{{{heading}}}\n{{{content}}}\n</div>\n"
            + "{{#hasNotes}}<aside class=\"notes\" aria-label=\"Speaker notes\">\n{{{notes}}}</aside>\n{{/hasNotes}}\n</section>\n{{/slides}}\n"
        let tocLoop = "{{#toc}}<li class=\"toc-level-{{level}}\"><a href=\"#{{id}}\">{{{title}}}</a></li>\n{{/toc}}\n"
        #expect(slides.contains("{{{slidesHTML}}}") && lesson.contains("{{{tocHTML}}}"))
        let source = "---\ntitle: One\n---\n\n# Part\n\n## First {#a-b}\n\nText.\n\n::: notes\nSay this & that.\n:::\n\n"
            + "## *Second* <b>two</b> café\n\n- a\n- b\n\n### Inner · ünïcode\n\nMore, naïve.\n"
        let builtIn = try OutputSafetyTests.makeCourse(source)
        defer { OutputSafetyTests.remove(builtIn) }
        let themed = try ThemeTests.course(templates: [
            "slides.mustache": slides.replacingOccurrences(of: "{{{slidesHTML}}}", with: slidesLoop),
            "lesson.mustache": lesson.replacingOccurrences(of: "{{{tocHTML}}}", with: tocLoop),
        ])
        defer { OutputSafetyTests.remove(themed) }
        try source.write(toFile: themed + "/Content/one.md", atomically: true, encoding: .utf8)
        for root in [builtIn, themed] { #expect(try SiteBuilder.build(BuildOptions(root: root)).wrote) }
        for page in ["one/index.html", "one/slides/index.html"] {
            let expected = try String(contentsOfFile: builtIn + "/Public/" + page, encoding: .utf8)
            #expect(try String(contentsOfFile: themed + "/Public/" + page, encoding: .utf8) == expected, "\(page)")
        }
        let deck = try String(contentsOfFile: builtIn + "/Public/one/slides/index.html", encoding: .utf8)
        #expect(deck.contains("<aside class=\"notes\" aria-label=\"Speaker notes\">\n<p>Say this &amp; that.</p>\n</aside>"))
        let page = try String(contentsOfFile: builtIn + "/Public/one/index.html", encoding: .utf8)
        #expect(page.contains("<li class=\"toc-level-3\"><a href=\"#a-b\">First</a></li>"))
    }
}

@Suite struct SafeModeTests {
    @Test func safeCoursesDropRawHTML() throws {
        let root = try OutputSafetyTests.makeCourse("---\ntitle: One\n---\n\n<div class=\"raw\">block</div>\n\nInline <kbd>key</kbd> and `<b>x</b>`{=html}.\n")
        defer { OutputSafetyTests.remove(root) }
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let open = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        #expect(open.contains("<div class=\"raw\">") && open.contains("<kbd>") && open.contains("<b>x</b>"))
        try "title: T\nsafe: true\nmodules:\n  - title: M\n    lessons: [one.md]\n"
            .write(toFile: root + "/Content/course.yml", atomically: true, encoding: .utf8)
        _ = try SiteBuilder.build(BuildOptions(root: root))
        let safe = try String(contentsOfFile: root + "/Public/one/index.html", encoding: .utf8)
        #expect(!safe.contains("<div class=\"raw\">") && !safe.contains("<kbd>") && !safe.contains("<b>x</b>"))
        #expect(safe.contains("Inline") && safe.contains("key"))
    }
}
