import LecternCore

extension HTMLWriter {
    mutating func writeTable(_ table: Table, into out: inout String) {
        out += "<table>\n"
        if !table.caption.isEmpty {
            out += "<caption>"
            writeInlines(table.caption, into: &out)
            out += "</caption>\n"
        }
        if !table.head.isEmpty {
            out += "<thead>\n"
            for row in table.head { writeRow(row, cell: "th", alignments: table.alignments, into: &out) }
            out += "</thead>\n"
        }
        out += "<tbody>\n"
        for row in table.body { writeRow(row, cell: "td", alignments: table.alignments, into: &out) }
        out += "</tbody>\n</table>"
    }

    private mutating func writeRow(_ row: [[Inline]], cell: String, alignments: [Table.Alignment], into out: inout String) {
        out += "<tr>\n"
        for (column, content) in row.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .default
            out += "<\(cell)"
            if alignment != .default {
                Self.writeAttributes([("style", "text-align: \(alignment.rawValue);")], into: &out)
            }
            out += ">"
            writeInlines(content, into: &out)
            out += "</\(cell)>\n"
        }
        out += "</tr>\n"
    }
}
