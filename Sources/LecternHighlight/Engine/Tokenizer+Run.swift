/// One block being tokenized: the code, and the tokens of the line in progress.
struct Run {
    let tokenizer: Tokenizer
    let code: [UInt16]
    var buffer = UnsafeBufferPointer<UInt16>(start: nil, count: 0)
    /// Tokens of the line in progress.
    var tokens: [(Range<Int>, TokenClass?)] = []
    /// Time-outs of each pattern: grammar patterns by number, filled-in ones by identity.
    private var timeouts: [Int]
    private var filledTimeouts: [ObjectIdentifier: Int] = [:]
    /// The last search of each pattern: from where, up to where, and the start it found.
    private var searches: [(from: Int, end: Int, start: Int?)?]
    private var filledSearches: [ObjectIdentifier: (from: Int, end: Int, start: Int?)] = [:]
    /// Regex searches run and searches that ran out of time, for the robustness tests.
    private(set) var searchCount = 0
    private(set) var timeoutCount = 0

    init(tokenizer: Tokenizer, code: [UInt16], patternCount: Int) {
        self.tokenizer = tokenizer
        self.code = code
        timeouts = Array(repeating: 0, count: patternCount)
        searches = Array(repeating: nil, count: patternCount)
    }

    /// Tokens of one line, updating the stack of open contexts.
    mutating func line(_ range: Range<Int>, index lineIndex: Int, frames: inout [Frame]) -> [(Range<Int>, TokenClass?)] {
        tokens = []
        var matchEnd = min(range.upperBound, range.lowerBound + Tokenizer.lineCap)
        if matchEnd < range.upperBound, UTF16.isTrailSurrogate(code[matchEnd]) { matchEnd -= 1 }
        var position = range.lowerBound
        var lastPosition = -1
        var repeats = 0
        while position <= matchEnd, let at = nextEvent(from: position, line: range.lowerBound..<matchEnd, line: lineIndex, frames: frames) {
            emit(position..<at, frames[frames.count - 1].style)
            position = at
            if apply(at: at, line: range.lowerBound..<matchEnd, line: lineIndex, frames: &frames, position: &position) {
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

    /// The ancestors whose end may end the top context, outermost first.
    private func endingAncestors(_ frames: [Frame]) -> [Int] {
        var result: [Int] = []
        var index = frames.count - 1
        while index > 0, frames[index].ancestorCanEnd {
            if !frames[index].rule.flags.extendParent { result.insert(index - 1, at: 0) }
            index -= 1
        }
        return result
    }

    /// The candidates of the top context in the engine's order of precedence: ending
    /// ancestors' ends (outermost first), the children that may start on this line, the
    /// context's own end. Keys: a child's index, -1 for the own end, -2 - i for ancestor i.
    private func candidates(_ frames: [Frame], line: Int) -> [(key: Int, regex: ICURegex)] {
        let top = frames[frames.count - 1]
        // Fixed while the frame is on top, but for once-only children and the first line.
        if let cached = top.candidates, cached.firstLine == (line == 0), cached.used == top.used.count { return cached.list }
        var result: [(key: Int, regex: ICURegex)] = []
        for ancestor in endingAncestors(frames) {
            if let end = frames[ancestor].end { result.append((-2 - ancestor, end)) }
        }
        for (childIndex, regex) in tokenizer.childRegexes(top.rule).enumerated() {
            guard let regex else { continue }
            let child = top.rule.children[childIndex].rule
            if child.flags.onceOnly, top.used.contains(childIndex) { continue }
            if child.flags.firstLineOnly, line > 0 { continue }
            result.append((childIndex, regex))
        }
        if let end = top.end { result.append((-1, end)) }
        top.candidates = (line == 0, top.used.count, result)
        return result
    }

    /// The earliest position at or after `position`, on this line, where a candidate of the
    /// top context starts. Each candidate's next start is kept on the frame until passed; the
    /// root context, which lives for the whole block, looks ahead past the line so that a
    /// pattern absent from the block is searched once, not once per line.
    private mutating func nextEvent(from position: Int, line range: Range<Int>, line: Int, frames: [Frame]) -> Int? {
        let top = frames[frames.count - 1]
        var window: Int?
        var best: Int?
        for (key, regex) in candidates(frames, line: line) {
            var from = position
            if let entry = top[candidate: key] {
                if let start = entry.start, start >= position {
                    if start <= range.upperBound, start < (best ?? Int.max) { best = start }
                    continue
                }
                if entry.start == nil, position <= entry.searchedTo {
                    // Nothing starts up to `searchedTo`: look on from there when that is not
                    // past this line.
                    guard entry.searchedTo < range.upperBound else { continue }
                    from = entry.searchedTo + (UTF16.isLeadSurrogate(code[entry.searchedTo]) ? 2 : 1)
                }
            }
            // Worked out only when a search is needed: most events reuse what is known.
            let lookahead = window ?? (frames.count == 1 ? lookaheadEnd(range.upperBound, position) : range.upperBound)
            window = lookahead
            let start = from <= lookahead ? search(regex, from: from, to: lookahead) : nil
            top[candidate: key] = (start, lookahead)
            if let start, start <= range.upperBound, start < (best ?? Int.max) { best = start }
        }
        return best
    }

    /// Where the root context's search ends: a line end about `Tokenizer.lookahead` on, so
    /// that no match is cut by the window (a match found past a line must fit that line).
    private func lookaheadEnd(_ lineEnd: Int, _ position: Int) -> Int {
        let target = min(code.count, max(lineEnd, position + Tokenizer.lookahead))
        var end = target
        while end < code.count, end < target + Tokenizer.lookahead, code[end] != 0x0A { end += 1 }
        return end < code.count && code[end] != 0x0A ? target : end
    }

    private mutating func search(_ regex: ICURegex, from position: Int, to end: Int) -> Int? {
        if timeouts(of: regex) >= Tokenizer.timeoutsAllowed { return nil }
        // Contexts share patterns (a language's expressions, comments, strings): a search
        // made for another context over the same stretch answers for this one too.
        let known = regex.slot >= 0 ? searches[regex.slot] : filledSearches[ObjectIdentifier(regex)]
        if let known, known.end == end, known.from <= position, known.start.map({ position <= $0 }) ?? true {
            return known.start
        }
        searchCount += 1
        let found: Int?
        switch regex.firstStart(in: buffer, from: position, end: end) {
        case .found(let start):
            found = start
        case .none:
            found = nil
        case .timedOut:
            timeoutCount += 1
            if regex.slot >= 0 { timeouts[regex.slot] += 1 } else { filledTimeouts[ObjectIdentifier(regex), default: 0] += 1 }
            return nil
        }
        if regex.slot >= 0 { searches[regex.slot] = (position, end, found) } else { filledSearches[ObjectIdentifier(regex)] = (position, end, found) }
        return found
    }

    private func timeouts(of regex: ICURegex) -> Int {
        regex.slot >= 0 ? timeouts[regex.slot] : filledTimeouts[ObjectIdentifier(regex), default: 0]
    }

    /// The match of a candidate starting exactly at `at` within the line, when its next
    /// start is there; a candidate found there by a look-ahead search whose match does not
    /// fit the line is searched again past `at`.
    private mutating func match(_ key: Int, _ regex: ICURegex, at: Int, line range: Range<Int>, top: Frame) -> [Range<Int>?]? {
        guard let entry = top[candidate: key], entry.start == at else { return nil }
        guard timeouts(of: regex) < Tokenizer.timeoutsAllowed else { return nil }
        searchCount += 1
        switch regex.match(in: buffer, at: at, lineEnd: range.upperBound) {
        case .found(let groups): return groups
        case .none, .timedOut:
            top[candidate: key] = (nil, at)
            return nil
        }
    }

    /// Applies what matches at `at`, in the engine's order: an ending ancestor's end, then
    /// the children, then the context's own end; false when nothing applies there.
    private mutating func apply(at: Int, line range: Range<Int>, line: Int, frames: inout [Frame], position: inout Int) -> Bool {
        let top = frames[frames.count - 1]
        let candidates = candidates(frames, line: line)
        for (key, regex) in candidates where key <= -2 {
            guard match(key, regex, at: at, line: range, top: top) != nil else { continue }
            // The ancestor's end is handled as its own end once its descendants are closed.
            frames.removeSubrange((-2 - key + 1)...)
            return true
        }
        let endFound = candidates.last.flatMap { $0.key == -1 ? match(-1, $0.regex, at: at, line: range, top: top) : nil }
        for (childIndex, regex) in candidates where childIndex >= 0 {
            let child = top.rule.children[childIndex]
            if endFound != nil, !child.rule.flags.extendParent { continue }
            guard let groups = match(childIndex, regex, at: at, line: range, top: top), let whole = groups[0] else { continue }
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
                if child.rule.flags.onceOnly { top.used.insert(childIndex) }
                emitMatch(groups, regex: regex, base: child.rule.flags.styleInside ? top.style : style,
                          subPatterns: child.rule.subPatterns, place: .start)
                let frame = Frame(rule: child.rule, style: style, parentStyle: top.style, end: endRegex,
                                  parent: top, depth: frames.count)
                frame.start = at
                frames.append(frame)
                position = whole.upperBound
                return true
            default:
                let endsParent = child.rule.flags.endParent && frames.count >= 2
                // An empty match changes nothing unless it ends its parent (not where that began).
                if whole.isEmpty, !endsParent || top.start == at { continue }
                if child.rule.flags.onceOnly { top.used.insert(childIndex) }
                emitMatch(groups, regex: regex, base: style, subPatterns: child.rule.subPatterns, place: .match)
                if endsParent { popEndingParents(&frames) }
                position = whole.upperBound
                return true
            }
        }
        guard let groups = endFound, let whole = groups[0], frames.count > 1 else { return false }
        frames.removeLast()
        if whole.upperBound == top.start { frames[frames.count - 1].emptyChild = (ObjectIdentifier(top.rule), top.start) }
        emitMatch(groups, regex: top.end, base: top.rule.flags.styleInside ? top.parentStyle : top.style,
                  subPatterns: top.rule.subPatterns, place: .end)
        if top.rule.flags.endParent, frames.count >= 2 { popEndingParents(&frames) }
        position = whole.upperBound
        return true
    }
}
