import Foundation
@testable import LecternCore
import Testing

/// Golden files: `SlideGolden/NAME.md` splits into the outline in `SlideGolden/NAME.slides`.
@Suite struct SlideSplittingTests {
    static let directory = Bundle.module.url(forResource: "SlideGolden", withExtension: nil)!
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SlideGolden")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()

    @Test(arguments: names)
    func splitsAsExpected(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let document = MarkdownParser.parse(source, file: name + ".md").0
        let deck = SlideSplitter.deck(for: document, level: LessonAnalyzer.analyze(document, path: name + ".md").slideLevel)
        let outline = "slide-level \(deck.slideLevel)\n" + deck.slides.map(\.summary).joined()
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try outline.write(to: Self.sourceDirectory.appendingPathComponent(name + ".slides"), atomically: true, encoding: .utf8)
            return
        }
        #expect(outline == (try String(contentsOf: Self.directory.appendingPathComponent(name + ".slides"), encoding: .utf8)))
    }
}
