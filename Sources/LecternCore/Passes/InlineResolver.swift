import Foundation
import LecternText

/// Resolves the pre-pass's inline tokens: math, attributes, spans, sub/superscripts,
/// dropped TeX, citations and footnotes.
struct InlineResolver {
    let prepared: PreparedSource
    var bag: DiagnosticBag
    /// Footnote contents by label, already rewritten.
    var footnotes: [String: [Block]] = [:]

    private enum Piece {
        case inline(Inline)
        case token(Int, SourceRange)
    }

    /// Resolves one inline list whose children lists are already resolved; `links` says
    /// where its bare addresses become links.
    mutating func resolve(_ inlines: [Inline], links: Autolinks.Context) -> [Inline] {
        var output: [Inline] = []
        var scripts: [(token: Int, position: Int)] = []
        for piece in split(merge(inlines)) {
            switch piece {
            case .inline(let inline):
                output.append(inline)
            case .token(let index, let range):
                let token = prepared.tokens[index]
                switch token.kind {
                case .drop, .referenceAttributes:
                    break
                case .lineBreak:
                    output.append(Inline(.lineBreak, range))
                case .escapedAt:
                    // Kept apart from the text around it, so no citation is read across it.
                    output.append(Inline(.span(.empty, [Inline(.text("@"), range)]), range))
                case .citation(let key):
                    output.append(Inline(.cite(keys: [key], [Inline(.text("@" + key), range)]), range))
                case .math:
                    output.append(Inline(.text(token.original), range))
                case .attributes(let attributes):
                    if attach(attributes, to: &output, range: range) {
                        // A bracketed span took the inlines after its `[` into one node; an
                        // open `^` or `~` among them stays text and pairs with nothing after.
                        scripts.removeAll { $0.position >= output.count - 1 }
                    } else {
                        bag.report("attributes.unattached", at: token.range)
                        output.append(Inline(.text(token.original), range))
                    }
                case .rawAttribute(let format):
                    if let last = output.last, case .code(_, let code) = last.kind {
                        output.removeLast()
                        if format == "html" || format == "html5" {
                            output.append(Inline(.rawInline(format: "html", code), last.range.union(range)))
                        }
                    } else {
                        output.append(Inline(.text(token.original), range))
                    }
                case .subscriptOpen, .superscriptOpen, .inlineNoteOpen:
                    scripts.append((index, output.count))
                    output.append(Inline(.text(token.original), range))
                case .subscriptClose, .superscriptClose, .inlineNoteClose:
                    let openKind: Token.Kind = token.kind == .subscriptClose ? .subscriptOpen
                        : token.kind == .superscriptClose ? .superscriptOpen : .inlineNoteOpen
                    if let last = scripts.last, prepared.tokens[last.token].kind == openKind {
                        scripts.removeLast()
                        let content = Array(output[(last.position + 1)...])
                        let whole = output[last.position].range.union(range)
                        output.removeSubrange(last.position...)
                        switch openKind {
                        case .subscriptOpen: output.append(Inline(.subscript(content), whole))
                        case .superscriptOpen: output.append(Inline(.superscript(content), whole))
                        default: output.append(Inline(.note([Block(.para(content), whole)]), whole))
                        }
                    } else {
                        output.append(Inline(.text(token.original), range))
                    }
                }
            }
        }
        return finish(output, links: links)
    }

    /// Joins text and finds citations and abbreviations, also inside spans, scripts and
    /// inline notes the tokens built (cmark's own containers were resolved on their own).
    private func finish(_ inlines: [Inline], links: Autolinks.Context) -> [Inline] {
        let inner = !inlines.contains(where: \.holdsResolvedInlines) ? inlines : inlines.map { inline -> Inline in
            var inline = inline
            switch inline.kind {
            case .span(let attributes, let children): inline.kind = .span(attributes, finish(children, links: .none))
            case .superscript(let children): inline.kind = .superscript(finish(children, links: links == .none ? .none : .afterText))
            case .subscript(let children): inline.kind = .subscript(finish(children, links: links == .none ? .none : .afterDelimiter))
            case .note(let blocks) where blocks.count == 1:
                if case .para(let children) = blocks[0].kind { inline.kind = .note([Block(.para(finish(children, links: .none)), blocks[0].range)]) }
            default: break
            }
            return inline
        }
        // Addresses first: `@` inside one (`https://example.org/@name`) is not a citation.
        var resolved = Citations.resolve(Autolinks.apply(merge(inner), in: links))
        if !prepared.exampleLabels.isEmpty {
            // `@label` of an example list item is its number, as pandoc writes it.
            resolved = merge(resolved.map { inline in
                guard case .cite(let keys, let children) = inline.kind, keys.count == 1,
                      let number = prepared.exampleLabels[keys[0]], Inline.plainText(children) == "@" + keys[0] else { return inline }
                return Inline(.text(String(number)), inline.range)
            })
        }
        return Abbreviations.apply(resolved)
    }

    /// Adjacent text nodes joined, so that syntax split by cmark can be seen whole.
    private func merge(_ inlines: [Inline]) -> [Inline] {
        guard inlines.indices.dropFirst().contains(where: { inlines[$0].isText && inlines[$0 - 1].isText }) else { return inlines }
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            if case .text(let next) = inline.kind, let last = out.last, case .text(let previous) = last.kind {
                out[out.count - 1] = Inline(.text(previous + next), last.range.union(inline.range))
            } else {
                out.append(inline)
            }
        }
        return out
    }

    private mutating func split(_ inlines: [Inline]) -> [Piece] {
        var pieces: [Piece] = []
        for inline in inlines {
            switch inline.kind {
            case .text(let text) where text.containsByte(0xEE):
                pieces += splitText(text, range: inline.range)
            case .code(let attributes, let code):
                if let (index, _) = Self.leadingToken(code), index < prepared.tokens.count,
                   case .math(let kind, let body) = prepared.tokens[index].kind {
                    pieces.append(.inline(Inline(.math(kind, body), prepared.tokens[index].range)))
                } else {
                    pieces.append(.inline(Inline(.code(attributes, restore(code)), inline.range)))
                }
            case .rawInline(let format, let label) where format == "\u{E000}footnote":
                if let blocks = footnotes[label] {
                    pieces.append(.inline(Inline(.note(blocks), inline.range)))
                } else {
                    pieces.append(.inline(Inline(.text("[^\(label)]"), inline.range)))
                }
            case .rawInline(let format, let html):
                let kept = format == "html" ? HTMLComments.strip(restore(html)) : restore(html)
                if !kept.isEmpty { pieces.append(.inline(Inline(.rawInline(format: format, kept), inline.range))) }
            case .link(let attributes, let children, let target):
                let merged = referenceAttributes(in: target.url).map { attributes.defaulting(to: $0) } ?? attributes
                pieces.append(.inline(Inline(.link(merged, children, Target(url: restore(target.url), title: restore(target.title))), inline.range)))
            case .image(let attributes, let children, let target):
                pieces.append(.inline(Inline(.image(attributes, children, Target(url: restore(target.url), title: restore(target.title))), inline.range)))
            default:
                pieces.append(.inline(inline))
            }
        }
        return pieces
    }

    private func splitText(_ text: String, range: SourceRange) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        // Text after a token starts right after the syntax the token replaced.
        var pieceRange = range
        while let lead = rest.unicodeScalars.firstIndex(of: "\u{E000}") {
            let before = rest[..<lead]
            guard let (index, end) = Self.leadingToken(rest[lead...]), index < prepared.tokens.count else {
                pieces.append(.inline(Inline(.text(Self.withoutFiller(rest[...lead])), pieceRange)))
                rest = rest[rest.index(after: lead)...]
                continue
            }
            let kept = Self.withoutFiller(before)
            if !kept.isEmpty { pieces.append(.inline(Inline(.text(kept), pieceRange))) }
            let tokenRange = prepared.tokens[index].range
            pieces.append(.token(index, tokenRange))
            if tokenRange != .unknown, range != .unknown {
                pieceRange = SourceRange(start: SourceLocation(line: tokenRange.end.line, column: tokenRange.end.column + 1), end: range.end)
            }
            rest = rest[end...]
        }
        let remaining = Self.withoutFiller(rest)
        if !remaining.isEmpty { pieces.append(.inline(Inline(.text(remaining), pieceRange))) }
        return pieces
    }

    /// Text without the filler that stands for lines a multi-line token covered.
    static func withoutFiller(_ text: Substring) -> String {
        // By scalars: a combining mark after the filler joins it into one Character.
        text.containsByte(0xEE) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E002}" })) : String(text)
    }

    /// A token at the start of `text`: its index and where it ends. Read by scalars: a
    /// combining mark after a token joins its closing scalar into one Character.
    static func leadingToken<S: StringProtocol>(_ text: S) -> (Int, String.Index)? {
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        guard cursor < scalars.endIndex, scalars[cursor] == "\u{E000}" else { return nil }
        cursor = scalars.index(after: cursor)
        guard cursor < scalars.endIndex, scalars[cursor] == "T" else { return nil }
        cursor = scalars.index(after: cursor)
        var index = 0, digits = 0
        while cursor < scalars.endIndex, (0x30...0x39).contains(scalars[cursor].value), digits < 9 {
            index = index * 10 + Int(scalars[cursor].value - 0x30)
            digits += 1
            cursor = scalars.index(after: cursor)
        }
        // Callers index the token table with this; markers only come from the pre-pass.
        guard digits > 0, cursor < scalars.endIndex, scalars[cursor] == "\u{E001}" else { return nil }
        return (index, scalars.index(after: cursor))
    }

    /// Puts back the author's text for any token found where syntax is literal (code, URLs, HTML).
    /// The attributes a reference definition gave a link, carried in its destination.
    private func referenceAttributes(in url: String) -> Attributes? {
        guard let lead = url.unicodeScalars.firstIndex(of: "\u{E000}"), let (index, _) = Self.leadingToken(url[lead...]),
              index < prepared.tokens.count, case .referenceAttributes(let attributes) = prepared.tokens[index].kind else { return nil }
        return attributes
    }

    func restore(_ text: String) -> String {
        // Every marker is a private-use character whose UTF-8 form starts with 0xEE.
        guard text.containsByte(0xEE) else { return text }
        var out = ""
        var rest = Substring(text)
        while let lead = rest.unicodeScalars.firstIndex(of: "\u{E000}") {
            out += rest[..<lead]
            if let (index, end) = Self.leadingToken(rest[lead...]), index < prepared.tokens.count {
                out += prepared.tokens[index].original
                rest = rest[end...]
            } else if let marker = Marker.parseBlock("<!--" + rest[lead...].prefix(while: { $0 != "-" }) + "-->"),
                      marker.letter == "F" || marker.letter == "C", marker.index < prepared.fences.count {
                out.removeLast(min(4, out.count))
                out += marker.letter == "F" ? prepared.fences[marker.index].original : ":::"
                let skip = rest[lead...].firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
                rest = rest[skip...]
            } else {
                out.append(rest[lead])
                rest = rest[rest.index(after: lead)...]
            }
        }
        out += rest
        return Self.withoutFiller(Substring(out))
    }
}

private extension Inline {
    var isText: Bool {
        if case .text = kind { return true }
        return false
    }

    /// A span, script or note whose children `finish` reads again.
    var holdsResolvedInlines: Bool {
        switch kind {
        case .span, .superscript, .subscript: return true
        case .note(let blocks): return blocks.count == 1
        default: return false
        }
    }
}
