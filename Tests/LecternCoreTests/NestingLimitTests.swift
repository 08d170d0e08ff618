@testable import LecternCore
import Testing

/// Pathological nesting gives a diagnostic, never a stack overflow.
@Suite struct NestingLimitTests {
    @Test func tenThousandBlockQuotes() {
        let (document, diagnostics) = MarkdownParser.parse(String(repeating: ">", count: 10_000) + " deep\n", file: "q.md")
        #expect(diagnostics.map(\.id) == ["nesting.too-deep"])
        #expect(Inline.plainText(Self.allInlines(document.blocks)).contains("deep"))
    }

    @Test func tenThousandDivs() {
        let source = String(repeating: "::: d\n", count: 10_000) + "core\n" + String(repeating: ":::\n", count: 10_000)
        let (document, diagnostics) = MarkdownParser.parse(source, file: "d.md")
        #expect(diagnostics.map(\.id) == ["div.too-deep"])
        #expect(diagnostics.first?.range.start.line == PrePass.maximumFenceDepth + 1)
        #expect(Inline.plainText(Self.allInlines(document.blocks)).contains("core"))
    }

    @Test func elevenThousandHTMLDivLines() {
        // Native divs stop at the limit; deeper `<div>` lines stay raw HTML, paired with their `</div>`.
        let source = String(repeating: "<div>\n", count: 11_000) + "core\n" + String(repeating: "</div>\n", count: 11_000)
        let (document, diagnostics) = MarkdownParser.parse(source, file: "h.md")
        #expect(diagnostics.map(\.id) == ["div.too-deep"])
        #expect(diagnostics.first?.range.start.line == PrePass.maximumFenceDepth + 1)
        var raw = ""
        var stack = document.blocks
        while let block = stack.popLast() {
            if case .rawBlock(_, let text) = block.kind { raw += text }
            stack += block.childBlocks
        }
        #expect(raw.components(separatedBy: "<div>").count - 1 == raw.components(separatedBy: "</div>").count - 1)
    }

    @Test func tenThousandNestedEmphasisAndBrackets() {
        let source = String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n\n"
            + String(repeating: "[", count: 10_000) + "y" + String(repeating: "]", count: 10_000) + "\n"
        let (document, _) = MarkdownParser.parse(source, file: "i.md")
        let text = Inline.plainText(Self.allInlines(document.blocks))
        #expect(text.contains("x") && text.contains("y"))
    }

    @Test func deeplyNestedYAMLIsRefused() {
        let source = "---\ntitle: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n---\n"
        let (_, diagnostics) = MarkdownParser.parse(source, file: "y.md")
        #expect(diagnostics.map(\.id) == ["yaml.too-deep"])
    }

    static func allInlines(_ blocks: [Block]) -> [Inline] {
        var out: [Inline] = []
        var stack = blocks
        while let block = stack.popLast() {
            switch block.kind {
            case .para(let inlines), .plain(let inlines), .header(_, _, let inlines): out += inlines
            default: stack += block.childBlocks
            }
        }
        return out
    }
}
