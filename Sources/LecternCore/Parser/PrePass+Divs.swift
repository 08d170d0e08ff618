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
            case nil where isInParagraph:
                // With no div open, pandoc reads the line as text of the paragraph.
                bag.report("div.stray-text",
                          at: SourceRange(line: origin, column: column, endColumn: column + colons - 1))
                continueParagraph(OutLine(bytes: bytes, origin: origin, stages: stages))
            case nil:
                bag.report("div.stray-close",
                          at: SourceRange(line: origin, column: column, endColumn: column + colons - 1))
                emitMarker("X", 0, origin: origin, indent: 0, indentBytes: indent)
            }
            return index + 1
        }

        let range = SourceRange(line: origin, column: column, endColumn: col(bytes.count))
        if isInParagraph {
            bag.report("div.interrupts-paragraph", at: range)
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
                bag.report("div.too-deep", ["divs": "fenced divs", "limit": String(Self.maximumFenceDepth), "outcome": "fences are ignored"],
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

    /// `> ::: {.x}`: a div inside a block quote, its markers behind the quote's `>`. A div
    /// still open when the quote ends closes with it, as in pandoc.
    mutating func handleQuotedDivFence(_ index: Int, _ bytes: [UInt8], prefix: Int) -> Int? {
        var start = prefix
        while start < bytes.count, start - prefix < 3, bytes[start] == 0x20 { start += 1 }
        guard bytes[start...].starts(with: [0x3A, 0x3A, 0x3A]) else { return nil }
        let depth = fenceStack.count
        let next = handleDivFence(index, bytes, indentBytes: start, stages: [])
        if fenceStack.count > depth, case .open(let fence)? = fenceStack.last {
            quoteFences.append((fence, Array(bytes[..<prefix])))
        } else if fenceStack.count < depth, let last = quoteFences.last,
                  !fenceStack.contains(where: { if case .open(last.fence) = $0 { return true }; return false }) {
            quoteFences.removeLast()
        }
        previous = .blockQuote
        return next
    }

    /// Closes the divs opened inside a block quote that ends before line `index`.
    mutating func closeQuoteFences(at index: Int) {
        while let (fence, prefix) = quoteFences.popLast() {
            guard case .open(fence)? = fenceStack.last else { continue }
            fenceStack.removeLast()
            bag.report("div.closed-by-quote",
                      at: fences[fence].range)
            emitMarker("C", fence, origin: index, indent: 0, indentBytes: prefix)
        }
    }

    mutating func reportAttributeError(line: Int, column: Int, message: String) {
        bag.report("div.malformed-attributes", ["problem": message],
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
            guard line.bytes[candidate] == 0x7B else { continue }
            // Pandoc also takes `## Title{.c}`; only a list after a space is worth a warning.
            let spaced = candidate == start || [0x20, 0x09, 0x23].contains(line.bytes[candidate - 1])
            switch AttributeParser.parse(line.bytes, from: candidate) {
            case .success(let attributes, let parsedEnd) where parsedEnd == end:
                if let quote = AttributeParser.unclosedQuote(line.bytes, from: candidate, to: end) {
                    bag.report("attributes.malformed",
                               ["problem": "a quoted value is not closed; it is read up to the next space or '}', as pandoc reads it"],
                               at: SourceRange(originalLocation(line: line, offset: quote)))
                }
                let location = originalLocation(line: line, offset: candidate)
                let original = String(decoding: line.bytes[candidate..<end], as: UTF8.self)
                let token = addToken(.attributes(attributes), range: SourceRange(location), original: original)
                replace(&line, candidate..<end, with: token)
                return
            case .failure(let offset, let message) where spaced:
                lastFailure = (offset, message)
            default:
                continue
            }
        }
        if let failure = lastFailure {
            let location = originalLocation(line: line, offset: failure.offset)
            bag.report("attributes.malformed", ["problem": failure.message + "; the braces are kept as text"],
                        at: SourceRange(location))
        }
    }


    /// Pandoc's native_divs: a line that is only `<div …>` opens a div whose content is
    /// markdown, and a line that is only `</div>` closes it.
    mutating func handleHTMLDiv(_ index: Int, _ bytes: [UInt8], indentBytes: Int) -> Int? {
        guard indentBytes < bytes.count, bytes[indentBytes] == 0x3C else { return nil }
        let text = String(String(decoding: bytes[indentBytes...], as: UTF8.self).trimmingASCIISpace())
        let origin = index + 1
        if text.lowercased() == "</div>" {
            if rawHTMLDivs > 0 {
                rawHTMLDivs -= 1
                return nil
            }
            guard case .open(let fence)? = fenceStack.last, fences[fence].isHTML else { return nil }
            fenceStack.removeLast()
            fences[fence].closeRange = SourceRange(line: origin, column: indentBytes + 1)
            emitMarker("C", fence, origin: origin, indent: 0, indentBytes: Array(bytes[0..<indentBytes]))
            return index + 1
        }
        guard text.lowercased().hasPrefix("<div"), text.hasSuffix(">"), !text.hasSuffix("/>"),
              let attributes = Self.htmlAttributes(String(text.dropFirst(4).dropLast())) else { return nil }
        if fenceStack.count >= Self.maximumFenceDepth || rawHTMLDivs > 0 {
            // Past the limit the line stays raw HTML, as it would without native divs.
            if rawHTMLDivs == 0 {
                bag.report("div.too-deep", ["divs": "divs", "limit": String(Self.maximumFenceDepth), "outcome": "<div> lines are kept as raw HTML"],
                           at: SourceRange(line: origin, column: indentBytes + 1))
            }
            rawHTMLDivs += 1
            return nil
        }
        let fence = addFence(.div, attributes, line: origin, column: indentBytes + 1, original: String(decoding: bytes, as: UTF8.self))
        fences[fence].isHTML = true
        fenceStack.append(.open(fence))
        emitMarker("F", fence, origin: origin, indent: 0, indentBytes: Array(bytes[0..<indentBytes]))
        return index + 1
    }

    /// ` id="a" class="b c" data-x='y'` as attributes; nil when it is not a plain attribute list.
    static func htmlAttributes(_ text: String) -> Attributes? {
        var attributes = Attributes()
        var rest = Substring(text)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            if rest.isEmpty { return attributes }
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" })
            guard !name.isEmpty else { return nil }
            rest = rest.dropFirst(name.count)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    guard let end = rest.dropFirst().firstIndex(of: quote) else { return nil }
                    value = String(rest[rest.index(after: rest.startIndex)..<end])
                    rest = rest[rest.index(after: end)...]
                } else {
                    let unquoted = rest.prefix(while: { $0 != " " && $0 != "\t" })
                    value = String(unquoted)
                    rest = rest.dropFirst(unquoted.count)
                }
            }
            switch name.lowercased() {
            case "id": attributes.id = value
            case "class": attributes.classes += value.split(separator: " ").map(String.init)
            default: attributes.pairs.append((key: String(name), value: value))
            }
        }
    }
}
