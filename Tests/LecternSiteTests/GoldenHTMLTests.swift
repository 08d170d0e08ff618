import Foundation
import LecternCore
import LecternSite
import Testing

/// Golden files: `Golden/NAME.md` renders to `Golden/NAME.html`, and its diagnostics are
/// `Golden/NAME.diagnostics` (absent when there are none). `page-` files use lesson-page mode
/// and `deck-` files slide mode, both with the lesson's analysis (highlighted code).
/// Set LECTERN_UPDATE_GOLDEN=1 to rewrite the expected files from the current output.
@Suite struct GoldenHTMLTests {
    static let directory = Bundle.module.url(forResource: "Golden", withExtension: nil)!
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func everyConstructHasAGolden() {
        #expect(Self.names.count >= 20)
    }

    @Test(arguments: names)
    func rendersAsExpected(_ name: String) throws {
        let input = try String(contentsOf: Self.directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let (document, diagnostics) = MarkdownParser.parse(input, file: name + ".md")
        var options: HTMLWriter.Options = name.hasPrefix("page-") ? .page : .pandoc
        if name.hasPrefix("page-") || name.hasPrefix("deck-") {
            let analysis = LessonAnalyzer.analyze(document, path: name + ".md")
            options.code = { analysis.code[$0] }
            options.deckMode = name.hasPrefix("deck-")
        }
        var writer = HTMLWriter(options: options)
        let html = writer.render(document.blocks)
        let printed = DiagnosticPrinter(sources: [name + ".md": input]).render(diagnostics, format: .text)

        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try html.write(to: Self.sourceDirectory.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
            let diagnosticsFile = Self.sourceDirectory.appendingPathComponent(name + ".diagnostics")
            if printed.isEmpty { try? FileManager.default.removeItem(at: diagnosticsFile) } else {
                try printed.write(to: diagnosticsFile, atomically: true, encoding: .utf8)
            }
            return
        }
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name + ".html"), encoding: .utf8)
        #expect(html == expected)
        let expectedDiagnostics = (try? String(contentsOf: Self.directory.appendingPathComponent(name + ".diagnostics"),
                                               encoding: .utf8)) ?? ""
        #expect(printed == expectedDiagnostics)
    }
}
