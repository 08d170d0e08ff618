import Foundation
import LecternMath

/// Failures that stop Lectern before any content is looked at.
public enum CourseError: Error, CustomStringConvertible, Equatable {
    /// The folder has no `Content/`.
    case missingContent(String)
    /// `Content/course.yml` is missing.
    case missingCourseFile(String)
    /// A file could not be read.
    case unreadable(String)
    /// course.yml is a symbolic link that resolves outside `Content/`.
    case linkOutside(String)

    /// A sentence for the terminal.
    public var description: String {
        switch self {
        case .missingContent(let path): return "no Content/ folder in '\(path)'; is this a course? ('lectern new PATH' makes one)"
        case .missingCourseFile(let path): return "missing '\(path)'; every course needs a course.yml with a title and modules"
        case .unreadable(let path): return "cannot read '\(path)'"
        case .linkOutside(let path): return "'\(path)' is a symbolic link to a file outside Content/; Lectern reads only files inside the course"
        }
    }
}

/// A lesson that course.yml lists and that exists.
public struct PlannedLesson: Hashable, Sendable {
    /// The path relative to `Content/`.
    public var path: String
    /// The index of its module.
    public var module: Int
}

/// course.yml read and checked against the files under `Content/`, before any lesson is parsed.
public struct CoursePlan: Sendable {
    /// The course root folder.
    public var root: String
    /// course.yml.
    public var config: CourseConfig
    /// course.yml's text, for printing diagnostics.
    public var configSource: String
    /// The lessons to load, in reading order.
    public var lessons: [PlannedLesson]
    /// Every other file under `Content/`, relative to it.
    public var assets: [String]
    /// Markdown files under `Content/` that course.yml does not list.
    public var unlistedMarkdown: Set<String> = []
    /// What reading course.yml and listing `Content/` reported.
    public var diagnostics: [Diagnostic]

    /// A math context with the course's macros, for one build.
    public func mathContext() -> MathContext {
        MathContext(courseMacros: MacroTable(texts: config.mathMacros))
    }

    /// `Content/` inside the course root.
    public var contentFolder: String { (root as NSString).appendingPathComponent("Content") }
}

/// Reads a course folder: course.yml, every lesson (parsed and analysed in parallel) and the list of assets.
public enum CourseLoader {
    /// Loads the course at `root`. Content problems are diagnostics; missing folders throw.
    public static func load(root: String, includeDrafts: Bool = false) throws -> (Course, [Diagnostic]) {
        let plan = try self.plan(root: root)
        let (course, diagnostics) = loadLessons(plan, includeDrafts: includeDrafts)
        return (course, plan.diagnostics + diagnostics)
    }

    /// Reads course.yml and lists `Content/`.
    public static func plan(root: String) throws -> CoursePlan {
        let fileManager = FileManager.default
        let content = (root as NSString).appendingPathComponent("Content")
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CourseError.missingContent(root)
        }
        let configPath = (content as NSString).appendingPathComponent("course.yml")
        guard fileManager.fileExists(atPath: configPath) else { throw CourseError.missingCourseFile("Content/course.yml") }
        if let real = ContentListing.realPath(configPath), let folder = ContentListing.realPath(content),
           !real.hasPrefix(folder + "/") {
            throw CourseError.linkOutside("Content/course.yml")
        }
        guard let configData = fileManager.contents(atPath: configPath) else { throw CourseError.unreadable(configPath) }
        let configText = LineEndings.normalized(String(decoding: configData, as: UTF8.self))
        var bag = DiagnosticBag(file: "Content/course.yml")
        let config = CourseConfig.read(configText, file: "Content/course.yml", bag: &bag)

        let listing = try ContentListing.list(content)
        let files = listing.files
        let refused = Set(listing.diagnostics.map(\.file))
        let markdown = Set(files.filter { $0.hasSuffix(".md") })
        var planned: [PlannedLesson] = []
        var plannedLines: [Int] = []
        var seen: [String: Int] = [:]
        for (moduleIndex, module) in config.modules.enumerated() {
            for (entry, path) in module.lessons.enumerated() {
                let line = module.lessonLines[entry]
                guard let normalized = ContentPath.resolve(path, against: "") else {
                    bag.report("course.missing-lesson", ["path": path, "problem": "is outside Content/"],
                              at: SourceRange(line: line, column: 1))
                    continue
                }
                if let first = seen[normalized] {
                    bag.report("course.duplicate-lesson", ["path": path],
                              at: SourceRange(line: line, column: 1),
                              notes: [.init("first listed here", range: SourceRange(line: first, column: 1))])
                    continue
                }
                seen[normalized] = line
                guard markdown.contains(normalized) else {
                    if refused.contains("Content/" + normalized) { continue }
                    var notes: [Diagnostic.Note] = []
                    if let suggestion = Suggestion.closest(to: normalized, in: Array(markdown)) {
                        notes.append(.init("did you mean '\(suggestion)'?"))
                    }
                    bag.report("course.missing-lesson", ["path": path, "problem": "does not exist in Content/"],
                              at: SourceRange(line: line, column: 1), notes: notes)
                    continue
                }
                planned.append(PlannedLesson(path: normalized, module: moduleIndex))
                plannedLines.append(line)
            }
        }
        // Without modules (course.yml did not parse) every file would look unlisted.
        let modulesUnknown = config.modules.isEmpty && bag.hasErrors
        for path in markdown.sorted() where seen[path] == nil && !modulesUnknown {
            bag.add(Diagnostic("course.unlisted-lesson", ["path": path],
                               file: "Content/" + path, range: SourceRange(line: 1, column: 1)))
        }
        let assets = files.filter { !$0.hasSuffix(".md") && $0 != "course.yml" }
        let reserved = ReservedNames.check(lessons: zip(planned, plannedLines).map { ($0.path, $1) }, assets: assets)
        if modulesUnknown {
            // Every lesson file is still read, so that its own problems are reported in the same run.
            for path in markdown.sorted() where !refused.contains("Content/" + path) {
                planned.append(PlannedLesson(path: path, module: 0))
                seen[path] = 1
            }
        }
        var plan = CoursePlan(root: root, config: config, configSource: configText, lessons: planned, assets: assets,
                              diagnostics: bag.all + listing.diagnostics + reserved)
        plan.unlistedMarkdown = markdown.filter { seen[$0] == nil }
        return plan
    }

    /// Reads, parses and analyses every planned lesson on all cores; drafts are set aside unless included.
    public static func loadLessons(_ plan: CoursePlan, includeDrafts: Bool,
                                   progress: (@Sendable (Int) -> Void)? = nil) -> (Course, [Diagnostic]) {
        let loaded = ResultBox<Lesson>(count: plan.lessons.count)
        CmarkBridge.prepare()
        let math = plan.mathContext()
        DispatchQueue.concurrentPerform(iterations: plan.lessons.count) { index in
            if let lesson = readLesson(plan.lessons[index], in: plan.contentFolder, math: math) { loaded.set(index, lesson) }
            progress?(loaded.filled)
        }
        var lessons: [Lesson] = []
        var drafts: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, lesson) in loaded.values.enumerated() {
            guard let lesson else {
                diagnostics.append(Diagnostic("lesson.unreadable", ["path": plan.lessons[index].path],
                                              file: "Content/" + plan.lessons[index].path, range: SourceRange(line: 1, column: 1)))
                continue
            }
            if lesson.document.metadata.draft && !includeDrafts {
                drafts[lesson.path] = lesson.title
                continue
            }
            diagnostics += lessonDiagnostics(lesson)
            lessons.append(lesson)
        }
        // A markdown file that is not a lesson but that a lesson links to is published as it is.
        var linkedMarkdown: Set<String> = []
        for lesson in lessons {
            for link in lesson.analysis.links where !link.isImage {
                if case .lesson(let target, _) = link.reference, plan.unlistedMarkdown.contains(target) { linkedMarkdown.insert(target) }
            }
        }
        return (Course(root: plan.root, config: plan.config, lessons: lessons, assets: plan.assets + linkedMarkdown.sorted(),
                       drafts: drafts), diagnostics)
    }

    /// Reads and analyses one planned lesson; nil when the file cannot be read.
    public static func readLesson(_ planned: PlannedLesson, in contentFolder: String, math: MathContext) -> Lesson? {
        guard let bytes = FileBytes.read((contentFolder as NSString).appendingPathComponent(planned.path)) else { return nil }
        return Lesson(path: planned.path, moduleIndex: planned.module, source: String(decoding: bytes, as: UTF8.self), math: math,
                      contentFolder: contentFolder)
    }

    /// What a lesson reports about itself alone: parsing, analysis and a missing title.
    public static func lessonDiagnostics(_ lesson: Lesson) -> [Diagnostic] {
        var diagnostics = lesson.analysis.diagnostics
        let yamlFailed = diagnostics.contains { $0.id.hasPrefix("yaml.") }
        if lesson.document.metadata.title == nil, !yamlFailed {
            let source = lesson.document.metadata.titleInlines.isEmpty ? "its file name" : "its first heading"
            diagnostics.append(Diagnostic("metadata.missing-title", ["source": source, "title": lesson.title],
                                          file: lesson.file, range: SourceRange(line: 1, column: 1)))
        }
        return diagnostics
    }
}

/// Slots written from concurrent work, each by exactly one task.
public final class ResultBox<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private var count = 0
    private let lock = NSLock()

    /// Creates `count` empty slots.
    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// Fills one slot.
    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        if storage[index] == nil { count += 1 }
        storage[index] = value
        lock.unlock()
    }

    /// How many slots are filled.
    public var filled: Int { lock.lock(); defer { lock.unlock() }; return count }

    /// The slots, in order.
    public var values: [Value?] { lock.lock(); defer { lock.unlock() }; return storage }
}
