/// A lesson of a course: where it lives, where it is published, and what it says.
public struct Lesson: Sendable {
    /// The path relative to `Content/`, such as `foundations/intro.md`.
    public var path: String
    /// The file path relative to the course root, used in diagnostics.
    public var file: String
    /// The output directory relative to the site root, such as `foundations/intro`.
    public var slug: String
    /// The parsed lesson.
    public var document: Document
    /// The index of its module in the course.
    public var moduleIndex: Int
    /// The source text, for diagnostics that show the line.
    public var source: String
    /// Minutes from front matter, else the estimate.
    public var minutes: Int

    /// The title from front matter, else the file name.
    public var title: String {
        document.metadata.title ?? String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
    }

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
}
