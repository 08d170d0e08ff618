/// The line-level pass that turns Pandoc block syntax into something cmark parses
/// faithfully, and records how to map every position back.
struct PrePass {
    /// A transformed line on its way to cmark.
    struct OutLine {
        var bytes: [UInt8]
        var origin: Int
        /// Edit stages, oldest first; each maps its output back to the stage before.
        var stages: [[LineEdit]] = []
        /// Whether the inline scanner may rewrite it.
        var scannable = false
        /// Headings form runs of their own.
        var isHeading = false
        /// A row of a pipe table, where `|` inside code must be escaped to stay in its cell, as in Pandoc.
        var isTableRow = false

        /// Puts `indent` before a non-blank line (a table under a list item stays in it), mapping
        /// positions past it back to where they were.
        mutating func indent(by indent: [UInt8]) {
            guard !indent.isEmpty, !bytes.isEmpty else { return }
            bytes.insert(contentsOf: indent, at: 0)
            stages.append([LineEdit(newStart: 0, newLength: indent.count, oldStart: 0, oldLength: 0)])
        }
    }

    /// What the previous line was, for Pandoc's "cannot interrupt a paragraph" rules.
    enum LineKind { case blank, paragraph, listItem, blockQuote, other }

    static let maximumFenceDepth = 64

    let lines: [ArraySlice<UInt8>]
    var out: [OutLine] = []
    var fences: [Fence] = []
    var tokens: [Token] = []
    var listNumbering: [Int: ListStyle] = [:]
    var headerlessTables: Set<Int> = []
    var pipeTableWidths: [Int: [Double]] = [:]
    /// Example list items so far, and the numbers of labelled ones.
    var exampleCount = 0
    var exampleLabels: [String: Int] = [:]
    /// Divs opened inside a block quote, with the quote prefix their markers go behind.
    var quoteFences: [(fence: Int, prefix: [UInt8])] = []
    var tableCaptions: [Int: (text: String, line: Int)] = [:]
    var bag: DiagnosticBag

    var previous: LineKind = .blank
    var listContentIndent: Int?
    var paragraphStart = 0
    var paragraphLines = 0
    /// Open fences: index into `fences`, or nil for a rejected opener whose closer is text.
    var fenceStack: [FenceSlot] = []
    /// `<div>` lines past the nesting limit, kept as raw HTML; their `</div>` lines pair with them.
    var rawHTMLDivs = 0
    var codeFence: (byte: UInt8, count: Int)?
    var inIndentedCode = false
    var definition: (dd: Int, dl: Int, indent: Int, sawBlank: Bool)?
    /// The definition list closed last and the line of its closing marker in `out`.
    var lastDefinitionListClose: (fence: Int, line: Int)?
    var lastParagraph: (start: Int, lines: Int, kind: LineKind)?
    var lastBlockWasTable = false
    /// Where the file's last `-->` ends (line, byte), found on first use.
    var lastCommentClose: (line: Int, end: Int)??
    /// Inside a pipe table, until the next blank line.
    var inPipeTable = false
    /// The number of columns of the pipe table open, from its delimiter row.
    var pipeTableColumns = 0
    /// The line after the last table refused as too wide: a line before it is not reported again.
    var refusedTableEnd = 0
    /// The numbering and delimiter of the ordered list open at each marker column.
    var orderedLists: [Int: (numbering: ListStyle.Numbering, form: Int, delimiter: UInt8)] = [:]

    init(_ source: [UInt8], bag: DiagnosticBag) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in source.indices where source[index] == 0x0A {
            var end = index
            if end > start, source[end - 1] == 0x0D { end -= 1 }
            lines.append(source[start..<end])
            start = index + 1
        }
        if start < source.count { lines.append(source[start...]) }
        self.lines = lines
        self.bag = bag
    }

    /// Runs the pass over a whole lesson.
    static func prepare(_ source: [UInt8], bag: inout DiagnosticBag) -> PreparedSource {
        var pass = PrePass(neutralizingMarkers(in: source), bag: bag)
        let frontMatter = pass.takeFrontMatter()
        pass.scanBlocks(from: frontMatter.map { $0.range.end.line } ?? 0)
        pass.scanInlines()
        bag = pass.bag
        var text: [UInt8] = []
        text.reserveCapacity(source.count + source.count / 8)
        var map = SourceMap()
        map.origins.reserveCapacity(pass.out.count)
        for line in pass.out {
            text.append(contentsOf: line.bytes)
            text.append(0x0A)
            map.origins.append(.init(line: line.origin, stages: line.stages))
        }
        return PreparedSource(text: text, map: map, fences: pass.fences, tokens: pass.tokens,
                              listNumbering: pass.listNumbering, headerlessTables: pass.headerlessTables,
                              pipeTableWidths: pass.pipeTableWidths, exampleLabels: pass.exampleLabels,
                              tableCaptions: pass.tableCaptions, frontMatter: frontMatter)
    }

    /// The characters markers are made of (U+E000 to U+E002) become U+FFFD, byte for byte the
    /// same length, so nothing an author writes can pose as a marker.
    static func neutralizingMarkers(in source: [UInt8]) -> [UInt8] {
        guard source.contains(0xEE) else { return source }
        var bytes = source
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEE, bytes[index + 1] == 0x80, (0x80...0x82).contains(bytes[index + 2]) {
                bytes[index] = 0xEF
                bytes[index + 1] = 0xBF
                bytes[index + 2] = 0xBD
                index += 3
            } else {
                index += 1
            }
        }
        return bytes
    }

    /// Blanks out a leading `---` … `---`/`...` block and returns its text.
    mutating func takeFrontMatter() -> (text: String, firstLine: Int, range: SourceRange)? {
        guard let first = lines.first, trimmed(first).elementsEqual("---".utf8) else { return nil }
        var end = 1
        while end < lines.count {
            let line = trimmedTrailing(lines[end])
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) { break }
            end += 1
        }
        guard end < lines.count, end > 1 else { return nil }
        let body = lines[1..<end].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        for index in 0...end { out.append(OutLine(bytes: [], origin: index + 1)) }
        return (body, 2, SourceRange(start: .init(line: 1, column: 1), end: .init(line: end + 1, column: 3)))
    }

    /// Classifies every line after the front matter, rewriting Pandoc blocks.
    mutating func scanBlocks(from start: Int) {
        var index = start
        while index < lines.count {
            index = scanLine(index)
        }
        closeDefinition(at: lines.count)
        for slot in fenceStack.reversed() {
            guard case .open(let open) = slot else { continue }
            bag.report("div.unclosed",
                      at: fences[open].range)
            emitMarker("C", open, origin: lines.count, indent: 0)
        }
    }

    /// Handles line `index` and returns the index of the next line to look at.
    mutating func scanLine(_ index: Int) -> Int {
        let line = lines[index]
        let origin = index + 1
        if !quoteFences.isEmpty, codeFence == nil, line.drop(while: { $0 == 0x20 }).first != 0x3E,
           isBlank(line) || previous != .blockQuote {
            closeQuoteFences(at: origin)
        }
        if let fence = codeFence {
            if isCodeFenceClose(line, fence) { codeFence = nil; previous = .other }
            out.append(OutLine(bytes: Array(line), origin: origin))
            return index + 1
        }
        if isBlank(line) {
            out.append(OutLine(bytes: Array(line), origin: origin))
            if isInParagraph { lastParagraph = (paragraphStart, paragraphLines, previous) }
            previous = .blank
            if definition != nil { definition!.sawBlank = true }
            inPipeTable = false
            return index + 1
        }
        let (width, _) = indentation(line)
        if inIndentedCode {
            if width >= 4 { out.append(OutLine(bytes: Array(line), origin: origin)); return index + 1 }
            inIndentedCode = false
        }
        if let next = handleDefinitionLine(index) { return next }
        return classify(index, Array(line), stages: [])
    }
}
