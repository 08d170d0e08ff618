/// Parses Pandoc attribute lists: `{#id .class key=value key="quoted value"}`.
public enum AttributeParser {
    /// The outcome of parsing an attribute list.
    public enum Result: Equatable, Sendable {
        /// Parsed attributes and the byte offset just past the closing brace.
        case success(Attributes, end: Int)
        /// A raw attribute `{=format}` and the offset past the brace.
        case raw(format: String, end: Int)
        /// Malformed: the byte offset of the problem and what is wrong.
        case failure(offset: Int, message: String)
    }

    /// Parses an attribute list starting at `bytes[start]`, which must be `{`.
    public static func parse(_ bytes: [UInt8], from start: Int) -> Result {
        var index = start + 1
        var attributes = Attributes()
        func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
            let nameStart = index + 1
            index = nameStart
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            skipSpaces()
            guard !name.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "}") else {
                return .failure(offset: index, message: "a raw attribute is '{=format}' with nothing else")
            }
            return .raw(format: name, end: index + 1)
        }
        while true {
            skipSpaces()
            guard index < bytes.count else {
                return .failure(offset: start, message: "attribute list is not closed with '}'")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "}"):
                return .success(attributes, end: index + 1)
            case UInt8(ascii: "#"), UInt8(ascii: "."):
                let nameStart = index + 1
                index = nameStart
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                guard index > nameStart else {
                    let what = byte == UInt8(ascii: "#") ? "identifier" : "class name"
                    return .failure(offset: nameStart, message: "expected an \(what) after '\(Character(UnicodeScalar(byte)))'")
                }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                if byte == UInt8(ascii: "#") { attributes.id = name } else { attributes.classes.append(name) }
            case UInt8(ascii: "-") where index + 1 < bytes.count && (bytes[index + 1] == 0x20 || bytes[index + 1] == UInt8(ascii: "}")):
                attributes.classes.append("unnumbered")
                index += 1
            default:
                guard isNameByte(byte) else {
                    return .failure(offset: index, message: "unexpected '\(printable(byte))' in attribute list")
                }
                let keyStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    return .failure(offset: keyStart, message: "'\(key)' needs a value ('\(key)=value'), or write '.\(key)' for a class")
                }
                index += 1
                let valueStart = index
                switch parseValue(bytes, &index) {
                case .some(let value): add(key, value, to: &attributes)
                case .none: return .failure(offset: valueStart, message: "the quoted value of '\(key)' is not closed")
                }
            }
            guard index < bytes.count else { continue }
            let next = bytes[index]
            if next != 0x20, next != 0x09, next != 0x0A, next != 0x0D, next != UInt8(ascii: "}") {
                return .failure(offset: index, message: "unexpected '\(printable(next))' in attribute list")
            }
        }
    }

    /// As pandoc: `class=` adds classes, `id=` names the element when nothing else did, and a
    /// repeated key keeps its first value.
    private static func add(_ key: String, _ value: String, to attributes: inout Attributes) {
        switch key {
        case "class":
            attributes.classes += value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        case "id" where attributes.id.isEmpty:
            attributes.id = value
        default:
            if attributes[key] == nil { attributes.pairs.append((key: key, value: value)) }
        }
    }

    private static func parseValue(_ bytes: [UInt8], _ index: inout Int) -> String? {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), closingQuote(bytes, from: index) != nil {
            var value: [UInt8] = []
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    value.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if byte == quote {
                    index += 1
                    return String(decoding: value, as: UTF8.self)
                }
                value.append(byte)
                index += 1
            }
            return nil
        }
        let valueStart = index
        while index < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "}")].contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[valueStart..<index], as: UTF8.self)
    }

    /// The offset of the quote closing the one at `start`, before the list's `}` ends.
    private static func closingQuote(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == 0x5C { index += 2; continue }
            if bytes[index] == bytes[start] { return index }
            index += 1
        }
        return nil
    }

    /// Where a value's opening quote has no closing one in the list from `start` to `end`
    /// (pandoc then reads the value unquoted, quote and all), for a warning.
    public static func unclosedQuote(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start, quote: (byte: UInt8, at: Int)?
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if byte == 0x5C { index += 2; continue }
                if byte == open.byte { quote = nil }
            } else if (byte == 0x22 || byte == 0x27), index > start, bytes[index - 1] == 0x3D {
                quote = (byte, index)
            }
            index += 1
        }
        return quote?.at
    }

    /// Letters, digits, `-`, `_`, `:`, `.` and any non-ASCII byte.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: ":"), UInt8(ascii: "."):
            return true
        default:
            return byte >= 0x80
        }
    }

    private static func printable(_ byte: UInt8) -> String {
        byte < 0x80 ? String(Character(UnicodeScalar(byte))) : "non-ASCII character"
    }

    /// Finds the `}` that closes the attribute list at `start`, respecting quotes.
    static func closingBrace(_ bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start + 1
        var quote: UInt8?
        while index < limit {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "}") {
                return index
            } else if byte == UInt8(ascii: "{") || byte == 0x0A {
                return nil
            }
            index += 1
        }
        return nil
    }
}
