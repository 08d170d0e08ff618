import Foundation
@testable import LecternCore
import Testing

/// One small course per author mistake under `Fixtures/NAME/`, with the exact lines
/// `lectern check` prints in `Fixtures/NAME/expected.txt`.
/// Set LECTERN_UPDATE_GOLDEN=1 to rewrite the expected files from the current output.
@Suite struct FixtureCourseTests {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()

    /// The cases are read from a folder; a missing or emptied folder must fail, not pass.
    @Test func theCasesAreAllThere() {
        #expect(Self.names.count >= 20, "expected at least 20 fixture courses in \(Self.directory.path)")
    }

    static func check(_ name: String) throws -> (text: String, diagnostics: [Diagnostic]) {
        let root = directory.appendingPathComponent(name).path
        let (course, loaded) = try CourseLoader.load(root: root)
        let diagnostics = (loaded + CourseValidator.validate(course)).sortedByLocation()
        var sources: [String: String] = [:]
        for lesson in course.lessons { sources[lesson.file] = lesson.source }
        return (DiagnosticPrinter(sources: sources).render(diagnostics, format: .text), diagnostics)
    }

    @Test(arguments: names)
    func reportsExactlyTheExpectedLines(_ name: String) throws {
        let (text, diagnostics) = try Self.check(name)
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.sourceDirectory.appendingPathComponent(name).appendingPathComponent("expected.txt"),
                           atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name).appendingPathComponent("expected.txt"),
                                  encoding: .utf8)
        #expect(text == expected)
        #expect(!diagnostics.isEmpty, "every fixture holds at least one mistake")
    }

    @Test func twelveMistakesInFourFilesAreAllReportedSortedByFileAndLine() throws {
        let (_, diagnostics) = try Self.check("twelve-mistakes")
        #expect(diagnostics.count == 12)
        #expect(Set(diagnostics.map(\.file)).count == 4)
        let keys = diagnostics.map { [$0.file, String(format: "%06d", $0.range.start.line)] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
