/// Rewrites one run of paragraph lines so cmark cannot misread Pandoc inline syntax:
/// math, attribute lists, sub/superscript delimiters and raw TeX become tokens.
struct InlineScanner {
    let buffer: [UInt8]
    /// Offset of each line's first byte in `buffer`.
    let starts: [Int]
    var lines: [[UInt8]]
    var stages: [[LineEdit]]
    var current = 0
    var pendingCloses: [Int: [UInt8]] = [:]
    /// Lines of the run that are pipe-table rows.
    var tableRows: Set<Int> = []
    /// Matching closers, computed on first use (see `InlineScanner+Groups.swift`).
    var groups: GroupIndex?
    var nextParen = NextByte(0x29)
    var nextBracket = NextByte(0x5D)
    /// Tokens created by this run; their indices start at `tokenBase`.
    var tokens: [Token] = []
    var warnings: [(id: String, arguments: [String: String], location: SourceLocation)] = []
    let tokenBase: Int
    /// Maps a line of the run and a byte offset in it to the author's file.
    let locate: (Int, Int) -> SourceLocation
    /// The author's text between two locations, both included.
    let original: (SourceLocation, SourceLocation) -> String

    init(lines input: [[UInt8]], tokenBase: Int, locate: @escaping (Int, Int) -> SourceLocation,
         original: @escaping (SourceLocation, SourceLocation) -> String) {
        self.tokenBase = tokenBase
        self.original = original
        self.locate = locate
        var buffer: [UInt8] = []
        var starts: [Int] = []
        for line in input {
            starts.append(buffer.count)
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        }
        self.buffer = buffer
        self.starts = starts
        self.lines = Array(repeating: [], count: input.count)
        self.stages = Array(repeating: [], count: input.count)
    }

    func line(of offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The end of the line containing `offset` (the offset of its newline).
    func lineEnd(_ line: Int) -> Int {
        line + 1 < starts.count ? starts[line + 1] - 1 : buffer.count - 1
    }

    mutating func copy(_ range: Range<Int>) {
        var start = range.lowerBound
        while start < range.upperBound {
            guard let newline = buffer[start..<range.upperBound].firstIndex(of: 0x0A) else {
                lines[current].append(contentsOf: buffer[start..<range.upperBound])
                return
            }
            lines[current].append(contentsOf: buffer[start..<newline])
            current = min(current + 1, lines.count - 1)
            start = newline + 1
        }
    }

    /// Replaces `range` with `first`; when it spans lines, covered lines become filler and the
    /// last line starts with filler and `last`.
    mutating func replace(_ range: Range<Int>, first: [UInt8], last: [UInt8] = []) {
        let startLine = line(of: range.lowerBound)
        let endLine = line(of: max(range.lowerBound, range.upperBound - 1))
        current = startLine
        if startLine == endLine {
            stages[startLine].append(LineEdit(newStart: lines[startLine].count, newLength: first.count + last.count,
                                              oldStart: range.lowerBound - starts[startLine], oldLength: range.count))
            lines[startLine].append(contentsOf: first + last)
            return
        }
        stages[startLine].append(LineEdit(newStart: lines[startLine].count, newLength: first.count,
                                          oldStart: range.lowerBound - starts[startLine],
                                          oldLength: lineEnd(startLine) - range.lowerBound))
        lines[startLine].append(contentsOf: first)
        for middle in (startLine + 1)..<endLine {
            stages[middle].append(LineEdit(newStart: 0, newLength: Marker.filler.count, oldStart: 0,
                                           oldLength: lineEnd(middle) - starts[middle]))
            lines[middle] = Marker.filler
        }
        stages[endLine].append(LineEdit(newStart: 0, newLength: Marker.filler.count + last.count, oldStart: 0,
                                        oldLength: range.upperBound - starts[endLine]))
        lines[endLine] = Marker.filler + last
        current = endLine
    }

    func location(_ offset: Int) -> SourceLocation {
        let line = line(of: offset)
        return locate(line, offset - starts[line])
    }

    mutating func token(_ kind: Token.Kind, at range: Range<Int>) -> [UInt8] {
        tokens.append(Token(kind: kind, range: SourceRange(start: location(range.lowerBound),
                                                           end: location(max(range.lowerBound, range.upperBound - 1))),
                            original: text(range)))
        return Marker.inline(tokenBase + tokens.count - 1)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: buffer[range], as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
