@testable import LecternCore
import LecternMath
import Testing

/// Formulas are converted in the lesson's analysis, with macros from course.yml, raw TeX and
/// earlier formulas, and their problems placed in the file.
@Suite struct MathAnalysisTests {
    static func lesson(_ body: String, course: [String: String] = [:]) -> Lesson {
        Lesson(path: "l.md", moduleIndex: 0, source: "---\ntitle: L\n---\n\n" + body,
               math: MathContext(courseMacros: MacroTable(texts: course)))
    }

    @Test func macrosComeFromTheCourseRawTeXBlocksLinesAndEarlierFormulas() {
        let lesson = Self.lesson("""
            ```{=latex}
            \\def\\E{\\mathbb{E}}
            ```

            \\newcommand{\\half}{\\frac{1}{2}}

            $\\E[X] + \\half + \\RR$ and $\\newcommand{\\two}{2} \\two$ then $\\two^2$.
            """, course: ["\\RR": "\\mathbb{R}"])
        let renderings = lesson.analysis.math.sorted { $0.key < $1.key }.map(\.value)
        #expect(renderings.count == 3)
        #expect(renderings[0].html.contains("<mi>𝔼</mi>") && renderings[0].html.contains("<mi>ℝ</mi>"))
        #expect(renderings[0].html.contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>"))
        #expect(renderings[2].html.contains("<msup><mn>2</mn><mn>2</mn></msup>"))
        #expect(lesson.analysis.diagnostics.isEmpty, "\(lesson.analysis.diagnostics)")
    }

    @Test func problemsPointAtTheCommandInTheFile() {
        let lesson = Self.lesson("Text\n\n$$a +\n  \\unknownthing$$\n")
        let problem = lesson.analysis.diagnostics.first { $0.id == "math.unknown-command" }
        #expect(problem?.range.start == SourceLocation(line: 8, column: 3))
        #expect(problem?.severity == .warning)
    }

    @Test func searchHoldsTheFormulasCharactersNotTheirTeX() {
        let lesson = Self.lesson("## Integral\n\nWe have $\\int_0^1 x\\,dx = \\frac{1}{2}$ here.\n")
        let text = lesson.analysis.searchSections.map(\.text).joined()
        #expect(text.contains("∫") && text.contains("1/2"))
        #expect(!text.contains("\\frac") && !text.contains("\\int"))
    }

    /// A formula that may define a macro is rendered on its own, not taken from the build's cache.
    @Test func formulasThatDefineMacrosAreRecognised() {
        for tex in ["\\def\\x{1}", "a \\gdef\\y{2}", "\\newcommand{\\R}{\\mathbb{R}}", "x\\renewcommand\\R{y}",
                    "\\providecommand{\\N}{n}", "\\sum \\define"] {
            #expect(LessonAnalyzer.mayDefineMacros(tex), "\(tex)")
        }
        for tex in ["", "def", "\\sum_i x_i", "newcommand", "x \\", "\\de", "\\frac{a}{b} \\ne 0"] {
            #expect(!LessonAnalyzer.mayDefineMacros(tex), "\(tex)")
        }
    }
}
