/// One element of a language definition file: the small subset of XML those files use
/// (elements, attributes, text, comments, CDATA, character references), read without
/// libxml2 so the binary carries no runtime dependency for it.
struct XMLTree {
    /// The element's tag name.
    var name: String
    /// Attribute values by name, entities resolved.
    var attributes: [String: String] = [:]
    /// Child elements in document order.
    var children: [XMLTree] = []
    /// The element's own text (not its children's), entities resolved.
    var text = ""

    /// The first child element with the given name.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child element with the given name.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// Reads a document; nil when it is not well formed enough to use.
    static func parse(_ source: String) -> XMLTree? {
        var reader = XMLReader(bytes: Array(source.utf8))
        return reader.document()
    }
}

private struct XMLReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> XMLTree? {
        var stack: [XMLTree] = [XMLTree(name: "#document")]
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                stack[stack.count - 1].text += Self.resolveEntities(bytes[start..<index])
                continue
            }
            if starts(with: "<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts(with: "<![CDATA[") {
                index += 9
                let start = index
                guard skip(past: "]]>") else { return nil }
                stack[stack.count - 1].text += String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
            } else if starts(with: "<?") || starts(with: "<!") {
                guard skip(past: ">") else { return nil }
            } else if starts(with: "</") {
                guard skip(past: ">"), stack.count > 1 else { return nil }
                let element = stack.removeLast()
                stack[stack.count - 1].children.append(element)
            } else {
                guard let (element, selfClosing) = openTag() else { return nil }
                if selfClosing {
                    stack[stack.count - 1].children.append(element)
                } else {
                    stack.append(element)
                }
            }
        }
        guard stack.count == 1 else { return nil }
        return stack[0].children.first
    }

    private mutating func openTag() -> (XMLTree, Bool)? {
        index += 1
        var element = XMLTree(name: name())
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { index += 1; return (element, false) }
            if starts(with: "/>") { index += 2; return (element, true) }
            let attribute = name()
            guard !attribute.isEmpty else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                return nil
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { return nil }
            element.attributes[attribute] = Self.resolveEntities(bytes[start..<index])
            index += 1
        }
    }

    private mutating func name() -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte <= 0x20 { break }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] <= 0x20 { index += 1 }
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] }
        }
    }

    private mutating func skip(past literal: StaticString) -> Bool {
        while index < bytes.count {
            if starts(with: literal) {
                index += literal.utf8CodeUnitCount
                return true
            }
            index += 1
        }
        return false
    }

    private static func resolveEntities(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var result = ""
        var rest = String(decoding: slice, as: UTF8.self)[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"),
                  rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                let digits = entity.dropFirst(hex ? 2 : 1)
                if entity.hasPrefix("#"), let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
