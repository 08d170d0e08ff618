import ArgumentParser
import Foundation
import LecternCore

/// Options shared by commands that read a course.
struct CourseOptions: ParsableArguments {
    @Argument(help: "The course folder (it holds Content/). Default: the current folder.")
    var path: String = "."

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include lessons marked 'draft: true'.")
    var drafts = false
}

/// Prints diagnostics to stderr the way a terminal or a machine wants them.
enum DiagnosticOutput {
    static func print(_ diagnostics: [Diagnostic], sources: [String: String], format: DiagnosticFormat = .text) {
        let interactive = Terminal.isInteractive(stderr: true)
        let printer = DiagnosticPrinter(sources: sources, showsSource: interactive, usesColor: interactive)
        let text = printer.render(diagnostics, format: format)
        if format == .json {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
