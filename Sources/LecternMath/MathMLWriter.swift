import Foundation

/// Writes the tree as MathML Core text.
struct MathMLWriter {
    private(set) var out = ""

    mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let text, let normal):
            out += normal ? "<mi mathvariant=\"normal\">" : "<mi>"
            escape(text)
            out += "</mi>"
        case .number(let text):
            out += "<mn>"
            escape(text)
            out += "</mn>"
        case .op(let text, let properties):
            writeOperator(text, properties)
        case .text(let text):
            // Browsers collapse spaces at the ends of <mtext> as in any inline text, so
            // `\text{if }` would touch what follows: spaces written in text are kept as no-break spaces.
            out += "<mtext>"
            escape(text.replacingOccurrences(of: " ", with: "\u{00A0}"))
            out += "</mtext>"
        case .space(let width):
            out += "<mspace width=\"\(Self.em(width))\"></mspace>"
        case .row(let children, let className):
            out += className.map { "<mrow class=\"\($0)\">" } ?? "<mrow>"
            children.forEach { write($0) }
            out += "</mrow>"
        case .fraction(let numerator, let denominator, let thickness, let style):
            if let style { out += Self.styleOpen(style) }
            out += thickness.map { "<mfrac linethickness=\"\($0)\">" } ?? "<mfrac>"
            writeRow(numerator)
            writeRow(denominator)
            out += "</mfrac>"
            if style != nil { out += "</mstyle>" }
        case .root(let base, let index):
            if let index {
                out += "<mroot>"
                writeRow(base)
                writeRow(index)
                out += "</mroot>"
            } else {
                out += "<msqrt>"
                write(base)
                out += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup):
            let tag = sub != nil && sup != nil ? "msubsup" : sub != nil ? "msub" : "msup"
            out += "<\(tag)>"
            writeRow(base)
            if let sub { writeRow(sub) }
            if let sup { writeRow(sup) }
            out += "</\(tag)>"
        case .limits(let base, let under, let over, let accent, let accentUnder):
            let tag = under != nil && over != nil ? "munderover" : under != nil ? "munder" : "mover"
            out += "<\(tag)"
            if accent { out += " accent=\"true\"" }
            if accentUnder { out += " accentunder=\"true\"" }
            out += ">"
            writeRow(base)
            if let under { writeRow(under) }
            if let over { writeRow(over) }
            out += "</\(tag)>"
        case .table(let rows, let columns, let className, let style):
            // Table cells start in text style, so display style is set inside each cell.
            let cellStyle = style == .display ? style : nil
            if let style, style != .display { out += Self.styleOpen(style) }
            var classes = className.map { [$0] } ?? []
            if !columns.isEmpty { classes.append("tml-cols-" + String(columns)) }
            out += classes.isEmpty ? "<mtable>" : "<mtable class=\"\(classes.joined(separator: " "))\">"
            for row in rows {
                out += "<mtr>"
                for (index, cell) in row.enumerated() {
                    let align = index < columns.count ? columns[index] : "c"
                    out += align == "c" ? "<mtd>" : "<mtd class=\"tml-\(align)\">"
                    if let cellStyle { out += Self.styleOpen(cellStyle) }
                    write(cell)
                    if cellStyle != nil { out += "</mstyle>" }
                    out += "</mtd>"
                }
                out += "</mtr>"
            }
            out += "</mtable>"
            if let style, style != .display { out += "</mstyle>" }
        case .style(let style, let child):
            out += Self.styleOpen(style)
            write(child)
            out += "</mstyle>"
        case .color(let color, let child):
            out += "<mrow style=\"color:\(color)\">"
            write(child)
            out += "</mrow>"
        case .phantom(let child):
            out += "<mphantom>"
            write(child)
            out += "</mphantom>"
        case .error(let text):
            out += "<merror><mtext>"
            escape(text)
            out += "</mtext></merror>"
        }
    }

    /// Children of scripts and fractions are single elements.
    private mutating func writeRow(_ node: MathNode) {
        write(node)
    }

    private mutating func writeOperator(_ text: String, _ p: OperatorProperties) {
        out += "<mo"
        if p.fence { out += " fence=\"true\"" }
        if let form = p.form { out += " form=\"\(form)\"" }
        if let stretchy = p.stretchy { out += " stretchy=\"\(stretchy)\"" }
        if let largeop = p.largeop { out += " largeop=\"\(largeop)\"" }
        if let movable = p.movablelimits { out += " movablelimits=\"\(movable)\"" }
        if let lspace = p.lspace { out += " lspace=\"\(lspace)\"" }
        if let rspace = p.rspace { out += " rspace=\"\(rspace)\"" }
        if let size = p.size { out += " minsize=\"\(size)\" maxsize=\"\(size)\"" }
        out += ">"
        escape(text)
        out += "</mo>"
    }

    static func styleOpen(_ style: MathStyle) -> String {
        switch style {
        case .display: return "<mstyle displaystyle=\"true\" scriptlevel=\"0\">"
        case .text: return "<mstyle displaystyle=\"false\" scriptlevel=\"0\">"
        case .script: return "<mstyle displaystyle=\"false\" scriptlevel=\"1\">"
        case .scriptscript: return "<mstyle displaystyle=\"false\" scriptlevel=\"2\">"
        }
    }

    static func em(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "em"
    }

    /// The one place where text in MathML is escaped.
    mutating func escape(_ text: String) {
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
    }
}
