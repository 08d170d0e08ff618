import Foundation
import LecternCore

/// What a build knows so far, handed from step to step.
public final class BuildContext: @unchecked Sendable {
    /// The options the build was started with.
    public let options: BuildOptions
    /// The output folder, once checked.
    public var output: OutputFolder?
    /// course.yml and the list of lessons and assets.
    public var plan: CoursePlan?
    /// The analysed course.
    public var course: Course?
    /// The theme with the course's overrides.
    public var theme: Theme?
    /// The theme and its diagnostics, loading on another core while the course is read and
    /// analysed; `loadTheme` waits for them.
    var themeInBackground: Background<(Theme, [Diagnostic])>?
    /// Everything reported so far.
    public var diagnostics: [Diagnostic] = []
    /// Where the site is being written.
    public var staging: StagingFolder?
    /// Files written.
    public var fileCount = 0
    /// Set by a step to end the build early; later steps do not run.
    public var stopped = false

    /// Creates a context for one build.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// True when the diagnostics so far stop a build.
    public var isFailing: Bool {
        diagnostics.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
    }

    /// The course, for steps that run after `analyseLessons`.
    func requireCourse() -> Course {
        guard let course else { preconditionFailure("a build step needs the course before it is analysed") }
        return course
    }

    /// Source texts of course.yml and every lesson, by file, for printing diagnostics.
    public var sources: [String: String] {
        course?.sourceTexts(configSource: plan?.configSource) ?? plan.map { ["Content/course.yml": $0.configSource] } ?? [:]
    }
}

/// What a long build has done so far, for a progress line.
public enum BuildProgress: Sendable {
    /// Lessons parsed and analysed, out of all.
    case analysed(Int, of: Int)
    /// Files written, out of about this many.
    case written(Int, of: Int)
}

/// A value worked out on another thread, waited for where it is needed.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var value: Value?

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = work()
            self.done.leave()
        }
    }

    /// The value, once `work` has finished.
    func wait() -> Value {
        done.wait()
        guard let value else { preconditionFailure("background work finished without a value") }
        return value
    }
}
