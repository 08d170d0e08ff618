import Foundation
@testable import LecternHighlight
import Testing

/// Hostile code: the work a block takes grows linearly with its size, whatever the grammar
/// patterns do, and no text is lost.
@Suite struct HighlightRobustnessTests {
    /// Regex searches for a block built at size n and 2n; linear means about twice the work.
    private func growth(_ language: String, _ make: (Int) -> String, size: Int) throws -> Double {
        let small = try #require(SyntaxHighlighter.shared.work(make(size), language: language))
        let large = try #require(SyntaxHighlighter.shared.work(make(size * 2), language: language))
        return Double(large.searches) / Double(max(small.searches, 1))
    }

    @Test func aHugeOneLineStringIsLinear() throws {
        let ratio = try growth("python", { "x = \"" + String(repeating: "a\\\"b ", count: $0) + "\"\n" }, size: 250_000)
        #expect(ratio < 2.3)
        let code = "s = \"" + String(repeating: "abc", count: 700_000) + "\""
        let result = try #require(SyntaxHighlighter.shared.highlight(code, language: "python"))
        #expect(result.lines.count == 1)
        #expect(result.lines[0].map(\.text).joined() == code)
        #expect(result.lines[0].last?.tokenClass == .string)
    }

    @Test func deeplyNestedCommentsAreLinear() throws {
        // Haskell comments nest: 100,000 lines each opening one more.
        let ratio = try growth("haskell", { String(repeating: "{- x\n", count: $0) + String(repeating: "-}\n", count: $0) }, size: 50_000)
        #expect(ratio < 2.3)
        let code = String(repeating: "{- x\n", count: 100_000)
        let result = try #require(SyntaxHighlighter.shared.highlight(code, language: "haskell"))
        #expect(result.lines.count == 100_001)
        #expect(result.lines[99_999].allSatisfy { $0.tokenClass == .comment })
    }

    @Test func aBacktrackingGrammarPatternGivesUp() throws {
        let grammar = """
        <language id="bad" name="Bad" version="2.0">
          <styles><style id="k" name="K" map-to="def:keyword"/></styles>
          <definitions>
            <context id="bad">
              <include>
                <context id="slow" style-ref="k"><match>(a+)+b</match></context>
                <context id="word" style-ref="k"><match>\\bok\\b</match></context>
              </include>
            </context>
          </definitions>
        </language>
        """
        let highlighter = SyntaxHighlighter(sources: ["bad.lang": grammar])
        let line = String(repeating: "a", count: 40) + " ok\n"
        let work = try #require(highlighter.work(String(repeating: line, count: 2_000), language: "bad"))
        let twice = try #require(highlighter.work(String(repeating: line, count: 4_000), language: "bad"))
        #expect(work.timeouts >= 1, "the pattern backtracks past its limit on these lines")
        // The pattern gives up twice, then is not tried again: the time lost does not grow
        // with the code.
        #expect(work.timeouts <= Tokenizer.timeoutsAllowed)
        #expect(twice.timeouts == work.timeouts)
        let result = try #require(highlighter.highlight(String(repeating: line, count: 3), language: "bad"))
        #expect(result.lines[2].contains { $0.text == "ok" && $0.tokenClass == .keyword })
    }

    @Test func unknownLanguagesAreNotHighlighted() {
        #expect(SyntaxHighlighter.shared.highlight("x", language: "no-such-language") == nil)
        #expect(SyntaxHighlighter.shared.language(named: "C++") == "cpp")
        #expect(SyntaxHighlighter.shared.language(named: "g4") == "antlr")
        #expect(SyntaxHighlighter.shared.language(named: "shell") == "sh")
    }

    @Test func everyRequiredLanguageHasADefinition() {
        let names = ["python", "java", "c", "cpp", "csharp", "javascript", "typescript", "sql", "bash", "sh", "shell",
                     "console", "haskell", "rust", "go", "kotlin", "scala", "swift", "r", "julia", "matlab", "json",
                     "yaml", "toml", "xml", "html", "css", "latex", "markdown", "dockerfile", "makefile", "diff",
                     "antlr", "g4"]
        for name in names {
            #expect(SyntaxHighlighter.shared.highlight("x", language: name) != nil, "\(name)")
        }
        #expect(SyntaxHighlighter.shared.languages.count >= 30)
    }

    @Test func textIsNeverLost() throws {
        let code = "a\r\nb \u{1F600} \"é\n\n\tc"
        for language in ["python", "c", "js", "html", "markdown"] {
            let result = try #require(SyntaxHighlighter.shared.highlight(code, language: language))
            #expect(result.lines.map { $0.map(\.text).joined() } == ["a\r", "b \u{1F600} \"é", "", "\tc"].map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : $0
            }, "\(language)")
        }
    }
}
