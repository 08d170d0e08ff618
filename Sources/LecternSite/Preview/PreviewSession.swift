import Foundation
import LecternCore

/// What one rebuild of a preview did.
public struct PreviewUpdate: Sendable {
    /// Files (relative to the output folder) whose bytes changed on disk.
    public var changedFiles: [String]
    /// Every diagnostic of the course as it is now.
    public var diagnostics: [Diagnostic]
    /// Source texts, for printing diagnostics.
    public var sources: [String: String]
    /// True when everything was re-read (course.yml, templates or the file list changed).
    public var full: Bool
    /// Lessons parsed again.
    public var lessonsParsed: Int
}

/// The state `lectern serve` keeps between rebuilds: the analysed course, the theme and
/// what is on disk, so that a change to one lesson re-parses and re-renders that lesson and
/// only the pages that show something of it, and rewrites only files whose bytes changed.
/// The site is written even when the course has errors; they are shown on the pages.
/// Rebuilds run one at a time (from the watcher); what pages ask for is read under a lock.
public final class PreviewSession: @unchecked Sendable {
    /// The build options (output folder, drafts, strict).
    public let options: BuildOptions
    /// The output folder.
    public let output: OutputFolder
    private var plan: CoursePlan?
    private var math = MathContext()
    private var course: Course?
    private var theme: Theme?
    private var themeDiagnostics: [Diagnostic] = []
    private var lessonDiagnostics: [String: [Diagnostic]] = [:]
    private var validation: [Diagnostic] = []
    private var fileGeneration: [String: Int] = [:]
    private var searchEntries: [String] = []
    /// The renderer of the last write, kept so that an edit does not make what it shares again.
    private var renderer: SiteRenderer?
    private let lock = NSLock()
    private var current = 0
    private var problem: String?
    private var problemsByPage: [String: [Diagnostic]] = [:]
    private var courseProblems: [Diagnostic] = []

    /// Held while the session lives, so no build swaps the folder away under the preview.
    private let outputLock: OutputLock

    /// Creates a session; the output folder is checked as `build` checks it and locked
    /// against builds and other previews.
    public init(options: BuildOptions) throws {
        self.options = options
        output = try OutputFolder(path: options.output ?? (options.root as NSString).appendingPathComponent("Public"),
                                  courseRoot: options.root)
        try FileIO.makeFolder(output.parent)
        outputLock = try OutputLock(beside: output.path, for: .serve)
    }

    /// A sentence when the course cannot be read at all (no Content/ or course.yml).
    public var fatalProblem: String? { lock.lock(); defer { lock.unlock() }; return problem }

    /// Increases with every rebuild that changed something a page shows.
    public var generation: Int { lock.lock(); defer { lock.unlock() }; return current }

    /// The rebuild in which the file at `relative` last changed (0 before any).
    public func generation(ofFile relative: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return fileGeneration[relative] ?? 0
    }

    /// Problems to show on the page at `relative` (a file in the output folder): those of the
    /// lesson it was built from, and those of course.yml and the theme.
    public func problems(onPage relative: String) -> (fatal: String?, diagnostics: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        return (problem, courseProblems + (problemsByPage[relative] ?? []))
    }

    /// Files the pages of a lesson are written to.
    private func pages(of lesson: Lesson) -> [String] {
        let paths = SitePaths(offline: options.offline)
        return [paths.file(forPage: lesson.slug), paths.file(forPage: lesson.slug + "/slides")]
    }

    /// Publishes the problems of the course as it is now for `problems(onPage:)`.
    private func publishProblems(_ diagnostics: [Diagnostic]) {
        let lessons = Dictionary((course?.lessons ?? []).map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var byPage: [String: [Diagnostic]] = [:]
        var shared: [Diagnostic] = []
        for diagnostic in diagnostics where diagnostic.severity != .note {
            if let lesson = lessons[diagnostic.file] {
                for page in pages(of: lesson) { byPage[page, default: []].append(diagnostic) }
            } else {
                shared.append(diagnostic)
            }
        }
        lock.lock()
        problemsByPage = byPage
        courseProblems = shared
        lock.unlock()
    }

    /// Reads everything again and writes whatever changed.
    public func rebuildAll() -> PreviewUpdate {
        do {
            let plan = try CourseLoader.plan(root: options.root)
            math = plan.mathContext()
            let (course, _) = CourseLoader.loadLessons(plan, includeDrafts: options.drafts)
            let (theme, themeDiagnostics) = Theme.load(courseRoot: options.root)
            lock.lock()
            problem = nil
            lock.unlock()
            self.plan = plan
            self.theme = theme
            self.themeDiagnostics = themeDiagnostics
            lessonDiagnostics = Dictionary(course.lessons.map { ($0.path, CourseLoader.lessonDiagnostics($0)) },
                                           uniquingKeysWith: { a, _ in a })
            self.course = course
            validation = CourseValidator.validate(course)
            let changed = write(everything: true, lessons: [], home: true)
            return published(changed, full: true, lessonsParsed: course.lessons.count)
        } catch {
            lock.lock()
            problem = String(describing: error)
            current += 1
            lock.unlock()
            course = nil
            publishProblems([])
            return PreviewUpdate(changedFiles: [], diagnostics: [], sources: [:], full: true, lessonsParsed: 0)
        }
    }

    /// Reads the theme again and renders every page with it: the lessons as analysed, and what
    /// validation found in them, stay as they are, since neither depends on the theme.
    public func reloadTheme() -> PreviewUpdate {
        guard course != nil else { return rebuildAll() }
        let (theme, themeDiagnostics) = Theme.load(courseRoot: options.root)
        self.theme = theme
        self.themeDiagnostics = themeDiagnostics
        let changed = write(everything: true, lessons: [], home: true)
        return published(changed, full: true, lessonsParsed: 0)
    }

    /// Lets go of the output folder, removing the lock file beside it: `serve` calls this when
    /// it is stopped, since a process ended by a signal runs no clean-up of its own.
    public func close() {
        outputLock.release()
    }

    /// Re-reads the given lessons (paths relative to `Content/`); anything else that changed
    /// needs `rebuildAll`.
    public func update(lessons paths: [String]) -> PreviewUpdate {
        guard var course, let plan else { return rebuildAll() }
        var indexes: [Int] = []
        var cardsChanged = false
        var totalChanged = false
        for path in paths {
            guard let index = course.lessons.firstIndex(where: { $0.path == path }),
                  let planned = plan.lessons.first(where: { $0.path == path }),
                  let lesson = CourseLoader.readLesson(planned, in: plan.contentFolder, math: math) else { return rebuildAll() }
            if lesson.document.metadata.draft != course.lessons[index].document.metadata.draft { return rebuildAll() }
            let old = course.lessons[index]
            cardsChanged = cardsChanged || old.title != lesson.title || old.minutes != lesson.minutes || old.id != lesson.id
                || old.document.metadata.level != lesson.document.metadata.level
                || old.document.metadata.description != lesson.document.metadata.description
            totalChanged = totalChanged || old.minutes != lesson.minutes
            course.lessons[index] = lesson
            lessonDiagnostics[path] = CourseLoader.lessonDiagnostics(lesson)
            indexes.append(index)
        }
        self.course = course
        validation = CourseValidator.validate(course)
        var pages = Set(indexes)
        if cardsChanged {
            // Neighbours show the title in previous/next, and the course contents beside every
            // page that lists the lesson.
            for index in indexes {
                if index > 0 { pages.insert(index - 1) }
                if index + 1 < course.lessons.count { pages.insert(index + 1) }
                pages.formUnion(CourseNavigation.pages(listing: index, in: course))
            }
        }
        let changed = write(everything: totalChanged, lessons: pages.sorted(), home: cardsChanged, reindex: indexes,
                            titlesChanged: cardsChanged)
        return published(changed, full: false, lessonsParsed: paths.count)
    }

    /// Publishes the course's problems as they are now for the pages, and reports a rebuild.
    private func published(_ changed: [String], full: Bool, lessonsParsed: Int) -> PreviewUpdate {
        let diagnostics = self.diagnostics
        publishProblems(diagnostics)
        return PreviewUpdate(changedFiles: changed, diagnostics: diagnostics, sources: sources, full: full,
                             lessonsParsed: lessonsParsed)
    }

    /// Every diagnostic of the course as it is now, sorted.
    public var diagnostics: [Diagnostic] {
        var all = (plan?.diagnostics ?? []) + themeDiagnostics + validation
        for lesson in course?.lessons ?? [] { all += lessonDiagnostics[lesson.path] ?? [] }
        return all.sortedByLocation()
    }

    /// Source texts by file, for printing diagnostics.
    public var sources: [String: String] {
        course?.sourceTexts(configSource: plan?.configSource) ?? [:]
    }

    /// Renders the shared pages and the given lessons (all of them with `everything`), the home
    /// page when asked, and the search index from the kept entries with those of `reindex`
    /// encoded again; writes the files whose bytes differ from what is on disk.
    private func write(everything: Bool, lessons: [Int], home: Bool, reindex: [Int] = [], titlesChanged: Bool = true) -> [String] {
        guard var course, let theme else { return [] }
        if let baseURL = options.baseURL { course.config.baseURL = baseURL }
        let renderer = (everything ? nil : self.renderer)?.updating(course, titlesChanged: titlesChanged)
            ?? SiteRenderer(course: course, paths: SitePaths(offline: options.offline), theme: theme)
        self.renderer = renderer
        if everything || searchEntries.count != course.lessons.count {
            searchEntries = course.lessons.indices.map(renderer.searchEntry)
        } else {
            for index in reindex { searchEntries[index] = renderer.searchEntry(index) }
        }
        let searchIndex = SiteRenderer.searchIndex(entries: searchEntries)
        let indexes = everything ? Array(course.lessons.indices) : lessons
        let results = ResultBox<[(path: String, data: Data)]>(count: indexes.count + 1)
        DispatchQueue.concurrentPerform(iterations: indexes.count + 1) { slot in
            if slot == indexes.count {
                if everything {
                    results.set(slot, renderer.sharedFiles(searchIndex: searchIndex))
                } else if home {
                    results.set(slot, [("index.html", renderer.homePage())])
                }
            } else {
                results.set(slot, renderer.lessonFiles(indexes[slot]))
            }
        }
        var files = results.values.compactMap { $0 }.flatMap { $0 }
        if !everything { files.append((SiteRenderer.searchIndexPath, searchIndex)) }
        files.append((OutputFolder.markerName, Data("This folder is generated by lectern serve.\n".utf8)))
        if everything {
            let content = (course.root as NSString).appendingPathComponent("Content")
            for asset in course.assets {
                if let data = FileIO.read((content as NSString).appendingPathComponent(asset)) { files.append((asset, data)) }
            }
        }
        var changed: [String] = []
        for file in files {
            let destination = (output.path as NSString).appendingPathComponent(file.path)
            if FileIO.read(destination) == file.data { continue }
            do {
                try FileIO.makeFolder((destination as NSString).deletingLastPathComponent)
                try FileIO.write(file.data, to: destination)
                changed.append(file.path)
            } catch {
                continue
            }
        }
        if everything { removeStale(keeping: Set(files.map(\.path))) }
        lock.lock()
        current += 1
        for path in changed { fileGeneration[path] = current }
        lock.unlock()
        return changed
    }

    /// Deletes files inside the output folder that the site no longer has.
    private func removeStale(keeping files: Set<String>) {
        guard let enumerator = FileManager.default.enumerator(atPath: output.path) else { return }
        var stale: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = (output.path as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
               !files.contains(relative) {
                stale.append(full)
            }
        }
        for path in stale { try? FileManager.default.removeItem(atPath: path) }
    }
}
