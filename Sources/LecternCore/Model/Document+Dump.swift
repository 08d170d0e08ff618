/// A readable tree of the model with ranges, in the spirit of `pandoc -t native`.
public enum DocumentDump {
    /// Renders blocks, one node per line, children indented, each with `@line:col-line:col`.
    public static func render(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { write(block, depth: 0, into: &out) }
        return out
    }

    static func position(_ range: SourceRange) -> String {
        "@\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
    }

    static func attributes(_ attributes: Attributes) -> String {
        let pairs = attributes.pairs.map { "(\(quoted($0.key)),\(quoted($0.value)))" }.joined(separator: ",")
        return "(\(quoted(attributes.id)),[\(attributes.classes.map(quoted).joined(separator: ","))],[\(pairs)])"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func line(_ text: String, _ range: SourceRange, depth: Int, into out: inout String) {
        out += String(repeating: "  ", count: depth) + text + " " + position(range) + "\n"
    }

    static func write(_ block: Block, depth: Int, into out: inout String) {
        let range = block.range
        switch block.kind {
        case .plain(let inlines): line("Plain", range, depth: depth, into: &out); write(inlines, depth + 1, &out)
        case .para(let inlines): line("Para", range, depth: depth, into: &out); write(inlines, depth + 1, &out)
        case .lineBlock(let lines):
            line("LineBlock", range, depth: depth, into: &out)
            for inlines in lines { line("Line", range, depth: depth + 1, into: &out); write(inlines, depth + 2, &out) }
        case .codeBlock(let attrs, let code):
            line("CodeBlock \(attributes(attrs)) \(quoted(code))", range, depth: depth, into: &out)
        case .rawBlock(let format, let text):
            line("RawBlock (Format \(quoted(format))) \(quoted(text))", range, depth: depth, into: &out)
        case .blockQuote(let children):
            line("BlockQuote", range, depth: depth, into: &out)
            for child in children { write(child, depth: depth + 1, into: &out) }
        case .orderedList(let style, let items):
            line("OrderedList (\(style.start),\(style.numbering.rawValue))", range, depth: depth, into: &out)
            write(items, depth + 1, &out)
        case .bulletList(let items):
            line("BulletList", range, depth: depth, into: &out)
            write(items, depth + 1, &out)
        case .definitionList(let items):
            line("DefinitionList", range, depth: depth, into: &out)
            for item in items {
                line("Term", range, depth: depth + 1, into: &out)
                write(item.term, depth + 2, &out)
                for definition in item.definitions {
                    line("Definition", range, depth: depth + 1, into: &out)
                    for child in definition { write(child, depth: depth + 2, into: &out) }
                }
            }
        case .header(let level, let attrs, let inlines):
            line("Header \(level) \(attributes(attrs))", range, depth: depth, into: &out)
            write(inlines, depth + 1, &out)
        case .horizontalRule: line("HorizontalRule", range, depth: depth, into: &out)
        case .table(let table):
            line("Table \(table.alignments.map(\.rawValue)) head=\(table.head.count) body=\(table.body.count) foot=\(table.foot.count)"
                 + (table.widths.isEmpty ? "" : " widths=\(table.widths)"), range, depth: depth, into: &out)
            if !table.caption.isEmpty { line("Caption", range, depth: depth + 1, into: &out); write(table.caption, depth + 2, &out) }
            for row in table.rows {
                line("Row", range, depth: depth + 1, into: &out)
                for cell in row {
                    line("Cell", range, depth: depth + 2, into: &out)
                    for block in cell { write(block, depth: depth + 3, into: &out) }
                }
            }
        case .figure(let attrs, let caption, let content):
            line("Figure \(attributes(attrs))", range, depth: depth, into: &out)
            line("Caption", range, depth: depth + 1, into: &out)
            write(caption, depth + 2, &out)
            for child in content { write(child, depth: depth + 1, into: &out) }
        case .div(let attrs, let children):
            line("Div \(attributes(attrs))", range, depth: depth, into: &out)
            for child in children { write(child, depth: depth + 1, into: &out) }
        }
    }

    static func write(_ items: [ListItem], _ depth: Int, _ out: inout String) {
        for item in items {
            let task = item.task.map { $0 ? " [x]" : " [ ]" } ?? ""
            line("Item" + task, item.range, depth: depth, into: &out)
            for child in item.blocks { write(child, depth: depth + 1, into: &out) }
        }
    }

    static func write(_ inlines: [Inline], _ depth: Int, _ out: inout String) {
        for inline in inlines {
            let range = inline.range
            switch inline.kind {
            case .text(let text): line("Str \(quoted(text))", range, depth: depth, into: &out)
            case .softBreak: line("SoftBreak", range, depth: depth, into: &out)
            case .lineBreak: line("LineBreak", range, depth: depth, into: &out)
            case .emph(let c): line("Emph", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .strong(let c): line("Strong", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .strikeout(let c): line("Strikeout", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .superscript(let c): line("Superscript", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .subscript(let c): line("Subscript", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .code(let attrs, let code): line("Code \(attributes(attrs)) \(quoted(code))", range, depth: depth, into: &out)
            case .math(let kind, let body):
                line("Math \(kind == .inline ? "InlineMath" : "DisplayMath") \(quoted(body))", range, depth: depth, into: &out)
            case .rawInline(let format, let text):
                line("RawInline (Format \(quoted(format))) \(quoted(text))", range, depth: depth, into: &out)
            case .link(let attrs, let c, let target):
                line("Link \(attributes(attrs)) (\(quoted(target.url)),\(quoted(target.title)))", range, depth: depth, into: &out)
                write(c, depth + 1, &out)
            case .image(let attrs, let c, let target):
                line("Image \(attributes(attrs)) (\(quoted(target.url)),\(quoted(target.title)))", range, depth: depth, into: &out)
                write(c, depth + 1, &out)
            case .note(let blocks):
                line("Note", range, depth: depth, into: &out)
                for block in blocks { write(block, depth: depth + 1, into: &out) }
            case .span(let attrs, let c): line("Span \(attributes(attrs))", range, depth: depth, into: &out); write(c, depth + 1, &out)
            case .cite(let keys, let c): line("Cite \(keys)", range, depth: depth, into: &out); write(c, depth + 1, &out)
            }
        }
    }
}
