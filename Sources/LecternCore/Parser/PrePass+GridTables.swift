/// Pandoc grid tables: `+---+` borders, `|` between cells, `+===+` below the header and
/// around the foot; each cell holds markdown blocks.
extension PrePass {
    /// The text width pandoc measures relative column widths against (its `--columns`).
    static let tableTextWidth = 72.0

    mutating func handleGridTable(_ index: Int, indentBytes: Int) -> Int? {
        guard isGridTableBorder(lines[index].dropFirst(indentBytes)) else { return nil }
        let first = Array(lines[index])
        let firstOffsets = Self.columnOffsets(first)
        // Display columns of the `+` signs on the first border.
        let bounds = firstOffsets.indices.dropLast().filter { column in
            column == 0 || firstOffsets[column] != firstOffsets[column - 1]
        }.filter { first[firstOffsets[$0]] == 0x2B }
        guard bounds.count >= 2 else { return nil }
        guard bounds.count - 1 <= Self.maximumTableColumns else { return refuseWideTable(at: index, column: indentBytes) }
        var end = index + 1
        var borders: [Int] = [index]
        while end < lines.count {
            let line = Array(lines[end])
            let content = line.dropFirst(min(indentBytes, line.count))
            if isGridTableBorder(content) { borders.append(end) } else if content.first != 0x7C { break }
            end += 1
        }
        guard let last = borders.last, last > index, last == end - 1 else { return nil }
        // Every border and row line must have its `+` or `|` where the first border has them.
        for row in index..<end {
            let line = Array(lines[row]), offsets = Self.columnOffsets(line)
            for bound in bounds {
                guard bound < offsets.count - 1, [0x2B, 0x7C].contains(line[offsets[bound]]) else {
                    bag.report("table.grid-misaligned", at: SourceRange(line: row + 1, column: 1))
                    return nil
                }
            }
        }
        let source = lines
        let isHeavy = { (row: Int) in source[row].contains(0x3D) }
        let interior = borders.dropFirst().dropLast()
        let headerBorder = interior.first(where: isHeavy)
        let footBorder = isHeavy(last) ? interior.last(where: { isHeavy($0) && $0 != headerBorder }) : nil
        let alignmentLine = Array(lines[headerBorder ?? index]), alignmentOffsets = Self.columnOffsets(alignmentLine)
        var alignments: [Table.Alignment] = []
        var widths: [Double] = []
        for column in 0..<(bounds.count - 1) {
            let segment = Self.slice(alignmentOffsets, from: bounds[column] + 1, to: bounds[column + 1])
            alignments.append(Self.alignment(colonLeft: alignmentLine[segment].first == 0x3A,
                                             colonRight: alignmentLine[segment].last == 0x3A))
            widths.append(Double(bounds[column + 1] - bounds[column]) / Self.tableTextWidth)
        }
        var cells: [CellText] = []
        var rowCount = 0, headRows = 0, footRows = 0
        for (position, border) in borders.dropLast().enumerated() {
            let next = borders[position + 1]
            guard next > border + 1 else { continue }
            rowCount += 1
            if let header = headerBorder, next <= header { headRows += 1 }
            if let foot = footBorder, border >= foot { footRows += 1 }
            let rowOffsets = ((border + 1)..<next).map { Self.columnOffsets(Array(lines[$0])) }
            for column in 0..<(bounds.count - 1) {
                var cell = CellText()
                for (row, offsets) in zip((border + 1)..<next, rowOffsets) {
                    cell.lines.append((row, Self.slice(offsets, from: bounds[column] + 1, to: bounds[column + 1])))
                }
                cells.append(cell)
            }
        }
        let layout = Fence.TableLayout(alignments: alignments, widths: widths, headRows: headRows, footRows: footRows)
        emitTable(layout, cells: cells, line: index + 1, end: end)
        return end
    }
}
