/// One replacement made by the pre-pass inside a line, in 0-based byte offsets.
struct LineEdit: Hashable, Sendable {
    /// Where the replacement starts in the transformed line.
    var newStart: Int
    /// How long the replacement is.
    var newLength: Int
    /// Where the replaced text started in the line before this stage.
    var oldStart: Int
    /// How long the replaced text was.
    var oldLength: Int

    /// Maps a 0-based transformed offset through a list of edits sorted by position. The
    /// search is binary: a line can hold thousands of edits (one per token), and every node
    /// on it is located through them.
    static func map(_ offset: Int, through edits: [LineEdit]) -> Int {
        // The last edit that starts at or before the offset decides.
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].newStart <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        if offset < edit.newStart + edit.newLength { return edit.oldStart }
        return offset + (edit.oldStart + edit.oldLength) - (edit.newStart + edit.newLength)
    }
}

/// Maps positions in the text given to cmark back to the author's file.
struct SourceMap: Sendable {
    /// For each transformed line (index 0 is line 1): its original line and edit stages.
    struct Origin: Sendable {
        var line: Int
        /// Edit stages, applied from last to first when mapping back.
        var stages: [[LineEdit]]
    }

    var origins: [Origin] = []

    /// The original location of a 1-based transformed line and byte column.
    func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 1, line <= origins.count else {
            if let last = origins.last, line > origins.count { return SourceLocation(line: last.line, column: max(column, 1)) }
            return SourceLocation(line: max(line, 0), column: max(column, 0))
        }
        let origin = origins[line - 1]
        var offset = max(column - 1, 0)
        for stage in origin.stages.reversed() { offset = LineEdit.map(offset, through: stage) }
        return SourceLocation(line: origin.line, column: offset + 1)
    }

    /// The original range of a transformed range.
    func range(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) -> SourceRange {
        SourceRange(start: location(line: startLine, column: startColumn),
                    end: location(line: endLine, column: endColumn))
    }
}
