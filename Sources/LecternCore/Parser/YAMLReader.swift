import LecternMath
/// Reads typed values out of `YAMLValue`s, reporting each problem at its line.
struct YAMLReader {
    var bag: DiagnosticBag

    private mutating func wrongType(_ value: YAMLValue, key: String, expected: String) {
        bag.report("metadata.type", ["key": key, "expected": expected],
                  at: SourceRange(line: value.line, column: value.column))
    }

    mutating func string(_ value: YAMLValue, key: String) -> String? {
        switch value {
        case .scalar(let text, _, _): return text
        case .null: return nil
        default: wrongType(value, key: key, expected: "text"); return nil
        }
    }

    mutating func strings(_ value: YAMLValue, key: String) -> [String] {
        switch value {
        case .scalar(let text, _, _): return [text]
        case .null: return []
        case .sequence(let items, _, _):
            return items.compactMap { item in
                if case .scalar(let text, _, _) = item { return text }
                wrongType(item, key: key, expected: "a list of text items")
                return nil
            }
        case .mapping: wrongType(value, key: key, expected: "text or a list of text items"); return []
        }
    }

    mutating func bool(_ value: YAMLValue, key: String) -> Bool? {
        switch value.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: wrongType(value, key: key, expected: "true or false"); return nil
        }
    }

    mutating func integer(_ value: YAMLValue, key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = value.string, let number = Int(text), range.contains(number) else {
            wrongType(value, key: key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// `25`, `"25 min"`, `"25 minutes"`, `"1h"`, `"1 h 30 min"`.
    mutating func minutes(_ value: YAMLValue, key: String) -> Int? {
        guard let text = value.string?.lowercased() else {
            wrongType(value, key: key, expected: "a number of minutes such as 25 or \"25 min\""); return nil
        }
        if let number = Int(text), number > 0 { return number }
        var total = 0, number = "", matched = false
        var rest = Substring(text)
        while !rest.isEmpty {
            if let digit = rest.first, digit.isNumber { number.append(digit); rest = rest.dropFirst(); continue }
            if rest.first == " " { rest = rest.dropFirst(); continue }
            let unit = rest.prefix(while: \.isLetter)
            guard let amount = Int(number), !unit.isEmpty else { matched = false; break }
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": total += amount * 60
            case "m", "min", "mins", "minute", "minutes": total += amount
            default: wrongType(value, key: key, expected: "a number of minutes such as 25 or \"25 min\""); return nil
            }
            matched = true
            number = ""
            rest = rest.dropFirst(unit.count)
        }
        guard matched, number.isEmpty, total > 0 else {
            wrongType(value, key: key, expected: "a number of minutes such as 25 or \"25 min\""); return nil
        }
        return total
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ value: YAMLValue, key: String) -> T? where T.RawValue == String {
        guard let text = value.string?.lowercased(), let result = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            wrongType(value, key: key, expected: "one of \(names)")
            return nil
        }
        return result
    }

    /// Reports a key no reader knows; with `onlyTypos`, only when a known key is close enough
    /// to be what was meant (front matter may hold keys for other tools and for templates).
    mutating func unknownKey(_ key: String, line: Int, known: [String], onlyTypos: Bool = false) {
        let suggestion = Suggestion.closest(to: key, in: known)
        if onlyTypos, suggestion == nil { return }
        bag.report("metadata.unknown-key", ["key": key, "suggestion": suggestion.map { "; did you mean '\($0)'?" } ?? ""],
                   at: SourceRange(line: line, column: 1))
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let word = word.lowercased()
        let length = word.count
        // No candidate further than three letters in length can be close enough.
        let scored = candidates.lazy.filter { abs($0.count - length) <= 3 }
            .map { ($0, distance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (best, score) = scored else { return nil }
        return score <= max(1, min(3, best.count / 3)) ? best : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a, b)
    }
}
