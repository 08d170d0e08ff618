import Foundation
import LecternCore
import LecternSite

/// One input through everything a build does with a lesson, in memory: parsing, analysis,
/// validation, the page and the deck through the theme's templates, the home and search pages,
/// and printed diagnostics. The first byte picks safe mode, so both policies are explored.
enum FuzzPipeline {
    static let theme = Theme.load(courseRoot: "/nonexistent-lectern-fuzz-course").0

    /// Runs `bytes` through the pipeline; traps when an invariant is broken, which the fuzzer
    /// reports as a crash with the input that caused it.
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let safe = (bytes.first ?? 0) & 1 == 1
        let source = String(decoding: bytes.dropFirst(bytes.isEmpty ? 0 : 1), as: UTF8.self)
        var bag = DiagnosticBag(file: "Content/course.yml")
        let config = CourseConfig.read("title: Fuzz\nsafe: \(safe)\nmodules:\n  - title: M\n    lessons: [fuzz.md]\n",
                                       file: "Content/course.yml", bag: &bag)
        let lesson = Lesson(path: "fuzz.md", moduleIndex: 0, source: source)
        let course = Course(root: "/nonexistent-lectern-fuzz-course", config: config, lessons: [lesson], assets: [])
        let diagnostics = CourseLoader.lessonDiagnostics(lesson) + CourseValidator.validate(course)
        let renderer = SiteRenderer(course: course, paths: SitePaths(), theme: theme)
        let files = renderer.lessonFiles(0) + renderer.sharedFiles()
        let printed = DiagnosticPrinter(sources: [lesson.file: lesson.source], showsSource: true).render(diagnostics, format: .text)
        check(diagnostics: diagnostics, printed: printed, files: files, source: lesson.source, safe: safe)
    }

    static func check(diagnostics: [Diagnostic], printed: String, files: [(path: String, data: Data)], source: String,
                      safe: Bool) {
        // Lines as Lectern counts them: by line feeds (a CR LF pair is one Character in Swift).
        let lines = source.utf8.filter { $0 == 0x0A }.count + 1
        for diagnostic in diagnostics {
            guard DiagnosticCatalog.all.contains(where: { $0.id == diagnostic.id }) else { fatalError("uncatalogued \(diagnostic.id)") }
            guard (0...lines).contains(diagnostic.range.start.line) else { fatalError("\(diagnostic) is outside the file") }
        }
        guard !diagnostics.isEmpty || printed.isEmpty else { fatalError("printed without diagnostics") }
        let authorMarkers = source.unicodeScalars.filter { (0xE000...0xE002).contains($0.value) }.count
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.data, as: UTF8.self)
            if html.unicodeScalars.filter({ (0xE000...0xE002).contains($0.value) }).count > authorMarkers {
                fatalError("pre-pass markers in \(file.path)")
            }
            if safe, html.range(of: "<script>", options: .caseInsensitive) != nil || html.contains(" onerror=") {
                fatalError("author script in safe mode in \(file.path)")
            }
        }
    }
}
