/// A macro: its number of parameters, the default of an optional first one, and its body.
public struct MacroDefinition: Hashable, Sendable {
    /// How many arguments it takes.
    public var parameters: Int
    /// With `\newcommand{\x}[2][d]{…}`, the default of the optional first argument.
    public var optionalDefault: [Token]?
    /// The replacement, with `#1`…`#9` where the arguments go.
    public var body: [Token]

    /// Creates a definition.
    public init(parameters: Int, optionalDefault: [Token]? = nil, body: [Token]) {
        self.parameters = parameters
        self.optionalDefault = optionalDefault
        self.body = body
    }

    /// A definition from TeX text, as in course.yml's `math.macros`; its parameters are the
    /// highest `#n` in the text.
    public init(text: String) {
        let body = Lexer.tokens(text).map { Token($0.kind, at: 0) }
        var highest = 0
        for token in body { if case .parameter(let number) = token.kind { highest = max(highest, number) } }
        self.init(parameters: highest, body: body)
    }
}

/// Macros by name without the backslash: the course's, then each lesson's as it defines them.
public struct MacroTable: Hashable, Sendable {
    /// Definitions by name.
    public var definitions: [String: MacroDefinition] = [:]

    /// Creates an empty table.
    public init() {}

    /// A table from course.yml's map, whose keys are written with their backslash (`\RR`).
    public init(texts: [String: String]) {
        for (key, value) in texts {
            let name = key.hasPrefix("\\") ? String(key.dropFirst()) : key
            guard !name.isEmpty else { continue }
            definitions[name] = MacroDefinition(text: value)
        }
    }
}

/// Hands the parser tokens with user macros expanded and `\newcommand`, `\renewcommand`,
/// `\providecommand` and `\def` taken in; expansion stops at a limit, so recursive macros end.
struct MacroExpander {
    /// Expansions allowed in one formula.
    static let expansionLimit = 2_000
    /// Tokens one formula may grow to by expansion.
    static let tokenLimit = 200_000

    private var pending: [Token]
    private(set) var macros: MacroTable
    private var expansions = 0
    private var produced = 0
    /// Problems found while expanding, by offset.
    var problems: [MathProblem] = []
    /// True once the expansion limit stopped expansion.
    private(set) var exhausted = false

    init(tokens: [Token], macros: MacroTable) {
        pending = tokens.reversed()
        self.macros = macros
    }

    /// The next token without expanding it.
    mutating func nextRaw() -> Token? {
        pending.popLast()
    }

    /// Puts a token back.
    mutating func pushBack(_ token: Token) {
        pending.append(token)
    }

    /// The next token after expanding macros and reading definitions.
    mutating func next() -> Token? {
        while let token = pending.popLast() {
            guard case .command(let name) = token.kind else { return token }
            switch name {
            case "newcommand", "renewcommand", "providecommand":
                readNewcommand(at: token.offset, provide: name == "providecommand")
                continue
            case "def", "gdef":
                readDef(at: token.offset)
                continue
            default:
                break
            }
            guard let macro = macros.definitions[name] else { return token }
            guard !exhausted else { return token }
            expansions += 1
            if expansions > Self.expansionLimit || produced > Self.tokenLimit {
                exhausted = true
                problems.append(MathProblem(offset: token.offset,
                                            message: "macro '\\\(name)' expands more than \(Self.expansionLimit) times; is it recursive?"))
                return token
            }
            expand(macro, at: token.offset)
        }
        return nil
    }

    /// Peeks at the next expanded token.
    mutating func peek() -> Token? {
        guard let token = next() else { return nil }
        pending.append(token)
        return token
    }

    private mutating func expand(_ macro: MacroDefinition, at offset: Int) {
        var arguments: [[Token]] = []
        var first = 1
        if let fallback = macro.optionalDefault {
            arguments.append(readOptionalRaw() ?? fallback)
            first = 2
        }
        if macro.parameters >= first {
            for _ in first...macro.parameters { arguments.append(readArgumentRaw() ?? []) }
        }
        var result: [Token] = []
        for token in macro.body {
            if case .parameter(let number) = token.kind {
                if number <= arguments.count { result += arguments[number - 1].map { Token($0.kind, at: offset) } }
            } else {
                result.append(Token(token.kind, at: offset))
            }
        }
        produced += result.count
        pending += result.reversed()
    }

    /// A braced group's tokens (without the braces) or one token, read without expansion.
    mutating func readArgumentRaw() -> [Token]? {
        while let token = pending.last, token.kind == .space { pending.removeLast() }
        guard let token = pending.popLast() else { return nil }
        guard token.kind == .beginGroup else { return [token] }
        var depth = 1
        var tokens: [Token] = []
        while let next = pending.popLast() {
            if next.kind == .beginGroup { depth += 1 }
            if next.kind == .endGroup {
                depth -= 1
                if depth == 0 { return tokens }
            }
            tokens.append(next)
        }
        problems.append(MathProblem(offset: token.offset, message: "a '{' is not closed"))
        return tokens
    }

    /// `[…]` read without expansion, or nil when the next token is not `[`.
    mutating func readOptionalRaw() -> [Token]? {
        var skipped: [Token] = []
        while let token = pending.last, token.kind == .space { skipped.append(pending.removeLast()) }
        guard let token = pending.last, token.kind == .character("[") else {
            pending += skipped.reversed()
            return nil
        }
        pending.removeLast()
        var depth = 0
        var tokens: [Token] = []
        while let next = pending.popLast() {
            if next.kind == .beginGroup { depth += 1 }
            if next.kind == .endGroup { depth -= 1 }
            if depth == 0, next.kind == .character("]") { return tokens }
            tokens.append(next)
        }
        problems.append(MathProblem(offset: token.offset, message: "a '[' is not closed with ']'"))
        return tokens
    }

    private mutating func readName() -> String? {
        guard let tokens = readArgumentRaw() else { return nil }
        let named = tokens.filter { $0.kind != .space }
        guard named.count == 1, case .command(let name) = named[0].kind else { return nil }
        return name
    }

    private mutating func readNewcommand(at offset: Int, provide: Bool) {
        guard let name = readName() else {
            problems.append(MathProblem(offset: offset, message: "\\newcommand needs a command name such as {\\name}"))
            return
        }
        var parameters = 0
        if let count = readOptionalRaw() {
            let digits = count.map(\.text).joined()
            parameters = min(9, max(0, Int(digits) ?? 0))
        }
        let fallback = parameters > 0 ? readOptionalRaw() : nil
        let body = readArgumentRaw() ?? []
        if provide, macros.definitions[name] != nil { return }
        macros.definitions[name] = MacroDefinition(parameters: parameters, optionalDefault: fallback, body: body)
    }

    private mutating func readDef(at offset: Int) {
        guard let token = pending.popLast(), case .command(let name) = token.kind else {
            problems.append(MathProblem(offset: offset, message: "\\def needs a command name such as \\name"))
            return
        }
        var parameters = 0
        while let next = pending.last, next.kind != .beginGroup {
            pending.removeLast()
            if case .parameter(let number) = next.kind { parameters = max(parameters, number) }
        }
        let body = readArgumentRaw() ?? []
        macros.definitions[name] = MacroDefinition(parameters: parameters, body: body)
    }
}

/// A problem in a formula, at a UTF-8 offset into it.
public struct MathProblem: Hashable, Sendable {
    /// Where in the formula.
    public var offset: Int
    /// One sentence.
    public var message: String
    /// True for a command the converter does not know (the rest of the formula is rendered).
    public var isUnknownCommand = false
    /// The unknown command as written (`\foo`).
    public var command: String?
    /// A known command close to the unknown one.
    public var suggestion: String?
}
