/// List markers, including Pandoc's fancy ones that cmark does not know.
extension PrePass {
    struct ListMarker {
        /// Offset of the marker's first byte.
        var start: Int
        /// Offset just past the marker.
        var end: Int
        /// Offset of the byte to escape so the line is not a list item.
        var delimiter: Int
        /// Column where the item's content starts.
        var contentIndent: Int
        /// nil for markers cmark reads itself; otherwise the style and value to record.
        var numbering: ListStyle.Numbering?
        var value: Int
        /// `1.` is 0, `1)` is 1, `(1)` is 2: a change of form starts a new list.
        var form = 0
        /// The marker's text without delimiters.
        var body = ""
    }

    /// Recognises `-`, `1.`, `a)`, `(iv)`, `#.` and friends at `start`.
    func listMarker(_ bytes: [UInt8], at start: Int) -> ListMarker? {
        guard start < bytes.count else { return nil }
        var index = start
        let first = bytes[index]
        var numbering: ListStyle.Numbering?
        var value = 1
        var delimiter = start
        var form = 0
        var body = ""
        if first == 0x2D || first == 0x2A || first == 0x2B {
            index += 1
        } else {
            let paren = first == 0x28
            if paren { index += 1 }
            if paren, index < bytes.count, bytes[index] == 0x40 {
                // `(@)` or `(@label)`: an example list item.
                let labelStart = index + 1
                index = labelStart
                while index < bytes.count, isASCIILetterOrDigit(bytes[index]) || bytes[index] == 0x5F || bytes[index] == 0x2D { index += 1 }
                guard index < bytes.count, bytes[index] == 0x29, index + 1 == bytes.count || [0x20, 0x09].contains(bytes[index + 1]) else {
                    return nil
                }
                let label = String(decoding: bytes[labelStart..<index], as: UTF8.self)
                var spaces = 0, content = index + 1
                while content < bytes.count, bytes[content] == 0x20, spaces < 5 { content += 1; spaces += 1 }
                let markerWidth = indentation(bytes).width + (index + 1 - start)
                return ListMarker(start: start, end: index + 1, delimiter: index, contentIndent: spaces == 0 || spaces > 4 || content == bytes.count
                                    ? markerWidth + 1 : markerWidth + spaces,
                                  numbering: .example, value: 0, form: 2, body: "@" + label)
            }
            let bodyStart = index
            while index < bytes.count, isASCIILetterOrDigit(bytes[index]) || bytes[index] == 0x23 { index += 1 }
            body = String(decoding: bytes[bodyStart..<index], as: UTF8.self)
            guard !body.isEmpty, index < bytes.count else { return nil }
            let close = bytes[index]
            form = paren ? 2 : close == 0x29 ? 1 : 0
            if paren ? close != 0x29 : (close != 0x2E && close != 0x29) { return nil }
            delimiter = index
            index += 1
            guard let parsed = Self.parseOrdinal(body) else { return nil }
            (numbering, value) = parsed
            if numbering == .decimal, !paren { numbering = nil }
            if numbering == .upperAlpha || (numbering == .upperRoman && body.count == 1), close == 0x2E {
                guard index + 1 < bytes.count, bytes[index] == 0x20, bytes[index + 1] == 0x20 else { return nil }
            }
        }
        guard index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        let end = index
        var spaces = 0
        while index < bytes.count, bytes[index] == 0x20, spaces < 5 { index += 1; spaces += 1 }
        let markerWidth = indentation(bytes).width + (end - start)
        let contentIndent = spaces == 0 || spaces > 4 || index == bytes.count ? markerWidth + 1 : markerWidth + spaces
        return ListMarker(start: start, end: end, delimiter: delimiter, contentIndent: contentIndent,
                          numbering: numbering, value: value, form: form, body: body)
    }

    private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Pandoc's order: decimal, `#`, `i`/`I` as roman, single letters, then roman numerals.
    static func parseOrdinal(_ body: String) -> (ListStyle.Numbering, Int)? {
        if body == "#" { return (.defaultStyle, 1) }
        if body.count <= 9, let number = Int(body) { return (.decimal, number) }
        guard body.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if body == "i" { return (.lowerRoman, 1) }
        if body == "I" { return (.upperRoman, 1) }
        if body.count == 1, let scalar = body.unicodeScalars.first {
            let isLower = body == body.lowercased()
            let base: UInt32 = isLower ? 0x61 : 0x41
            return (isLower ? .lowerAlpha : .upperAlpha, Int(scalar.value - base) + 1)
        }
        guard let number = romanValue(body.lowercased()) else { return nil }
        return (body == body.lowercased() ? .lowerRoman : .upperRoman, number)
    }

    static func romanValue(_ text: String) -> Int? {
        var total = 0, previous = 0
        for byte in text.utf8.reversed() {
            let value: Int
            switch byte {
            case UInt8(ascii: "i"): value = 1
            case UInt8(ascii: "v"): value = 5
            case UInt8(ascii: "x"): value = 10
            case UInt8(ascii: "l"): value = 50
            case UInt8(ascii: "c"): value = 100
            case UInt8(ascii: "d"): value = 500
            case UInt8(ascii: "m"): value = 1000
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 && total < 4000 ? total : nil
    }

    /// Rewrites a fancy marker as a zero-padded decimal of the same width cmark understands.
    mutating func rewriteFancyMarker(_ line: inout OutLine, _ marker: ListMarker, numbering: ListStyle.Numbering) {
        var marker = marker
        if numbering == .example {
            exampleCount += 1
            marker.value = exampleCount
            if marker.body.count > 1 { exampleLabels[String(marker.body.dropFirst())] = exampleCount }
        }
        let width = marker.end - marker.start
        let delimiter = line.bytes[marker.end - 1] == 0x29 ? UInt8(0x29) : UInt8(0x2E)
        var replacement = [UInt8](repeating: 0x30, count: width - 1) + [delimiter]
        replacement[width - 2] = 0x31
        line.bytes.replaceSubrange(marker.start..<marker.end, with: replacement)
        listNumbering[line.origin] = ListStyle(start: marker.value, numbering: numbering)
    }

    /// cmark continues a list across a change of numbering style; Pandoc starts a new one.
    /// Switching the delimiter between `.` and `)` makes cmark split the list too.
    mutating func separateListStyles(_ line: inout OutLine, _ marker: ListMarker, column: Int) {
        orderedLists = orderedLists.filter { $0.key <= column }
        let first = line.bytes[marker.start]
        guard first != 0x2D, first != 0x2A, first != 0x2B else {
            orderedLists[column] = nil
            return
        }
        let numbering = marker.numbering ?? .decimal
        var delimiter = line.bytes[marker.end - 1]
        if let open = orderedLists[column] {
            if open.numbering == numbering, open.form == marker.form {
                delimiter = open.delimiter
            } else if open.delimiter == delimiter {
                delimiter = delimiter == 0x2E ? 0x29 : 0x2E
            }
        }
        line.bytes[marker.end - 1] = delimiter
        orderedLists[column] = (numbering, marker.form, delimiter)
    }

    /// Inside a roman list, `v.` and `x.` are numerals, not letters, as Pandoc reads them.
    func continuingOpenList(_ marker: ListMarker, column: Int) -> ListMarker {
        guard let open = orderedLists[column], open.form == marker.form,
              let value = Self.romanValue(marker.body.lowercased()) else { return marker }
        var marker = marker
        if open.numbering == .lowerRoman, marker.numbering == .lowerAlpha { marker.numbering = .lowerRoman; marker.value = value }
        if open.numbering == .upperRoman, marker.numbering == .upperAlpha { marker.numbering = .upperRoman; marker.value = value }
        return marker
    }
}
