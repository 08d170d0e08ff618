import Foundation

/// A pattern ready for ICU, compiled once on first use; each tokenizer matches with its own copy.
final class Pattern: @unchecked Sendable {
    /// ICU syntax; may hold `\%{n@start}` still to fill in.
    let source: String
    let caseInsensitive: Bool
    let extended: Bool
    /// True when the pattern refers to its context's start match.
    let refersToStart: Bool
    /// Its number in its grammar, from 0: tokenizers keep what they compile in arrays.
    let serial: Int

    init(source: String, caseInsensitive: Bool, extended: Bool, serial: Int) {
        self.serial = serial
        self.source = source
        self.caseInsensitive = caseInsensitive
        self.extended = extended
        refersToStart = source.contains("@start}")
    }

    private let lock = NSLock()
    /// Compiled by the first tokenizer that needs it, then only copied; nil inside when ICU
    /// refuses the pattern. Guarded by `lock`, and never matched with itself.
    private var prototype: ICURegex??

    /// A regex of this pattern for one tokenizer's use; nil when ICU refuses the pattern.
    func makeRegex() -> ICURegex? {
        lock.lock()
        defer { lock.unlock() }
        if prototype == nil { prototype = .some(ICURegex(source, caseInsensitive: caseInsensitive, extended: extended)) }
        return prototype!.flatMap { $0.copy() }
    }
}

/// A context of a language, linked: what starts it, what ends it, what may occur inside.
final class Rule: @unchecked Sendable {
    enum Kind {
        /// One match, styled (`<match>` or a keyword list).
        case simple(Pattern)
        /// From a start match to an end match (or the parent's end); children inside.
        case container(start: Pattern?, end: Pattern?)
        /// No pattern: references to it include its children instead.
        case group
    }

    /// A style for one group of a match.
    struct SubPattern {
        enum Place { case match, start, end }
        var group: String
        var place: Place
        var style: TokenClass?
    }

    /// A context included in another, with the style the inclusion gives it.
    struct Child {
        var rule: Rule
        var style: TokenClass?
    }

    let id: String
    /// Its number in its grammar, from 0, for the tokenizers' arrays.
    let serial: Int
    var kind: Kind = .group
    var style: TokenClass?
    var children: [Child] = []
    var subPatterns: [SubPattern] = []
    var flags = ContextFlags()
    /// Includes as written, before groups are flattened into `children`.
    fileprivate var pending: [(target: Rule, style: TokenClass?, styled: Bool)] = []

    init(id: String, serial: Int) {
        self.id = id
        self.serial = serial
    }
}

/// The linked contexts of one language as the top language of a block (its `<replace>`s
/// apply to the languages it embeds).
final class Grammar: @unchecked Sendable {
    /// The language's main context.
    let main: Rule
    /// The language id.
    let language: String
    /// How many rules and patterns are numbered.
    let ruleCount: Int, patternCount: Int

    /// Links a language; nil when it or its main context is unknown.
    init?(language: String, library: LanguageLibrary) {
        guard let file = library.file(language) else { return nil }
        var linker = Linker(library: library, replacements: file.replacements)
        guard let main = linker.rule(language + ":" + language, original: false) else { return nil }
        linker.flattenAll()
        self.main = main
        self.language = language
        ruleCount = linker.rules.count
        patternCount = linker.patterns.count
    }
}

private struct Linker {
    let library: LanguageLibrary
    let replacements: [String: String]
    var rules: [String: Rule] = [:]
    var patterns: [String: Pattern] = [:]

    init(library: LanguageLibrary, replacements: [String: String]) {
        self.library = library
        self.replacements = replacements
    }

    mutating func rule(_ requested: String, original: Bool) -> Rule? {
        var id = requested
        if id.hasSuffix(":*") { id = String(id.dropLast(2)) + ":" + String(id.dropLast(2)) }
        if !original, let replacement = replacements[id] { id = replacement }
        if let existing = rules[id] { return existing }
        guard let source = library.context(id) else { return nil }
        let rule = Rule(id: id, serial: rules.count)
        rules[id] = rule
        if let match = source.match {
            rule.kind = .simple(pattern(match))
        } else if let start = source.start {
            rule.kind = .container(start: pattern(start), end: source.end.map { pattern($0) })
        }
        rule.style = source.style.flatMap(library.tokenClass(forStyle:))
        rule.flags = source.flags
        rule.subPatterns = source.subPatterns.map { sub in
            let place: Rule.SubPattern.Place = sub.place == "start" ? .start : sub.place == "end" ? .end : .match
            return .init(group: sub.group, place: place, style: sub.style.flatMap(library.tokenClass(forStyle:)))
        }
        for include in source.includes {
            guard let target = self.rule(include.target, original: include.original) else { continue }
            if include.ignoreStyle {
                rule.pending.append((target, nil, true))
            } else if let style = include.style {
                rule.pending.append((target, library.tokenClass(forStyle: style), true))
            } else {
                rule.pending.append((target, nil, false))
            }
        }
        return rule
    }

    mutating func pattern(_ source: RegexSource) -> Pattern {
        let key = source.language + "\u{0}" + source.pattern + (source.caseSensitive ? "s" : "i") + (source.extended ? "x" : "")
        if let existing = patterns[key] { return existing }
        let made = Pattern(source: RegexTranslation.translate(source, in: library),
                           caseInsensitive: !source.caseSensitive, extended: source.extended, serial: patterns.count)
        patterns[key] = made
        return made
    }

    /// Replaces references to groups by the group's own children, recursively, once every
    /// rule exists (groups may refer to each other in cycles).
    func flattenAll() {
        for rule in rules.values {
            var seen: Set<ObjectIdentifier> = [ObjectIdentifier(rule)]
            rule.children = Self.expand(rule.pending, seen: &seen)
        }
        for rule in rules.values { rule.pending = [] }
    }

    private static func expand(_ pending: [(target: Rule, style: TokenClass?, styled: Bool)],
                               seen: inout Set<ObjectIdentifier>) -> [Rule.Child] {
        var children: [Rule.Child] = []
        for (target, style, styled) in pending {
            if case .group = target.kind {
                guard seen.insert(ObjectIdentifier(target)).inserted else { continue }
                children += expand(target.pending, seen: &seen)
                seen.remove(ObjectIdentifier(target))
            } else {
                children.append(.init(rule: target, style: styled ? style : target.style))
            }
        }
        return children
    }
}
