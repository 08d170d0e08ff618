import ArgumentParser
import Foundation
import LecternCore
import LecternSite

extension Lectern {
    /// `lectern dump FILE.md`: the parsed model with source ranges.
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a lesson's document model with source ranges, like 'pandoc -t native'.")

        @Argument(help: "The markdown file to parse.")
        var file: String

        @Flag(help: "Print the HTML body instead of the model.")
        var html = false

        @Flag(help: "With --html, render as on a lesson page (callouts styled, notes and pauses left out).")
        var page = false

        func run() throws {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ValidationError("cannot read '\(file)'")
            }
            let source = LineEndings.normalized(String(decoding: data, as: UTF8.self))
            let (document, diagnostics) = MarkdownParser.parse(normalized: source, file: file)
            if html {
                var options = page ? HTMLWriter.Options.page : .pandoc
                let analysis = LessonAnalyzer.analyze(document, path: url.lastPathComponent)
                options.quiz = { analysis.quiz(at: $0) }
                if page {
                    options.math = { analysis.math[$0]?.html }
                    options.mathText = { analysis.math[$0]?.plainText }
                }
                var writer = HTMLWriter(options: options)
                print(writer.render(document.blocks), terminator: "")
            } else {
                print(DocumentDump.render(document.blocks), terminator: "")
            }
            let printer = DiagnosticPrinter(sources: [file: source], showsSource: Terminal.isInteractive(stderr: true),
                                            usesColor: Terminal.isInteractive(stderr: true))
            FileHandle.standardError.write(Data(printer.render(diagnostics, format: .text).utf8))
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }
}
