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

        @Option(help: "The output folder. Default: PATH/Public.")
        var output: String?

        @Option(name: .customLong("base-url"), help: "The URL the site is published under (enables sitemap.xml).")
        var baseURL: String?

        @Flag(help: "Write links that open from file:// (dir/index.html).")
        var offline = false

        func run() throws {
            var options = BuildOptions(root: course.path)
            options.output = output
            options.baseURL = baseURL
            options.offline = offline
            options.strict = course.strict
            options.drafts = course.drafts
            let start = Date()
            let result: BuildResult
            do {
                result = try SiteBuilder.build(options)
            } catch let error as CourseError {
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(1)
            } catch let error as OutputFolderError {
                DiagnosticOutput.note("error: \(error.description)")
                throw ExitCode(64)
            }
            DiagnosticOutput.print(result.diagnostics, sources: result.sources)
            guard result.wrote else {
                DiagnosticOutput.note("build failed: \(DiagnosticOutput.summary(result.diagnostics)); nothing was written")
                throw ExitCode(1)
            }
            let elapsed = String(format: "%.2f", Date().timeIntervalSince(start))
            DiagnosticOutput.note("built \(result.fileCount) files in \(elapsed) s (\(DiagnosticOutput.summary(result.diagnostics)))")
        }
    }
}
