@testable import LecternCore
import Testing

/// Each mistake is reported at the line and column of its cause.
@Suite struct DiagnosticLocationTests {
    static func diagnostics(_ source: String) -> [Diagnostic] {
        MarkdownParser.parse(source, file: "lesson.md").1
    }

    static func located(_ source: String) -> [String] {
        let printer = DiagnosticPrinter(sources: ["lesson.md": source])
        return diagnostics(source).map { printer.renderText($0).split(separator: "\n")[0] }.map(String.init)
    }

    @Test func unclosedFenceIsReportedAtItsOpening() {
        let lines = Self.located("---\ntitle: T\n---\n\nText.\n\n::: {.box}\nInside.\n")
        #expect(lines == ["lesson.md:7:1: warning: fenced div is not closed; add a line of ':::' to close it [div.unclosed]"])
    }

    @Test func strayClosingFence() {
        let lines = Self.located("Para.\n\n  :::\n")
        #expect(lines == ["lesson.md:3:3: error: closing ':::' has no fenced div to close [div.stray-close]"])
    }

    @Test func malformedAttributesOnAFence() {
        let lines = Self.located("::: {.ok bad}\nx\n:::\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("lesson.md:1:10: error: malformed attribute list: 'bad' needs a value"))
    }

    @Test func malformedAttributesAfterALinkPointAtTheProblem() {
        let lines = Self.located("See [x](y.html){.a @b} now.\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("lesson.md:1:20: warning: malformed attribute list: unexpected '@'"))
    }

    @Test(arguments: ["\r", "\r\n"])
    func carriageReturnsEndLinesAsLineFeedsDo(_ ending: String) {
        let source = ["---", "title: Fine", "objectives: [one, two", "level: beginner", "---", "", "::: {.box}", "Inside."]
            .joined(separator: ending) + ending
        let lesson = Lesson(path: "lesson.md", moduleIndex: 0, source: source)
        let printer = DiagnosticPrinter(sources: ["Content/lesson.md": lesson.source])
        let lines = lesson.analysis.diagnostics.map { String(printer.renderText($0).split(separator: "\n")[0]) }
        #expect(lines.contains { $0.hasPrefix("Content/lesson.md:4:6: error: invalid YAML") })
        #expect(lines.contains { $0.hasPrefix("Content/lesson.md:7:1: warning: fenced div is not closed") })
    }

    @Test func invalidYAMLPointsIntoTheLessonFile() {
        let lines = Self.located("---\ntitle: Fine\nobjectives: [one, two\nlevel: beginner\n---\n\nBody.\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("lesson.md:4:6: error: invalid YAML"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let lines = Self.located("Ünïcödé [x](y){.a @b}\n")
        #expect(lines.first?.hasPrefix("lesson.md:1:19:") == true)
    }

    @Test func valuesFarAlongOneLongFrontMatterLineAreLocated() {
        let tags = (0..<5000).map { "tägs\($0)" }.joined(separator: ", ")
        let front = "{title: Ünïcödé, tags: [\(tags)], duration: soon}"
        let lines = Self.located("---\n\(front)\n---\n\nBody.\n")
        let column = front.count - "soon}".count + 1
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("lesson.md:2:\(column): error:") == true)
    }

    @Test func scalarColumnsBecomeByteColumnsInAnyOrder() {
        let lines: [Substring] = ["aé€😀b", "", "plain"]
        var columns = ByteColumns(lines: lines)
        func naive(_ line: Int, _ column: Int) -> Int {
            let scalars = Array(lines[line - 1].unicodeScalars)
            let taken = scalars.prefix(column - 1)
            return taken.reduce(0) { $0 + String($1).utf8.count } + 1 + max(0, column - 1 - scalars.count)
        }
        let queries = [(1, 1), (1, 3), (1, 5), (1, 2), (1, 7), (2, 1), (3, 4), (1, 4), (3, 2), (2, 3)]
        for (line, column) in queries {
            #expect(columns.byteColumn(line: line, scalarColumn: column) == naive(line, column), "line \(line) column \(column)")
        }
    }

    @Test func everyProblemIsReportedInOneRun() {
        let source = "---\ntitle: [\n---\n\n::: {.a b}\nx\n:::\n\n:::\n\n::: open\n"
        let ids = Self.diagnostics(source).map(\.id)
        #expect(ids.sorted() == ["div.malformed-attributes", "div.stray-close", "div.unclosed", "yaml.syntax"])
    }

    @Test func unknownFrontMatterKeySuggestsTheClosestKnownOne() {
        let lines = Self.located("---\ntitle: T\nduraton: 25\n---\n")
        #expect(lines == ["lesson.md:3:1: warning: unknown key 'duraton'; did you mean 'duration'? [metadata.unknown-key]"])
    }

    @Test func illTypedFrontMatter() {
        let lines = Self.located("---\ntitle: T\nlevel: expert\nslides: maybe\n---\n")
        #expect(lines == [
            "lesson.md:3:8: error: 'level' must be one of beginner, intermediate, advanced [metadata.type]",
            "lesson.md:4:9: error: 'slides' must be true or false [metadata.type]",
        ])
    }
}
