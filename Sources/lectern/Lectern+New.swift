import ArgumentParser
import Foundation
import LecternSite

extension Lectern {
    /// `lectern new PATH`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a small course that builds cleanly.")

        @Argument(help: "The folder for the new course.")
        var path: String

        @Option(help: "The course title.")
        var title = "My Course"

        func run() throws {
            do {
                try CourseScaffold.create(at: path, title: title)
            } catch let failure as CourseScaffold.Failure {
                DiagnosticOutput.note("error: \(failure.description)")
                throw ExitCode(1)
            }
            DiagnosticOutput.note("created a course in \(path); build it with: lectern build \(path)")
        }
    }
}
