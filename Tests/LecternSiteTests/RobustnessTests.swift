import LecternCore
import LecternSite
import Testing

/// Nothing an author writes crashes or hangs the front end or the writer.
@Suite struct RobustnessTests {
    static let pieces = [
        ":::", "::: {.a}", "::::", "{#x .y k=\"v\"}", "{", "}", "[", "]", "(", ")", "![a](b.png)", "$", "$$", "\\", "`",
        "```", "~~~", "~", "^", "*", "_", "-", "1.", "a.", "(i)", "#", "##", "> ", "| ", "|", "---", "-------  ------",
        ": ", "Term", "<div>", "<!--", "-->", "@key", "[@k]", "[^1]", "[^1]: n", "\n", "\n\n", "  ", "    ", "\t", "é",
        "\u{A0}", "\\pause", "\\begin{x}", "\\end{x}", "---\ntitle: x\n---\n", "+---+", ". . .", "\u{E000}T1\u{E001}",
        "<!--\u{E000}F0-->", "\u{E002}", "x", "::: quiz", "::: question", "::: hint", "- [x] ", "- [ ] ",
        "[a]{.blank}", "[1]{.blank type=number tolerance=x}", "::: notes", "::: incremental", "# ", "## ",
        "+===+", "+:--+---+", "| a | b |", "|", "(@)", "(@x)", "@x", "@{", "\\@", "[a]: u", "[a]: u {.c}", "{.c}",
        "\\begin{align}", "\\end{align}", "----------", "^[", "}^", "\\ ", "Table: ", "日本",
    ]

    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func markersWrittenByAnAuthorAreJustText() {
        let source = "Text \u{E000}T1\u{E001} and <!--\u{E000}F0--> here.\n\n\u{E000}T0\u{E001}\n"
        let (document, _) = MarkdownParser.parse(source, file: "x.md")
        var writer = HTMLWriter()
        let html = writer.render(document.blocks)
        #expect(html.contains("Text \u{FFFD}T1\u{FFFD} and"))
    }

    /// cmark-gfm ignores cells beyond a table's columns; Lectern drops them first from rows of
    /// hundreds of cells, which cmark-gfm splits in quadratic time, and the page is the same.
    @Test(arguments: [("| a\\|b | `x\\|y` | \\\\| d |", " e |"), ("x | y | z |", " e"), ("| p | q | r", " | e |")])
    func rowsFarWiderThanTheirTableReadAsTheirFirstColumns(_ columns: String, _ excess: String) {
        func html(_ row: String) -> String {
            let (document, diagnostics) = MarkdownParser.parse("| a | b | c |\n|---|---|---|\n" + row + "\n", file: "x.md")
            #expect(diagnostics.isEmpty)
            var writer = HTMLWriter()
            return writer.render(document.blocks)
        }
        // The body only: a long source line also gives the table relative column widths, as in pandoc.
        func body(_ html: String) -> Substring? {
            guard let start = html.range(of: "<tbody>"), let end = html.range(of: "</tbody>") else { return nil }
            return html[start.lowerBound..<end.upperBound]
        }
        let wide = body(html(columns + String(repeating: excess, count: 300)))
        #expect(wide != nil)
        #expect(wide == body(html(columns)))
        #expect(wide?.components(separatedBy: "<td>").count == 4)
    }

    @Test(arguments: 0..<8)
    func randomMarkdownNeverCrashes(_ seed: Int) {
        var generator = Generator(state: UInt64(seed) &+ 0x9E37_79B9)
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<(1 + generator.next(120)) {
                text += Self.pieces[generator.next(Self.pieces.count)] + ["", " ", "\n"][generator.next(3)]
            }
            let (document, diagnostics) = MarkdownParser.parse(text, file: "fuzz.md")
            let analysis = LessonAnalyzer.analyze(document, path: "fuzz.md")
            var options = HTMLWriter.Options.page
            options.quiz = { analysis.quiz(at: $0) }
            var writer = HTMLWriter(options: options)
            let page = writer.render(document.blocks)
            options.deckMode = true
            var deckWriter = HTMLWriter(options: options)
            for slide in SlideSplitter.deck(for: document, level: analysis.slideLevel).slides {
                _ = deckWriter.render(slide.blocks + slide.notes)
            }
            let printed = DiagnosticPrinter(sources: ["fuzz.md": text], showsSource: true).render(diagnostics, format: .text)
            // Every finding is catalogued and points into the file; the same text gives the
            // same page; markers of the pre-pass never reach the page.
            // Lines as Lectern counts them: by line feeds (a CR LF pair is one Character in Swift).
            let lines = text.utf8.filter { $0 == 0x0A }.count + 1
            for diagnostic in diagnostics + analysis.diagnostics {
                #expect(DiagnosticCatalog.all.contains { $0.id == diagnostic.id }, "\(diagnostic.id) in \(text.debugDescription)")
                #expect((0...lines).contains(diagnostic.range.start.line), "\(diagnostic) in \(text.debugDescription)")
            }
            #expect(printed.components(separatedBy: "fuzz.md:").count - 1 >= diagnostics.count)
            var again = HTMLWriter(options: HTMLWriter.Options.page)
            again.options.quiz = { analysis.quiz(at: $0) }
            #expect(again.render(MarkdownParser.parse(text, file: "fuzz.md").0.blocks) == page)
            let authorMarkers = text.unicodeScalars.filter { (0xE000...0xE002).contains($0.value) }.count
            #expect(page.unicodeScalars.filter { (0xE000...0xE002).contains($0.value) }.count <= authorMarkers,
                    "pre-pass markers in the page of \(text.debugDescription)")
        }
    }
}
