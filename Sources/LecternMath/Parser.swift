/// Reads expanded tokens into a `MathNode` tree, the way TeX's math mode groups them:
/// atoms with scripts, groups, commands with arguments, `\left…\right` and environments.
/// It never fails: what it cannot read becomes an `<merror>` and a problem.
struct MathParser {
    /// Groups nested deeper than this are kept as text, with a problem.
    static let maximumDepth = 100

    var expander: MacroExpander
    var problems: [MathProblem] = []
    /// Unknown commands by name with the offset of their first use.
    var unknown: [(name: String, offset: Int)] = []
    /// Set by structural problems (unbalanced braces): the formula is shown as TeX.
    var broken = false
    var font: FontVariant?
    var tag: String?
    /// Set by `parseAtom` when the atom is a function name such as `\sin`.
    var atomIsFunction = false
    var depth = 0

    init(tokens: [Token], macros: MacroTable) {
        expander = MacroExpander(tokens: tokens, macros: macros)
    }

    /// Why `parseList` stopped.
    enum Stop: Equatable {
        case end, endGroup, right, endEnvironment(String), alignment, rowBreak, closeBracket, middle
    }

    /// Items up to a closing token; returns them and what stopped the list (the closing token is consumed).
    mutating func parseList(closers: Set<String> = []) -> (nodes: [MathNode], stop: Stop, stopToken: Token?) {
        var nodes: [MathNode] = []
        let savedFont = font
        defer { font = savedFont }
        var overNumerator: [MathNode]?
        var overKind = ""
        func finish(_ stop: Stop, _ token: Token?) -> (nodes: [MathNode], stop: Stop, stopToken: Token?) {
            var result = nodes
            if let numerator = overNumerator {
                let frac = MathNode.fraction(Self.row(numerator), Self.row(nodes), thickness: overKind == "over" ? nil : "0",
                                             style: nil)
                result = overKind == "choose" || overKind == "brace" || overKind == "brack"
                    ? [Self.fenced(overKind == "brack" ? "[" : overKind == "brace" ? "{" : "(", [frac],
                                   overKind == "brack" ? "]" : overKind == "brace" ? "}" : ")")]
                    : [frac]
            }
            return (result, stop, token)
        }
        while let token = expander.next() {
            switch token.kind {
            case .endGroup: return finish(.endGroup, token)
            case .alignment: return finish(.alignment, token)
            case .space: continue
            case .character("]") where closers.contains("]"): return finish(.closeBracket, token)
            case .command(let name):
                switch name {
                case "right": return finish(.right, token)
                case "middle" where closers.contains("middle"): return finish(.middle, token)
                case "\\", "cr", "newline": return finish(.rowBreak, token)
                case "end":
                    let environment = readName()
                    return finish(.endEnvironment(environment), token)
                case "over", "choose", "atop", "brace", "brack":
                    overNumerator = nodes
                    overKind = name
                    nodes = []
                    continue
                case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
                    // A style switch applies to the rest of the group.
                    let rest = parseList(closers: closers)
                    nodes.append(.style(Self.styles[name]!, Self.row(rest.nodes)))
                    return finish(rest.stop, rest.stopToken)
                case "color":
                    let value = readText()
                    let rest = parseList(closers: closers)
                    if let safe = Self.safeColor(value) {
                        nodes.append(.color(safe, Self.row(rest.nodes)))
                    } else {
                        problems.append(MathProblem(offset: token.offset, message: "'\(value)' is not a colour name or #hex colour"))
                        nodes += rest.nodes
                    }
                    return finish(rest.stop, rest.stopToken)
                case "rm", "bf", "it", "cal", "sf", "tt":
                    font = FontVariant.commands[name]
                    continue
                default:
                    break
                }
            default:
                break
            }
            expander.pushBack(token)
            guard let atom = parseAtomWithScripts() else { break }
            nodes.append(atom)
        }
        return finish(.end, nil)
    }

    static let styles: [String: MathStyle] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script, "scriptscriptstyle": .scriptscript,
    ]

    /// One atom and its scripts and primes.
    mutating func parseAtomWithScripts() -> MathNode? {
        atomIsFunction = false
        guard let (base, limits) = parseAtom() else { return nil }
        let isFunction = atomIsFunction
        var sub: MathNode?
        var sup: MathNode?
        var primes = ""
        var useLimits = limits
        while let token = expander.peek() {
            switch token.kind {
            case .caret:
                _ = expander.next()
                let script = parseScriptArgument()
                sup = sup.map { Self.row([$0, script]) } ?? script
            case .underscore:
                _ = expander.next()
                let script = parseScriptArgument()
                sub = sub.map { Self.row([$0, script]) } ?? script
            case .character("'"):
                _ = expander.next()
                primes += "′"
            case .command("limits"):
                _ = expander.next()
                useLimits = .limits
            case .command("nolimits"):
                _ = expander.next()
                useLimits = .scripts
            case .space:
                _ = expander.next()
                continue
            default:
                return applied(attach(base, sub: sub, sup: sup, primes: primes, limits: useLimits), isFunction)
            }
        }
        return applied(attach(base, sub: sub, sup: sup, primes: primes, limits: useLimits), isFunction)
    }

    /// A function name is followed by U+2061 and, before an argument that is not in brackets, a thin space.
    private mutating func applied(_ node: MathNode, _ isFunction: Bool) -> MathNode {
        guard isFunction else { return node }
        var nodes = [node, .op("\u{2061}", .plain)]
        if let next = expander.peek() {
            switch next.kind {
            case .character("("), .character("["), .command("left"), .command("big"), .command("Big"), .command("bigl"),
                 .command("Bigl"), .character(","), .character(")"), .endGroup, .alignment, .command("\\"):
                break
            default:
                nodes.append(.space(3.0 / 18))
            }
        }
        return .row(nodes, className: nil)
    }

    /// Where an atom's scripts go.
    enum Placement { case scripts, limits, movable }

    private func attach(_ base: MathNode, sub: MathNode?, sup: MathNode?, primes: String, limits: Placement) -> MathNode {
        var sup = sup
        if !primes.isEmpty {
            let prime = MathNode.op(Self.primeText(primes.count), .plain)
            sup = sup.map { Self.row([prime, $0]) } ?? prime
        }
        guard sub != nil || sup != nil else { return base }
        switch limits {
        case .scripts: return .scripts(base, sub: sub, sup: sup)
        case .limits, .movable: return .limits(base, under: sub, over: sup, accent: false, accentUnder: false)
        }
    }

    static func primeText(_ count: Int) -> String {
        switch count {
        case 1: return "′"
        case 2: return "″"
        case 3: return "‴"
        case 4: return "⁗"
        default: return String(repeating: "′", count: count)
        }
    }

    /// The argument of `^` or `_`: a group or one atom (without scripts of its own).
    mutating func parseScriptArgument() -> MathNode {
        while expander.peek()?.kind == .space { _ = expander.next() }
        guard let token = expander.peek() else {
            problems.append(MathProblem(offset: 0, message: "a '^' or '_' at the end of the formula has nothing to raise or lower"))
            return .row([], className: nil)
        }
        if token.kind == .beginGroup {
            _ = expander.next()
            return parseGroupBody(openedAt: token.offset)
        }
        return parseAtom()?.node ?? .row([], className: nil)
    }

    /// A mandatory argument: a braced group, or the next atom.
    mutating func parseArgument() -> MathNode {
        while expander.peek()?.kind == .space { _ = expander.next() }
        guard let token = expander.peek() else { return .row([], className: nil) }
        if token.kind == .beginGroup {
            _ = expander.next()
            return parseGroupBody(openedAt: token.offset)
        }
        return parseAtom()?.node ?? .row([], className: nil)
    }

    /// The contents of a group whose `{` was read, up to its `}`.
    mutating func parseGroupBody(openedAt offset: Int) -> MathNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            problems.append(MathProblem(offset: offset, message: "groups are nested more than \(Self.maximumDepth) deep"))
            broken = true
            skipGroup()
            return .error("…")
        }
        let (nodes, stop, _) = parseList()
        if stop != .endGroup {
            problems.append(MathProblem(offset: offset, message: "this '{' is not closed with '}'"))
            broken = true
        }
        return Self.row(nodes)
    }

    /// Skips to the end of the current group without parsing it.
    mutating func skipGroup() {
        var depth = 1
        while let token = expander.nextRaw() {
            if token.kind == .beginGroup { depth += 1 }
            if token.kind == .endGroup { depth -= 1; if depth == 0 { return } }
        }
    }

    /// A group's text, read raw: colour names, environment names, `\text` bodies.
    mutating func readText() -> String {
        guard let tokens = expander.readArgumentRaw() else { return "" }
        return tokens.map { token in
            if case .command(let name) = token.kind, name.count == 1, !name.first!.isLetter { return name }
            return token.text
        }.joined()
    }

    /// An environment name after `\begin` or `\end`.
    mutating func readName() -> String {
        readText().trimmingSpaces()
    }

    /// One node from a list of nodes.
    static func row(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .row(nodes, className: nil)
    }

    /// `open body close` with stretchy fences.
    static func fenced(_ open: String, _ body: [MathNode], _ close: String) -> MathNode {
        var nodes: [MathNode] = []
        if !open.isEmpty { nodes.append(.op(open, OperatorProperties(stretchy: true, fence: true, form: "prefix"))) }
        nodes += body
        if !close.isEmpty { nodes.append(.op(close, OperatorProperties(stretchy: true, fence: true, form: "postfix"))) }
        return .row(nodes, className: nil)
    }

    /// A colour a style attribute can hold: a name or a #hex value, nothing else.
    static func safeColor(_ value: String) -> String? {
        let trimmed = value.trimmingSpaces()
        if trimmed.hasPrefix("#"), (4...9).contains(trimmed.count), trimmed.dropFirst().allSatisfy(\.isHexDigit) { return trimmed }
        if !trimmed.isEmpty, trimmed.count <= 30, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed.lowercased() }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
