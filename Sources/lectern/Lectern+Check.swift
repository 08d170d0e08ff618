import ArgumentParser
import Foundation
import LecternCore
import LecternSite

extension DiagnosticFormat: ExpressibleByArgument {}

extension Lectern {
    /// `lectern check [PATH]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a course without building it.",
            discussion: "Exit status: 0 clean, 1 content errors (or warnings with --strict), 64 usage errors.")

        @OptionGroup var course: CourseOptions

        @Option(help: "How to print diagnostics: text, json or github.")
        var format: DiagnosticFormat = .text

        func run() throws {
            let loaded: (Course, [Diagnostic])
            do {
                loaded = try CourseLoader.load(root: course.path, includeDrafts: course.drafts)
            } catch let error as CourseError {
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(1)
            }
            let diagnostics = (loaded.1 + CourseValidator.validate(loaded.0)).sortedByLocation()
            DiagnosticOutput.print(diagnostics, sources: SiteBuilder.sourceTexts(loaded.0), format: format)
            let failing = diagnostics.contains { $0.severity == .error || (course.strict && $0.severity == .warning) }
            if format == .text {
                DiagnosticOutput.note(diagnostics.isEmpty ? "no problems found" : DiagnosticOutput.summary(diagnostics))
            }
            if failing { throw ExitCode(1) }
        }
    }
}
