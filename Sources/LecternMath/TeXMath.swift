/// A formula turned into MathML, with what went wrong.
public struct MathRendering: Hashable, Sendable {
    /// `<math>…</math>`, or, for TeX that cannot be read, a `math-error` span holding the TeX.
    public var html: String
    /// The formula as readable characters, for search (no TeX commands).
    public var plainText: String
    /// Problems, each at a UTF-8 offset into the TeX.
    public var problems: [MathProblem]
}

/// TeX math to MathML Core: lexer, macro expansion, parser, MathML writer.
public enum TeXMath {
    /// Converts one formula. Definitions it makes (`\newcommand`, `\def`) are added to `macros`,
    /// so later formulas of the same lesson can use them.
    public static func render(_ tex: String, display: Bool, macros: inout MacroTable) -> MathRendering {
        var parser = MathParser(tokens: Lexer.tokens(tex), macros: macros)
        var nodes: [MathNode] = []
        while true {
            let (part, stop, token) = parser.parseList()
            nodes += part
            guard stop != .end else { break }
            switch stop {
            case .endGroup:
                parser.problems.append(MathProblem(offset: token?.offset ?? 0, message: "this '}' closes nothing"))
                parser.broken = true
            case .alignment, .rowBreak:
                // `&` and `\\` outside an environment: TeX would complain; the text is kept as is.
                continue
            case .right:
                parser.problems.append(MathProblem(offset: token?.offset ?? 0, message: "\\right has no matching \\left"))
                parser.broken = true
            case .endEnvironment(let environment):
                parser.problems.append(MathProblem(offset: token?.offset ?? 0, message: "\\end{\(environment)} has no matching \\begin"))
                parser.broken = true
            default:
                continue
            }
        }
        macros = parser.expander.macros
        if parser.expander.exhausted { parser.broken = true }
        var problems = parser.expander.problems + parser.problems
        for (name, offset) in parser.unknown where macros.definitions[name] == nil {
            var message = "unknown math command '\\\(name)'"
            let close = Suggestion.closest(to: name, in: knownCommands).map { "\\" + $0 }
            if let close { message += "; did you mean '\(close)'?" }
            problems.append(MathProblem(offset: offset, message: message, isUnknownCommand: true, command: "\\" + name, suggestion: close))
        }
        problems.sort { $0.offset < $1.offset }
        if parser.broken {
            var html = "<span class=\"math-error\" title=\""
            html += escapeAttribute(problems.first?.message ?? "this formula cannot be read")
            html += "\">"
            html += escapeAttribute(display ? "\\[" + tex + "\\]" : "\\(" + tex + "\\)")
            html += "</span>"
            return MathRendering(html: html, plainText: tex, problems: problems)
        }
        let body = MathParser.row(nodes)
        var writer = MathMLWriter()
        writer.write(body)
        var html = display ? "<math display=\"block\">" : "<math>"
        html += "<semantics>" + writer.out + "<annotation encoding=\"application/x-tex\">"
        html += escapeAttribute(tex) + "</annotation></semantics></math>"
        var plainText = PlainMath.text(body)
        if let tag = parser.tag {
            // The number sits at the right of the line, outside the formula, as in LaTeX.
            html = "<span class=\"math-tagged\">" + html + "<span class=\"math-tag\">" + escapeAttribute(tag) + "</span></span>"
            plainText += " " + tag
        }
        return MathRendering(html: html, plainText: plainText, problems: problems)
    }

    /// Commands the parser understands, for suggestions.
    static let knownCommands: [String] = Array(Symbols.allNames.union(FontVariant.commands.keys)
        .union(MathParser.accents.keys).union(MathParser.extensibleArrows.keys).union(MathParser.bigSizes.keys)
        .union(["frac", "dfrac", "tfrac", "cfrac", "binom", "sqrt", "left", "right", "begin", "end", "text", "operatorname",
                "overset", "underset", "stackrel", "substack", "cancel", "boxed", "phantom", "color", "textcolor", "tag",
                "pmod", "bmod", "hspace", "displaystyle", "textstyle", "newcommand", "renewcommand", "def", "not",
                "limits", "nolimits", "middle", "mathrel", "mathbin", "mathord"]))

    static func escapeAttribute(_ text: String) -> String {
        var writer = MathMLWriter()
        writer.escape(text)
        return writer.out
    }
}

/// The readable characters of a formula, for search.
enum PlainMath {
    static func text(_ node: MathNode) -> String {
        var out = ""
        append(node, to: &out)
        return out
    }

    private static func append(_ node: MathNode, to out: inout String) {
        switch node {
        case .identifier(let text, _), .number(let text), .text(let text): out += text
        case .op(let text, _): out += text == "\u{2061}" ? "" : text
        case .space(let width): if width > 0.2 { out += " " }
        case .row(let children, _): children.forEach { append($0, to: &out) }
        case .fraction(let a, let b, _, _):
            append(a, to: &out)
            out += "/"
            append(b, to: &out)
        case .root(let base, let index):
            out += "√"
            if let index { append(index, to: &out) }
            append(base, to: &out)
        case .scripts(let base, let sub, let sup):
            append(base, to: &out)
            if let sub { out += "_"; append(sub, to: &out) }
            if let sup { out += "^"; append(sup, to: &out) }
        case .limits(let base, let under, let over, _, _):
            append(base, to: &out)
            // Accent marks and braces say nothing in text; limits and labels do.
            for part in [under, over].compactMap({ $0 }) {
                if case .op = part { continue }
                out += " "
                append(part, to: &out)
            }
        case .table(let rows, _, _, _):
            out += rows.map { row in row.map { text($0) }.joined(separator: " ") }.joined(separator: "; ")
        case .style(_, let child), .color(_, let child), .phantom(let child): append(child, to: &out)
        case .error(let text): out += text
        }
    }
}

/// The closest known name, for "did you mean".
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = word.count <= 3 ? 1 : max(2, word.count / 3)
        var best: (String, Int)?
        let wordIsLetters = word.first?.isLetter ?? false
        for candidate in candidates where abs(candidate.count - word.count) <= limit
            && (candidate.first?.isLetter ?? false) == wordIsLetters {
            let distance = EditDistance.between(word, candidate)
            if distance <= limit, best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }
}

/// How far apart two words are, for "did you mean": insertions, deletions, substitutions and
/// swaps of neighbours (the usual typing errors) each count one.
public enum EditDistance {
    /// The number of edits from `a` to `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
