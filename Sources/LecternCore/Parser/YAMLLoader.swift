import Yams

/// Loads YAML into `YAMLValue`s, reporting errors at lines of the enclosing file.
enum YAMLLoader {
    /// Deeper YAML than this is refused before parsing, so nothing can exhaust the stack.
    static let maximumDepth = 100

    /// Parses `text`, whose first line is line `firstLine` of the file whose lines are `fileLines`.
    static func load(_ text: String, firstLine: Int, fileLines: [Substring], bag: inout DiagnosticBag) -> YAMLValue? {
        var shortcutColumns = ByteColumns(lines: fileLines)
        if let value = YAMLShortcut.read(text, firstLine: firstLine, columns: &shortcutColumns) { return value }
        return composed(text, firstLine: firstLine, fileLines: fileLines, bag: &bag)
    }

    /// `load` through libyaml alone.
    static func composed(_ text: String, firstLine: Int, fileLines: [Substring], bag: inout DiagnosticBag) -> YAMLValue? {
        if let depthLine = excessiveDepthLine(text) {
            bag.report("yaml.too-deep", ["limit": String(maximumDepth)],
                      at: SourceRange(line: depthLine + firstLine - 1, column: 1))
            return nil
        }
        var columns = ByteColumns(lines: fileLines)
        func location(_ mark: Mark?) -> SourceRange {
            guard let mark else { return SourceRange(line: firstLine, column: 1) }
            let line = mark.line + firstLine - 1
            return SourceRange(line: line, column: columns.byteColumn(line: line, scalarColumn: mark.column))
        }
        do {
            // The encoding is given: its default reads the process environment on every call.
            // Values are read as text (`YAMLReader` types them), so no scalar needs Yams's
            // type-guessing regexes: the basic resolver tags every scalar as a string.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return nil }
            return convert(node, location: location)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                var notes: [Diagnostic.Note] = []
                if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                    notes.append(.init(context.text, range: location(context.mark)))
                }
                bag.report("yaml.syntax", ["problem": problem], at: location(mark), notes: notes)
            case .duplicatedKeysInMapping(let duplicates, let context):
                bag.report("yaml.duplicate-key", ["keys": duplicates.joined(separator: "', '")],
                          at: location(context.mark))
            case .reader(let problem, _, _, _):
                bag.report("yaml.syntax", ["problem": problem], at: location(nil))
            default:
                bag.report("yaml.syntax", ["problem": "\(error)"], at: location(nil))
            }
            return nil
        } catch {
            bag.report("yaml.syntax", ["problem": "\(error)"], at: location(nil))
            return nil
        }
    }

    private static func convert(_ node: Node, location: (Mark?) -> SourceRange) -> YAMLValue {
        let range = location(node.mark)
        let line = range.start.line, column = range.start.column
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(line: line, column: column)
            }
            return .scalar(scalar.string, line: line, column: column)
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0, location: location) }, line: line, column: column)
        case .mapping(let mapping):
            let pairs = mapping.map { key, value -> YAMLPair in
                let keyRange = location(key.mark)
                return YAMLPair(key: key.string ?? "", value: convert(value, location: location),
                                line: keyRange.start.line, column: keyRange.start.column)
            }
            return .mapping(pairs, line: line, column: column)
        case .alias:
            return .null(line: line, column: column)
        }
    }

    /// The 1-based line where bracket or indentation nesting first exceeds the limit.
    private static func excessiveDepthLine(_ text: String) -> Int? {
        var depth = 0, line = 1, indent = 0, atLineStart = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): line += 1; indent = 0; atLineStart = true; continue
            case UInt8(ascii: " ") where atLineStart: indent += 1
                if indent / 2 > maximumDepth { return line }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
            atLineStart = false
            if depth > maximumDepth { return line }
        }
        return nil
    }
}
