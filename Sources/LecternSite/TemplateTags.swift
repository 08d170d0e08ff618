import LecternText

/// A tag of a Mustache template, as the theme's checks read it.
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        case variable, section, close, partial, parent, block, comment
        /// `{{>*name}}` or `{{<*name}}`: the partial's name is a value, known only when rendering.
        case dynamicPartial
        /// `{{=<% %>=}}`: the tags after it use other delimiters.
        case delimiters
    }

    let kind: Kind
    /// The name after the sigil, trimmed; for a dynamic partial, without its `*`.
    let name: String
    /// Sections, parents and blocks open around the tag.
    let depth: Int
    /// Only spaces and tabs, at least one, come before the tag on its line: Mustache
    /// indents every line of a partial included that way.
    let indented: Bool
    /// 1-based line and column (in characters) of the tag's `{{`.
    let line: Int
    let column: Int
}

/// Reads the tags of a template with the default delimiters, as swift-mustache's parser does:
/// the sigil follows `{{` directly, and a triple mustache ends with `}}}`.
enum TemplateTags {
    /// A template's tags, and whether the scan read the template to its end.
    typealias Scan = (tags: [TemplateTag], complete: Bool)

    /// The tags of `text` in order. The scan stops after a tag that changes the delimiters (the
    /// last tag is then `.delimiters`) and at a tag that is never closed (`complete` is false).
    static func scan(_ text: String) -> Scan {
        let bytes = text.utf8
        var tags: [TemplateTag] = []
        var depth = 0, line = 1
        var lineStart = bytes.startIndex, searched = bytes.startIndex
        // Characters are counted from the last tag on, not from the line's start: a long line
        // with many tags is read once.
        var counted = bytes.startIndex, column = 1
        while let open = text[searched...].firstByteRange(of: "{{") {
            let skipped = bytes[searched..<open.lowerBound]
            if let newline = skipped.lastIndex(of: UInt8(ascii: "\n")) {
                lineStart = bytes.index(after: newline)
                line += skipped.count(where: { $0 == UInt8(ascii: "\n") })
                (counted, column) = (lineStart, 1)
            }
            let triple = bytes[open.upperBound...].first == UInt8(ascii: "{")
            let contentStart = triple ? bytes.index(after: open.upperBound) : open.upperBound
            guard let close = text[contentStart...].firstByteRange(of: triple ? "}}}" : "}}") else { return (tags, false) }
            let content = text[contentStart..<close.lowerBound]
            let before = bytes[lineStart..<open.lowerBound]
            let indented = !before.isEmpty && before.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let sigil = triple ? nil : content.first
            var name = String((sigil.map { "#^/!>&<$=%".contains($0) } ?? false ? content.dropFirst() : content).trimmingWhitespaces())
            column += text[counted..<open.lowerBound].count
            counted = open.lowerBound
            func add(_ kind: TemplateTag.Kind) {
                tags.append(TemplateTag(kind: kind, name: name, depth: depth, indented: indented, line: line, column: column))
            }
            switch sigil {
            case "=":
                add(.delimiters)
                return (tags, true)
            case ">", "<":
                if name.hasPrefix("*") {
                    name = String(name.dropFirst().trimmingWhitespaces())
                    add(.dynamicPartial)
                } else {
                    add(sigil == ">" ? .partial : .parent)
                }
                if sigil == "<" { depth += 1 }
            case "#", "^":
                add(.section)
                depth += 1
            case "$":
                add(.block)
                depth += 1
            case "/":
                depth -= 1
                add(.close)
            case "!", "%":
                add(.comment)
            default:
                add(.variable)
            }
            // A comment may span lines: the next tag's line starts after its last newline.
            searched = close.upperBound
            let inside = bytes[contentStart..<close.lowerBound]
            if let newline = inside.lastIndex(of: UInt8(ascii: "\n")) {
                lineStart = bytes.index(after: newline)
                line += inside.count(where: { $0 == UInt8(ascii: "\n") })
                (counted, column) = (lineStart, 1)
            }
        }
        return (tags, true)
    }

    /// A tag's name without its transforms: `x` for `{{uppercased(x)}}`.
    static func bare(_ name: String) -> Substring {
        guard let open = name.lastIndex(of: "(") else { return Substring(name) }
        return name[name.index(after: open)...].prefix(while: { $0 != ")" })
    }

    /// The tags of a scan that read its template with certainty; nil when a tag changes the
    /// delimiters or names a partial at run time, or a tag is not closed: what such a template
    /// includes or names cannot be known before rendering.
    static func certain(_ scan: Scan) -> [TemplateTag]? {
        guard scan.complete, !scan.tags.contains(where: { $0.kind == .dynamicPartial || $0.kind == .delimiters }) else { return nil }
        return scan.tags
    }

    /// The first part of every name the templates look up (`lesson` for `{{lesson.title}}`):
    /// a value of a page that none of them names is never read. Nil when a template cannot be
    /// read with certainty (see `certain`).
    static func namedValues(_ scans: [String: Scan]) -> Set<String>? {
        var names: Set<String> = []
        for scan in scans.values {
            guard let tags = certain(scan) else { return nil }
            for tag in tags where tag.kind == .variable || tag.kind == .section {
                if let first = bare(tag.name).split(separator: ".", maxSplits: 1).first { names.insert(String(first)) }
            }
        }
        return names
    }
}
