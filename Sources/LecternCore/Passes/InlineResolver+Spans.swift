import LecternText
extension InlineResolver {
    /// Attaches attributes to the link, image or code just before them, or makes a span of `[...]`.
    func attach(_ attributes: Attributes, to output: inout [Inline], range: SourceRange) -> Bool {
        guard let last = output.last else { return false }
        let whole = last.range.union(range)
        switch last.kind {
        case .link(let existing, let children, let target):
            // An autolink's class gives way; a reference definition's attributes are defaults.
            let autolink = existing == Attributes(classes: ["uri"]) || existing == Attributes(classes: ["email"])
            output[output.count - 1] = Inline(.link(autolink ? attributes : attributes.defaulting(to: existing), children, target), whole)
        case .image(let existing, let children, let target) where existing.isEmpty:
            output[output.count - 1] = Inline(.image(attributes, children, target), whole)
        case .code(let existing, let code) where existing.isEmpty:
            output[output.count - 1] = Inline(.code(attributes, code), whole)
        case .text(let text) where text.hasSuffix("]"):
            guard let (element, offset) = openingBracket(in: output) else { return false }
            var content = Array(output[element...])
            guard case .text(let first) = content[0].kind, case .text = content[content.count - 1].kind else { return false }
            let startRange = content[0].range
            let before = String(first[..<offset])
            content[0] = Inline(.text(String(first[first.index(after: offset)...])), startRange)
            if case .text(let end) = content[content.count - 1].kind {
                content[content.count - 1].kind = .text(String(end.dropLast()))
            }
            content.removeAll { if case .text("") = $0.kind { return true }; return false }
            output.removeSubrange(element...)
            if !before.isEmpty { output.append(Inline(.text(before), startRange)) }
            // The text node starts at a known column; the bracket sits `before` bytes further on.
            var spanRange = startRange.union(range)
            if startRange != .unknown {
                spanRange.start = SourceLocation(line: startRange.start.line, column: startRange.start.column + before.utf8.count)
            }
            output.append(Inline(.span(attributes, content), spanRange))
        default:
            return false
        }
        return true
    }

    /// The element and character of the `[` matching the `]` that ends `output`.
    private func openingBracket(in output: [Inline]) -> (Int, String.Index)? {
        var depth = 0
        for element in stride(from: output.count - 1, through: 0, by: -1) {
            guard case .text(let text) = output[element].kind else { continue }
            var index = text.endIndex
            while index > text.startIndex {
                index = text.index(before: index)
                if text[index] == "]" { depth += 1 }
                if text[index] == "[" {
                    depth -= 1
                    if depth == 0 { return (element, index) }
                }
            }
        }
        return nil
    }
}

/// Pandoc citations: `[@key]`, `[see @a, p. 4; @b]` and in-text `@key`.
enum Citations {
    static func resolve(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let text) = $0.kind { return text.containsByte(0x40) }; return false }) else {
            return inlines
        }
        var out: [Inline] = []
        for inline in inlines {
            guard case .text(let text) = inline.kind, text.containsByte(0x40) else { out.append(inline); continue }
            out += split(text, range: inline.range)
        }
        return out
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_:.#$%&-+?<>~/".contains(character)
    }

    /// The key starting at `index` (just after `@`), without trailing punctuation.
    private static func key(in text: String, at index: String.Index) -> Range<String.Index>? {
        guard index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "_" else { return nil }
        var end = index
        while end < text.endIndex, isKeyCharacter(text[end]) { end = text.index(after: end) }
        while end > index, let last = text[..<end].last, !(last.isLetter || last.isNumber || last == "_") {
            end = text.index(before: end)
        }
        return index..<end
    }

    private static func split(_ text: String, range: SourceRange) -> [Inline] {
        var out: [Inline] = []
        var plain = ""
        var index = text.startIndex
        func flush() { if !plain.isEmpty { out.append(Inline(.text(plain), range)); plain = "" } }
        // In ASCII every byte is a character, so the text up to the next `[` or `@` is taken
        // whole rather than character by character.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        while index < text.endIndex {
            if ascii {
                guard let next = text.utf8[index...].firstIndex(where: { $0 == 0x5B || $0 == 0x40 }) else {
                    plain += text[index...]
                    break
                }
                plain += text[index..<next]
                index = next
            }
            let character = text[index]
            if character == "[", let close = closingBracket(in: text, after: index) {
                let inner = text[text.index(after: index)..<close]
                let keys = bracketKeys(String(inner))
                if !keys.isEmpty {
                    flush()
                    let literal = String(text[index...close])
                    out.append(Inline(.cite(keys: keys, [Inline(.text(literal), range)]), range))
                    index = text.index(after: close)
                    continue
                }
            }
            if character == "@", index == text.startIndex || !(text[text.index(before: index)].isLetter || text[text.index(before: index)].isNumber),
               let keyRange = key(in: text, at: text.index(after: index)) {
                flush()
                var keys = [String(text[keyRange])]
                var end = keyRange.upperBound
                // `@a [p. 33; @b]`: an in-text citation with a locator and more keys is one citation.
                var bracket = end
                if bracket < text.endIndex, text[bracket] == " " { bracket = text.index(after: bracket) }
                if bracket < text.endIndex, text[bracket] == "[", let close = closingBracket(in: text, after: bracket) {
                    let parts = text[text.index(after: bracket)..<close].split(separator: ";", omittingEmptySubsequences: false)
                    let more = bracketKeys(parts.dropFirst().joined(separator: ";"))
                    if let locator = parts.first, !locator.contains("@"), parts.count == 1 || more.count == parts.count - 1 {
                        keys += more
                        end = text.index(after: close)
                    }
                }
                out.append(Inline(.cite(keys: keys, [Inline(.text(String(text[index..<end])), range)]), range))
                index = end
                continue
            }
            plain.append(character)
            index = text.index(after: index)
        }
        flush()
        return out
    }

    /// The `]` closing the bracket at `open` when no other `[` comes first: citation brackets
    /// do not nest, and stopping at the next bracket keeps the scan linear in the text.
    private static func closingBracket(in text: String, after open: String.Index) -> String.Index? {
        guard let next = text[text.index(after: open)...].firstIndex(where: { $0 == "[" || $0 == "]" }), text[next] == "]" else { return nil }
        return next
    }

    /// Keys of a bracketed citation: every `;`-separated part must hold one `@key`.
    private static func bracketKeys(_ inner: String) -> [String] {
        var keys: [String] = []
        for part in inner.split(separator: ";", omittingEmptySubsequences: false) {
            let part = String(part)
            guard let at = part.firstIndex(of: "@") else { return [] }
            if at > part.startIndex {
                let before = part[part.index(before: at)]
                guard before == " " || before == "-" || before == "\u{A0}" else { return [] }
            }
            guard let keyRange = key(in: part, at: part.index(after: at)) else { return [] }
            keys.append(String(part[keyRange]))
        }
        return keys
    }
}
