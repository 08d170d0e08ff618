/// Reads the front matter most lessons have, a flat mapping of plain one-line values and lists
/// of them, without libyaml: a lesson's YAML is a handful of lines, and setting up a libyaml
/// parser and composing its nodes cost more than the rest of reading them. Anything else
/// (quotes, comments, flow collections, nesting, anchors, tags, block scalars, values over
/// several lines, duplicate keys) is left to libyaml by answering nil, so the values and their
/// places are exactly libyaml's.
enum YAMLShortcut {
    /// The mapping `text` holds, or nil when it is not of the simple kind. `firstLine` and
    /// `columns` place values in the file as `YAMLLoader` does.
    static func read(_ text: String, firstLine: Int, columns: inout ByteColumns) -> YAMLValue? {
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        var pairs: [YAMLPair] = []
        var keys: Set<String> = []
        var lineNumber = firstLine - 1
        func place(_ column: Int) -> (line: Int, column: Int) {
            (lineNumber, columns.byteColumn(line: lineNumber, scalarColumn: column))
        }
        var mapping: (line: Int, column: Int)?
        while let line = lines.popFirst() {
            lineNumber += 1
            if line.isEmpty { continue }
            guard let colon = keyEnd(line) else { return nil }
            let key = String(decoding: line[..<colon], as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let keyPlace = place(1)
            if mapping == nil { mapping = keyPlace }
            let rest = line[line.index(after: colon)...]
            let value: YAMLValue
            if rest.allSatisfy({ $0 == 0x20 }) {
                // Nothing after the colon: a list must follow, one `- item` per line.
                var items: [YAMLValue] = []
                var listPlace: (line: Int, column: Int)?
                var indent: Int?
                while let next = lines.first, let dash = next.firstIndex(where: { $0 != 0x20 }), next[dash] == UInt8(ascii: "-") {
                    let offset = next.distance(from: next.startIndex, to: dash)
                    guard indent == nil || indent == offset else { return nil }
                    indent = offset
                    lines.removeFirst()
                    lineNumber += 1
                    let afterDash = next[next.index(after: dash)...]
                    guard afterDash.first == 0x20, let item = scalar(afterDash, line: next, place: place) else { return nil }
                    if listPlace == nil { listPlace = place(offset + 1) }
                    items.append(item)
                }
                guard let listPlace else { return nil }
                value = .sequence(items, line: listPlace.line, column: listPlace.column)
            } else {
                guard rest.first == 0x20, let item = scalar(rest, line: line, place: place) else { return nil }
                value = item
            }
            pairs.append(YAMLPair(key: key, value: value, line: keyPlace.line, column: keyPlace.column))
        }
        guard let mapping else { return nil }
        return .mapping(pairs, line: mapping.line, column: mapping.column)
    }

    /// The index of the colon after a key of letters, digits, `_` and `-` at the line's start.
    private static func keyEnd(_ line: Substring.UTF8View) -> Substring.UTF8View.Index? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        guard let colon = line.firstIndex(where: { !(isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")) }),
              line[colon] == UInt8(ascii: ":"),
              // libyaml looks no further than 1024 characters for the colon of a key.
              line.distance(from: line.startIndex, to: colon) < 1000 else { return nil }
        return colon
    }

    /// A plain scalar after the spaces that start `text`, trailing spaces dropped; nil for
    /// anything libyaml could read otherwise.
    private static func scalar(_ text: Substring.UTF8View, line: Substring.UTF8View,
                               place: (Int) -> (line: Int, column: Int)) -> YAMLValue? {
        guard let start = text.firstIndex(where: { $0 != 0x20 }),
              let last = text.lastIndex(where: { $0 != 0x20 }) else { return nil }
        let value = text[start...last]
        guard let first = value.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) else { return nil }
        var previous: UInt8 = 0
        for byte in value {
            // Controls and tabs; a colon before a space ends a key; a space before `#` starts a comment.
            if byte < 0x20 || byte == 0x7F { return nil }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return nil }
            if previous == 0x20 && byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        if previous == UInt8(ascii: ":") { return nil }
        let string = String(decoding: value, as: UTF8.self)
        if value.contains(where: { $0 >= 0x80 }) {
            // libyaml refuses some characters and breaks lines at others.
            for scalar in string.unicodeScalars where scalar.value >= 0x80 {
                switch scalar.value {
                case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return nil
                default: continue
                }
            }
        }
        let at = place(line.distance(from: line.startIndex, to: start) + 1)
        if ["~", "null", "Null", "NULL"].contains(string) { return .null(line: at.line, column: at.column) }
        return .scalar(string, line: at.line, column: at.column)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
