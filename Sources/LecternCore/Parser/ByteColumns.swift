/// Converts columns counted in Unicode scalars (as libyaml counts them) to the byte columns
/// diagnostics use. Nodes are asked for in document order, so each conversion goes on from
/// the last one on the same line: thousands of values on one line cost one pass over it.
struct ByteColumns {
    /// The lines of the file, from line 1.
    let lines: [Substring]
    private var line = 0
    private var scalars = 0
    private var bytes = 0
    private var index: Substring.UTF8View.Index?

    init(lines: [Substring]) {
        self.lines = lines
    }

    /// The 1-based byte column of the 1-based `scalarColumn` on 1-based `line`; past the end
    /// of the line, each missing scalar counts one byte.
    mutating func byteColumn(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, scalarColumn >= 1 else { return max(1, scalarColumn) }
        let utf8 = lines[line - 1].utf8
        if line != self.line || index == nil || scalarColumn - 1 < scalars {
            self.line = line
            scalars = 0
            bytes = 0
            index = utf8.startIndex
        }
        var position = index!
        let wanted = scalarColumn - 1
        while position != utf8.endIndex {
            // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
            if utf8[position] & 0xC0 != 0x80 {
                if scalars == wanted { break }
                scalars += 1
            }
            utf8.formIndex(after: &position)
            bytes += 1
        }
        index = position
        return bytes + 1 + max(0, wanted - scalars)
    }
}
