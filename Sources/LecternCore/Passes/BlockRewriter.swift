/// The pass after fence assembly: resolves inlines and applies Pandoc's block rules
/// (implicit figures, code attributes, raw blocks, alerts, captions, list numbering).
struct BlockRewriter {
    /// Raw TeX blocks that define math macros, in order.
    var texDefinitions: [RawTeX] = []
    var resolver: InlineResolver
    var bag: DiagnosticBag { get { resolver.bag } set { resolver.bag = newValue } }
    var prepared: PreparedSource { resolver.prepared }

    init(prepared: PreparedSource, bag: DiagnosticBag) {
        resolver = InlineResolver(prepared: prepared, bag: bag)
    }

    /// Rewrites a block list.
    mutating func rewrite(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if case .div(let attributes, let children) = block.kind, attributes.hasClass("\u{E000}caption") {
                let caption = children.flatMap { block -> [Inline] in
                    if case .para(let inlines) = block.kind { return inlines }
                    return []
                }
                if let last = out.last, case .table(var table) = last.kind, table.caption.isEmpty {
                    table.caption = inlines(caption)
                    out[out.count - 1] = Block(.table(table), last.range)
                } else {
                    out += rewrite(children)
                }
                continue
            }
            guard let rewritten = rewriteBlock(block) else { continue }
            out.append(rewritten)
        }
        return Self.mergingDefinitionLists(out)
    }

    /// Joins adjacent definition lists into one, as pandoc reads them, in one pass (joining
    /// pairwise copied the growing list at every term).
    static func mergingDefinitionLists(_ blocks: [Block]) -> [Block] {
        // Asked of every list of blocks; most have no definition list to merge.
        guard blocks.contains(where: { if case .definitionList = $0.kind { return true }; return false }) else { return blocks }
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        var items: [DefinitionItem] = []
        var range: SourceRange?
        func flush() {
            if let range { out.append(Block(.definitionList(items), range)) }
            items = []
            range = nil
        }
        for block in blocks {
            if case .definitionList(let next) = block.kind {
                items += next
                range = range.map { $0.union(block.range) } ?? block.range
            } else {
                flush()
                out.append(block)
            }
        }
        flush()
        return out
    }

    /// Resolves an inline list after its children.
    mutating func inlines(_ list: [Inline]) -> [Inline] {
        resolved(list, links: .afterDelimiter)
    }

    /// `links`: where bare addresses become links in this list.
    private mutating func resolved(_ list: [Inline], links: Autolinks.Context) -> [Inline] {
        // Inside emphasis an address may start right after the delimiter; nothing links in a link.
        let afterDelimiter: Autolinks.Context = links == .none ? .none : .afterDelimiter
        var children: [Inline] = []
        children.reserveCapacity(list.count)
        for inline in list {
            var inline = inline
            switch inline.kind {
            case .emph(let c): inline.kind = .emph(resolved(c, links: afterDelimiter))
            case .strong(let c): inline.kind = .strong(resolved(c, links: afterDelimiter))
            case .strikeout(let c): inline.kind = .strikeout(resolved(c, links: afterDelimiter))
            case .link(let a, let c, let t): inline.kind = .link(a, resolved(c, links: .none), t)
            case .image(let a, let c, let t): inline.kind = .image(a, resolved(c, links: .none), t)
            default: break
            }
            children.append(inline)
        }
        return resolver.resolve(children, links: links)
    }

    private mutating func rewriteBlock(_ block: Block) -> Block? {
        var block = block
        switch block.kind {
        case .para(let list):
            let resolved = Self.trimmed(inlines(list))
            guard !Self.isBlank(resolved) else { return nil }
            if resolved.count == 1, case .image(_, let alt, _) = resolved[0].kind, !alt.isEmpty {
                return Block(.figure(.empty, caption: alt, [Block(.plain(resolved), block.range)]), block.range)
            }
            block.kind = .para(resolved)
        case .plain(let list):
            let resolved = Self.trimmed(inlines(list))
            guard !Self.isBlank(resolved) else { return nil }
            block.kind = .plain(resolved)
        case .header(let level, _, let list):
            let (attributes, rest) = headingAttributes(list)
            block.kind = .header(level: level, attributes, inlines(rest))
        case .blockQuote(let children):
            return alert(block.range, rewrite(children))
        case .div(let attributes, let children):
            block.kind = .div(attributes, rewrite(children))
        case .bulletList(let items):
            block.kind = .bulletList(items.map { rewriteItem($0) })
        case .orderedList(var style, let items):
            if let first = items.first, let fancy = prepared.listNumbering[first.range.start.line] {
                style = fancy
            }
            block.kind = .orderedList(style, items.map { rewriteItem($0) })
        case .definitionList(let items):
            block.kind = .definitionList(items.map { item in
                DefinitionItem(term: inlines(item.term), definitions: item.definitions.map { rewrite($0) })
            })
        case .lineBlock(let lines):
            block.kind = .lineBlock(lines.map { inlines($0) })
        case .table(var table):
            table.head = table.head.map { $0.map { rewrite($0) } }
            table.body = table.body.map { $0.map { rewrite($0) } }
            table.foot = table.foot.map { $0.map { rewrite($0) } }
            if prepared.headerlessTables.contains(block.range.start.line) { table.head = [] }
            if let widths = prepared.pipeTableWidths[block.range.start.line], widths.count == table.alignments.count {
                table.widths = widths
            }
            block.kind = .table(table)
        case .codeBlock(let attributes, let code):
            return codeBlock(block.range, attributes, resolver.restore(code))
        case .rawBlock(let format, let html):
            let stripped = HTMLComments.strip(resolver.restore(html))
            guard !stripped.allSatisfy(\.isWhitespace) else { return nil }
            block.kind = .rawBlock(format: format, stripped)
        case .figure, .horizontalRule:
            break
        }
        return block
    }

    private mutating func rewriteItem(_ item: ListItem) -> ListItem {
        var item = item
        item.blocks = rewrite(item.blocks)
        return item
    }

    /// Without the line breaks and spaces that dropped TeX can leave at either end.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var list = inlines
        // A line break the author ended a paragraph with (`\`) stays, as in Pandoc.
        while let last = list.last, isBlank([last]), last.kind != .lineBreak { list.removeLast() }
        while let first = list.first, isBlank([first]) { list.removeFirst() }
        return list
    }

    static func isBlank(_ inlines: [Inline]) -> Bool {
        inlines.allSatisfy { inline in
            switch inline.kind {
            case .softBreak, .lineBreak: return true
            case .text(let text): return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            default: return false
            }
        }
    }
}
