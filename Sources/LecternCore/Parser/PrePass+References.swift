/// Attributes on reference definitions (`[a]: url "title" {.class}`, also on the next line):
/// cmark does not know them, so they leave the line and a token after the destination carries
/// them to every link the definition resolves.
extension PrePass {
    mutating func handleReferenceAttributes(_ index: Int, _ bytes: [UInt8], indentBytes: Int) -> Int? {
        guard let destination = referenceDestination(bytes, from: indentBytes) else { return nil }
        var end = destination.upperBound
        // An optional title, then the attribute list, on this line or alone on the next.
        var cursor = end
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor < bytes.count, let close = titleEnd(bytes, from: cursor) {
            end = close
            cursor = close
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        }
        var attributeLine = index, attributeBytes = bytes, attributeStart = cursor
        if cursor == bytes.count, index + 1 < lines.count {
            let next = Array(lines[index + 1])
            let start = next.prefix(while: { $0 == 0x20 || $0 == 0x09 }).count
            guard start < next.count, next[start] == 0x7B else { return nil }
            (attributeLine, attributeBytes, attributeStart) = (index + 1, next, start)
        }
        guard attributeStart < attributeBytes.count, attributeBytes[attributeStart] == 0x7B,
              case .success(let attributes, let close) = AttributeParser.parse(attributeBytes, from: attributeStart),
              attributeBytes[close...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        let location = SourceRange(line: attributeLine + 1, column: attributeStart + 1)
        let marker = addToken(.referenceAttributes(attributes), range: location, original: "")
        var line = OutLine(bytes: Array(bytes[..<destination.upperBound]) + marker + Array(bytes[destination.upperBound..<end]),
                           origin: index + 1,
                           stages: [[LineEdit(newStart: destination.upperBound, newLength: marker.count,
                                              oldStart: destination.upperBound, oldLength: 0)]])
        line.scannable = false
        out.append(line)
        previous = .other
        return attributeLine + 1
    }

    /// Whether a line is a reference definition (a run of them is one block to cmark).
    func isReferenceDefinition(_ bytes: [UInt8]) -> Bool {
        referenceDestination(bytes, from: bytes.prefix(while: { $0 == 0x20 }).count) != nil
    }

    /// The byte range of the destination of a reference definition starting at `start`.
    private func referenceDestination(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start < bytes.count, bytes[start] == 0x5B, bytes.count > start + 1, bytes[start + 1] != 0x5E else { return nil }
        var index = start + 1
        while index < bytes.count, bytes[index] != 0x5D {
            if bytes[index] == 0x5B { return nil }
            index += bytes[index] == 0x5C ? 2 : 1
        }
        guard index + 1 < bytes.count, bytes[index] == 0x5D, bytes[index + 1] == 0x3A else { return nil }
        index += 2
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] != 0x7B else { return nil }
        let destinationStart = index
        if bytes[index] == 0x3C {
            guard let close = bytes[index...].firstIndex(of: 0x3E) else { return nil }
            return destinationStart..<(close + 1)
        }
        while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
        return destinationStart..<index
    }

    /// The offset just past a quoted or parenthesised title starting at `start`.
    private func titleEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let open = bytes[start]
        let close: UInt8
        switch open {
        case 0x22, 0x27: close = open
        case 0x28: close = 0x29
        default: return nil
        }
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == 0x5C { index += 2; continue }
            if bytes[index] == close { return index + 1 }
            index += 1
        }
        return nil
    }
}
