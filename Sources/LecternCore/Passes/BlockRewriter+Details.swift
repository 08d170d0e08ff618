import Foundation
import LecternText

extension BlockRewriter {
    /// Splits a trailing attribute token off a heading's inlines.
    func headingAttributes(_ list: [Inline]) -> (Attributes, [Inline]) {
        guard let last = list.last, case .text(let text) = last.kind,
              text.containsByte(0xEE) else { return (.empty, list) }  // no token mark, no attribute list
        let trimmed = Self.withoutTrailingWhitespace(Substring(text))
        guard String(trimmed).hasSuffix("\u{E001}"), let lead = trimmed.lastIndex(of: "\u{E000}"),
              let (index, _) = InlineResolver.leadingToken(trimmed[lead...]), index < prepared.tokens.count,
              case .attributes(let attributes) = prepared.tokens[index].kind else { return (.empty, list) }
        var rest = Array(list.dropLast())
        let before = Self.withoutTrailingWhitespace(trimmed[..<lead])
        if !before.isEmpty { rest.append(Inline(.text(String(before)), last.range)) }
        while let tail = rest.last, case .softBreak = tail.kind { rest.removeLast() }
        return (attributes, rest)
    }

    /// The text without the whitespace characters at its end, looked at from the end only.
    static func withoutTrailingWhitespace(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    /// `> [!NOTE]` and friends become callout divs, as GitHub renders them.
    mutating func alert(_ range: SourceRange, _ children: [Block]) -> Block {
        let quote = Block(.blockQuote(children), range)
        guard let first = children.first, case .para(var inlines) = first.kind,
              let head = inlines.first, case .text(let text) = head.kind, text.hasPrefix("[!"),
              let close = text.firstIndex(of: "]") else { return quote }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        guard ["note", "tip", "important", "warning", "caution"].contains(kind) else { return quote }
        let rest = text[text.index(after: close)...].drop(while: \.isWhitespace)
        inlines.removeFirst()
        if !rest.isEmpty { inlines.insert(Inline(.text(String(rest)), head.range), at: 0) }
        while let lead = inlines.first, case .softBreak = lead.kind { inlines.removeFirst() }
        var body = Array(children.dropFirst())
        if !inlines.isEmpty { body.insert(Block(.para(inlines), first.range), at: 0) }
        return Block(.div(Attributes(classes: ["callout-\(kind)"]), body), range)
    }

    /// Reads ```` ```{.python .numberLines} ````, ```` ```python ```` and ```` ```{=html} ````.
    mutating func codeBlock(_ range: SourceRange, _ attributes: Attributes, _ code: String) -> Block? {
        // A fence the pre-pass did not see (inside a block quote) may hold tokens in its info
        // and its lines: the author's text goes back in their place.
        let code = resolver.restore(code)
        guard let info = attributes["\u{E000}info"].map({ resolver.restore($0) })?.trimmingWhitespaces(),
              !info.isEmpty else {
            return Block(.codeBlock(.empty, code), range)
        }
        var result = Attributes()
        var rest = Substring(info)
        if !info.hasPrefix("{") {
            let word = rest.prefix(while: { !$0.isWhitespace && $0 != "{" })
            result.classes.append(String(word))
            rest = rest.dropFirst(word.count).drop(while: \.isWhitespace)
        }
        if rest.hasPrefix("{") {
            switch AttributeParser.parse(Array(rest.utf8), from: 0) {
            case .success(let parsed, _):
                result.id = parsed.id
                result.classes += parsed.classes
                result.pairs = parsed.pairs
            case .raw(let format, _):
                if format == "html" || format == "html5" { return Block(.rawBlock(format: "html", code), range) }
                if format == "tex" || format == "latex", RawTeX.definesMacro(code.trimmingASCIISpace().description) {
                    texDefinitions.append(RawTeX(text: code, range: range))
                }
                return nil
            case .failure(_, let message):
                bag.report("attributes.malformed", ["problem": message + " (on a code block)"], at: range)
            }
        }
        return Block(.codeBlock(result, code), range)
    }
}

/// Removes `<!-- ... -->` from raw HTML, so comments never reach a page.
enum HTMLComments {
    static func strip(_ html: String) -> String {
        guard html.contains("<!--") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
