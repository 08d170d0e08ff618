import Foundation
import LecternCore
import Mustache

/// The values templates see, built per page; immutable once made, so safe to share across threads.
struct PageContext: @unchecked Sendable {
    private(set) var course: Course
    let paths: SitePaths
    let assets: [String: String]
    /// `course` and `assets` as templates see them, wrapped once rather than on every page.
    private var courseValues: Any
    private let assetValues: Any
    let theme: Theme
    /// The theme's shared fragments, by root prefix, for every page depth the course has.
    private let fragments: [String: [String: String]]
    /// By root prefix: the theme's templates with the shared partials already rendered for
    /// pages at that depth, and the home and search links they were rendered with.
    private var sharedLibraries: [String: SharedLibrary] = [:]

    private struct SharedLibrary {
        let library: MustacheLibrary
        let home: String
        let search: String
    }

    /// The theme partials that see only `root` and `assets`: the same on every page of one
    /// depth, so rendered once per depth rather than once per page, and the values they fill.
    static let sharedFragments = [(partial: "page-assets", value: "pageAssets"), (partial: "deck-assets", value: "deckAssets")]

    init(course: Course, paths: SitePaths, assets: [String: String], theme: Theme) {
        self.course = course
        self.paths = paths
        self.assets = assets
        self.theme = theme
        courseValues = theme.prepared(Self.values(of: course))
        assetValues = theme.prepared(assets)
        // A deck sits one folder below its lesson; the store page is in `assets/`.
        let deepest = course.lessons.map { $0.slug.split(separator: "/").count + 1 }.max() ?? 1
        var fragments: [String: [String: String]] = [:]
        for depth in 0...deepest {
            let root = String(repeating: "../", count: depth)
            fragments[root] = Self.renderFragments(root: root, assets: assets, theme: theme)
        }
        self.fragments = fragments
        sharedLibraries = makeSharedLibraries()
    }

    /// This context over `course`, whose lessons keep their paths: the fragments stay.
    func updating(_ course: Course) -> PageContext {
        var context = self
        context.course = course
        context.courseValues = theme.prepared(Self.values(of: course))
        context.sharedLibraries = context.makeSharedLibraries()
        return context
    }

    /// Renders a template with values made by `base(directory:)`; the shared partials come
    /// already rendered when the page has the root and links they were rendered with.
    func render(_ values: [String: Any], template: String) -> String {
        if let root = values["root"] as? String, let shared = sharedLibraries[root],
           let links = values["links"] as? [String: Any],
           links["home"] as? String == shared.home, links["search"] as? String == shared.search {
            return theme.render(values, template: template, library: shared.library)
        }
        return theme.render(values, template: template)
    }

    /// The root prefixes whose pages get the shared partials already rendered.
    var sharedRoots: Set<String> { Set(sharedLibraries.keys) }

    private func makeSharedLibraries() -> [String: SharedLibrary] {
        guard !theme.sharedPartials.isEmpty else { return [:] }
        var libraries: [String: SharedLibrary] = [:]
        for root in fragments.keys {
            // Any folder of that depth: pages link home and to search by depth alone, and a page
            // whose links differ all the same is rendered as before (see `render`).
            let values = base(directory: Array(repeating: "_", count: root.count / 3).joined(separator: "/"))
            guard let links = values["links"] as? [String: Any], let home = links["home"] as? String,
                  let search = links["search"] as? String else { continue }
            var library = theme.library
            for name in theme.sharedPartials.sorted() {
                let text = theme.render(values, template: name)
                // Kept as a template of plain text: it must hold no tag and read back as itself.
                guard !text.contains("{{"), let literal = try? MustacheTemplate(string: text),
                      MustacheLibrary(templates: ["text": literal]).render([String: Any](), withTemplate: "text") == text else { continue }
                library.register(literal, named: name)
            }
            libraries[root] = SharedLibrary(library: library, home: home, search: search)
        }
        return libraries
    }

    private static func renderFragments(root: String, assets: [String: String], theme: Theme) -> [String: String] {
        var values: [String: String] = [:]
        for fragment in sharedFragments {
            values[fragment.value] = theme.render(["root": root, "assets": assets], template: fragment.partial)
        }
        return values
    }

    static let levelLabels: [LessonMetadata.Level: String] = [.beginner: "Beginner", .intermediate: "Intermediate", .advanced: "Advanced"]

    /// `level` and `levelLabel` for templates, empty when the lesson has no level.
    static func levelValues(_ level: LessonMetadata.Level?) -> [String: Any] {
        guard let level else { return [:] }
        return ["level": level.rawValue, "levelLabel": levelLabels[level] ?? level.rawValue]
    }

    /// `../../` from a page directory to the site root.
    static func rootPrefix(_ directory: String) -> String {
        String(repeating: "../", count: directory.split(separator: "/").count)
    }

    static func values(of course: Course) -> [String: Any] {
        let config = course.config
        var values: [String: Any] = [
            "title": config.title, "id": config.id, "language": config.language,
            "lessonCount": course.lessons.count, "totalMinutes": course.lessons.reduce(0) { $0 + $1.minutes },
            "lessonCountText": course.lessons.count == 1 ? "1 lesson" : "\(course.lessons.count) lessons",
        ]
        if let subtitle = config.subtitle { values["subtitle"] = subtitle }
        if let description = config.description { values["description"] = description }
        if !config.authors.isEmpty { values["authors"] = config.authors.joined(separator: ", ") }
        if let license = config.license { values["license"] = license }
        for (key, value) in config.extra { values[key] = Self.plain(value) }
        // Set last, so that no course.yml key can turn the safe-mode policy off in templates.
        values["safe"] = config.safe
        return values
    }

    /// The values every page has; `root` overrides the relative root (the 404 page).
    func base(directory: String, root: String? = nil) -> [String: Any] {
        let prefix = root ?? Self.rootPrefix(directory)
        var links: [String: Any] = [
            "home": paths.link(fromPage: directory, toPage: ""),
            "search": paths.link(fromPage: directory, toPage: "search"),
        ]
        if let root {
            links["home"] = paths.offline ? root + "index.html" : (root.isEmpty ? "./" : root)
            links["search"] = root + (paths.offline ? "search/index.html" : "search/")
        }
        var values: [String: Any] = ["course": courseValues, "root": prefix, "assets": assetValues, "links": links, "page": [String: Any]()]
        for (key, text) in fragments[prefix] ?? Self.renderFragments(root: prefix, assets: assets, theme: theme) { values[key] = text }
        if theme.reads("htmlAttributes") { values["htmlAttributes"] = htmlAttributes(root: prefix, lessonId: nil) }
        return values
    }

    /// The attributes of a page's `<html>` element, as the built-in templates once wrote them
    /// from `course.language`, `root`, `course.id` and `page.lessonId`: four variables on every
    /// page, and every variable a split of its name and a dozen dynamic casts in Mustache.
    func htmlAttributes(root: String, lessonId: String?) -> String {
        var out = HTMLBuffer()
        out += " lang=\""
        TemplateEscaping.append(course.config.language, to: &out)
        out += "\" data-root=\""
        TemplateEscaping.append(root, to: &out)
        out += "\" data-course=\""
        TemplateEscaping.append(course.config.id, to: &out)
        out += "\""
        if let lessonId {
            out += " data-lesson=\""
            TemplateEscaping.append(lessonId, to: &out)
            out += "\""
        }
        return out.text
    }

    func lessonCard(_ lesson: Lesson, from directory: String) -> [String: Any] {
        var card: [String: Any] = ["title": lesson.title, "url": paths.link(fromPage: directory, toPage: lesson.slug),
                                   "id": lesson.id, "minutes": lesson.minutes]
        if let description = lesson.document.metadata.description, !description.isEmpty { card["description"] = description }
        card.merge(Self.levelValues(lesson.document.metadata.level)) { _, new in new }
        return card
    }

    /// YAML values for templates: scalars as text, lists as arrays, mappings as dictionaries.
    static func plain(_ value: YAMLValue) -> Any {
        switch value {
        case .scalar(let text, _, _): return text
        case .sequence(let items, _, _): return items.map(plain)
        case .mapping(let pairs, _, _): return Dictionary(pairs.map { ($0.key, plain($0.value)) }, uniquingKeysWith: { a, _ in a })
        case .null: return ""
        }
    }
}
