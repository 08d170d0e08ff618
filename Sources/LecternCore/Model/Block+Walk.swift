/// Visits every block and inline of a tree in document order.
public struct NodeVisitor {
    /// Called for each block before its children.
    public var block: ((Block) -> Void)?
    /// Called for each inline before its children.
    public var inline: ((Inline) -> Void)?

    /// Creates a visitor; a walk without an inline visit still enters inlines, for the blocks
    /// of notes, but calls nothing there.
    public init(block: ((Block) -> Void)? = nil, inline: ((Inline) -> Void)? = nil) {
        self.block = block
        self.inline = inline
    }

    /// One walk for several visitors: at every node each is called in the order given, so
    /// that visitors which share no state see what walking each alone would show them.
    public init(all visitors: [NodeVisitor]) {
        let blocks = visitors.compactMap(\.block), inlines = visitors.compactMap(\.inline)
        self.init(block: blocks.isEmpty ? nil : { block in for visit in blocks { visit(block) } },
                  inline: inlines.isEmpty ? nil : { inline in for visit in inlines { visit(inline) } })
    }

    /// Walks blocks and everything inside them.
    public func walk(_ blocks: [Block]) {
        for block in blocks { walk(block) }
    }

    /// Walks one block.
    public func walk(_ block: Block) {
        self.block?(block)
        switch block.kind {
        case .plain(let inlines), .para(let inlines), .header(_, _, let inlines): walk(inlines)
        case .lineBlock(let lines): for line in lines { walk(line) }
        case .table(let table):
            walk(table.caption)
            for row in table.rows { for cell in row { walk(cell) } }
        case .figure(_, let caption, let content): walk(caption); walk(content)
        case .definitionList(let items):
            for item in items {
                walk(item.term)
                for definition in item.definitions { walk(definition) }
            }
        case .blockQuote(let children), .div(_, let children): walk(children)
        case .orderedList(_, let items), .bulletList(let items):
            // Item by item: `childBlocks` would flatten them into a new array on every walk.
            for item in items { walk(item.blocks) }
        case .codeBlock, .rawBlock, .horizontalRule: break
        }
    }

    /// Walks inlines and everything inside them.
    public func walk(_ inlines: [Inline]) {
        for inline in inlines {
            self.inline?(inline)
            switch inline.kind {
            case .emph(let c), .strong(let c), .strikeout(let c), .superscript(let c), .subscript(let c),
                 .link(_, let c, _), .image(_, let c, _), .span(_, let c), .cite(_, let c):
                walk(c)
            case .note(let blocks): walk(blocks)
            default: break
            }
        }
    }
}
