/// What grid and multiline tables share: cutting a line into columns by display width, and
/// writing each cell's text as markdown of its own between synthetic fences.
extension PrePass {
    /// One cell: its lines, each as (source line index, byte range in that line).
    struct CellText {
        var lines: [(index: Int, bytes: Range<Int>)] = []
    }

    /// The byte offset at which each display column of `line` starts (one more entry for the
    /// end). East Asian wide characters take two columns, as authors align them in a
    /// monospaced editor.
    static func columnOffsets(_ line: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var index = 0
        while index < line.count {
            let length = utf8Length(line[index])
            let end = min(index + length, line.count)
            let scalar = String(decoding: line[index..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0
            offsets.append(index)
            if isWide(scalar) { offsets.append(index) }
            index = end
        }
        offsets.append(line.count)
        return offsets
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    private static func isWide(_ scalar: UInt32) -> Bool {
        (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x1F300...0x1F64F).contains(scalar) || (0x20000...0x3FFFD).contains(scalar)
    }

    /// The bytes of `line` between two display columns (the end clipped to the line).
    static func slice(_ offsets: [Int], from start: Int, to end: Int) -> Range<Int> {
        let last = offsets.count - 1
        let from = offsets[min(start, last)], to = offsets[min(max(end, start), last)]
        return from..<max(from, to)
    }

    /// Writes a table: a fence for the table and one per cell in row order, each cell's text
    /// dedented to its least indented line so that lists and code inside keep their shape.
    mutating func emitTable(_ layout: Fence.TableLayout, cells: [CellText], line: Int, end: Int) {
        // The table keeps its indentation, so one under a list item stays in it.
        let tableIndent = Array(lines[line - 1].prefix(while: { $0 == 0x20 }))
        let table = addFence(.table(layout), line: line)
        emitMarker("F", table, origin: line, indent: 0, indentBytes: tableIndent)
        for cell in cells {
            let origin = cell.lines.first.map { $0.index + 1 } ?? line
            let fence = addFence(.tableCell, line: origin)
            emitMarker("F", fence, origin: origin, indent: 0, indentBytes: tableIndent)
            var texts = cell.lines.map { entry -> (index: Int, start: Int, bytes: [UInt8]) in
                let source = Array(lines[entry.index])
                var bytes = Array(source[entry.bytes])
                while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
                return (entry.index, entry.bytes.lowerBound, bytes)
            }
            while let first = texts.first, first.bytes.isEmpty { texts.removeFirst() }
            while let last = texts.last, last.bytes.isEmpty { texts.removeLast() }
            var indent = Int.max
            for text in texts where !text.bytes.isEmpty {
                indent = Swift.min(indent, text.bytes.prefix(while: { $0 == 0x20 }).count)
            }
            for text in texts {
                let strip = Swift.min(indent, text.bytes.count)
                var out = OutLine(bytes: Array(text.bytes.dropFirst(strip)), origin: text.index + 1,
                                  stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: text.start + strip)]])
                out.indent(by: tableIndent)
                out.scannable = !out.bytes.isEmpty
                self.out.append(out)
            }
            self.out.append(OutLine(bytes: [], origin: origin))
            emitMarker("C", fence, origin: origin, indent: 0, indentBytes: tableIndent)
        }
        emitMarker("C", table, origin: end, indent: 0, indentBytes: tableIndent)
        out.append(OutLine(bytes: [], origin: end))
        previous = .other
        lastBlockWasTable = true
    }

    /// Pandoc's alignment from a separator segment: colons at its ends.
    static func alignment(colonLeft: Bool, colonRight: Bool) -> Table.Alignment {
        switch (colonLeft, colonRight) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .default
        }
    }
}
