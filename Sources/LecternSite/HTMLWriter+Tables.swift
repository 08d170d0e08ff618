import LecternCore

extension HTMLWriter {
    mutating func writeTable(_ table: Table, into out: inout HTMLBuffer) {
        let total = table.widths.reduce(0, +)
        if !table.widths.isEmpty, total < 1 {
            // Pandoc rounds the table's width and truncates each column's.
            out += "<table style=\"width:\(Int((total * 100).rounded()))%;\">\n"
        } else {
            out += "<table>\n"
        }
        if !table.caption.isEmpty {
            out += "<caption>"
            writeInlines(table.caption, into: &out)
            out += "</caption>\n"
        }
        if !table.widths.isEmpty {
            out += "<colgroup>\n"
            for width in table.widths { out += "<col style=\"width: \(Self.percent(width))\" />\n" }
            out += "</colgroup>\n"
        }
        // Each column's alignment attribute, written once for all its cells.
        let styles = table.alignments.map { alignment -> String in
            guard alignment != .default else { return "" }
            var style = ""
            Self.writeAttributes([("style", "text-align: \(alignment.rawValue);")], into: &style)
            return style
        }
        let sections = [("thead", "th", table.head), ("tbody", "td", table.body), ("tfoot", "td", table.foot)]
        for (section, cell, rows) in sections where !rows.isEmpty || section == "tbody" {
            out += "<\(section)>\n"
            for row in rows { writeRow(row, cell: cell, styles: styles, into: &out) }
            out += "</\(section)>\n"
        }
        out += "</table>"
    }

    /// A width as pandoc prints it: whole percent, rounded down.
    private static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded(.down)))%"
    }

    private mutating func writeRow(_ row: [Table.Cell], cell: String, styles: [String], into out: inout HTMLBuffer) {
        out += "<tr>\n"
        for (column, content) in row.enumerated() {
            out += "<"
            out += cell
            if column < styles.count { out += styles[column] }
            out += ">"
            if content.count == 1, case .plain(let inlines) = content[0].kind {
                writeInlines(inlines, into: &out)
            } else {
                let start = out.count
                writeBlocks(content, into: &out)
                if out.count > start, out.endsWithNewline { out.removeNewline() }
            }
            out += "</"
            out += cell
            out += ">\n"
        }
        out += "</tr>\n"
    }
}
