/// How a run writes tokens and closes contexts.
extension Run {
    /// Contexts that end at a line's end close, with everything opened inside them, as far
    /// up as ancestors may end their children.
    func closeAtLineEnd(_ frames: inout [Frame]) {
        var terminating: Int?
        var index = frames.count - 1
        while index > 0 {
            if frames[index].rule.flags.endAtLineEnd {
                terminating = index
            } else if !frames[index].ancestorCanEnd {
                break
            }
            index -= 1
        }
        if let terminating { frames.removeSubrange(terminating...) }
    }

    /// Adds a token, merged with the one before when they share a class.
    mutating func emit(_ range: Range<Int>, _ style: TokenClass?) {
        guard !range.isEmpty else { return }
        if let last = tokens.last, last.1 == style, last.0.upperBound == range.lowerBound {
            tokens[tokens.count - 1].0 = last.0.lowerBound..<range.upperBound
        } else {
            tokens.append((range, style))
        }
    }

    /// Closes the top context, and its parent while the closed one ends its parent too (the
    /// root and its children never end their parent).
    func popEndingParents(_ frames: inout [Frame]) {
        var closed = frames.removeLast()
        while closed.rule.flags.endParent, frames.count >= 2 { closed = frames.removeLast() }
    }

    /// A match in its base class, with the groups its sub-pattern contexts name in theirs.
    mutating func emitMatch(_ groups: [Range<Int>?], regex: ICURegex?, base: TokenClass?,
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
