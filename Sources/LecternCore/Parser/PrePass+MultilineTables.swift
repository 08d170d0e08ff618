/// Pandoc multiline tables: rows of several lines separated by blank lines, between a line of
/// dashes (or a row of dash runs when headerless) and a closing line of dashes.
extension PrePass {
    mutating func handleMultilineTable(_ index: Int) -> Int? {
        let first = lines[index]
        let top: Int, separator: Int
        if isDashLine(first) {
            // A full line of dashes, a header of one or more lines, then the column runs.
            var line = index + 1
            while line < lines.count, !isBlank(lines[line]), dashRuns(lines[line]) == nil { line += 1 }
            guard line > index + 1, line < lines.count, dashRuns(lines[line]) != nil else { return nil }
            (top, separator) = (index, line)
        } else if dashRuns(first) != nil {
            (top, separator) = (index, index)
        } else {
            return nil
        }
        guard let runs = dashRuns(lines[separator]) else { return nil }
        guard runs.count <= Self.maximumTableColumns else { return refuseWideTable(at: index, column: 0) }
        // The rows run to a closing line of dashes (or of the same runs when headerless), and a
        // headerless table needs a blank line between rows to be told from a simple table.
        var close = separator + 1, sawBlank = false
        while close < lines.count {
            let line = lines[close]
            if isBlank(line) {
                if close + 1 < lines.count, isBlank(lines[close + 1]) { return nil }
                sawBlank = true
            } else if isDashLine(line) || (top == separator && dashRuns(line) != nil) {
                break
            }
            close += 1
        }
        guard close < lines.count, close > separator + 1, !isBlank(lines[close - 1]),
              top != separator || sawBlank,
              close + 1 == lines.count || isBlank(lines[close + 1]) || lines[close + 1].first == 0x3A
                || lines[close + 1].starts(with: Array("Table:".utf8)) else { return nil }
        var groups: [[Int]] = top == separator ? [] : [Array((top + 1)..<separator)]
        var group: [Int] = []
        for line in (separator + 1)..<close {
            if isBlank(lines[line]) {
                if !group.isEmpty { groups.append(group); group = [] }
            } else {
                group.append(line)
            }
        }
        if !group.isEmpty { groups.append(group) }
        let alignmentSource = groups.first.flatMap(\.first) ?? separator + 1
        let alignments = simpleAlignments(runs, header: lines[alignmentSource])
        var widths: [Double] = []
        for column in runs.indices {
            let span = column + 1 < runs.count ? runs[column + 1].start - runs[column].start : runs[column].end - runs[column].start + 1
            widths.append(Double(span) / Self.tableTextWidth)
        }
        var cells: [CellText] = []
        for rowLines in groups {
            for column in runs.indices {
                var cell = CellText()
                for line in rowLines {
                    let offsets = Self.columnOffsets(Array(lines[line]))
                    let end = column + 1 < runs.count ? runs[column + 1].start : Int.max / 2
                    cell.lines.append((line, Self.slice(offsets, from: runs[column].start, to: end)))
                }
                cells.append(cell)
            }
        }
        let layout = Fence.TableLayout(alignments: alignments, widths: widths, headRows: top == separator ? 0 : 1, footRows: 0)
        emitTable(layout, cells: cells, line: index + 1, end: close + 1)
        return close + 1
    }

    /// A line of three or more dashes and nothing else (after up to three spaces).
    private func isDashLine(_ line: ArraySlice<UInt8>) -> Bool {
        let content = line.drop(while: { $0 == 0x20 })
        let trimmed = content.prefix(while: { $0 != 0x20 })
        return line.count - content.count <= 3 && trimmed.count >= 3 && trimmed.allSatisfy { $0 == 0x2D }
            && content.dropFirst(trimmed.count).allSatisfy { $0 == 0x20 }
    }
}
