/// Limits on tables. cmark-gfm splits a pipe-table row into cells in time that grows with
/// the square of their number (each cell is appended at the end of a linked list), so a row
/// of 30,000 cells takes seconds; simple tables reach it as pipe tables too. No lesson needs
/// hundreds of columns: such a table, of any kind, is kept as text, and cells beyond a pipe
/// table's columns, which cmark-gfm ignores, are dropped before it sees them.
extension PrePass {
    /// The most columns a table may have.
    static let maximumTableColumns = 200

    /// Reports a table of more than `maximumTableColumns` columns starting on 0-based line
    /// `index`; returns nil, so its lines are read as whatever else they are. The lines up to
    /// the next blank one, which other kinds of table may try again, are not reported twice.
    mutating func refuseWideTable(at index: Int, column: Int) -> Int? {
        guard index >= refusedTableEnd else { return nil }
        refusedTableEnd = lines[index...].firstIndex(where: isBlank) ?? lines.count
        bag.report("table.too-wide", ["limit": String(Self.maximumTableColumns)], at: SourceRange(line: index + 1, column: column + 1))
        return nil
    }

    /// The offsets of the pipes that separate a row's cells, as cmark-gfm's table scanner
    /// reads them: a pipe right after a backslash is not one, even when that backslash is
    /// itself escaped (`\\|`). Stops after
    /// `maximumTableColumns + 2` pipes, which is enough to judge and to cut any row.
    static func pipeCells(_ row: ArraySlice<UInt8>) -> (count: Int, pipes: [Int]) {
        var content = row
        while let last = content.last, last == 0x20 || last == 0x09 { content.removeLast() }
        var pipes: [Int] = []
        var index = content.startIndex
        var trailing = false
        while index < content.endIndex, pipes.count <= maximumTableColumns + 1 {
            let byte = content[index]
            if byte == 0x5C, index + 1 < content.endIndex, content[index + 1] == 0x7C {
                index += 2
                continue
            }
            if byte == 0x7C {
                pipes.append(index)
                trailing = index == content.endIndex - 1
            }
            index += 1
        }
        guard index == content.endIndex else { return (pipes.count, pipes) }
        let leading = content.first == 0x7C
        return (max(1, pipes.count + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0)), pipes)
    }

    /// Where to cut a table row of far more cells than the table's `columns`: after the pipe
    /// that ends its last column. Nil for rows of ordinary width, which cmark-gfm reads as they are.
    static func excessCells(_ row: ArraySlice<UInt8>, columns: Int) -> Int? {
        let (count, pipes) = pipeCells(row)
        guard count > maximumTableColumns, columns >= 1 else { return nil }
        let boundary = row.first == 0x7C ? columns : columns - 1
        return boundary < pipes.count ? pipes[boundary] + 1 : nil
    }
}
