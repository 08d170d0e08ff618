import Foundation
import LecternCore

/// How to build a site.
public struct BuildOptions: Sendable {
    /// The course folder (holding `Content/`).
    public var root: String
    /// The output folder; default `root/Public`.
    public var output: String?
    /// Overrides course.yml's `base_url`.
    public var baseURL: String?
    /// Links written for `file://`.
    public var offline = false
    /// Warnings fail the build.
    public var strict = false
    /// Draft lessons are built too.
    public var drafts = false

    /// Creates options for a course folder.
    public init(root: String) {
        self.root = root
    }
}

/// What a build did.
public struct BuildResult: Sendable {
    /// Everything reported, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// Source texts by file, for printing diagnostics with their lines.
    public var sources: [String: String]
    /// Whether the site was written.
    public var wrote: Bool
    /// Files written.
    public var fileCount: Int
}

/// Builds a course site in a short list of named steps.
public enum SiteBuilder {
    /// Loads, validates, renders and writes the site; nothing is written when there are errors.
    public static func build(_ options: BuildOptions) throws -> BuildResult {
        let output = OutputFolder.self
        let outputFolder = try output.init(path: options.output ?? (options.root as NSString).appendingPathComponent("Public"),
                                           courseRoot: options.root)
        var (course, diagnostics) = try loadCourse(options)
        diagnostics += validate(course)
        let (theme, themeDiagnostics) = loadTheme(course)
        diagnostics += themeDiagnostics
        let sources = sourceTexts(course)
        let sorted = diagnostics.sortedByLocation()
        let failing = sorted.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
        guard !failing else { return BuildResult(diagnostics: sorted, sources: sources, wrote: false, fileCount: 0) }
        if let baseURL = options.baseURL { course.config.baseURL = baseURL }
        let site = SiteRenderer(course: course, paths: SitePaths(offline: options.offline), theme: theme)
        let files = site.renderFiles()
        let assets = copyList(course)
        try outputFolder.replace(with: files, copying: assets)
        return BuildResult(diagnostics: sorted, sources: sources, wrote: true, fileCount: files.count + assets.count)
    }

    /// Step 1: read course.yml and every lesson.
    static func loadCourse(_ options: BuildOptions) throws -> (Course, [Diagnostic]) {
        try CourseLoader.load(root: options.root, includeDrafts: options.drafts)
    }

    /// Step 2: the core validation pass.
    static func validate(_ course: Course) -> [Diagnostic] {
        CourseValidator.validate(course)
    }

    /// Step 3: the theme, with the course's overrides.
    static func loadTheme(_ course: Course) -> (Theme, [Diagnostic]) {
        Theme.load(courseRoot: course.root)
    }

    /// Step 5: assets to copy, from `Content/` to the same place in the site.
    static func copyList(_ course: Course) -> [(source: String, destination: String)] {
        let content = (course.root as NSString).appendingPathComponent("Content")
        return course.assets.map { ((content as NSString).appendingPathComponent($0), $0) }
    }

    /// Source texts of course.yml and every lesson, by file, for printing diagnostics.
    public static func sourceTexts(_ course: Course) -> [String: String] {
        var sources: [String: String] = [:]
        for lesson in course.lessons { sources[lesson.file] = lesson.source }
        let config = (course.root as NSString).appendingPathComponent("Content/course.yml")
        if let data = FileManager.default.contents(atPath: config) {
            sources["Content/course.yml"] = String(decoding: data, as: UTF8.self)
        }
        return sources
    }
}
