/// A lesson of a course: where it lives, where it is published, what it says, and the
/// facts computed from it once (`analysis`). Immutable and shared: a course's passes over
/// its lessons (validation, navigation, the search index, each `serve` update) hold
/// references instead of copying every field of every lesson.
public final class Lesson: Sendable {
    /// The path relative to `Content/`, such as `foundations/intro.md`.
    public let path: String
    /// The file path relative to the course root, used in diagnostics.
    public let file: String
    /// The output directory relative to the site root, such as `foundations/intro`.
    public let slug: String
    /// The parsed lesson.
    public let document: Document
    /// The index of its module in the course.
    public let moduleIndex: Int
    /// The source text, for diagnostics that show the line.
    public let source: String
    /// Quizzes, deck, ids, contents, links, search text, duration and diagnostics.
    public let analysis: LessonAnalysis

    /// Parses and analyses a lesson's source text; `math` carries the course's macros and
    /// the build's cache of converted formulas.
    /// `contentFolder` is where images are measured from for the slide checks.
    public init(path: String, moduleIndex: Int, source: String, math: MathContext = MathContext(), contentFolder: String? = nil) {
        self.path = path
        file = "Content/" + path
        slug = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        self.moduleIndex = moduleIndex
        self.source = LineEndings.normalized(source)
        let (document, diagnostics) = MarkdownParser.parse(normalized: self.source, file: file)
        self.document = document
        analysis = LessonAnalyzer.analyze(document, path: path, parseDiagnostics: diagnostics, math: math,
                                          contentFolder: contentFolder)
    }

    /// Minutes from front matter, else the estimate.
    public var minutes: Int { analysis.minutes }

    /// The title from front matter, else the file name.
    public var title: String { LessonAnalyzer.title(document, path: path) }

    /// The stable progress key.
    public var id: String { document.metadata.id ?? slug }
}

/// A loaded course: configuration and lessons in module order.
public struct Course: Sendable {
    /// The course root folder (the one holding `Content/`).
    public var root: String
    /// course.yml.
    public var config: CourseConfig
    /// Lessons in reading order.
    public var lessons: [Lesson]
    /// Every file under `Content/` that is not a lesson or course.yml, relative to `Content/`.
    public var assets: [String]
    /// Draft lessons left out of this build, by path relative to `Content/`, with their titles.
    public var drafts: [String: String] = [:]

    /// Creates a course.
    public init(root: String, config: CourseConfig, lessons: [Lesson], assets: [String], drafts: [String: String] = [:]) {
        self.root = root
        self.config = config
        self.lessons = lessons
        self.assets = assets
        self.drafts = drafts
    }
}

extension Course {
    /// Source texts of course.yml and every lesson, by file, for printing diagnostics with their lines.
    public func sourceTexts(configSource: String?) -> [String: String] {
        var sources: [String: String] = [:]
        for lesson in lessons { sources[lesson.file] = lesson.source }
        if let configSource { sources["Content/course.yml"] = configSource }
        return sources
    }
}
