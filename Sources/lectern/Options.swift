import ArgumentParser
import Foundation
import LecternCore
import LecternSite

/// Options shared by commands that read a course.
struct CourseOptions: ParsableArguments {
    @Argument(help: "The course folder (it holds Content/). Default: the current folder.")
    var path: String = "."

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include lessons marked 'draft: true'.")
    var drafts = false

    /// Build options for this course.
    func buildOptions() -> BuildOptions {
        var options = BuildOptions(root: path)
        options.strict = strict
        options.drafts = drafts
        return options
    }
}

/// Options shared by commands that write a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The output folder. Default: PATH/Public.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The URL the site is published under (enables sitemap.xml).")
    var baseURL: String?

    @Flag(help: "Write links that open from file:// (dir/index.html).")
    var offline = false

    func apply(to options: BuildOptions) -> BuildOptions {
        var options = options
        options.output = output
        options.baseURL = baseURL
        options.offline = offline
        return options
    }
}

/// How much a command says besides diagnostics.
struct ReportOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print diagnostics only: no progress and no summary line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each build step took.")
    var verbose = false

    /// Adds a progress line (on a terminal) and step timings (with --verbose).
    func configure(_ options: BuildOptions) -> BuildOptions {
        var options = options
        if !quiet, Terminal.isInteractive(stderr: true) {
            let line = ProgressLine.shared
            options.progress = { line.update($0) }
        }
        if verbose, !quiet {
            options.stepTimer = { name, seconds in
                ProgressLine.shared.clear()
                DiagnosticOutput.note("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds))
            }
        }
        return options
    }

    /// Clears the progress line before other output.
    func finishProgress() {
        ProgressLine.shared.clear()
    }
}

/// One updating line on a terminal: lessons analysed, then files written.
final class ProgressLine: @unchecked Sendable {
    static let shared = ProgressLine()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var shown = false

    func update(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.08 else { return }
        lastDraw = now
        let text: String
        switch progress {
        case .analysed(let done, let total): text = "analysed \(done)/\(total) lessons"
        case .written(let done, let total): text = "wrote \(done)/\(max(done, total)) files"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
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

/// Results kept until the process exits: freeing a whole analysed course just before exit
/// costs a few percent of a build and gives nothing back.
enum ExitRetention {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
