/// Fenced divs (`:::`) and trailing heading attributes.
extension PrePass {
    /// What an open fence on the stack stands for.
    enum FenceSlot {
        /// A real div, by index into `fences`.
        case open(Int)
        /// An opener that could not interrupt a paragraph: its closer is text too.
        case rejected
        /// An opener past the depth limit: its closer is dropped.
        case dropped
    }

    mutating func handleDivFence(_ index: Int, _ bytes: [UInt8], indentBytes: Int, stages: [[LineEdit]]) -> Int {
        let origin = index + 1
        let colons = run(of: 0x3A, in: bytes, from: indentBytes)
        var restStart = indentBytes + colons
        while restStart < bytes.count, bytes[restStart] == 0x20 || bytes[restStart] == 0x09 { restStart += 1 }
        var restEnd = bytes.count
        while restEnd > restStart, [0x20, 0x09, 0x3A].contains(bytes[restEnd - 1]) { restEnd -= 1 }
        let indent = Array(bytes[0..<indentBytes])
        let probe = OutLine(bytes: bytes, origin: origin, stages: stages)
        func col(_ offset: Int) -> Int { originalLocation(line: probe, offset: offset).column }
        let column = col(indentBytes)

        if restStart >= restEnd {
            if definition != nil { closeDefinition(at: index) }
            switch fenceStack.popLast() {
            case .open(let fence)?:
                fences[fence].closeRange = SourceRange(line: origin, column: column, endColumn: column + colons - 1)
                emitMarker("C", fence, origin: origin, indent: 0, indentBytes: indent)
            case .rejected?:
                continueParagraph(OutLine(bytes: bytes, origin: origin, stages: stages))
            case .dropped?:
                emitMarker("X", 0, origin: origin, indent: 0, indentBytes: indent)
            case nil:
                bag.error("div.stray-close", "closing ':::' has no fenced div to close",
                          at: SourceRange(line: origin, column: column, endColumn: column + colons - 1))
                emitMarker("X", 0, origin: origin, indent: 0, indentBytes: indent)
            }
            return index + 1
        }

        let range = SourceRange(line: origin, column: column, endColumn: col(bytes.count))
        if isInParagraph {
            bag.warning("div.interrupts-paragraph",
                        "a fenced div cannot start inside a paragraph; add a blank line before it", at: range)
            fenceStack.append(.rejected)
            continueParagraph(OutLine(bytes: bytes, origin: origin, stages: stages))
            return index + 1
        }
        var attributes = Attributes()
        let rest = Array(bytes[restStart..<restEnd])
        if rest.first == 0x7B {
            switch AttributeParser.parse(rest, from: 0) {
            case .success(let parsed, let end) where end == rest.count:
                attributes = parsed
            case .success(_, let end):
                reportAttributeError(line: origin, column: col(restStart + end),
                                     message: "unexpected text after the attribute list")
            case .raw:
                reportAttributeError(line: origin, column: col(restStart),
                                     message: "a fenced div cannot be a raw block")
            case .failure(let offset, let message):
                reportAttributeError(line: origin, column: col(restStart + offset),
                                     message: message)
            }
        } else if rest.allSatisfy(AttributeParser.isNameByte) {
            attributes.classes = [String(decoding: rest, as: UTF8.self)]
        } else {
            let bad = rest.firstIndex(where: { !AttributeParser.isNameByte($0) }) ?? 0
            reportAttributeError(line: origin, column: col(restStart + bad),
                                 message: "a fence takes one class name or an attribute list in braces, such as '::: {.note}'")
        }
        if fenceStack.count >= Self.maximumFenceDepth {
            if !fenceStack.contains(where: { if case .dropped = $0 { return true }; return false }) {
                bag.error("div.too-deep", "fenced divs are nested more than \(Self.maximumFenceDepth) deep; deeper fences are ignored",
                          at: range)
            }
            fenceStack.append(.dropped)
            emitMarker("X", 0, origin: origin, indent: 0, indentBytes: indent)
            return index + 1
        }
        let fence = addFence(.div, attributes, line: origin, column: column, endColumn: range.end.column,
                             original: String(decoding: bytes, as: UTF8.self))
        fenceStack.append(.open(fence))
        emitMarker("F", fence, origin: origin, indent: 0, indentBytes: indent)
        return index + 1
    }

    mutating func reportAttributeError(line: Int, column: Int, message: String) {
        bag.error("attributes.malformed", "malformed attribute list: \(message)",
                  at: SourceRange(line: line, column: column))
    }

    /// Replaces a trailing `{#id .class}` on a heading line with a token.
    mutating func tokenizeTrailingAttributes(_ line: inout OutLine, from start: Int) {
        var end = line.bytes.count
        while end > start, line.bytes[end - 1] == 0x20 || line.bytes[end - 1] == 0x09 { end -= 1 }
        guard end > start, line.bytes[end - 1] == 0x7D else { return }
        var lastFailure: (offset: Int, message: String)?
        var candidate = start
        while candidate < end {
            defer { candidate += 1 }
            guard line.bytes[candidate] == 0x7B,
                  candidate == start || [0x20, 0x09, 0x23].contains(line.bytes[candidate - 1]) else { continue }
            switch AttributeParser.parse(line.bytes, from: candidate) {
            case .success(let attributes, let parsedEnd) where parsedEnd == end:
                let location = originalLocation(line: line, offset: candidate)
                let original = String(decoding: line.bytes[candidate..<end], as: UTF8.self)
                let token = addToken(.attributes(attributes), range: SourceRange(location), original: original)
                replace(&line, candidate..<end, with: token)
                return
            case .failure(let offset, let message):
                lastFailure = (offset, message)
            default:
                continue
            }
        }
        if let failure = lastFailure {
            let location = originalLocation(line: line, offset: failure.offset)
            bag.warning("attributes.malformed", "malformed attribute list: \(failure.message); the braces are kept as text",
                        at: SourceRange(location))
        }
    }

}
