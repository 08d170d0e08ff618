import Foundation
@testable import LecternCore
import Testing

/// Golden files: `SlideGolden/NAME.md` splits into the outline in `SlideGolden/NAME.slides`,
/// followed by the slides reported as too tall for the canvas (images measured from the
/// files beside it).
@Suite struct SlideSplittingTests {
    static let directory = Bundle.module.url(forResource: "SlideGolden", withExtension: nil)!
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SlideGolden")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()

    /// The cases are read from a folder; a missing or emptied folder must fail, not pass.
    @Test func theCasesAreAllThere() {
        #expect(Self.names.count >= 6, "expected at least 6 slide golden cases in \(Self.directory.path)")
    }

    @Test(arguments: names)
    func splitsAsExpected(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let document = MarkdownParser.parse(source, file: name + ".md").0
        let analysis = LessonAnalyzer.analyze(document, path: name + ".md", contentFolder: Self.directory.path)
        let deck = SlideSplitter.deck(for: document, level: analysis.slideLevel)
        let overfull = analysis.diagnostics.filter { $0.id == "slide.overfull" }
            .map { "! \($0.range.start.line):\($0.range.start.column) \($0.message)\n" }
        let outline = "slide-level \(deck.slideLevel)\n" + deck.slides.map(\.summary).joined() + overfull.joined()
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try outline.write(to: Self.sourceDirectory.appendingPathComponent(name + ".slides"), atomically: true, encoding: .utf8)
            return
        }
        #expect(outline == (try String(contentsOf: Self.directory.appendingPathComponent(name + ".slides"), encoding: .utf8)))
    }
}
