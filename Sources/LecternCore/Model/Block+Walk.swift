/// Visits every block and inline of a tree in document order.
public struct NodeVisitor {
    /// Called for each block before its children.
    public var block: (Block) -> Void = { _ in }
    /// Called for each inline before its children.
    public var inline: (Inline) -> Void = { _ in }

    /// Creates a visitor.
    public init(block: @escaping (Block) -> Void = { _ in }, inline: @escaping (Inline) -> Void = { _ in }) {
        self.block = block
        self.inline = inline
    }

    /// Walks blocks and everything inside them.
    public func walk(_ blocks: [Block]) {
        for block in blocks { walk(block) }
    }

    /// Walks one block.
    public func walk(_ block: Block) {
        self.block(block)
        switch block.kind {
        case .plain(let inlines), .para(let inlines), .header(_, _, let inlines): walk(inlines)
        case .lineBlock(let lines): lines.forEach(walk)
        case .table(let table):
            walk(table.caption)
            table.rows.forEach { $0.forEach(walk) }
        case .figure(_, let caption, let content): walk(caption); walk(content)
        case .definitionList(let items):
            for item in items { walk(item.term); item.definitions.forEach(walk) }
        case .blockQuote, .div, .orderedList, .bulletList: walk(block.childBlocks)
        case .codeBlock, .rawBlock, .horizontalRule: break
        }
    }

    /// Walks inlines and everything inside them.
    public func walk(_ inlines: [Inline]) {
        for inline in inlines {
            self.inline(inline)
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
