import Foundation
@testable import LecternMath
import Testing

/// Hostile TeX ends in warnings and visible output, never a crash or a hang.
@Suite struct MathRobustnessTests {
    static func render(_ tex: String, display: Bool = false) -> MathRendering {
        var macros = MacroTable()
        return TeXMath.render(tex, display: display, macros: &macros)
    }

    @Test func tenThousandNestedGroupsAreCutWithAProblem() {
        let tex = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let result = Self.render(tex)
        #expect(result.problems.contains { $0.message.contains("nested more than") })
        #expect(result.html.contains("math-error"))
    }

    @Test func tenThousandNestedFractionsAndLeftsStayBounded() {
        let fractions = Self.render(String(repeating: "\\frac{1}{", count: 5_000) + "x" + String(repeating: "}", count: 5_000))
        #expect(!fractions.problems.isEmpty)
        let lefts = Self.render(String(repeating: "\\left(", count: 5_000) + "x" + String(repeating: "\\right)", count: 5_000))
        #expect(!lefts.problems.isEmpty)
        let environments = Self.render(String(repeating: "\\begin{matrix}", count: 5_000))
        #expect(!environments.problems.isEmpty)
    }

    @Test func aMegabyteFormulaIsConvertedInLinearTime() {
        let piece = "a_{i} + \\frac{b}{c} - \\sqrt{d} \\cdot "
        let tex = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
        let start = Date()
        let result = Self.render(tex)
        #expect(result.problems.isEmpty)
        #expect(result.html.hasPrefix("<math>"))
        #expect(result.html.contains("<mfrac><mi>b</mi><mi>c</mi></mfrac>"))
        // A generous bound that only a superlinear conversion would break.
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func recursiveAndExplodingMacrosStopAtTheLimit() {
        for tex in ["\\def\\a{\\a}\\a", "\\def\\a{\\a\\a}\\a", "\\newcommand{\\b}[1]{\\b{#1#1}}\\b{x}",
                    "\\def\\a{x\\a}\\a", "\\def\\c#1{\\c{#1}}\\c{y}"] {
            let result = Self.render(tex)
            #expect(result.problems.contains { $0.message.contains("expands more than") }, "\(tex)")
            #expect(result.html.contains("math-error"), "\(tex)")
        }
    }

    @Test func unbalancedAndUnknownInputKeepsItsText() {
        let cases = ["}", "{", "x^", "_", "\\left(", "\\right)", "\\end{matrix}", "\\begin{pmatrix} a",
                     "\\frac", "\\sqrt[", "\\text{", "&&\\\\", "\\begin{nonsense} x \\end{nonsense}", "#1", "\\"]
        for tex in cases {
            let result = Self.render(tex)
            #expect(!result.html.isEmpty, "\(tex)")
            if result.html.contains("math-error") { #expect(!result.problems.isEmpty, "\(tex)") }
        }
        let unknown = Self.render("a + \\nosuchthing + b")
        #expect(unknown.html.contains("<merror><mtext>\\nosuchthing</mtext></merror>"))
        #expect(unknown.problems.map(\.isUnknownCommand) == [true])
    }

    @Test func spacesAtTheEndsOfTextSurviveTheBrowser() {
        let html = Self.render("\\text{if } x \\text{ and }y").html
        #expect(html.contains("<mtext>if\u{00A0}</mtext>"))
        #expect(html.contains("<mtext>\u{00A0}and\u{00A0}</mtext>"))
        #expect(!html.contains("<mtext>if </mtext>"))
    }

    @Test func randomTeXNeverCrashesAndAlwaysSaysSomething() {
        let pieces = ["{", "}", "^", "_", "&", "\\\\", "x", "2", "\\frac", "\\left(", "\\right)", "\\begin{matrix}",
                      "\\end{matrix}", "\\sqrt[", "]", "\\def\\q{", "\\q", "#1", "\\text{", "$", "\\over", "'", "\\not",
                      "\\color{red}", "\\big", "\\middle|", "\\hat", "\\sum", "\\limits", "\\tag{", " ", "%"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var tex = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(Int(state >> 59) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tex += pieces[Int(state >> 33) % pieces.count]
            }
            let result = Self.render(tex, display: state & 1 == 0)
            #expect(result.html.hasPrefix("<math") || result.html.hasPrefix("<span class=\"math-"), "\(tex)")
        }
    }
}
