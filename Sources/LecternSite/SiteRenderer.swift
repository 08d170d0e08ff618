import Foundation
import LecternCore

/// Renders the pages of a course through the theme, one lesson at a time, so that a build
/// can write each page as soon as it exists and `serve` can render only what changed.
public struct SiteRenderer: @unchecked Sendable {
    /// The course.
    public private(set) var course: Course
    /// How links are written.
    public let paths: SitePaths
    /// The theme.
    public let theme: Theme
    private(set) var context: PageContext
    let resolver: LinkResolver
    let assets: AssetNames
    /// The course contents beside every page.
    private(set) var navigation: CourseNavigation

    /// Creates a renderer; theme assets get their hashed names here.
    public init(course: Course, paths: SitePaths, theme: Theme) {
        self.course = course
        self.paths = paths
        self.theme = theme
        // The course's whole navigation is made on another core meanwhile: every page waits for this.
        let navigation = Background { CourseNavigation(course: course, paths: paths) }
        var assets = AssetNames()
        for (path, data) in theme.files where path.hasPrefix("assets/") { assets.add(path, data) }
        assets.addUnhashed(SiteRenderer.searchIndexPath)
        self.assets = assets
        context = PageContext(course: course, paths: paths, assets: assets.templateKeys, theme: theme)
        resolver = LinkResolver(pages: Dictionary(course.lessons.map { ($0.path, $0.slug) }, uniquingKeysWith: { a, _ in a }),
                                paths: paths)
        self.navigation = navigation.wait()
    }

    /// This renderer over `course`, the same course with some lessons read again: their paths,
    /// modules and the theme as before. Hashed assets, shared fragments and link targets are
    /// kept, and the navigation too unless a lesson's title or id changed, so that `serve`
    /// renders an edited lesson without making them again for the whole course.
    public func updating(_ course: Course, titlesChanged: Bool) -> SiteRenderer {
        var renderer = self
        renderer.course = course
        renderer.context = context.updating(course)
        renderer.navigation = titlesChanged ? CourseNavigation(course: course, paths: paths) : navigation.updating(course)
        return renderer
    }

    /// The search index keeps one name, so that a change to a lesson's text changes no other page.
    public static let searchIndexPath = "assets/search-index.js"
    /// The page that holds the learner's record for every page of the site.
    public static let storePagePath = "assets/store.html"

    /// Theme assets, home, search, 404, sitemap and the search index (made here unless given).
    public func sharedFiles(searchIndex: Data? = nil) -> [(path: String, data: Data)] {
        var files = assets.files.map { (path: $0.key, data: $0.value) }
        files.append((Self.searchIndexPath, searchIndex ?? SearchIndex.script(course: course, paths: paths)))
        files.append(("index.html", homePage()))
        files.append((paths.file(forPage: "search"), Data(context.render(context.base(directory: "search"), template: "search").utf8)))
        let root404 = course.config.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var notFound = context.base(directory: "", root: root404)
        notFound["page"] = ["rootKnown": !root404.isEmpty]
        files.append(("404.html", Data(context.render(notFound, template: "404").utf8)))
        // At a fixed address: opened from disk, its storage is where every page's progress meets.
        files.append((Self.storePagePath, Data(context.render(context.base(directory: "assets"), template: "store").utf8)))
        if let sitemap = Sitemap.xml(course: course) { files.append(("sitemap.xml", sitemap)) }
        return files
    }

    /// The home page.
    public func homePage() -> Data {
        var values = context.base(directory: "")
        let writesCards = HomeCards.written(by: theme)
        values["modules"] = course.config.modules.enumerated().map { index, module -> [String: Any] in
            let lessons = course.lessons.filter { $0.moduleIndex == index }
            var module: [String: Any] = ["title": module.title, "number": index + 1]
            if writesCards {
                module["cardsHTML"] = HomeCards.html(lessons, paths: paths)
            } else {
                module["lessons"] = lessons.map { context.lessonCard($0, from: "") }
            }
            return module
        }
        return Data(context.render(values, template: "home").utf8)
    }

    /// One lesson's entry in the search index.
    public func searchEntry(_ index: Int) -> String { SearchIndex.entry(for: course.lessons[index], paths: paths) }

    /// The search index script from every lesson's entry, in reading order.
    public static func searchIndex(entries: [String]) -> Data { SearchIndex.script(fragments: entries) }

    /// A lesson's page and, when it has one, its deck.
    public func lessonFiles(_ index: Int) -> [(path: String, data: Data)] {
        let lesson = course.lessons[index]
        var written: WrittenBlocks? = lesson.analysis.deck == nil ? nil : WrittenBlocks()
        var files = [(path: paths.file(forPage: lesson.slug), data: Data(context.render(lessonValues(index, noting: &written), template: "lesson").utf8))]
        if let deck = lesson.analysis.deck {
            let renderer = DeckRenderer(context: context, resolver: resolver)
            let values = renderer.values(for: lesson, deck: deck, options: writerOptions(lesson, directory: lesson.slug + "/slides"), pageBlocks: written)
            files.append((paths.file(forPage: lesson.slug + "/slides"), Data(context.render(values, template: "slides").utf8)))
        }
        return files
    }

    /// Writer options for a lesson's page or deck at `directory`.
    func writerOptions(_ lesson: Lesson, directory: String) -> HTMLWriter.Options {
        let resolver = resolver
        let path = lesson.path
        let references = lesson.analysis.references
        var options = HTMLWriter.Options(pageMode: true, headingShift: lesson.analysis.headingShift) { url in
            resolver.resolve(url, reference: references[url] ?? ContentPath.reference(url, from: path), pageDirectory: directory)
        }
        options.allowsRawHTML = !course.config.safe
        let analysis = lesson.analysis
        options.quiz = { analysis.quiz(at: $0) }
        options.math = { analysis.math[$0]?.html }
        options.mathText = { analysis.math[$0]?.plainText }
        options.code = { analysis.code[$0] }
        options.imageSize = { analysis.imageSizes[$0] }
        return options
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
