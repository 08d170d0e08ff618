import LecternCore

/// The HTML a lesson page wrote for those of its top-level blocks that its deck writes the
/// same way, so that the deck copies it rather than writing the blocks again. A block
/// qualifies when its HTML depends on nothing but itself: no link or image in it (the deck sits
/// a folder deeper, so relative URLs differ), no note (the deck numbers notes per slide), no
/// heading (shifted on the page), no incremental list or tab set, no citation, and no code
/// with steps (stepped on slides). A div the deck rebuilt (notes or pauses taken out) is
/// another block, and is written again.
struct WrittenBlocks {
    /// The page's HTML the ranges point into.
    private(set) var html = ""
    /// By source range: the block and where its HTML is, in UTF-8 bytes.
    private var entries: [SourceRange: (block: Block, html: Range<Int>)] = [:]

    /// Makes room for `count` blocks at once.
    mutating func reserve(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Notes the HTML of a top-level block, when it qualifies.
    mutating func note(_ block: Block, at range: Range<Int>) {
        guard block.range != .unknown, Self.dependsOnItselfAlone(block) else { return }
        entries[block.range] = (block, range)
    }

    /// Sets the HTML the noted ranges point into.
    mutating func finish(_ html: String) {
        self.html = html
    }

    /// The HTML noted for `block`: the same block, compared whole, not merely one from the same place.
    func html(for block: Block) -> Substring? {
        guard let entry = entries[block.range], entry.block == block else { return nil }
        let utf8 = html.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: entry.html.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: entry.html.count)])
    }

    /// Whether a block's HTML depends on nothing but the block, by the rule above.
    static func dependsOnItselfAlone(_ block: Block) -> Bool {
        switch block.kind {
        case .plain(let inlines), .para(let inlines): return dependOnThemselvesAlone(inlines)
        case .lineBlock(let lines): return lines.allSatisfy(dependOnThemselvesAlone)
        case .codeBlock(let attributes, _): return HTMLWriter.CodeLayout(attributes).steps.isEmpty
        case .rawBlock, .horizontalRule: return true
        case .blockQuote(let children): return children.allSatisfy(dependsOnItselfAlone)
        case .orderedList(_, let items), .bulletList(let items): return items.allSatisfy { $0.blocks.allSatisfy(dependsOnItselfAlone) }
        case .definitionList(let items):
            return items.allSatisfy { dependOnThemselvesAlone($0.term) && $0.definitions.allSatisfy { $0.allSatisfy(dependsOnItselfAlone) } }
        case .table(let table):
            return dependOnThemselvesAlone(table.caption)
                && [table.head, table.body, table.foot].allSatisfy { $0.allSatisfy { $0.allSatisfy { $0.allSatisfy(dependsOnItselfAlone) } } }
        case .div(let attributes, let children):
            // Incremental lists step on slides, and tab sets are numbered through the page.
            guard !attributes.hasClass("incremental"), !attributes.hasClass("nonincremental"), !attributes.hasClass("tabset") else { return false }
            return children.allSatisfy(dependsOnItselfAlone)
        case .header, .figure: return false
        }
    }

    private static func dependOnThemselvesAlone(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy { inline in
            switch inline.kind {
            case .text, .softBreak, .lineBreak, .code, .math, .rawInline: return true
            case .emph(let children), .strong(let children), .strikeout(let children), .superscript(let children),
                 .subscript(let children), .span(_, let children):
                return dependOnThemselvesAlone(children)
            case .link, .image, .note, .cite: return false
            }
        }
    }
}
