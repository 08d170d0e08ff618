/// One block being tokenized: the code, and the tokens of the line in progress.
struct Run {
    let tokenizer: Tokenizer
    let code: [UInt16]
    var buffer = UnsafeBufferPointer<UInt16>(start: nil, count: 0)
    private var tokens: [(Range<Int>, TokenClass?)] = []
    private var timeouts: [ObjectIdentifier: Int] = [:]
    /// Regex searches run and searches that ran out of time, for the robustness tests.
    private(set) var searchCount = 0
    private(set) var timeoutCount = 0

    init(tokenizer: Tokenizer, code: [UInt16]) {
        self.tokenizer = tokenizer
        self.code = code
    }

    /// Tokens of one line, updating the stack of open contexts.
    mutating func line(_ range: Range<Int>, index lineIndex: Int, frames: inout [Frame]) -> [(Range<Int>, TokenClass?)] {
        tokens = []
        var matchEnd = min(range.upperBound, range.lowerBound + Tokenizer.lineCap)
        if matchEnd < range.upperBound, UTF16.isTrailSurrogate(code[matchEnd]) { matchEnd -= 1 }
        var position = range.lowerBound
        var lastPosition = -1
        var repeats = 0
        while position <= matchEnd, let (at, found) = nextEvent(from: position, to: matchEnd, line: lineIndex, frames: frames) {
            emit(position..<at, frames[frames.count - 1].style)
            position = at
            if apply(found, at: at, line: lineIndex, frames: &frames, position: &position) {
                // Many events without moving are a cycle of empty matches: after a few,
                // step over one character.
                repeats = position == lastPosition ? repeats + 1 : 0
                lastPosition = position
                if repeats < 32 { continue }
            }
            guard position < matchEnd else { break }
            let step = UTF16.isLeadSurrogate(code[position]) && position + 1 < matchEnd ? 2 : 1
            emit(position..<(position + step), frames[frames.count - 1].style)
            position += step
            repeats = 0
        }
        emit(min(position, range.upperBound)..<range.upperBound, frames[frames.count - 1].style)
        closeAtLineEnd(&frames)
        return tokens
    }

    /// Contexts that end at a line's end close, with everything opened inside them, as far
    /// up as ancestors may end their children.
    private func closeAtLineEnd(_ frames: inout [Frame]) {
        var terminating: Int?
        var index = frames.count - 1
        while index > 0 {
            if frames[index].rule.endAtLineEnd {
                terminating = index
            } else if !frames[index].ancestorCanEnd {
                break
            }
            index -= 1
        }
        if let terminating { frames.removeSubrange(terminating...) }
    }

    private mutating func emit(_ range: Range<Int>, _ style: TokenClass?) {
        guard !range.isEmpty else { return }
        if let last = tokens.last, last.1 == style, last.0.upperBound == range.lowerBound {
            tokens[tokens.count - 1].0 = last.0.lowerBound..<range.upperBound
        } else {
            tokens.append((range, style))
        }
    }

    /// What matched at the earliest position: by candidate key, its groups and regex.
    private typealias Found = [Int: ([Range<Int>?], ICURegex)]

    /// The ancestors whose end may end the top context, outermost first.
    private func endingAncestors(_ frames: [Frame]) -> [Int] {
        var result: [Int] = []
        var index = frames.count - 1
        while index > 0, frames[index].ancestorCanEnd {
            if !frames[index].rule.extendParent { result.insert(index - 1, at: 0) }
            index -= 1
        }
        return result
    }

    private mutating func nextEvent(from position: Int, to lineEnd: Int, line: Int, frames: [Frame]) -> (Int, Found)? {
        let top = frames[frames.count - 1]
        var best = Int.max
        var found: Found = [:]
        func consider(_ key: Int, _ regex: ICURegex?) {
            guard let regex else { return }
            var match: [Range<Int>?]?
            if let cached = top.cache[key], cached.line == line,
               cached.match.map({ ($0[0]?.lowerBound ?? -1) >= position }) ?? true {
                match = cached.match
            } else {
                match = search(regex, from: position, to: lineEnd)
                top.cache[key] = (line, match)
            }
            guard let match, let start = match[0]?.lowerBound, start <= best else { return }
            if start < best {
                best = start
                found = [:]
            }
            found[key] = (match, regex)
        }
        consider(Self.ownEnd, top.end)
        for ancestor in endingAncestors(frames) { consider(Self.ancestorKey(ancestor), frames[ancestor].end) }
        for (childIndex, child) in top.rule.children.enumerated() {
            if child.rule.onceOnly, top.used.contains(childIndex) { continue }
            if child.rule.firstLineOnly, line > 0 { continue }
            switch child.rule.kind {
            case .simple(let pattern): consider(childIndex, tokenizer.regex(pattern))
            case .container(let start?, _): consider(childIndex, tokenizer.regex(start))
            default: continue
            }
        }
        return best == Int.max ? nil : (best, found)
    }

    private static let ownEnd = -1
    private static func ancestorKey(_ index: Int) -> Int { -2 - index }

    private mutating func search(_ regex: ICURegex, from position: Int, to lineEnd: Int) -> [Range<Int>?]? {
        let key = ObjectIdentifier(regex)
        if timeouts[key, default: 0] >= Tokenizer.timeoutsAllowed { return nil }
        searchCount += 1
        switch regex.firstMatch(in: buffer, from: position, lineEnd: lineEnd) {
        case .found(let groups): return groups
        case .none: return nil
        case .timedOut:
            timeoutCount += 1
            timeouts[key, default: 0] += 1
            return nil
        }
    }

    /// Applies what matched at `at` in the engine's order; false when nothing applies there.
    private mutating func apply(_ found: Found, at: Int, line: Int, frames: inout [Frame], position: inout Int) -> Bool {
        for ancestor in endingAncestors(frames) where found[Self.ancestorKey(ancestor)] != nil {
            // The ancestor's end is handled as its own end once its descendants are closed.
            frames.removeSubrange((ancestor + 1)...)
            return true
        }
        let top = frames[frames.count - 1]
        let endFound = found[Self.ownEnd]
        for (childIndex, child) in top.rule.children.enumerated() {
            guard let (groups, regex) = found[childIndex], let whole = groups[0] else { continue }
            if endFound != nil, !child.rule.extendParent { continue }
            let style = child.style ?? top.style
            switch child.rule.kind {
            case .container(_, let end):
                guard frames.count < Tokenizer.depthCap else { continue }
                if whole.isEmpty, let empty = top.emptyChild, empty.rule == ObjectIdentifier(child.rule), empty.position == at {
                    continue
                }
                let endRegex = end.flatMap { pattern in
                    pattern.refersToStart ? tokenizer.regex(pattern, start: groups, startRegex: regex, in: buffer)
                                          : tokenizer.regex(pattern)
                }
                if child.rule.onceOnly { top.used.insert(childIndex) }
                emitMatch(groups, regex: regex, base: child.rule.styleInside ? top.style : style,
                          subPatterns: child.rule.subPatterns, place: .start)
                let frame = Frame(rule: child.rule, style: style, parentStyle: top.style, end: endRegex,
                                  parent: top, depth: frames.count)
                frame.start = at
                frames.append(frame)
                position = whole.upperBound
                return true
            default:
                let endsParent = child.rule.endParent && frames.count >= 2
                // An empty match changes nothing unless it ends its parent (not where that began).
                if whole.isEmpty, !endsParent || top.start == at { continue }
                if child.rule.onceOnly { top.used.insert(childIndex) }
                emitMatch(groups, regex: regex, base: style, subPatterns: child.rule.subPatterns, place: .match)
                if endsParent { popEndingParents(&frames) }
                position = whole.upperBound
                return true
            }
        }
        guard let (groups, regex) = endFound, let whole = groups[0], frames.count > 1 else { return false }
        frames.removeLast()
        if whole.upperBound == top.start { frames[frames.count - 1].emptyChild = (ObjectIdentifier(top.rule), top.start) }
        emitMatch(groups, regex: regex, base: top.rule.styleInside ? top.parentStyle : top.style,
                  subPatterns: top.rule.subPatterns, place: .end)
        if top.rule.endParent, frames.count >= 2 { popEndingParents(&frames) }
        position = whole.upperBound
        return true
    }

    /// Closes the top context, and its parent while the closed one ends its parent too (the
    /// root and its children never end their parent).
    private func popEndingParents(_ frames: inout [Frame]) {
        var closed = frames.removeLast()
        while closed.rule.endParent, frames.count >= 2 { closed = frames.removeLast() }
    }

    /// A match in its base class, with the groups its sub-pattern contexts name in theirs.
    private mutating func emitMatch(_ groups: [Range<Int>?], regex: ICURegex?, base: TokenClass?,
                                    subPatterns: [Rule.SubPattern], place: Rule.SubPattern.Place) {
        guard let whole = groups[0] else { return }
        var spans: [(Range<Int>, TokenClass?)] = []
        for sub in subPatterns where sub.place == place {
            guard let range = RegexTranslation.group(sub.group, in: groups, regex: regex), !range.isEmpty else { continue }
            spans.append((range, sub.style ?? base))
        }
        spans.sort { $0.0.lowerBound < $1.0.lowerBound }
        var cursor = whole.lowerBound
        for (range, style) in spans where range.lowerBound >= cursor {
            emit(cursor..<range.lowerBound, base)
            emit(range, style)
            cursor = range.upperBound
        }
        emit(cursor..<whole.upperBound, base)
    }
}
