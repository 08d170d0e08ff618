/// One token of TeX math: a control sequence, a character, or a piece of syntax.
public struct Token: Hashable, Sendable {
    /// What the token is.
    public enum Kind: Hashable, Sendable {
        /// `\name` or a control symbol such as `\,` (the name is without the backslash).
        case command(String)
        /// Any other character.
        case character(Character)
        /// `{`
        case beginGroup
        /// `}`
        case endGroup
        /// `^`
        case caret
        /// `_`
        case underscore
        /// `&`
        case alignment
        /// `#1`…`#9` in a macro body.
        case parameter(Int)
        /// A run of spaces or one line break.
        case space
    }

    /// What the token is.
    public var kind: Kind
    /// UTF-8 offset of the token in the formula (where warnings point); expanded tokens keep the macro's offset.
    public var offset: Int

    /// Creates a token.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The TeX text of the token, for error messages and `\text` of unknown commands.
    public var text: String {
        switch kind {
        case .command(let name): return "\\" + name
        case .character(let character): return String(character)
        case .beginGroup: return "{"
        case .endGroup: return "}"
        case .caret: return "^"
        case .underscore: return "_"
        case .alignment: return "&"
        case .parameter(let number): return "#\(number)"
        case .space: return " "
        }
    }
}

/// Splits TeX math into tokens, in linear time; never fails.
public enum Lexer {
    /// The tokens of `source`; `%` comments run to the end of the line and are dropped.
    public static func tokens(_ source: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(source.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += String(scalar).utf8.count
        }
        offsets.append(offset)
        var index = 0
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let at = offsets[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else {
                    tokens.append(Token(.character("\\"), at: at))
                    index += 1
                    continue
                }
                var end = index + 1
                if isLetter(scalars[end]) {
                    while end < scalars.count, isLetter(scalars[end]) { end += 1 }
                    let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                    tokens.append(Token(.command(name), at: at))
                    // Spaces after a control word are part of it, as in TeX.
                    while end < scalars.count, scalars[end] == " " || scalars[end] == "\t" || scalars[end] == "\n" { end += 1 }
                    index = end
                } else {
                    tokens.append(Token(.command(String(scalars[end])), at: at))
                    index = end + 1
                }
            case "{": tokens.append(Token(.beginGroup, at: at)); index += 1
            case "}": tokens.append(Token(.endGroup, at: at)); index += 1
            case "^": tokens.append(Token(.caret, at: at)); index += 1
            case "_": tokens.append(Token(.underscore, at: at)); index += 1
            case "&": tokens.append(Token(.alignment, at: at)); index += 1
            case "%":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "#":
                if index + 1 < scalars.count, let digit = Int(String(scalars[index + 1])), digit > 0 {
                    tokens.append(Token(.parameter(digit), at: at))
                    index += 2
                } else {
                    tokens.append(Token(.character("#"), at: at))
                    index += 1
                }
            case " ", "\t", "\n", "\r":
                while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
                tokens.append(Token(.space, at: at))
            default:
                tokens.append(Token(.character(Character(scalar)), at: at))
                index += 1
            }
        }
        return tokens
    }
}
