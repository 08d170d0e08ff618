import ArgumentParser
import Foundation
import LecternCore
import LecternSite

extension Lectern {
    /// `lectern build [PATH]`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build PATH/Content into PATH/Public.",
            discussion: "Nothing is written when there are errors; the previous site stays as it was.")

        @OptionGroup var course: CourseOptions
        @OptionGroup var site: SiteOptions
        @OptionGroup var report: ReportOptions

        func run() throws {
            let options = report.configure(site.apply(to: course.buildOptions()))
            let start = Date()
            let stopping = StopSignals.install { UnfinishedSite.abandon() }
            defer { withExtendedLifetime(stopping) {} }
            let result: BuildResult
            do {
                result = try SiteBuilder.build(options)
            } catch let error as CourseError {
                report.finishProgress()
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(1)
            } catch let error as OutputFolderError {
                report.finishProgress()
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(error.isHeldElsewhere ? 75 : 64)
            } catch {
                report.finishProgress()
                DiagnosticOutput.note("error: \(FailureText.sentence(error))")
                throw ExitCode(1)
            }
            report.finishProgress()
            DiagnosticOutput.print(result.diagnostics, sources: result.sources)
            ExitRetention.keep(result)
            guard result.wrote else {
                DiagnosticOutput.note("build failed: \(DiagnosticOutput.summary(result.diagnostics)); nothing was written")
                throw ExitCode(1)
            }
            let elapsed = String(format: "%.2f", Date().timeIntervalSince(start))
            let lessons = result.course?.lessons.count ?? 0
            if !report.quiet {
                DiagnosticOutput.note("built \(lessons) lesson\(lessons == 1 ? "" : "s"), \(result.fileCount) files in \(elapsed) s "
                    + "(\(DiagnosticOutput.summary(result.diagnostics)))")
            }
        }
    }
}
