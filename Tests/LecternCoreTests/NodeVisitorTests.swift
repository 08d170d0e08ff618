@testable import LecternCore
import Testing

/// Visitors walked together see what each sees walked alone: the analysis passes share one
/// walk of the tree and must not notice.
@Suite struct NodeVisitorTests {
    static let lesson = """
        # Title {#top}

        Text with *emphasis [a link](x.md) and `code`{.python}*, $x^2$ and a note.[^n]

        [^n]: A note with **bold** text.

        ::: {.callout-note}
        > - item one
        > - item [two]{#two}

        | a | b |
        |---|---|
        | ![img](i.png) | c |
        :::

        Term
        :   Definition with $y$.
        """

    @Test func visitorsWalkedTogetherSeeWhatEachSeesAlone() {
        let (document, _) = MarkdownParser.parse(Self.lesson, file: "walk.md")
        func recorder(_ tag: String) -> (visitor: NodeVisitor, seen: () -> [String]) {
            var seen: [String] = []
            let visitor = NodeVisitor(block: { seen.append("\(tag) block \($0.range.start)") },
                                      inline: { seen.append("\(tag) inline \($0.range.start)") })
            return (visitor, { seen })
        }
        let blocksOnly = { () -> (visitor: NodeVisitor, seen: () -> [String]) in
            var seen: [String] = []
            return (NodeVisitor(block: { seen.append("blocks \($0.range.start)") }), { seen })
        }
        let alone = [recorder("a"), blocksOnly(), recorder("b")]
        for recorder in alone { recorder.visitor.walk(document.blocks) }
        let together = [recorder("a"), blocksOnly(), recorder("b")]
        NodeVisitor(all: together.map(\.visitor)).walk(document.blocks)
        for (one, other) in zip(alone, together) {
            #expect(one.seen() == other.seen())
        }
        #expect(alone[0].seen().filter { $0.contains("inline") }.count > 20)
        #expect(alone[1].seen().count > 10)
    }
}
