import Foundation
import LecternCore
@testable import LecternSite
import Testing

/// A deck copies the HTML its lesson page wrote for blocks that depend on nothing but
/// themselves: every slide must come out as writing its blocks again gives.
@Suite struct WrittenBlocksTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every golden input and every lesson of the sample course.
    static func lessons() throws -> [(name: String, text: String)] {
        var lessons: [(String, String)] = []
        for name in GoldenHTMLTests.names {
            lessons.append((name, try String(contentsOf: GoldenHTMLTests.directory.appendingPathComponent(name + ".md"), encoding: .utf8)))
        }
        let content = root.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        for file in files.sorted() {
            lessons.append((file, try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)))
        }
        return lessons
    }

    /// Options as a page and its deck get them: links resolved from each one's folder.
    static func options(_ analysis: LessonAnalysis, deck: Bool) -> HTMLWriter.Options {
        var options = HTMLWriter.Options(pageMode: true, headingShift: deck ? 0 : analysis.headingShift) { url in
            deck ? "../deck/" + url : "page/" + url
        }
        options.deckMode = deck
        options.headingAnchors = !deck
        options.quiz = { analysis.quiz(at: $0) }
        options.math = { analysis.math[$0]?.html }
        options.code = { analysis.code[$0] }
        return options
    }

    @Test func slidesComeOutAsWritingTheirBlocksAgain() throws {
        var copies = 0, slides = 0
        for (name, text) in try Self.lessons() {
            let (document, _) = MarkdownParser.parse(text, file: name)
            let analysis = LessonAnalyzer.analyze(document, path: name)
            let deck = analysis.deck ?? SlideSplitter.deck(for: document, level: 2)
            var written = WrittenBlocks()
            var page = HTMLWriter(options: Self.options(analysis, deck: false))
            #expect(page.render(document.blocks, noting: &written) == HTMLWriter(options: Self.options(analysis, deck: false)).rendering(document.blocks))
            var copying = HTMLWriter(options: Self.options(analysis, deck: true))
            copying.pageBlocks = written
            var writing = HTMLWriter(options: Self.options(analysis, deck: true))
            for slide in deck.slides {
                var copied = HTMLBuffer(), rewritten = HTMLBuffer()
                copying.writeBlocks(slide.blocks, into: &copied)
                writing.writeBlocks(slide.blocks, into: &rewritten)
                #expect(copied.text == rewritten.text, "\(name), slide at line \(slide.range.start.line)")
                slides += 1
                copies += slide.blocks.filter { written.html(for: $0) != nil }.count
            }
        }
        #expect(copies > 100 && slides > 50, "\(copies) blocks copied over \(slides) slides")
    }

    @Test func blocksThatDependOnMoreThanThemselvesAreNotNoted() {
        let text = [Inline(.text("a"))]
        let link = [Inline(.link(.empty, text, Target(url: "x.md")))]
        #expect(WrittenBlocks.dependsOnItselfAlone(Block(.para(text))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.para(link))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.blockQuote([Block(.para(link))]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.bulletList([ListItem(blocks: [Block(.header(level: 2, .empty, text))])]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.para([Inline(.note([Block(.para(text))]))]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.codeBlock(Attributes(pairs: [(key: "data-line-numbers", value: "1|2")]), "a\nb"))))
        #expect(WrittenBlocks.dependsOnItselfAlone(Block(.codeBlock(Attributes(classes: ["numberLines"]), "a\nb"))))
        #expect(WrittenBlocks.dependsOnItselfAlone(Block(.div(Attributes(classes: ["callout-note"]), [Block(.para(text))]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.div(Attributes(classes: ["callout-note"]), [Block(.para(link))]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.div(Attributes(classes: ["tabset"]), [Block(.para(text))]))))
        #expect(!WrittenBlocks.dependsOnItselfAlone(Block(.div(Attributes(classes: ["incremental"]), [Block(.para(text))]))))
    }
}

private extension HTMLWriter {
    /// `render` on a copy, for comparing with a render that notes blocks.
    func rendering(_ blocks: [Block]) -> String {
        var writer = self
        return writer.render(blocks)
    }
}
