extension MathParser {
    /// Accents: the mark, and whether it stretches over its base.
    static let accents: [String: (mark: String, stretchy: Bool, under: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", true, false), "check": ("ˇ", false, false),
        "widecheck": ("ˇ", true, false), "tilde": ("~", false, false), "widetilde": ("~", true, false),
        "bar": ("‾", false, false), "overline": ("‾", true, false), "vec": ("→", false, false),
        "dot": ("˙", false, false), "ddot": ("¨", false, false), "dddot": ("⃛", false, false), "breve": ("˘", false, false),
        "acute": ("´", false, false), "grave": ("`", false, false), "mathring": ("˚", false, false),
        "overrightarrow": ("→", true, false), "overleftarrow": ("←", true, false),
        "overleftrightarrow": ("↔", true, false), "overbrace": ("⏞", true, false), "underbrace": ("⏟", true, true),
        "underline": ("_", true, true), "underrightarrow": ("→", true, true), "underleftarrow": ("←", true, true),
        "overparen": ("⏜", true, false), "underparen": ("⏝", true, true), "utilde": ("~", true, true),
    ]

    /// Extensible arrows with labels: `\xrightarrow[below]{above}`.
    static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐", "xleftrightarrow": "↔",
        "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪", "xhookleftarrow": "↩",
        "xrightharpoonup": "⇀", "xrightleftharpoons": "⇌", "xtwoheadrightarrow": "↠", "xlongequal": "=",
    ]

    /// `\big` and friends: the height of the delimiter in em.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em", "Big": "1.8em", "Bigl": "1.8em",
        "Bigr": "1.8em", "Bigm": "1.8em", "bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "biggm": "2.4em",
        "Bigg": "3em", "Biggl": "3em", "Biggr": "3em", "Biggm": "3em",
    ]

    mutating func structureAtom(_ name: String, _ token: Token) -> (node: MathNode, limits: Placement) {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = parseArgument()
            let denominator = parseArgument()
            let style: MathStyle? = name == "dfrac" || name == "cfrac" ? .display : name == "tfrac" ? .text : nil
            return (.fraction(numerator, denominator, thickness: nil, style: style), .scripts)
        case "binom", "dbinom", "tbinom":
            let top = parseArgument()
            let bottom = parseArgument()
            let style: MathStyle? = name == "dbinom" ? .display : name == "tbinom" ? .text : nil
            return (Self.fenced("(", [.fraction(top, bottom, thickness: "0", style: style)], ")"), .scripts)
        case "sqrt":
            let index = readOptionalNodes()
            return (.root(parseArgument(), index: index), .scripts)
        case "left":
            return (parseLeftRight(token), .scripts)
        case "begin":
            return (parseEnvironment(readName(), at: token.offset), .scripts)
        case "not":
            return (parseNot(token), .scripts)
        case "text", "textrm", "textnormal", "textup", "mbox", "hbox", "textbf", "textit", "textsf", "texttt", "textmd", "emph":
            return (parseText(name), .scripts)
        case "operatorname", "operatorname*", "mathop":
            return parseOperatorName(starred: name != "operatorname")
        case "overset", "stackrel":
            let over = parseArgument()
            return (.limits(parseArgument(), under: nil, over: over, accent: false, accentUnder: false), .scripts)
        case "underset":
            let under = parseArgument()
            return (.limits(parseArgument(), under: under, over: nil, accent: false, accentUnder: false), .scripts)
        case "substack":
            return (parseSubstack(), .scripts)
        case "cancel", "bcancel", "xcancel", "sout":
            return (.row([parseArgument()], className: "tml-" + name), .scripts)
        case "boxed", "fbox", "framebox":
            return (.row([name == "boxed" ? parseArgument() : parseText("text")], className: "tml-boxed"), .scripts)
        case "phantom", "hphantom", "vphantom":
            return (.phantom(parseArgument()), .scripts)
        case "textcolor":
            let value = readText()
            let body = parseArgument()
            guard let color = Self.safeColor(value) else {
                problems.append(MathProblem(offset: token.offset, message: "'\(value)' is not a colour name or #hex colour"))
                return (body, .scripts)
            }
            return (.color(color, body), .scripts)
        case "mathrel", "mathbin", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
            // TeX's atom classes change spacing; MathML spaces by element, so the content is kept as it is.
            return (parseArgument(), .scripts)
        case "colorbox":
            _ = readText()
            return (parseArgument(), .scripts)
        case "tag", "tag*":
            let text = readText()
            tag = name == "tag" ? "(\(text))" : text
            return (.row([], className: nil), .scripts)
        case "notag", "nonumber", "label", "limits", "nolimits", "mathstrut", "strut", "relax", "displaylimits", "allowbreak":
            if name == "label" { _ = readText() }
            return (.row([], className: nil), .scripts)
        case "pmod", "pod":
            let body = parseArgument()
            var nodes: [MathNode] = [.space(1), .op("(", OperatorProperties(stretchy: false))]
            if name == "pmod" { nodes += [.identifier("mod", normal: false), .space(0.3333)] }
            nodes += [body, .op(")", OperatorProperties(stretchy: false))]
            return (.row(nodes, className: nil), .scripts)
        case "bmod", "mod":
            return (.op("mod", OperatorProperties(lspace: "0.2222em", rspace: "0.2222em")), .scripts)
        case "hspace", "hspace*", "hskip", "kern", "mkern", "mskip":
            let text = name.hasPrefix("h") && name != "hskip" ? readText() : readDimensionText()
            return (.space(Self.em(text) ?? 0), .scripts)
        case "char":
            return (.error("\\char"), .scripts)
        default:
            break
        }
        if let accent = Self.accents[name] {
            let base = parseArgument()
            let mark = MathNode.op(accent.mark, OperatorProperties(stretchy: accent.stretchy))
            let isBrace = name == "overbrace" || name == "underbrace"
            let isAccent = !isBrace && name != "overline" && name != "underline"
            let node: MathNode = accent.under
                ? .limits(base, under: mark, over: nil, accent: false, accentUnder: isAccent)
                : .limits(base, under: nil, over: mark, accent: isAccent, accentUnder: false)
            return (node, isBrace ? .limits : .scripts)
        }
        if let arrow = Self.extensibleArrows[name] {
            let below = readOptionalNodes()
            let above = parseArgument()
            let mark = MathNode.op(arrow, OperatorProperties(stretchy: true))
            let padded = MathNode.row([.space(0.4), above, .space(0.4)], className: nil)
            return (.limits(mark, under: below, over: padded, accent: false, accentUnder: false), .scripts)
        }
        if let size = Self.bigSizes[name] {
            guard let fence = readDelimiter() else { return (.row([], className: nil), .scripts) }
            return (.op(fence, OperatorProperties(stretchy: true, fence: true, size: size)), .scripts)
        }
        return (unknownCommand(name, token), .scripts)
    }

    mutating func unknownCommand(_ name: String, _ token: Token) -> MathNode {
        if !unknown.contains(where: { $0.name == name }) { unknown.append((name, token.offset)) }
        return .error("\\" + name)
    }

    /// `[…]` parsed as math, or nil.
    mutating func readOptionalNodes() -> MathNode? {
        while expander.peek()?.kind == .space { _ = expander.next() }
        guard let next = expander.peek(), next.kind == .character("[") else { return nil }
        _ = expander.next()
        let (nodes, stop, _) = parseList(closers: ["]"])
        if stop != .closeBracket {
            problems.append(MathProblem(offset: next.offset, message: "this '[' is not closed with ']'"))
            broken = true
        }
        return Self.row(nodes)
    }

    /// A delimiter after `\left`, `\right`, `\middle` or `\big`; "" for `.`.
    mutating func readDelimiter() -> String? {
        while expander.peek()?.kind == .space { _ = expander.next() }
        guard let token = expander.next() else { return nil }
        switch token.kind {
        case .character("."): return ""
        case .character(let character):
            // Written characters stand for themselves; only `<` and `>` become angle brackets.
            return character == "<" ? "⟨" : character == ">" ? "⟩" : String(character)
        case .command(let name):
            if let fence = Symbols.delimiters[name] { return fence }
            problems.append(MathProblem(offset: token.offset, message: "'\\\(name)' is not a delimiter"))
            return "?"
        default:
            problems.append(MathProblem(offset: token.offset, message: "a delimiter is missing after \\left, \\right or \\big"))
            expander.pushBack(token)
            return nil
        }
    }

    mutating func parseLeftRight(_ token: Token) -> MathNode {
        let open = readDelimiter() ?? ""
        var body: [MathNode] = []
        depth += 1
        defer { depth -= 1 }
        while true {
            let (nodes, stop, _) = parseList(closers: ["middle"])
            body += nodes
            switch stop {
            case .middle:
                let fence = readDelimiter() ?? ""
                body.append(.op(fence, OperatorProperties(stretchy: true, fence: true, lspace: "0.05em", rspace: "0.05em")))
            case .right:
                return Self.fenced(open, body, readDelimiter() ?? "")
            default:
                problems.append(MathProblem(offset: token.offset, message: "\\left has no matching \\right"))
                broken = true
                return Self.fenced(open, body, "")
            }
        }
    }

    mutating func parseNot(_ token: Token) -> MathNode {
        guard let next = parseAtom()?.node else { return .op("/", .plain) }
        if case .op(let text, let properties) = next {
            return .op(Symbols.negations[text] ?? text + "\u{338}", properties)
        }
        if case .identifier(let text, _) = next, text.count == 1 {
            return .op(Symbols.negations[text] ?? text + "\u{338}", .plain)
        }
        return .row([.op("/", .plain), next], className: nil)
    }

    /// `\text{…}` and friends: text with `$…$` math inside, in the command's font.
    mutating func parseText(_ name: String) -> MathNode {
        guard let tokens = expander.readArgumentRaw() else { return .text("") }
        let variant: FontVariant? = ["textbf": .bold, "textit": .italic, "emph": .italic, "textsf": .sansSerif,
                                     "texttt": .monospace][name]
        var parts: [MathNode] = []
        var text = ""
        var index = 0
        func flush() {
            if !text.isEmpty { parts.append(.text(variant.map { $0.apply(text) } ?? text)) }
            text = ""
        }
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .character("$"):
                flush()
                var end = index + 1
                while end < tokens.count, tokens[end].kind != .character("$") { end += 1 }
                var inner = MathParser(tokens: Array(tokens[(index + 1)..<min(end, tokens.count)]), macros: expander.macros)
                let (nodes, _, _) = inner.parseList()
                problems += inner.problems
                unknown += inner.unknown
                parts.append(Self.row(nodes))
                index = end + 1
                continue
            case .space: text += " "
            case .command(let command):
                if command.count == 1, !command.first!.isLetter { text += command == " " ? " " : command }
                else if let symbol = Symbols.letters[command] ?? Symbols.uprightLetters[command] { text += symbol }
                else if command == "textbackslash" { text += "\\" }
                else { text += "\\" + command }
            case .beginGroup, .endGroup: break
            case .character("~"): text += "\u{A0}"
            default: text += token.text
            }
            index += 1
        }
        flush()
        return parts.count == 1 ? parts[0] : .row(parts, className: nil)
    }

    mutating func parseOperatorName(starred: Bool) -> (node: MathNode, limits: Placement) {
        var starred = starred
        if expander.peek()?.kind == .character("*") {
            _ = expander.next()
            starred = true
        }
        guard let tokens = expander.readArgumentRaw() else { return (.row([], className: nil), .scripts) }
        let text = tokens.map { token -> String in
            if case .command(let name) = token.kind {
                if let symbol = Symbols.letters[name] ?? Symbols.uprightLetters[name] { return symbol }
                return name.count == 1 && !name.first!.isLetter ? (name == "," ? "" : name) : ""
            }
            if case .character(let c) = token.kind { return c == "-" ? "−" : String(c) }
            return token.kind == .space ? " " : ""
        }.joined().trimmingSpaces()
        if starred { return (.op(text, OperatorProperties(form: "prefix", movablelimits: true)), .movable) }
        return (.identifier(text, normal: text.count == 1), .scripts)
    }

    mutating func parseSubstack() -> MathNode {
        guard let open = expander.next(), open.kind == .beginGroup else { return .row([], className: nil) }
        var rows: [[MathNode]] = []
        depth += 1
        defer { depth -= 1 }
        while true {
            let (nodes, stop, _) = parseList()
            rows.append([Self.row(nodes)])
            if stop != .rowBreak {
                if stop != .endGroup {
                    problems.append(MathProblem(offset: open.offset, message: "this '{' is not closed with '}'"))
                    broken = true
                }
                break
            }
        }
        return .table(rows: rows, columns: [], className: "tml-substack", style: .script)
    }

    /// A dimension such as `2mu` or `0.5em` read raw after `\kern` or `\mkern`.
    mutating func readDimensionText() -> String {
        var text = ""
        while let token = expander.peek() {
            guard case .character(let c) = token.kind, c.isLetter || c.isNumber || c == "." || c == "-" else { break }
            _ = expander.next()
            text.append(c)
            if text.hasSuffix("em") || text.hasSuffix("mu") || text.hasSuffix("pt") || text.hasSuffix("ex") { break }
        }
        return text
    }

    /// A TeX dimension in em; nil when it cannot be read.
    static func em(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        let units: [(String, Double)] = [("em", 1), ("mu", 1.0 / 18), ("ex", 0.431), ("pt", 0.1), ("px", 0.0625),
                                         ("cm", 2.845), ("mm", 0.2845), ("in", 7.227)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            guard let value = Double(String(trimmed.dropLast(2)).trimmingSpaces()) else { return nil }
            return value * factor
        }
        return nil
    }
}
