/// Pandoc simple tables, rewritten as pipe tables, and table captions.
extension PrePass {
    mutating func handleSimpleTable(_ index: Int, _ bytes: [UInt8]) -> Int? {
        let first = lines[index]
        // The rows keep the table's indentation, so a table under a list item stays in it.
        let indent = Array(first.prefix(while: { $0 == 0x20 }))
        let startCount = out.count
        defer { if !indent.isEmpty, out.count > startCount { indentLines(startCount..<out.count, by: indent) } }
        guard definition == nil, bytes.count == first.count, first.first != 0x7C, index + 1 < lines.count else { return nil }
        if let runs = dashRuns(first) {
            guard runs.count <= Self.maximumTableColumns else { return refuseWideTable(at: index, column: indent.count) }
            var end = index + 1
            while end < lines.count, !isBlank(lines[end]), dashRuns(lines[end]) == nil { end += 1 }
            guard end > index + 1, end < lines.count, dashRuns(lines[end]) != nil else { return nil }
            headerlessTables.insert(index + 1)
            let alignments = simpleAlignments(runs, header: lines[index + 1])
            out.append(OutLine(bytes: Array(("|" + String(repeating: " |", count: runs.count)).utf8), origin: index + 1))
            out.append(delimiterRow(alignments, origin: index + 1))
            for row in (index + 1)..<end { out.append(pipeRow(lines[row], runs: runs, origin: row + 1)) }
            out.append(OutLine(bytes: [], origin: end + 1))
            finishTable()
            return end + 1
        }
        guard let runs = dashRuns(lines[index + 1]), !isBlank(first), dashRuns(first) == nil else { return nil }
        guard runs.count <= Self.maximumTableColumns else { return refuseWideTable(at: index, column: indent.count) }
        let alignments = simpleAlignments(runs, header: first)
        out.append(pipeRow(first, runs: runs, origin: index + 1))
        out.append(delimiterRow(alignments, origin: index + 2))
        var end = index + 2
        while end < lines.count, !isBlank(lines[end]) {
            out.append(pipeRow(lines[end], runs: runs, origin: end + 1))
            end += 1
        }
        finishTable()
        return end
    }

    private mutating func indentLines(_ range: Range<Int>, by indent: [UInt8]) {
        for index in range { out[index].indent(by: indent) }
    }

    private mutating func finishTable() {
        previous = .other
        lastBlockWasTable = true
    }

    /// Pandoc's `alignType`: where the header text sits against its dashes.
    func simpleAlignments(_ runs: [(start: Int, end: Int)], header: ArraySlice<UInt8>) -> [Table.Alignment] {
        let cells = rawCells(header, runs: runs)
        return zip(cells, runs).map { cell, run in
            var text = cell.bytes
            while let last = text.last, last == 0x20 { text.removeLast() }
            guard !text.isEmpty else { return .default }
            let leftSpace = text.first == 0x20
            let rightSpace = text.count < run.end - run.start
            switch (leftSpace, rightSpace) {
            case (true, false): return .right
            case (false, true): return .left
            case (true, true): return .center
            case (false, false): return .default
            }
        }
    }

    /// Splits a row at the columns where each dash run starts, as Pandoc does.
    private func rawCells(_ line: ArraySlice<UInt8>, runs: [(start: Int, end: Int)]) -> [(start: Int, bytes: [UInt8])] {
        let bytes = Array(line)
        return runs.indices.map { column in
            let start = runs[column].start
            let end = column + 1 < runs.count ? runs[column + 1].start : bytes.count
            guard start < bytes.count else { return (start, []) }
            return (start, Array(bytes[start..<min(end, bytes.count)]))
        }
    }

    private func pipeRow(_ line: ArraySlice<UInt8>, runs: [(start: Int, end: Int)], origin: Int) -> OutLine {
        var output: [UInt8] = [0x7C]
        var stage: [LineEdit] = []
        for cell in rawCells(line, runs: runs) {
            let leading = cell.bytes.prefix(while: { $0 == 0x20 }).count
            var text = Array(cell.bytes.dropFirst(leading))
            while let last = text.last, last == 0x20 { text.removeLast() }
            output.append(0x20)
            let escaped = text.flatMap { $0 == 0x7C ? [UInt8(0x5C), 0x7C] : [$0] }
            stage.append(LineEdit(newStart: output.count, newLength: escaped.count,
                                  oldStart: cell.start + leading, oldLength: text.count))
            output.append(contentsOf: escaped)
            output.append(contentsOf: [0x20, 0x7C])
        }
        var row = OutLine(bytes: output, origin: origin, stages: [stage])
        row.scannable = true
        row.isTableRow = true
        return row
    }

    private func delimiterRow(_ alignments: [Table.Alignment], origin: Int) -> OutLine {
        let cells = alignments.map { alignment -> String in
            switch alignment {
            case .left: return ":---"
            case .right: return "---:"
            case .center: return ":---:"
            case .default: return "---"
            }
        }
        return OutLine(bytes: Array(("|" + cells.joined(separator: "|") + "|").utf8), origin: origin)
    }

    /// Pandoc gives a pipe table column widths only when one of its lines is wider than the
    /// text: each column then takes its share of the delimiter row's dashes.
    func pipeTableWidths(delimiter index: Int) -> [Double]? {
        var end = index
        while end < lines.count, !isBlank(lines[end]) { end += 1 }
        let widest = lines[(index - 1)..<end].map { String(decoding: $0, as: UTF8.self).unicodeScalars.count }.max() ?? 0
        guard widest > Int(Self.tableTextWidth) else { return nil }
        var cells = trimmed(lines[index]).split(separator: 0x7C, omittingEmptySubsequences: false).map { trimmed($0).count }
        if trimmed(lines[index]).first == 0x7C { cells.removeFirst() }
        if trimmed(lines[index]).last == 0x7C, !cells.isEmpty { cells.removeLast() }
        let total = cells.reduce(0, +)
        guard total > 0 else { return nil }
        return cells.map { Double($0) / Double(total) }
    }

    /// `Table: caption` or `: caption` right after a table becomes its caption.
    mutating func handleTableCaption(_ index: Int, _ bytes: [UInt8], indentBytes: Int) -> Int? {
        guard lastBlockWasTable else { return nil }
        let content = bytes[indentBytes...]
        let prefix: Int
        if content.starts(with: Array("Table:".utf8)) {
            prefix = indentBytes + 6
        } else if content.first == 0x3A, content.count > 1, content[content.startIndex + 1] == 0x20 {
            prefix = indentBytes + 1
        } else {
            return nil
        }
        let fence = addFence(.div, Attributes(classes: ["\u{E000}caption"]), line: index + 1)
        let indent = Array(bytes[..<indentBytes])
        let startCount = out.count
        emitMarker("F", fence, origin: index + 1, indent: 0, indentBytes: indent)
        var line = OutLine(bytes: Array(bytes[prefix...]), origin: index + 1,
                           stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: prefix)]])
        while line.bytes.first == 0x20 {
            line.bytes.removeFirst()
            line.stages.append([LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: 1)])
        }
        line.scannable = true
        out.append(line)
        var end = index + 1
        while end < lines.count, !isBlank(lines[end]) {
            var more = OutLine(bytes: Array(lines[end]), origin: end + 1)
            more.scannable = true
            out.append(more)
            end += 1
        }
        if !indent.isEmpty { indentLines((startCount + 1)..<out.count, by: indent) }
        emitMarker("C", fence, origin: end, indent: 0, indentBytes: indent)
        lastBlockWasTable = false
        return end
    }

    /// `+---+---+` or `+===+`: the border of a Pandoc grid table.
    func isGridTableBorder(_ content: ArraySlice<UInt8>) -> Bool {
        let trimmedContent = trimmedTrailing(content)
        guard trimmedContent.first == 0x2B, trimmedContent.last == 0x2B, trimmedContent.count >= 3 else { return false }
        return trimmedContent.allSatisfy { [0x2B, 0x2D, 0x3D, 0x3A].contains($0) }
            && (trimmedContent.contains(0x2D) || trimmedContent.contains(0x3D))
    }

    /// The environments pandoc reads as display math rather than raw TeX.
    static let mathEnvironments: Set<String> = [
        "equation", "equation*", "gather", "gather*", "gathered", "multline", "multline*", "eqnarray", "eqnarray*",
        "align", "align*", "alignat", "alignat*", "aligned", "alignedat", "flalign", "flalign*", "displaymath", "dmath", "dmath*",
    ]

    /// `\begin{name}` … `\end{name}` at the start of a block is raw TeX, which HTML output leaves
    /// out, or display math for a math environment.
    mutating func handleTeXEnvironment(_ index: Int, _ content: ArraySlice<UInt8>) -> Int? {
        let prefix = Array("\\begin{".utf8)
        guard content.starts(with: prefix), let close = content.dropFirst(prefix.count).firstIndex(of: 0x7D) else { return nil }
        let name = content[(content.startIndex + prefix.count)..<close]
        let end = Array("\\end{".utf8) + name + [0x7D]
        var last = index
        while last < lines.count, !lines[last].contains(subsequence: end) {
            if last > index, isBlank(lines[last]), last + 1 < lines.count, isBlank(lines[last + 1]) { return nil }
            last += 1
        }
        guard last < lines.count else { return nil }
        if Self.mathEnvironments.contains(String(decoding: name, as: UTF8.self)) {
            // As pandoc reads it: display math, kept whole, in a paragraph of its own.
            let text = lines[index...last].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
                .trimmingWhitespaces()
            let range = SourceRange(start: SourceLocation(line: index + 1, column: 1),
                                    end: SourceLocation(line: last + 1, column: max(lines[last].count, 1)))
            out.append(OutLine(bytes: [0x60] + addToken(.math(.display, text), range: range, original: text) + [0x60], origin: index + 1))
            for line in index..<last { out.append(OutLine(bytes: Marker.block("X", 0), origin: line + 2)) }
            previous = .other
            return last + 1
        }
        for line in index...last { out.append(OutLine(bytes: Marker.block("X", 0), origin: line + 1)) }
        previous = .other
        return last + 1
    }
}

extension ArraySlice where Element == UInt8 {
    /// True when `needle` occurs in the slice.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        var start = startIndex
        while start + needle.count <= endIndex {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
