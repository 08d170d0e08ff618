/// Runs a grammar over code, line by line, with the semantics of GtkSourceView's context
/// engine: a stack of open contexts; the next event is at the earliest position where the
/// top context's end, an end of an ancestor it may not extend past, or one of its children
/// matches. There an ancestor's end wins, then the children in order, then the context's
/// own end. One tokenizer per thread: it owns its copies of the compiled patterns.
final class Tokenizer {
    /// Lines longer than this are matched up to here; the rest keeps the style it is in.
    static let lineCap = 10_000
    /// Open contexts beyond this depth are not opened (a file of nested comments stays linear).
    static let depthCap = 100
    /// A pattern that runs out of time this often in one block is not tried again in it.
    static let timeoutsAllowed = 2
    /// How far past the current line the root context looks for its candidates' next start.
    static let lookahead = 65_536

    /// What this tokenizer compiled, per grammar; `current` is the one of the block in progress.
    private var compiled: [ObjectIdentifier: CompiledGrammar] = [:]
    private var current: CompiledGrammar?
    /// Searches and time-outs of the last block, for the robustness tests.
    private(set) var lastWork = (searches: 0, timeouts: 0)
    private var compiledFilled: [String: ICURegex?] = [:]

    /// The tokens of each line: ranges of UTF-16 offsets into `code` with their class.
    func tokenize(_ code: [UInt16], grammar: Grammar) -> [[(Range<Int>, TokenClass?)]] {
        let key = ObjectIdentifier(grammar)
        let patterns = compiled[key] ?? CompiledGrammar(grammar)
        compiled[key] = patterns
        current = patterns
        var run = Run(tokenizer: self, code: code, patternCount: grammar.patternCount)
        return code.withUnsafeBufferPointer { buffer in
            run.buffer = buffer
            var frames = [Frame(rule: grammar.main, style: grammar.main.style, parentStyle: nil, end: nil, parent: nil, depth: 0)]
            var lines: [[(Range<Int>, TokenClass?)]] = []
            var lineStart = 0
            var lineIndex = 0
            while lineStart <= code.count {
                var lineEnd = lineStart
                while lineEnd < code.count, code[lineEnd] != 0x0A { lineEnd += 1 }
                let contentEnd = lineEnd > lineStart && code[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                lines.append(run.line(lineStart..<contentEnd, index: lineIndex, frames: &frames))
                lineIndex += 1
                lineStart = lineEnd + 1
                if lineEnd == code.count { break }
            }
            lastWork = (run.searchCount, run.timeoutCount)
            return lines
        }
    }

    /// The regex that starts each child of a rule (its match or start), nil where none compiles.
    /// Only for rules of the grammar being tokenized.
    func childRegexes(_ rule: Rule) -> [ICURegex?] {
        let patterns = current!
        if let known = patterns.children[rule.serial] { return known }
        let made = rule.children.map { child -> ICURegex? in
            switch child.rule.kind {
            case .simple(let pattern): return regex(pattern)
            case .container(let start?, _): return regex(start)
            default: return nil
            }
        }
        patterns.children[rule.serial] = made
        return made
    }

    /// A pattern of the grammar being tokenized, compiled on first use.
    func regex(_ pattern: Pattern) -> ICURegex? {
        let patterns = current!
        if let known = patterns.regexes[pattern.serial] { return known }
        let made = pattern.makeRegex()
        made?.slot = pattern.serial
        patterns.regexes[pattern.serial] = .some(made)
        return made
    }

    /// An end pattern with its `\%{n@start}` filled in from the start match.
    func regex(_ pattern: Pattern, start groups: [Range<Int>?], startRegex: ICURegex?, in code: UnsafeBufferPointer<UInt16>) -> ICURegex? {
        let filled = RegexTranslation.fillStartReferences(pattern.source) { name in
            RegexTranslation.group(name, in: groups, regex: startRegex).map { String(decoding: code[$0], as: UTF16.self) }
        }
        let key = (pattern.caseInsensitive ? "i" : "s") + (pattern.extended ? "x" : "") + filled
        if let known = compiledFilled[key] { return known }
        let made = ICURegex(filled, caseInsensitive: pattern.caseInsensitive, extended: pattern.extended)
        if compiledFilled.count > 4096 { compiledFilled.removeAll() }
        compiledFilled[key] = made
        return made
    }
}

/// A tokenizer's compiled patterns for one grammar, by the numbers the grammar gives its
/// patterns and rules: looked up in arrays, where a dictionary hashed an object per event.
final class CompiledGrammar {
    /// Held, so that no other grammar can take its place under the same identity.
    let grammar: Grammar
    /// Per pattern: nil until compiled, then the regex or nil where ICU refused it.
    var regexes: [ICURegex??]
    /// Per rule: its children's start regexes, once asked for.
    var children: [[ICURegex?]?]

    init(_ grammar: Grammar) {
        self.grammar = grammar
        regexes = Array(repeating: nil, count: grammar.patternCount)
        children = Array(repeating: nil, count: grammar.ruleCount)
    }
}

/// An open context.
final class Frame {
    let rule: Rule
    /// The class of text inside it.
    let style: TokenClass?
    /// The class of the text around it (its start and end when `style-inside`).
    let parentStyle: TokenClass?
    let end: ICURegex?
    /// Where it starts, to refuse an empty match that would end it where it began.
    var start = 0
    var used: Set<Int> = []
    /// A child that opened and closed without consuming anything, and where: it may not
    /// open there again (the engine would loop).
    var emptyChild: (rule: ObjectIdentifier, position: Int)?
    /// Per candidate: where it next starts, or nil when it does not start before
    /// `searchedTo`; kept until passed. Read through `subscript(candidate:)`.
    private var cache: [(start: Int?, searchedTo: Int)?]
    /// The candidates while on top, for the first line or not and the once-only children used.
    var candidates: (firstLine: Bool, used: Int, list: [(key: Int, regex: ICURegex)])?
    /// The root and its children are never ended by an ancestor; deeper contexts are when
    /// they, or a context between, do not extend their parent.
    let ancestorCanEnd: Bool
    /// True when this context, as a parent, lets its children extend it.
    let extendsParent: Bool
    private let allAncestorsExtend: Bool

    init(rule: Rule, style: TokenClass?, parentStyle: TokenClass?, end: ICURegex?, parent: Frame?, depth: Int) {
        self.rule = rule
        self.style = style
        self.parentStyle = parentStyle
        self.end = end
        cache = Array(repeating: nil, count: rule.children.count + 1 + depth)
        allAncestorsExtend = parent.map { $0.allAncestorsExtend && $0.extendsParent } ?? true
        extendsParent = depth < 2 || rule.flags.extendParent
        ancestorCanEnd = depth >= 2 && (!rule.flags.extendParent || !allAncestorsExtend)
    }
}

extension Frame {
    /// What is known of a candidate, by its key: a child's index, -1 for the own end, -2 - i
    /// for ancestor i. Children come first in the array, then the own end, then ancestors.
    subscript(candidate key: Int) -> (start: Int?, searchedTo: Int)? {
        get { cache[slot(key)] }
        set { cache[slot(key)] = newValue }
    }

    private func slot(_ key: Int) -> Int {
        key >= 0 ? key : rule.children.count - 1 - key
    }
}
