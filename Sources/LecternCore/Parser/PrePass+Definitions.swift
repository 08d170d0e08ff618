/// Pandoc definition lists, rewritten as synthetic fences around ordinary markdown.
extension PrePass {
    /// The content column after a `:` or `~` definition marker, if the line starts with one.
    func definitionMarker(_ line: ArraySlice<UInt8>) -> Int? {
        let (width, count) = indentation(line)
        guard width <= 3 else { return nil }
        let content = line.dropFirst(count)
        guard let first = content.first, first == 0x3A || first == 0x7E,
              content.count > 1, [0x20, 0x09].contains(content[content.startIndex + 1]) else { return nil }
        let spaces = indentation(content.dropFirst()).bytes
        return count + 1 + spaces
    }

    /// Handles a line inside or starting a definition; nil when it is not part of one.
    mutating func handleDefinitionLine(_ index: Int) -> Int? {
        let line = lines[index]
        if let current = definition {
            let (width, count) = indentation(line)
            if width >= min(current.indent, 4) {
                let strip = min(count, dedentBytes(line, columns: min(current.indent, 4)))
                return classify(index, Array(line.dropFirst(strip)),
                                stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: strip)]])
            }
            if let contentStart = definitionMarker(line) {
                emitMarker("C", current.dd, origin: index + 1, indent: 0)
                let dd = addFence(.definition(tight: !current.sawBlank), line: index + 1)
                emitMarker("F", dd, origin: index + 1, indent: 0)
                definition = (dd, current.dl, contentStart, false)
                return classifyDefinitionContent(index, contentStart)
            }
            if !current.sawBlank {
                let content = line.dropFirst(count)
                let lowered = String(decoding: content.prefix(5), as: UTF8.self).lowercased()
                if lowered.hasPrefix("</div") || lowered.hasPrefix("<div") {
                    // A native div's line ends the definition list, as in pandoc.
                    closeDefinition(at: index)
                    return nil
                }
                guard previous == .paragraph, width < 4, isHTMLBlockStart(content) else { return nil }
                // A lazy line of a definition is its text, as pandoc reads it; raw HTML
                // starting there would otherwise swallow the definition's end.
                var text = OutLine(bytes: Array(line), origin: index + 1)
                escape(&text, at: count)
                continueParagraph(text)
                return index + 1
            }
            closeDefinition(at: index)
            return nil
        }
        guard let contentStart = definitionMarker(line), lastBlockWasTable == false else { return nil }
        let term: (start: Int, tight: Bool)
        if previous == .paragraph, paragraphLines == 1, listContentIndent == nil {
            term = (paragraphStart, true)
        } else if previous == .blank, let last = lastParagraph, last.lines == 1, last.kind == .paragraph,
                  listContentIndent == nil, last.start + 2 == out.count {
            term = (last.start, false)
        } else {
            return nil
        }
        let origin = out[term.start].origin
        var start = term.start
        let dl: Int
        if let closed = lastDefinitionListClose, closed.line < start, closed.line < out.count,
           out[(closed.line + 1)..<start].allSatisfy({ $0.bytes.isEmpty }) {
            // Only blank lines since the last list closed: pandoc reads one list, so that list
            // goes on (one list instead of one per term keeps long glossaries cheap).
            out.remove(at: closed.line)
            start -= 1
            dl = closed.fence
        } else {
            dl = addFence(.definitionList, line: origin)
            out.insert(OutLine(bytes: Marker.block("F", dl), origin: origin), at: start)
            start += 1
        }
        lastDefinitionListClose = nil
        let dt = addFence(.term, line: origin)
        out.insert(OutLine(bytes: Marker.block("F", dt), origin: origin), at: start)
        out.insert(OutLine(bytes: Marker.block("C", dt), origin: origin), at: start + 2)
        let dd = addFence(.definition(tight: term.tight), line: index + 1)
        emitMarker("F", dd, origin: index + 1, indent: 0)
        definition = (dd, dl, contentStart, false)
        return classifyDefinitionContent(index, contentStart)
    }

    private mutating func classifyDefinitionContent(_ index: Int, _ contentStart: Int) -> Int {
        previous = .other
        let line = lines[index]
        return classify(index, Array(line.dropFirst(contentStart)),
                        stages: [[LineEdit(newStart: 0, newLength: 0, oldStart: 0, oldLength: contentStart)]])
    }

    private func dedentBytes(_ line: ArraySlice<UInt8>, columns: Int) -> Int {
        var width = 0, bytes = 0
        for byte in line where width < columns {
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += 4 - width % 4 } else { break }
            bytes += 1
        }
        return bytes
    }

    /// Closes an open definition and its list before line `index`.
    mutating func closeDefinition(at index: Int) {
        guard let current = definition else { return }
        definition = nil
        emitMarker("C", current.dd, origin: max(index, 1), indent: 0)
        emitMarker("C", current.dl, origin: max(index, 1), indent: 0)
        lastDefinitionListClose = (current.dl, out.count - 1)
    }
}
