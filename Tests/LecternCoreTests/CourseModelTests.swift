@testable import LecternCore
import Testing

@Suite struct CourseModelTests {
    static func document(_ source: String) -> Document {
        MarkdownParser.parse(source, file: "l.md").0
    }

    @Test func durationFromFrontMatterWinsOverTheEstimate() {
        #expect(Self.document("---\ntitle: T\nduration: 25 min\n---\n").metadata.duration == 25)
        #expect(Self.document("---\ntitle: T\nduration: 1 h 30 min\n---\n").metadata.duration == 90)
        #expect(Self.document("---\ntitle: T\nduration: 40\n---\n").metadata.duration == 40)
    }

    @Test func estimateCountsWordsSlidesAndQuizQuestions() {
        let words = String(repeating: "word ", count: 400)
        #expect(Lesson(path: "l.md", moduleIndex: 0, source: words).minutes == 2)
        let slides = (1...4).map { "## Slide \($0)\n\nText.\n" }.joined(separator: "\n")
        #expect(Lesson(path: "l.md", moduleIndex: 0, source: slides).minutes == 3)
        let quiz = "::: quiz\n1. One?\n   - [x] a\n2. Two?\n   - [x] b\n:::\n"
        #expect(Lesson(path: "l.md", moduleIndex: 0, source: quiz).minutes == 3)
    }

    @Test func slideLevelIsTheHighestHeadingFollowedByContent() {
        let blocks = Self.document("# Section\n\n## Slide\n\nText.\n\n## Another\n\nMore.\n").blocks
        #expect(DurationEstimate.slideLevel(blocks) == 2)
        #expect(DurationEstimate.slideLevel(Self.document("# Only\n\nText.\n").blocks) == 1)
    }

    @Test func terminalOutputShowsTheLineAndACaretUnderTheColumn() {
        let source = "---\ntitle: T\n---\n\nSee [x](y){.a @b}.\n"
        let (_, diagnostics) = MarkdownParser.parse(source, file: "l.md")
        let printer = DiagnosticPrinter(sources: ["l.md": source], showsSource: true, usesColor: false)
        let lines = printer.renderText(diagnostics[0]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "See [x](y){.a @b}.")
        #expect(lines[2] == String(repeating: " ", count: 14) + "^")
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic("quiz.empty", file: "f.md", range: SourceRange(line: 1, column: 1))
        #expect(!DiagnosticPrinter().renderText(diagnostic).contains("\u{1B}["))
        #expect(DiagnosticPrinter(usesColor: true).renderText(diagnostic).contains("\u{1B}[1;31merror:"))
    }

    @Test func slugsAndSuggestions() {
        #expect(Slug.make("Machine Learning in Production!") == "machine-learning-in-production")
        #expect(Suggestion.closest(to: "duraton", in: LessonMetadata.knownKeys) == "duration")
        #expect(Suggestion.closest(to: "zzzzzz", in: LessonMetadata.knownKeys) == nil)
    }
}
