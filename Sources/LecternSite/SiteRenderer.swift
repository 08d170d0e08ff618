import Foundation
import LecternCore

/// Renders every page of a course through the theme, keyed by path in the site.
public struct SiteRenderer: Sendable {
    /// The course.
    public let course: Course
    /// How links are written.
    public let paths: SitePaths
    /// The theme.
    public let theme: Theme

    /// Creates a renderer.
    public init(course: Course, paths: SitePaths, theme: Theme) {
        self.course = course
        self.paths = paths
        self.theme = theme
    }

    /// All files of the site except copied lesson assets.
    public func renderFiles() -> [String: Data] {
        var assets = AssetNames()
        for (path, data) in theme.files where path.hasPrefix("assets/") { assets.add(path, data) }
        assets.add("assets/search-index.js", SearchIndex.script(course: course, paths: paths))
        let context = PageContext(course: course, paths: paths, assets: assets.templateKeys)

        var files = assets.files
        files["index.html"] = Data(theme.render(home(context), template: "home").utf8)
        files[paths.file(forPage: "search")] = Data(theme.render(context.base(directory: "search"), template: "search").utf8)
        let root404 = course.config.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        files["404.html"] = Data(theme.render(context.base(directory: "", root: root404), template: "404").utf8)
        if let sitemap = Sitemap.xml(course: course) { files["sitemap.xml"] = sitemap }

        let resolver = LinkResolver(pages: Dictionary(course.lessons.map { ($0.path, $0.slug) }, uniquingKeysWith: { a, _ in a }),
                                    paths: paths)
        let rendered = ResultBox<String>(count: course.lessons.count)
        let decks = ResultBox<String>(count: course.lessons.count)
        let deckRenderer = DeckRenderer(context: context, resolver: resolver)
        DispatchQueue.concurrentPerform(iterations: course.lessons.count) { index in
            let hasSlides = DeckRenderer.hasSlides(course.lessons[index])
            rendered.set(index, theme.render(lessonContext(index, context, resolver, hasSlides: hasSlides), template: "lesson"))
            if hasSlides {
                decks.set(index, theme.render(deckRenderer.values(for: course.lessons[index]), template: "slides"))
            }
        }
        for (index, lesson) in course.lessons.enumerated() {
            files[paths.file(forPage: lesson.slug)] = Data((rendered.values[index] ?? "").utf8)
            if let deck = decks.values[index] { files[paths.file(forPage: lesson.slug + "/slides")] = Data(deck.utf8) }
        }
        return files
    }

    func home(_ context: PageContext) -> [String: Any] {
        var values = context.base(directory: "")
        values["modules"] = course.config.modules.enumerated().map { index, module -> [String: Any] in
            ["title": module.title, "number": index + 1,
             "lessons": course.lessons.filter { $0.moduleIndex == index }.map { context.lessonCard($0, from: "") }]
        }
        return values
    }

    func lessonContext(_ index: Int, _ context: PageContext, _ resolver: LinkResolver, hasSlides: Bool) -> [String: Any] {
        let lesson = course.lessons[index]
        let metadata = lesson.document.metadata
        var values = context.base(directory: lesson.slug)
        let shift = TableOfContents.usesLevelOne(lesson.document.blocks) ? 1 : 0
        let options = HTMLWriter.Options(pageMode: true, headingShift: shift) { url in
            resolver.resolve(url, lessonPath: lesson.path, pageDirectory: lesson.slug)
        }
        var writer = HTMLWriter(options: options)
        writer.options.allowsRawHTML = !course.config.safe
        var lessonValues: [String: Any] = [
            "title": lesson.title, "id": lesson.id, "minutes": lesson.minutes,
            "content": writer.render(lesson.document.blocks),
            "objectives": metadata.objectives, "hasObjectives": !metadata.objectives.isEmpty,
        ]
        if let subtitle = metadata.subtitle { lessonValues["subtitle"] = subtitle }
        if !metadata.authors.isEmpty { lessonValues["authors"] = metadata.authors.joined(separator: ", ") }
        if let date = metadata.date { lessonValues["date"] = date }
        if let license = metadata.license ?? course.config.license { lessonValues["license"] = license }
        lessonValues.merge(PageContext.levelValues(metadata.level)) { _, new in new }
        for (key, value) in metadata.extra { lessonValues[key] = PageContext.plain(value) }
        values["lesson"] = lessonValues
        values["page"] = ["lessonId": lesson.id, "description": metadata.description ?? ""] as [String: Any]
        if lesson.moduleIndex < course.config.modules.count { values["module"] = course.config.modules[lesson.moduleIndex].title }
        if index > 0 { values["previous"] = context.lessonCard(course.lessons[index - 1], from: lesson.slug) }
        if index + 1 < course.lessons.count { values["next"] = context.lessonCard(course.lessons[index + 1], from: lesson.slug) }
        if hasSlides {
            var links = values["links"] as? [String: Any] ?? [:]
            links["slides"] = paths.link(fromPage: lesson.slug, toPage: lesson.slug + "/slides")
            values["links"] = links
        }
        let toc = TableOfContents.entries(lesson.document.blocks, shift: shift)
        values["toc"] = toc
        values["hasToc"] = toc.count >= 2
        return values
    }
}

/// Level 2 and 3 headings of a lesson, speaker notes left out.
enum TableOfContents {
    /// True when a lesson has `#` headings, which the page shifts down a level under its title.
    static func usesLevelOne(_ blocks: [Block]) -> Bool {
        var found = false
        NodeVisitor(block: { if case .header(1, _, _) = $0.kind { found = true } }).walk(blocks)
        return found
    }

    static func entries(_ blocks: [Block], shift: Int) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for block in blocks {
            switch block.kind {
            case .header(let raw, let attributes, let inlines) where (2...3).contains(raw + shift) && !attributes.id.isEmpty:
                let level = raw + shift
                var writer = HTMLWriter(options: .page)
                let title = writer.renderInlines(inlines.filter { if case .note = $0.kind { return false }; return true })
                entries.append(["level": level, "id": attributes.id, "title": title])
            case .div(let attributes, let children) where !attributes.hasClass("notes"):
                entries += Self.entries(children, shift: shift)
            default:
                break
            }
        }
        return entries
    }
}

/// `sitemap.xml` when the course has a `base_url`.
enum Sitemap {
    static func xml(course: Course) -> Data? {
        guard var base = course.config.baseURL, base.hasPrefix("http") else { return nil }
        if !base.hasSuffix("/") { base += "/" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in [""] + course.lessons.map({ $0.slug + "/" }) {
            xml += "<url><loc>\(HTMLWriter.escapeAttribute(base + path))</loc></url>\n"
        }
        return Data((xml + "</urlset>\n").utf8)
    }
}
