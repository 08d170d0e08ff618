/// Pandoc line blocks (`| ` lines), rewritten as hard-broken lines inside a synthetic fence.
extension PrePass {
    private func isLineBlockLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == 0x7C else { return false }
        return line.count == 1 || line[line.startIndex + 1] == 0x20
    }

    mutating func handleLineBlock(_ index: Int, _ bytes: [UInt8]) -> Int? {
        let first = lines[index]
        guard definition == nil, bytes.count == first.count, isLineBlockLine(first) else { return nil }
        if index + 1 < lines.count, isTableDelimiterRow(lines[index + 1]) { return nil }
        var end = index + 1
        while end < lines.count, !isBlank(lines[end]),
              isLineBlockLine(lines[end]) || lines[end].first == 0x20 {
            end += 1
        }
        let fence = addFence(.lineBlock, line: index + 1)
        emitMarker("F", fence, origin: index + 1, indent: 0)
        for lineIndex in index..<end {
            let line = lines[lineIndex]
            let isContinuation = !isLineBlockLine(line)
            let endsLogicalLine = lineIndex + 1 == end || isLineBlockLine(lines[lineIndex + 1])
            var output: OutLine
            if isContinuation {
                let strip = indentation(line).bytes
                output = OutLine(bytes: Array(line.dropFirst(strip)), origin: lineIndex + 1,
                                 stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: strip)]])
            } else {
                let prefix = min(2, line.count)
                let body = line.dropFirst(prefix)
                let spaces = body.prefix(while: { $0 == 0x20 }).count
                let nbsp: [UInt8] = Array(String(repeating: "\u{A0}", count: spaces).utf8)
                var content = nbsp + Array(body.dropFirst(spaces))
                var stage = [LineEdit(newStart: 0, newLength: nbsp.count, oldStart: prefix, oldLength: spaces)]
                if content.isEmpty {
                    let location = SourceLocation(line: lineIndex + 1, column: 1)
                    content = addToken(.drop, range: SourceRange(location), original: "|")
                    stage = [LineEdit(newStart: 0, newLength: content.count, oldStart: 0, oldLength: line.count)]
                }
                output = OutLine(bytes: content, origin: lineIndex + 1, stages: [stage])
            }
            if endsLogicalLine, lineIndex + 1 < end { output.bytes.append(0x5C) }
            output.scannable = true
            out.append(output)
        }
        emitMarker("C", fence, origin: end, indent: 0)
        return end
    }
}
