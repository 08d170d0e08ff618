import Foundation
@testable import LecternCore
import Testing

/// Golden files: `QuizGolden/NAME.md` gives `NAME.quiz` (the model outline) and `NAME.diagnostics`.
@Suite struct QuizModelTests {
    static let directory = Bundle.module.url(forResource: "QuizGolden", withExtension: nil)!
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("QuizGolden")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()

    /// The cases are read from a folder; a missing or emptied folder must fail, not pass.
    @Test func theCasesAreAllThere() {
        #expect(Self.names.count >= 3, "expected at least 3 quiz golden cases in \(Self.directory.path)")
    }

    @Test(arguments: names)
    func buildsTheExpectedModelAndDiagnostics(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let (document, parseDiagnostics) = MarkdownParser.parse(source, file: name + ".md")
        let (quizzes, diagnostics) = QuizBuilder.quizzes(in: document)
        let model = quizzes.map(\.summary).joined()
        let printed = DiagnosticPrinter(sources: [name + ".md": source])
            .render((parseDiagnostics + diagnostics).sortedByLocation(), format: .text)
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try model.write(to: Self.sourceDirectory.appendingPathComponent(name + ".quiz"), atomically: true, encoding: .utf8)
            try printed.write(to: Self.sourceDirectory.appendingPathComponent(name + ".diagnostics"), atomically: true, encoding: .utf8)
            return
        }
        #expect(model == (try String(contentsOf: Self.directory.appendingPathComponent(name + ".quiz"), encoding: .utf8)))
        #expect(printed == (try String(contentsOf: Self.directory.appendingPathComponent(name + ".diagnostics"), encoding: .utf8)))
    }

    @Test func editingAQuizChangesItsHash() {
        let before = MarkdownParser.parse("::: quiz\n1. Q?\n   - [x] a\n   - [ ] b\n:::\n", file: "a.md").0
        let after = MarkdownParser.parse("::: quiz\n1. Q?\n   - [ ] a\n   - [x] b\n:::\n", file: "a.md").0
        let same = MarkdownParser.parse("\n::: quiz\n1.  Q?\n    - [x] a\n    - [ ] b\n:::\n", file: "a.md").0
        let hash = { (document: Document) in QuizBuilder.quizzes(in: document).0[0].contentHash }
        #expect(hash(before) != hash(after))
        #expect(hash(before) == hash(same))
    }

    @Test func passRules() {
        #expect(Quiz.PassRule.percent(80).required(of: 3) == 3)
        #expect(Quiz.PassRule.percent(50).required(of: 3) == 2)
        #expect(Quiz.PassRule.count(2).required(of: 3) == 2)
    }
}
