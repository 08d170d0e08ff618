import ArgumentParser
import Foundation
import LecternCore
import LecternSite

extension DiagnosticFormat: ExpressibleByArgument {}

extension Lectern {
    /// `lectern check [PATH]`: the first steps of `build`, theme included, writing nothing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a course without building it.",
            discussion: "Runs every step of 'build' that can find a problem, the theme's templates included. "
                + "Exit status: 0 clean, 1 content errors (or warnings with --strict), 64 usage errors.")

        @OptionGroup var course: CourseOptions
        @OptionGroup var report: ReportOptions

        @Option(help: "How to print diagnostics: text, json or github.")
        var format: DiagnosticFormat = .text

        func run() throws {
            let result: BuildResult
            do {
                result = try SiteBuilder.check(report.configure(course.buildOptions()))
            } catch let error as CourseError {
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(1)
            }
            DiagnosticOutput.print(result.diagnostics, sources: result.sources, format: format)
            ExitRetention.keep(result)
            let failing = result.diagnostics.contains { $0.severity == .error || (course.strict && $0.severity == .warning) }
            if format == .text, !report.quiet {
                DiagnosticOutput.note(result.diagnostics.isEmpty ? "no problems found" : DiagnosticOutput.summary(result.diagnostics))
            }
            if failing { throw ExitCode(1) }
        }
    }
}
