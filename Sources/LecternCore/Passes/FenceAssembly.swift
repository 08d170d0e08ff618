/// Turns marker blocks into divs, definition lists, line blocks and captions.
struct FenceAssembly {
    let prepared: PreparedSource
    var bag: DiagnosticBag

    /// Rewrites a block list and everything inside it.
    mutating func assemble(_ blocks: [Block]) -> [Block] {
        var stack: [(fence: Int, items: [Block])] = [(-1, [])]
        for block in blocks {
            if case .rawBlock("html", let literal) = block.kind, let marker = Marker.parseBlock(literal),
               marker.letter == "X" || marker.index < prepared.fences.count {
                switch marker.letter {
                case "F":
                    stack.append((marker.index, []))
                case "C":
                    guard let position = stack.lastIndex(where: { $0.fence == marker.index }), position > 0 else {
                        let fence = prepared.fences[marker.index]
                        if fence.kind == .div {
                            bag.report("div.crosses-block",
                                      ["div": "the div this ':::' closes", "container": "list item or block quote it opened in"],
                                      at: fence.closeRange ?? block.range,
                                      notes: [.init("the div opens here", range: fence.range)])
                        }
                        continue
                    }
                    while stack.count - 1 > position { closeTop(&stack, unclosed: true) }
                    closeTop(&stack, unclosed: false)
                default:
                    break
                }
                continue
            }
            stack[stack.count - 1].items.append(descend(block))
        }
        while stack.count > 1 { closeTop(&stack, unclosed: true) }
        return stack[0].items
    }

    private mutating func closeTop(_ stack: inout [(fence: Int, items: [Block])], unclosed: Bool) {
        let top = stack.removeLast()
        let fence = prepared.fences[top.fence]
        if unclosed, fence.kind == .div {
            bag.report("div.crosses-block",
                      ["div": "this fenced div", "container": "div, list item or block quote around it"],
                      at: fence.range)
        }
        var range = fence.range
        if let close = fence.closeRange { range = range.union(close) }
        if let last = top.items.last { range = range.union(last.range) }
        let parent = stack.count > 1 ? prepared.fences[stack[stack.count - 1].fence].kind : nil
        if let needed = Self.container(of: fence.kind), Self.container(named: parent) != needed {
            // A term, definition or cell whose list or table lost its opening (cmark read that
            // line into an HTML block): its content stays, without the part's own wrapper.
            stack[stack.count - 1].items += top.items
            return
        }
        stack[stack.count - 1].items.append(build(fence, top.items, range: range))
    }

    /// The container a part fence belongs in: terms and definitions in a list, cells in a table.
    private static func container(of kind: Fence.Kind) -> String? {
        switch kind {
        case .term, .definition: return "list"
        case .tableCell: return "table"
        default: return nil
        }
    }

    private static func container(named kind: Fence.Kind?) -> String? {
        switch kind {
        case .definitionList?: return "list"
        case .table?: return "table"
        default: return nil
        }
    }

    private func build(_ fence: Fence, _ items: [Block], range: SourceRange) -> Block {
        switch fence.kind {
        case .div:
            return Block(.div(fence.attributes, items), range)
        case .term:
            return Block(.div(Attributes(classes: ["\u{E000}dt"]), items), range)
        case .definition(let tight):
            let content = tight ? items.map { block -> Block in
                if case .para(let inlines) = block.kind { return Block(.plain(inlines), block.range) }
                return block
            } : items
            return Block(.div(Attributes(classes: ["\u{E000}dd"]), content), range)
        case .definitionList:
            var entries: [DefinitionItem] = []
            for item in items {
                guard case .div(let attributes, let children) = item.kind else { continue }
                if attributes.hasClass("\u{E000}dt") {
                    entries.append(DefinitionItem(term: children.flatMap(Self.inlines), definitions: []))
                } else if !entries.isEmpty {
                    entries[entries.count - 1].definitions.append(children)
                }
            }
            return Block(.definitionList(entries), range)
        case .table(let layout):
            return Self.table(layout, cells: items, range: range)
        case .plain:
            let inlines = items.map(Self.inlines).joined(separator: [Inline(.softBreak)])
            return Block(.plain(Array(inlines)), range)
        case .tableCell:
            return Block(.div(Attributes(classes: ["\u{E000}cell"]), items), range)
        case .lineBlock:
            var lines: [[Inline]] = [[]]
            for inline in items.flatMap(Self.inlines) {
                if case .lineBreak = inline.kind { lines.append([]) } else { lines[lines.count - 1].append(inline) }
            }
            return Block(.lineBlock(lines.map { line in
                line.map { inline in
                    if case .softBreak = inline.kind { return Inline(.text(" "), inline.range) }
                    return inline
                }
            }), range)
        }
    }

    /// A grid or multiline table from its cells in row order; a cell that is one paragraph is
    /// plain text, as pandoc reads it.
    private static func table(_ layout: Fence.TableLayout, cells: [Block], range: SourceRange) -> Block {
        let columns = max(layout.alignments.count, 1)
        let contents = cells.map { cell -> Table.Cell in
            guard case .div(_, let blocks) = cell.kind else { return [cell] }
            if blocks.count == 1, case .para(let inlines) = blocks[0].kind { return [Block(.plain(inlines), blocks[0].range)] }
            return blocks
        }
        var rows: [[Table.Cell]] = stride(from: 0, to: contents.count, by: columns).map {
            Array(contents[$0..<min($0 + columns, contents.count)])
        }
        let head = Array(rows.prefix(layout.headRows))
        rows.removeFirst(min(layout.headRows, rows.count))
        let foot = Array(rows.suffix(min(layout.footRows, rows.count)))
        rows.removeLast(min(layout.footRows, rows.count))
        return Block(.table(Table(alignments: layout.alignments, widths: layout.widths, head: head, body: rows, foot: foot)), range)
    }

    private static func inlines(_ block: Block) -> [Inline] {
        switch block.kind {
        case .para(let inlines), .plain(let inlines): return inlines
        default: return []
        }
    }

    /// Applies assembly inside container blocks.
    private mutating func descend(_ block: Block) -> Block {
        var block = block
        switch block.kind {
        case .blockQuote(let children): block.kind = .blockQuote(assemble(children))
        case .div(let attributes, let children): block.kind = .div(attributes, assemble(children))
        case .bulletList(let items): block.kind = .bulletList(items.map { assembleItem($0) })
        case .orderedList(let style, let items): block.kind = .orderedList(style, items.map { assembleItem($0) })
        default: break
        }
        return block
    }

    private mutating func assembleItem(_ item: ListItem) -> ListItem {
        var item = item
        item.blocks = assemble(item.blocks)
        return item
    }
}
