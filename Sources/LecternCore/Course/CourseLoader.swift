import Foundation

/// Failures that stop Lectern before any content is looked at.
public enum CourseError: Error, CustomStringConvertible, Equatable {
    /// The folder has no `Content/`.
    case missingContent(String)
    /// `Content/course.yml` is missing.
    case missingCourseFile(String)
    /// A file could not be read.
    case unreadable(String)

    /// A sentence for the terminal.
    public var description: String {
        switch self {
        case .missingContent(let path): return "no Content/ folder in '\(path)'; is this a course? ('lectern new PATH' makes one)"
        case .missingCourseFile(let path): return "missing '\(path)'; every course needs a course.yml with a title and modules"
        case .unreadable(let path): return "cannot read '\(path)'"
        }
    }
}

/// Reads a course folder: course.yml, every lesson (in parallel) and the list of assets.
public enum CourseLoader {
    /// Loads the course at `root`. Content problems are diagnostics; missing folders throw.
    public static func load(root: String, includeDrafts: Bool = false) throws -> (Course, [Diagnostic]) {
        let fileManager = FileManager.default
        let content = (root as NSString).appendingPathComponent("Content")
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CourseError.missingContent(root)
        }
        let configPath = (content as NSString).appendingPathComponent("course.yml")
        guard fileManager.fileExists(atPath: configPath) else { throw CourseError.missingCourseFile("Content/course.yml") }
        guard let configData = fileManager.contents(atPath: configPath) else { throw CourseError.unreadable(configPath) }
        let configText = String(decoding: configData, as: UTF8.self)
        var bag = DiagnosticBag(file: "Content/course.yml")
        let config = CourseConfig.read(configText, file: "Content/course.yml", bag: &bag)

        let files = try listFiles(content)
        let markdown = Set(files.filter { $0.hasSuffix(".md") })
        var planned: [(path: String, module: Int)] = []
        var seen: [String: Int] = [:]
        for (moduleIndex, module) in config.modules.enumerated() {
            for (entry, path) in module.lessons.enumerated() {
                let normalized = normalize(path)
                let line = module.lessonLines[entry]
                if let first = seen[normalized] {
                    bag.error("course.duplicate-lesson", "'\(path)' is listed twice in course.yml",
                              at: SourceRange(line: line, column: 1),
                              notes: [.init("first listed here", range: SourceRange(line: first, column: 1))])
                    continue
                }
                seen[normalized] = line
                guard markdown.contains(normalized) else {
                    var notes: [Diagnostic.Note] = []
                    if let suggestion = Suggestion.closest(to: normalized, in: Array(markdown)) {
                        notes.append(.init("did you mean '\(suggestion)'?"))
                    }
                    bag.error("course.missing-lesson", "lesson '\(path)' does not exist in Content/",
                              at: SourceRange(line: line, column: 1), notes: notes)
                    continue
                }
                planned.append((normalized, moduleIndex))
            }
        }
        let courseFileFailed = bag.hasErrors
        for path in markdown.sorted() where seen[path] == nil && !courseFileFailed {
            bag.add(Diagnostic(.warning, "course.unlisted-lesson", "'\(path)' is not listed in course.yml and is not built",
                               file: "Content/" + path, range: SourceRange(line: 1, column: 1)))
        }

        let parsed = parse(planned.map { (content as NSString).appendingPathComponent($0.path) },
                           files: planned.map { "Content/" + $0.path })
        var lessons: [Lesson] = []
        for (index, plan) in planned.enumerated() {
            guard let (document, source, diagnostics) = parsed[index] else {
                bag.error("lesson.unreadable", "cannot read '\(plan.path)'", at: SourceRange(line: 1, column: 1))
                continue
            }
            bag.add(contentsOf: diagnostics)
            if document.metadata.draft && !includeDrafts { continue }
            let yamlFailed = diagnostics.contains { $0.id.hasPrefix("yaml.") }
            if document.metadata.title == nil, !yamlFailed {
                bag.add(Diagnostic(.error, "metadata.missing-title",
                                   "lesson has no title; add 'title:' to its front matter",
                                   file: "Content/" + plan.path, range: SourceRange(line: 1, column: 1)))
            }
            let slug = String(plan.path.dropLast(3))
            lessons.append(Lesson(path: plan.path, file: "Content/" + plan.path, slug: slug, document: document,
                                  moduleIndex: plan.module, source: source,
                                  minutes: document.metadata.duration ?? DurationEstimate.minutes(for: document)))
        }
        let assets = files.filter { !$0.hasSuffix(".md") && $0 != "course.yml" }
        return (Course(root: root, config: config, lessons: lessons, assets: assets), bag.all)
    }

    /// `./a/../b.md` → `b.md`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Every non-hidden file under `directory`, relative to it, sorted.
    static func listFiles(_ directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw CourseError.unreadable(directory)
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Reads and parses files on all cores.
    static func parse(_ paths: [String], files: [String]) -> [(Document, String, [Diagnostic])?] {
        CmarkBridge.prepare()
        let results = ResultBox<(Document, String, [Diagnostic])>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            guard let data = FileManager.default.contents(atPath: paths[index]) else { return }
            let source = String(decoding: data, as: UTF8.self)
            let (document, diagnostics) = MarkdownParser.parse(source, file: files[index])
            results.set(index, (document, source, diagnostics))
        }
        return results.values
    }
}

/// Slots written from concurrent work, each by exactly one task.
public final class ResultBox<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    /// Creates `count` empty slots.
    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// Fills one slot.
    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// The slots, in order.
    public var values: [Value?] { lock.lock(); defer { lock.unlock() }; return storage }
}
