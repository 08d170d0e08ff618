/// A lesson's typed front matter; unknown keys are kept in `extra`.
public struct LessonMetadata: Sendable {
    /// How demanding a lesson is.
    public enum Level: String, Sendable, CaseIterable {
        /// No prior knowledge needed.
        case beginner
        /// Builds on the basics.
        case intermediate
        /// For experienced learners.
        case advanced
    }

    /// The lesson title, as written.
    public var title: String?
    /// The title as markdown read it, or the lesson's first heading when there is no title.
    public var titleInlines: [Inline] = []
    /// A subtitle.
    public var subtitle: String?
    /// The subtitle as markdown read it.
    public var subtitleInlines: [Inline] = []
    /// A one-paragraph summary for lesson cards.
    public var description: String?
    /// Authors, from `author` or `authors`.
    public var authors: [String] = []
    /// The date as written.
    public var date: String?
    /// The date as markdown read it (`\today` is the build date).
    public var dateInlines: [Inline] = []
    /// The semester as written.
    public var semester: String?
    /// The slide footer.
    public var footer: String?
    /// The licence line.
    public var license: String?
    /// The level.
    public var level: Level?
    /// The duration in minutes, when given.
    public var duration: Int?
    /// Learning objectives.
    public var objectives: [String] = []
    /// Paths of lessons to take first.
    public var prerequisites: [String] = []
    /// Tags.
    public var tags: [String] = []
    /// Whether to make a deck; nil means "when there are slide-level headings".
    public var slides: Bool?
    /// The heading level that starts a slide.
    public var slideLevel: Int?
    /// Drafts are left out unless `--drafts`.
    public var draft = false
    /// Incremental lists in slides.
    public var incremental = false
    /// The stable progress key.
    public var id: String?
    /// Keys Lectern does not know, passed to templates.
    public var extra: [String: YAMLValue] = [:]

    /// Creates empty metadata.
    public init() {}

    /// Keys a lesson's front matter may have.
    public static let knownKeys = [
        "title", "subtitle", "description", "author", "authors", "date", "semester", "footer", "license", "level",
        "duration", "objectives", "prerequisites", "tags", "slides", "slide-level", "draft", "incremental", "id",
    ]

    /// Keys pandoc, its templates and its slide writers read; they pass to templates quietly.
    public static let pandocKeys = [
        "lang", "dir", "keywords", "abstract", "abstract-title", "header-includes", "include-before", "include-after",
        "institute", "aspectratio", "theme", "colortheme", "fonttheme", "innertheme", "outertheme", "themeoptions",
        "classoption", "documentclass", "geometry", "fontsize", "mainfont", "sansfont", "monofont", "mathfont",
        "fontfamily", "linestretch", "papersize", "linkcolor", "urlcolor", "citecolor", "toc", "toc-title", "toc-depth",
        "numbersections", "bibliography", "csl", "link-citations", "nocite", "references", "revealjs-url", "transition",
        "background-transition", "css", "subject", "pagetitle", "title-prefix", "logo", "titlegraphic", "navigation",
        "section-titles", "handout", "thanks", "category", "categories", "output", "format", "editor", "jupyter",
        "bibliographystyle", "biblio-title", "header", "highlight-style", "mathjax", "center", "width", "height",
        "margin", "controls", "progress", "history", "hash", "slideNumber", "author-meta", "date-meta", "title-meta",
    ]
}

extension LessonMetadata {
    /// Reads typed values, reporting ill-typed and unknown keys.
    static func read(_ frontMatter: FrontMatter, bag: inout DiagnosticBag) -> LessonMetadata {
        var metadata = LessonMetadata()
        var reader = YAMLReader(bag: bag)
        for (key, value, line) in frontMatter.values {
            switch key {
            case "title": metadata.title = reader.string(value, key: key)
            case "subtitle": metadata.subtitle = reader.string(value, key: key)
            case "description": metadata.description = reader.string(value, key: key)
            case "author", "authors": metadata.authors = reader.strings(value, key: key)
            case "date": metadata.date = reader.string(value, key: key)
            case "semester": metadata.semester = reader.string(value, key: key)
            case "footer": metadata.footer = reader.string(value, key: key)
            case "license": metadata.license = reader.string(value, key: key)
            case "level": metadata.level = reader.choice(value, key: key)
            case "duration": metadata.duration = reader.minutes(value, key: key)
            case "objectives": metadata.objectives = reader.strings(value, key: key)
            case "prerequisites": metadata.prerequisites = reader.strings(value, key: key)
            case "tags": metadata.tags = reader.strings(value, key: key)
            case "slides": metadata.slides = reader.bool(value, key: key)
            case "slide-level": metadata.slideLevel = reader.integer(value, key: key, in: 1...6)
            case "draft": metadata.draft = reader.bool(value, key: key) ?? false
            case "incremental": metadata.incremental = reader.bool(value, key: key) ?? false
            case "id": metadata.id = reader.string(value, key: key)
            default:
                metadata.extra[key] = value
                if !pandocKeys.contains(key) { reader.unknownKey(key, line: line, known: knownKeys + pandocKeys, onlyTypos: true) }
            }
        }
        bag = reader.bag
        return metadata
    }
}
