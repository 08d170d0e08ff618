import CCmarkGFM
import Foundation

/// Every call into libcmark-gfm lives here: parsing, and an iterative conversion of
/// its tree into `Block`s and `Inline`s (markers and tokens still in place).
enum CmarkBridge {
    /// Registers the GFM extensions; a static initialiser runs exactly once, thread-safely.
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Call before any concurrent parsing starts.
    static func prepare() { _ = registration }

    /// cmark-gfm adds and removes the extensions' special characters in one process-wide
    /// table around every parse, so two parses at once corrupt each other (`~~x~~` read as
    /// text); parsing holds this lock, the conversion and every pass after it run in parallel.
    private static let parseLock = NSLock()

    /// Runs cmark-gfm alone: a new parser with the GFM extensions, fed and finished.
    private static func parseTree(_ text: [UInt8]) -> OpaquePointer? {
        parseLock.lock()
        defer { parseLock.unlock() }
        let options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        return cmark_parser_finish(parser)
    }

    /// A converted document: its blocks and its footnote definitions by label.
    struct Output {
        var blocks: [Block]
        var footnotes: [String: [Block]]
        var tooDeep: SourceRange?
    }

    /// Parses transformed markdown and converts it, never nesting deeper than `maximumDepth`.
    static func parse(_ text: [UInt8], map: SourceMap, maximumDepth: Int) -> Output {
        prepare()
        guard let root = parseTree(text) else { return Output(blocks: [], footnotes: [:]) }
        defer { cmark_node_free(root) }
        var converter = TreeConverter(map: map, maximumDepth: maximumDepth)
        return converter.convert(root)
    }
}

/// One node being built: the cmark node, and where its children start among the converted
/// children of all open nodes.
private struct Frame {
    let node: OpaquePointer
    let range: SourceRange
    let start: Int
}

/// A converted child, before its parent knows what it needs.
private enum Converted {
    case block(Block)
    case inline(Inline)
    case item(ListItem)
    case row([Table.Cell], isHeader: Bool)
    case cell(Table.Cell)
    case footnote(String, [Block])
}

private struct TreeConverter {
    let map: SourceMap
    let maximumDepth: Int
    var stack: [Frame] = []
    /// The children converted so far of every open node, in one array rather than one each:
    /// a node's children are built into the node and dropped from the end on its way out.
    var pending: [Converted] = []
    var tooDeep: SourceRange?
    /// Footnote definitions in cmark-gfm's order, which numbers references from 1.
    var footnotes: [[Block]] = []

    init(map: SourceMap, maximumDepth: Int) {
        self.map = map
        self.maximumDepth = maximumDepth
    }

    func range(of node: OpaquePointer, fallback: SourceRange) -> SourceRange {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return fallback }
        return map.range(startLine: startLine, startColumn: Int(cmark_node_get_start_column(node)),
                         endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    mutating func convert(_ root: OpaquePointer) -> CmarkBridge.Output {
        var result: [Converted] = []
        stack.append(Frame(node: root, range: range(of: root, fallback: .unknown), start: 0))
        // One top-level block at a time, freed once converted, so that a document is never
        // held twice (as cmark's tree and as the model) at its full size.
        while let child = cmark_node_first_child(root) {
            walk(child, into: &result)
            cmark_node_unlink(child)
            cmark_node_free(child)
        }
        let document = stack.removeLast()
        if let built = build(document, children: pending[...]) { result.append(built) }
        pending = []
        var blocks = Self.blocks(result[...])
        if case .block(let document)? = result.first, case .div(_, let children) = document.kind, result.count == 1 {
            blocks = children
        }
        var labelled: [String: [Block]] = [:]
        for (index, content) in footnotes.enumerated() { labelled[String(index + 1)] = content }
        return .init(blocks: blocks, footnotes: labelled, tooDeep: tooDeep)
    }

    /// Converts the subtree under `node`, appending what it builds to the open frame.
    private mutating func walk(_ node: OpaquePointer, into result: inout [Converted]) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let fallback = stack.last?.range ?? .unknown
            if event == CMARK_EVENT_ENTER {
                let nodeRange = range(of: node, fallback: fallback)
                if let leaf = convertLeaf(node, range: nodeRange) {
                    append(leaf, to: &result)
                    continue
                }
                if stack.count >= maximumDepth {
                    if tooDeep == nil { tooDeep = nodeRange }
                    continue
                }
                stack.append(Frame(node: node, range: nodeRange, start: pending.count))
            } else if event == CMARK_EVENT_EXIT {
                guard let top = stack.last, top.node == node else { continue }
                stack.removeLast()
                let built = build(top, children: pending[top.start...])
                pending.removeSubrange(top.start...)
                if case .footnote(_, let content)? = built {
                    footnotes.append(content)
                } else if let built {
                    append(built, to: &result)
                }
            }
        }
    }

    mutating func append(_ item: Converted, to result: inout [Converted]) {
        if stack.isEmpty { result.append(item) } else { pending.append(item) }
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    func typeName(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }

    func convertLeaf(_ node: OpaquePointer, range: SourceRange) -> Converted? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .inline(Inline(.text(string(cmark_node_get_literal(node))), range))
        case CMARK_NODE_SOFTBREAK: return .inline(Inline(.softBreak, range))
        case CMARK_NODE_LINEBREAK: return .inline(Inline(.lineBreak, range))
        case CMARK_NODE_CODE: return .inline(Inline(.code(.empty, string(cmark_node_get_literal(node))), range))
        case CMARK_NODE_HTML_INLINE:
            return .inline(Inline(.rawInline(format: "html", string(cmark_node_get_literal(node))), range))
        case CMARK_NODE_HTML_BLOCK:
            let literal = string(cmark_node_get_literal(node))
            return .block(Block(.rawBlock(format: "html", Marker.parseBlock(literal) == nil ? Marker.strippingBlockMarkers(literal) : literal), range))
        case CMARK_NODE_THEMATIC_BREAK: return .block(Block(.horizontalRule, range))
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            let attributes = info.isEmpty ? Attributes.empty : Attributes(pairs: [(key: "\u{E000}info", value: info)])
            return .block(Block(.codeBlock(attributes, Marker.strippingBlockMarkers(string(cmark_node_get_literal(node)))), range))
        default: return nil
        }
    }
}

extension TreeConverter {
    fileprivate func build(_ frame: Frame, children: ArraySlice<Converted>) -> Converted? {
        let node = frame.node, range = frame.range
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .block(Block(.div(.empty, Self.blocks(children)), range))
        case CMARK_NODE_PARAGRAPH: return .block(Block(.para(Self.inlines(children)), range))
        case CMARK_NODE_HEADING:
            return .block(Block(.header(level: Int(cmark_node_get_heading_level(node)), .empty, Self.inlines(children)), range))
        case CMARK_NODE_BLOCK_QUOTE: return .block(Block(.blockQuote(Self.blocks(children)), range))
        case CMARK_NODE_LIST:
            let items = Self.items(children)
            let tight = cmark_node_get_list_tight(node) != 0
            let finalItems = tight ? items.map { item in
                var item = item
                // Paragraphs of a tight item are plain; those inside a div (between the
                // pre-pass's markers) stay paragraphs, as in pandoc.
                var depth = 0
                item.blocks = item.blocks.map { block in
                    if case .rawBlock(_, let literal) = block.kind, let marker = Marker.parseBlock(literal) {
                        depth += marker.letter == "F" ? 1 : marker.letter == "C" ? -1 : 0
                    }
                    if depth == 0, case .para(let inlines) = block.kind { return Block(.plain(inlines), block.range) }
                    return block
                }
                return item
            } : items
            if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                return .block(Block(.orderedList(ListStyle(start: Int(cmark_node_get_list_start(node))), finalItems), range))
            }
            return .block(Block(.bulletList(finalItems), range))
        case CMARK_NODE_ITEM:
            let task: Bool? = typeName(node) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil
            return .item(ListItem(blocks: Self.blocks(children), task: task, range: range))
        case CMARK_NODE_EMPH: return .inline(Inline(.emph(Self.inlines(children)), range))
        case CMARK_NODE_STRONG: return .inline(Inline(.strong(Self.inlines(children)), range))
        case CMARK_NODE_LINK:
            let target = Target(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            let content = Self.inlines(children)
            return .inline(Inline(.link(Self.autolinkClass(content, target, range), content, target), range))
        case CMARK_NODE_IMAGE:
            let target = Target(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
            return .inline(Inline(.image(.empty, Self.inlines(children), target), range))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .inline(Inline(.rawInline(format: "\u{E000}footnote", string(cmark_node_get_literal(node))), range))
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return .footnote(string(cmark_node_get_literal(node)), Self.blocks(children))
        default:
            return buildExtension(node, range: range, children: children)
        }
    }

    /// Pandoc marks `<url>` and `<address>` autolinks with a class; a link written out in
    /// full (`[u](u)`) is told apart by its source holding the address twice. (cmark gives
    /// bare-URL autolinks the range of the text they were found in, so only a long range counts.)
    private static func autolinkClass(_ content: [Inline], _ target: Target, _ range: SourceRange) -> Attributes {
        guard content.count == 1, case .text(let text) = content[0].kind, range.start.line == range.end.line,
              range.end.column - range.start.column + 1 < 2 * text.utf8.count + 4 else { return .empty }
        if text == target.url { return Attributes(classes: ["uri"]) }
        if "mailto:" + text == target.url { return Attributes(classes: ["email"]) }
        return .empty
    }

    private func buildExtension(_ node: OpaquePointer, range: SourceRange, children: ArraySlice<Converted>) -> Converted? {
        switch typeName(node) {
        case "strikethrough": return .inline(Inline(.strikeout(Self.inlines(children)), range))
        case "table_cell": return .cell([Block(.plain(Self.inlines(children)), range)])
        case "table_row", "table_header":
            let cells = children.compactMap { child -> Table.Cell? in
                if case .cell(let blocks) = child { return blocks }
                return nil
            }
            return .row(cells, isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [Table.Alignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for column in 0..<columns {
                    switch raw[column] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.default)
                    }
                }
            }
            var head: [[Table.Cell]] = [], body: [[Table.Cell]] = []
            for child in children {
                guard case .row(let cells, let isHeader) = child else { continue }
                if isHeader { head.append(cells) } else { body.append(cells) }
            }
            return .block(Block(.table(Table(alignments: alignments, head: head, body: body)), range))
        default:
            return .block(Block(.div(.empty, Self.blocks(children)), range))
        }
    }

    /// Children as blocks; stray inlines (only after depth limiting) are wrapped in `plain`.
    fileprivate static func blocks(_ children: ArraySlice<Converted>) -> [Block] {
        var out: [Block] = []
        var pending: [Inline] = []
        func flush() {
            if !pending.isEmpty { out.append(Block(.plain(pending), pending[0].range)); pending = [] }
        }
        for child in children {
            switch child {
            case .block(let block): flush(); out.append(block)
            case .inline(let inline): pending.append(inline)
            case .item(let item): flush(); out += item.blocks
            case .row(let cells, _): flush(); out += cells.flatMap { $0 }
            case .cell(let blocks): flush(); out += blocks
            case .footnote(_, let blocks): flush(); out += blocks
            }
        }
        flush()
        return out
    }

    /// Children as inlines; stray blocks (only after depth limiting) contribute their text.
    fileprivate static func inlines(_ children: ArraySlice<Converted>) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(children.count)
        for child in children {
            switch child {
            case .inline(let inline): out.append(inline)
            case .cell(let blocks): out += blocksText(blocks)
            default: out.append(Inline(.text(Inline.plainText(blocksText(blocks([child][...]))))))
            }
        }
        return out
    }

    private static func blocksText(_ blocks: [Block]) -> [Inline] {
        blocks.flatMap { block -> [Inline] in
            switch block.kind {
            case .para(let inlines), .plain(let inlines), .header(_, _, let inlines): return inlines
            default: return blocksText(block.childBlocks)
            }
        }
    }

    fileprivate static func items(_ children: ArraySlice<Converted>) -> [ListItem] {
        children.map { child in
            if case .item(let item) = child { return item }
            return ListItem(blocks: blocks([child][...]))
        }
    }
}
