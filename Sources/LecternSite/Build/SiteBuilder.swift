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
    /// Told how far a long build has come; called from several threads.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Told how long each step took.
    public var stepTimer: (@Sendable (String, TimeInterval) -> Void)?

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
    /// The analysed course, when it could be read.
    public var course: Course?
    /// The theme, when it was loaded.
    public var theme: Theme?
}

/// Builds a course site as a list of named steps over one `BuildContext`.
public enum SiteBuilder {
    /// The steps of `lectern check`: everything that can report a problem.
    public static let checkSteps: [BuildStep] = [.readCourse, .analyseLessons, .validate, .loadTheme]
    /// The steps of `lectern build`: check, then render and publish unless there are errors.
    public static let buildSteps: [BuildStep] = [.checkOutput] + checkSteps + [.stopOnErrors, .render, .publish]

    /// Loads, validates, renders and writes the site; nothing is written when there are errors.
    public static func build(_ options: BuildOptions) throws -> BuildResult {
        try run(buildSteps, options)
    }

    /// Loads and validates the course and its theme, writing nothing.
    public static func check(_ options: BuildOptions) throws -> BuildResult {
        try run(checkSteps, options)
    }

    /// Runs steps in order until one stops the build; a thrown error discards what was staged.
    public static func run(_ steps: [BuildStep], _ options: BuildOptions) throws -> BuildResult {
        let context = BuildContext(options: options)
        do {
            for step in steps where !context.stopped {
                let start = Date()
                try step.body(context)
                options.stepTimer?(step.name, Date().timeIntervalSince(start))
            }
        } catch {
            context.staging?.discard()
            throw error
        }
        let wrote = steps.contains { $0.name == BuildStep.publish.name } && !context.stopped
        return BuildResult(diagnostics: context.diagnostics.sortedByLocation(), sources: context.sources, wrote: wrote,
                           fileCount: context.fileCount, course: context.course, theme: context.theme)
    }
}
