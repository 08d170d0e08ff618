/// Byte-level helpers on single lines.
extension PrePass {
    /// Indentation in columns (tabs to multiples of 4) and in bytes.
    func indentation<C: Collection>(_ line: C) -> (width: Int, bytes: Int) where C.Element == UInt8 {
        var width = 0, bytes = 0
        for byte in line {
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += 4 - width % 4 } else { break }
            bytes += 1
        }
        return (width, bytes)
    }

    func isBlank<C: Collection>(_ line: C) -> Bool where C.Element == UInt8 {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        trimmedTrailing(line.drop(while: { $0 == 0x20 || $0 == 0x09 }))
    }

    func trimmedTrailing(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        return line[line.startIndex..<end]
    }

    /// The length of the run of `byte` starting at `start`.
    func run(of byte: UInt8, in line: [UInt8], from start: Int) -> Int {
        var end = start
        while end < line.count, line[end] == byte { end += 1 }
        return end - start
    }

    func isCodeFenceClose(_ line: ArraySlice<UInt8>, _ fence: (byte: UInt8, count: Int)) -> Bool {
        let content = trimmed(line)
        return content.count >= fence.count && content.allSatisfy { $0 == fence.byte }
    }

    /// `-`, `*` or `_` three or more times with optional spaces: a thematic break.
    func isThematicBreak(_ content: ArraySlice<UInt8>) -> Bool {
        guard let first = content.first, first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        var count = 0
        for byte in content {
            if byte == first { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }

    /// A setext underline: `===` or `---` alone on the line.
    func isSetextUnderline(_ line: ArraySlice<UInt8>) -> Bool {
        let content = trimmed(line)
        guard indentation(line).width < 4, let first = content.first, first == 0x3D || first == 0x2D else { return false }
        return content.allSatisfy { $0 == first }
    }

    /// A GFM table delimiter row such as `|---|:--:|`.
    func isTableDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        let content = trimmed(line)
        guard content.contains(0x2D), content.contains(0x7C) || content.contains(0x3A) else { return false }
        return content.allSatisfy { [0x2D, 0x3A, 0x7C, 0x20, 0x09].contains($0) }
    }

    /// Start and end offsets of dash runs when the line is only dashes and spaces with two or more runs.
    func dashRuns(_ line: ArraySlice<UInt8>) -> [(start: Int, end: Int)]? {
        var runs: [(start: Int, end: Int)] = []
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == 0x2D {
                let start = index
                while index < line.endIndex, line[index] == 0x2D { index += 1 }
                runs.append((start - line.startIndex, index - line.startIndex))
            } else if byte == 0x20 {
                index += 1
            } else {
                return nil
            }
        }
        return runs.count >= 2 ? runs : nil
    }

    /// Appends a block marker line, keeping the fence's indentation so it lands in the same container.
    mutating func emitMarker(_ letter: Character, _ index: Int, origin: Int, indent: Int, indentBytes: [UInt8] = []) {
        // A blank line first ends any raw HTML block, which would otherwise swallow a closing marker.
        if letter == "C", let last = out.last, last.bytes.drop(while: { $0 == 0x20 || $0 == 0x09 }).first == 0x3C,
           Marker.parseBlock(String(decoding: last.bytes, as: UTF8.self)) == nil {
            out.append(OutLine(bytes: [], origin: origin))
        }
        let lead = indentBytes.isEmpty ? [UInt8](repeating: 0x20, count: min(indent, 3)) : indentBytes
        out.append(OutLine(bytes: lead + Marker.block(letter, index), origin: origin))
        previous = .other
    }

    /// Adds a fence record and returns its index.
    mutating func addFence(_ kind: Fence.Kind, _ attributes: Attributes = .empty, line: Int, column: Int = 1,
                           endColumn: Int? = nil, original: String = "") -> Int {
        fences.append(Fence(kind: kind, attributes: attributes,
                            range: SourceRange(line: line, column: column, endColumn: endColumn),
                            original: original))
        return fences.count - 1
    }

    /// Adds a token record and returns the bytes that stand for it.
    mutating func addToken(_ kind: Token.Kind, range: SourceRange, original: String) -> [UInt8] {
        tokens.append(Token(kind: kind, range: range, original: original))
        return Marker.inline(tokens.count - 1)
    }

    /// The original location of a byte offset in a line, through all its edit stages.
    func originalLocation(line: OutLine, offset: Int) -> SourceLocation {
        var offset = offset
        for stage in line.stages.reversed() { offset = LineEdit.map(offset, through: stage) }
        return SourceLocation(line: line.origin, column: offset + 1)
    }

    /// Replaces bytes of a line, recording the change as a new edit stage.
    func replace(_ line: inout OutLine, _ range: Range<Int>, with bytes: [UInt8]) {
        line.bytes.replaceSubrange(range, with: bytes)
        line.stages.append([LineEdit(newStart: range.lowerBound, newLength: bytes.count,
                                     oldStart: range.lowerBound, oldLength: range.count)])
    }
}
