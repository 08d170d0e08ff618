import Foundation
import LecternCore
import LecternHighlight

/// One named step of a build, run over the shared context, in the spirit of Publish's
/// `PublishingStep`: `check` runs the first steps of `build`, so both report the same.
public struct BuildStep: Sendable {
    /// The step's name, for `--verbose` timings.
    public let name: String
    /// The work.
    public let body: @Sendable (BuildContext) throws -> Void

    /// Creates a step.
    public init(_ name: String, _ body: @escaping @Sendable (BuildContext) throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Refuses an output folder Lectern must not replace, before any work.
    public static let checkOutput = BuildStep("check output") { context in
        let options = context.options
        context.output = try OutputFolder(path: options.output ?? (options.root as NSString).appendingPathComponent("Public"),
                                          courseRoot: options.root)
    }

    /// Reads course.yml and lists `Content/`; the theme starts loading meanwhile, on a core
    /// that would otherwise wait.
    public static let readCourse = BuildStep("read course") { context in
        SyntaxHighlighter.prepareInBackground()
        let root = context.options.root
        context.themeInBackground = Background { Theme.load(courseRoot: root) }
        let plan = try CourseLoader.plan(root: context.options.root)
        context.plan = plan
        context.diagnostics += plan.diagnostics
    }

    /// Parses and analyses every lesson on all cores.
    public static let analyseLessons = BuildStep("analyse lessons") { context in
        guard let plan = context.plan else { return }
        let total = plan.lessons.count
        var progress: (@Sendable (Int) -> Void)?
        if let report = context.options.progress {
            progress = { done in report(.analysed(done, of: total)) }
        }
        let (course, diagnostics) = CourseLoader.loadLessons(plan, includeDrafts: context.options.drafts, progress: progress)
        context.course = course
        context.diagnostics += diagnostics
    }

    /// Links, images, lesson ids and prerequisites across lessons.
    public static let validate = BuildStep("validate") { context in
        context.diagnostics += CourseValidator.validate(context.requireCourse())
    }

    /// The theme with the course's overrides; template errors are diagnostics.
    public static let loadTheme = BuildStep("load theme") { context in
        let (theme, diagnostics) = context.themeInBackground?.wait() ?? Theme.load(courseRoot: context.options.root)
        context.themeInBackground = nil
        context.theme = theme
        context.diagnostics += diagnostics
    }

    /// Stops the build when there are errors (or warnings with `--strict`).
    public static let stopOnErrors = BuildStep("stop on errors") { context in
        if context.isFailing { context.stopped = true }
    }

    /// Renders every page and deck on all cores, writing each into the staging folder as soon
    /// as it exists, and copies the course's files.
    public static let render = BuildStep("render") { context in
        guard let output = context.output, let theme = context.theme else { return }
        var course = context.requireCourse()
        if let baseURL = context.options.baseURL { course.config.baseURL = baseURL }
        let staging = try output.stage()
        context.staging = staging
        let renderer = SiteRenderer(course: course, paths: SitePaths(offline: context.options.offline), theme: theme)
        let total = course.lessons.count
        let progress = context.options.progress
        let content = (course.root as NSString).appendingPathComponent("Content")
        let assets = course.assets
        // The shared files (home, search index) come first: the longest piece, started last,
        // would leave the other cores idle at the end. The course's own files are copied alongside.
        let failures = ResultBox<Error>(count: total + 1 + assets.count)
        DispatchQueue.concurrentPerform(iterations: total + 1 + assets.count) { index in
            do {
                if index > total {
                    let asset = assets[index - total - 1]
                    try staging.copy((content as NSString).appendingPathComponent(asset), to: asset)
                    return
                }
                let files = index == 0 ? renderer.sharedFiles() : renderer.lessonFiles(index - 1)
                for file in files { try staging.write(file.data, to: file.path) }
                progress?(.written(staging.fileCount, of: total * 2 + 8))
            } catch {
                failures.set(index, error)
            }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
        context.fileCount = staging.fileCount
    }

    /// Swaps the staging folder in as the output folder.
    public static let publish = BuildStep("publish") { context in
        guard let output = context.output, let staging = context.staging else { return }
        try output.publish(staging)
        context.staging = nil
    }
}
