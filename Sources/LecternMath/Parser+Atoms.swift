extension MathParser {
    /// One atom without its scripts: a character, a group, or a command with its arguments.
    mutating func parseAtom() -> (node: MathNode, limits: Placement)? {
        guard let token = expander.next() else { return nil }
        // Every nested construct passes through here, so this bounds the recursion.
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            if !broken {
                problems.append(MathProblem(offset: token.offset, message: "groups are nested more than \(Self.maximumDepth) deep"))
            }
            broken = true
            while expander.nextRaw() != nil {}
            return (.error("…"), .scripts)
        }
        switch token.kind {
        case .beginGroup:
            return (parseGroupBody(openedAt: token.offset), .scripts)
        case .endGroup, .alignment, .caret, .underscore:
            expander.pushBack(token)
            return (.row([], className: nil), .scripts)
        case .parameter(let number):
            problems.append(MathProblem(offset: token.offset, message: "'#\(number)' is only meaningful inside a macro definition"))
            return (.error("#\(number)"), .scripts)
        case .space:
            return parseAtom()
        case .character(let character):
            return (characterAtom(character), .scripts)
        case .command(let name):
            return commandAtom(name, token)
        }
    }

    /// Operators written as plain characters, and what they become.
    static let characterOperators: [Character: String] = [
        "+": "+", "-": "−", "*": "∗", "=": "=", "<": "<", ">": ">", "/": "/", "|": "|", "(": "(", ")": ")",
        "[": "[", "]": "]", ",": ",", ";": ";", ":": ":", "!": "!", "?": "?", ".": ".", "@": "@", "\"": "\"",
        "'": "′", "`": "‘",
    ]

    /// Fences that keep their size unless `\left`, `\right` or `\big` ask otherwise.
    static let fixedFences: Set<String> = ["(", ")", "[", "]", "|", "/", "{", "}", "⟨", "⟩", "⌈", "⌉", "⌊", "⌋", "‖"]

    mutating func characterAtom(_ character: Character) -> MathNode {
        if character.isASCII, character.isNumber || (character == "." && nextIsDigit()) {
            var digits = String(character)
            while let next = expander.peek(), case .character(let c) = next.kind, c.isASCII,
                  c.isNumber || (c == "." && !digits.contains(".")) {
                _ = expander.next()
                if c == ".", !nextIsDigit() {
                    expander.pushBack(Token(.character("."), at: next.offset))
                    break
                }
                digits.append(c)
            }
            if let font, font != .normal { return .number(font.apply(digits)) }
            return .number(digits)
        }
        if character.isLetter {
            guard let font else { return .identifier(String(character), normal: false) }
            var letters = String(character)
            while let next = expander.peek(), case .character(let c) = next.kind, c.isLetter {
                _ = expander.next()
                letters.append(c)
            }
            if font == .normal { return .identifier(letters, normal: letters.count == 1) }
            return .identifier(font.apply(letters), normal: false)
        }
        if character == "~" { return .space(0.25) }
        if let text = Self.characterOperators[character] {
            return .op(text, Self.fixedFences.contains(text) ? OperatorProperties(stretchy: false) : .plain)
        }
        return .identifier(String(character), normal: !character.isLetter)
    }

    private mutating func nextIsDigit() -> Bool {
        guard let next = expander.peek(), case .character(let c) = next.kind else { return false }
        return c.isASCII && c.isNumber
    }

    mutating func commandAtom(_ name: String, _ token: Token) -> (node: MathNode, limits: Placement) {
        if let letter = Symbols.letters[name] {
            return (.identifier(font.map { $0.apply(letter) } ?? letter, normal: false), .scripts)
        }
        if let letter = Symbols.uprightLetters[name] {
            if let font, font != .normal { return (.identifier(font.apply(letter), normal: false), .scripts) }
            return (.identifier(letter, normal: true), .scripts)
        }
        if let symbol = Symbols.binary[name] ?? Symbols.relations[name] ?? Symbols.ordinaryOperators[name] {
            return (.op(symbol, Self.fixedFences.contains(symbol) ? OperatorProperties(stretchy: false) : .plain), .scripts)
        }
        if let symbol = Symbols.largeOperators[name] {
            return (.op(symbol, OperatorProperties(largeop: true, movablelimits: true)), .movable)
        }
        if let symbol = Symbols.integrals[name] {
            return (.op(symbol, OperatorProperties(largeop: true)), .scripts)
        }
        if Symbols.functions.contains(name) {
            let text = Symbols.functionSpelling[name] ?? name
            atomIsFunction = true
            if Symbols.limitFunctions.contains(name) {
                return (.op(text, OperatorProperties(form: "prefix", movablelimits: true)), .movable)
            }
            return (.identifier(text, normal: false), .scripts)
        }
        if let width = Symbols.spaces[name] { return (.space(width), .scripts) }
        if let fence = Symbols.delimiters[name], name.count > 1 || "{}".contains(name) {
            return (.op(fence, OperatorProperties(stretchy: false)), .scripts)
        }
        if let variant = FontVariant.commands[name] {
            let saved = font
            font = variant
            let body = parseArgument()
            font = saved
            return (body, .scripts)
        }
        return structureAtom(name, token)
    }
}
