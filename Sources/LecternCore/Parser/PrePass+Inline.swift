/// Runs the inline scanner over every run of paragraph lines.
extension PrePass {
    mutating func scanInlines() {
        var index = 0
        while index < out.count {
            guard out[index].scannable, !isBlank(out[index].bytes) else { index += 1; continue }
            var end = index + 1
            if !out[index].isHeading {
                while end < out.count, out[end].scannable, !out[end].isHeading, !isBlank(out[end].bytes) { end += 1 }
            }
            scanRun(index..<end)
            index = end
        }
    }

    private mutating func scanRun(_ range: Range<Int>) {
        guard out[range].contains(where: { InlineScanner.mayChange($0.bytes) }) else { return }
        let runLines = Array(out[range])
        let source = lines
        var scanner = InlineScanner(lines: runLines.map(\.bytes), tokenBase: tokens.count) { line, offset in
            var column = offset
            for stage in runLines[line].stages.reversed() { column = LineEdit.map(column, through: stage) }
            return SourceLocation(line: runLines[line].origin, column: column + 1)
        } original: { start, end in
            Self.text(in: source, from: start, through: end)
        }
        scanner.tableRows = Set(runLines.indices.filter { runLines[$0].isTableRow })
        scanner.scan()
        tokens.append(contentsOf: scanner.tokens)
        for warning in scanner.warnings {
            bag.report(warning.id, warning.arguments, at: SourceRange(warning.location))
        }
        for (position, index) in range.enumerated() {
            out[index].bytes = scanner.lines[position]
            // A line the scanner left as it was needs no stage to map back through.
            if !scanner.stages[position].isEmpty { out[index].stages.append(scanner.stages[position]) }
        }
    }

    /// The original bytes from one location through another, lines joined by newlines.
    static func text(in lines: [ArraySlice<UInt8>], from start: SourceLocation, through end: SourceLocation) -> String {
        guard start.line >= 1, end.line <= lines.count, start <= end else { return "" }
        var bytes: [UInt8] = []
        for number in start.line...end.line {
            let line = lines[number - 1]
            let from = number == start.line ? min(start.column - 1, line.count) : 0
            let to = number == end.line ? min(end.column, line.count) : line.count
            if number > start.line { bytes.append(0x0A) }
            if from < to { bytes += line[(line.startIndex + from)..<(line.startIndex + to)] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
