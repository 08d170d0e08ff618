/// One GtkSourceView language definition (`*.lang`, format version 2) as read from its XML:
/// styles, named regexes and context definitions, not yet linked to other languages.
struct LanguageFile {
    /// The language's id (`<language id>`), the prefix of its references (`c:string`).
    var id: String
    /// Display name.
    var name: String
    /// Style id → the style it maps to (`def:string`), by full id (`c:string`).
    var styleMap: [String: String] = [:]
    /// Named regexes by full id, for `\%{id}` references.
    var regexes: [String: RegexSource] = [:]
    /// Context definitions by full id.
    var contexts: [String: ContextSource] = [:]
    /// `<replace id=… ref=…>`: contexts this language swaps in other languages' definitions.
    var replacements: [String: String] = [:]
    /// How `\%[` and `\%]` are written for this language.
    var wordStart = "\\b"
    var wordEnd = "\\b"
    /// `<default-regex-options>`.
    var caseSensitive = true
    var extended = false

    /// Reads a definition; nil when the XML is not a language definition.
    init?(xml source: String) {
        guard let root = XMLTree.parse(source), root.name == "language", let id = root.attributes["id"] else { return nil }
        self.id = id
        name = root.attributes["name"] ?? root.attributes["_name"] ?? id
        for style in root.child("styles")?.children("style") ?? [] {
            guard let styleID = style.attributes["id"] else { continue }
            styleMap[qualify(styleID)] = style.attributes["map-to"].map(qualify) ?? ""
        }
        guard let definitions = root.child("definitions") else { return }
        if let options = root.child("default-regex-options") ?? definitions.child("default-regex-options") {
            caseSensitive = options.attributes["case-sensitive"].map(Self.flag) ?? true
            extended = options.attributes["extended"].map(Self.flag) ?? false
        }
        if let wordClass = (root.child("keyword-char-class") ?? definitions.child("keyword-char-class"))?.text
            .trimmingWhitespace(), !wordClass.isEmpty {
            wordStart = "(?<!\(wordClass))(?=\(wordClass))"
            wordEnd = "(?<=\(wordClass))(?!\(wordClass))"
        }
        // Named regexes may be defined anywhere, also inside a context's includes.
        var pending = definitions.children[...]
        while let element = pending.popFirst() {
            if element.name == "define-regex", let regexID = element.attributes["id"] {
                regexes[qualify(regexID)] = regexSource(element)
            }
            pending += element.children
        }
        for element in definitions.children {
            switch element.name {
            case "context":
                addContext(element)
            case "replace":
                if let target = element.attributes["id"], let ref = element.attributes["ref"] {
                    replacements[qualify(target)] = qualify(ref)
                }
            default:
                continue
            }
        }
    }

    /// `string` → `c:string`; already qualified ids stay.
    func qualify(_ reference: String) -> String {
        reference.contains(":") ? reference : id + ":" + reference
    }

    static func flag(_ value: String) -> Bool { value == "true" || value == "1" }

    private func regexSource(_ element: XMLTree) -> RegexSource {
        RegexSource(pattern: element.text,
                    caseSensitive: element.attributes["case-sensitive"].map(Self.flag) ?? caseSensitive,
                    extended: element.attributes["extended"].map(Self.flag) ?? extended,
                    language: id)
    }

    /// Records a `<context>` definition and, recursively, those defined inside it; returns
    /// the full id it was stored under (anonymous contexts get one from their position).
    @discardableResult
    private mutating func addContext(_ element: XMLTree, anonymousPrefix: String = "") -> String {
        let localID = element.attributes["id"] ?? "#" + anonymousPrefix
        let fullID = qualify(localID)
        var context = ContextSource(id: fullID)
        let attributes = element.attributes
        context.style = attributes["style-ref"].map(qualify)
        context.flags = ContextFlags(attributes)
        context.match = element.child("match").map(regexSource)
        context.start = element.child("start").map(regexSource)
        context.end = element.child("end").map(regexSource)
        let keywords = element.children("keyword")
        if !keywords.isEmpty {
            let prefix = element.child("prefix")?.text ?? "\\%["
            let suffix = element.child("suffix")?.text ?? "\\%]"
            let words = keywords.map(\.text).joined(separator: "|")
            context.match = RegexSource(pattern: prefix + "(?:" + words + ")" + suffix,
                                        caseSensitive: caseSensitive, extended: false, language: id)
        }
        var anonymous = 0
        for child in element.child("include")?.children("context") ?? [] {
            let childAttributes = child.attributes
            if let ref = childAttributes["ref"] {
                context.includes.append(.init(target: qualify(ref), style: childAttributes["style-ref"].map(qualify),
                                              ignoreStyle: childAttributes["ignore-style"].map(Self.flag) ?? false,
                                              original: childAttributes["original"].map(Self.flag) ?? false))
            } else if let group = childAttributes["sub-pattern"] {
                context.subPatterns.append(.init(group: group, place: childAttributes["where"] ?? "",
                                                 style: childAttributes["style-ref"].map(qualify)))
            } else {
                anonymous += 1
                let childID = addContext(child, anonymousPrefix: localID + "/" + String(anonymous))
                context.includes.append(.init(target: childID, style: nil, ignoreStyle: false, original: false))
            }
        }
        contexts[fullID] = context
        return fullID
    }
}

/// A regex as written in a definition, with the options it is compiled with.
struct RegexSource {
    var pattern: String
    var caseSensitive: Bool
    var extended: Bool
    /// The language whose `\%{…}` names and word boundaries apply.
    var language: String
}

/// A `<context>` as written.
struct ContextSource {
    /// A reference from a context's `<include>`.
    struct Include {
        var target: String
        var style: String?
        var ignoreStyle: Bool
        var original: Bool
    }

    /// A `<context sub-pattern=… where=…>`: a style for one group of a match.
    struct SubPattern {
        var group: String
        var place: String
        var style: String?
    }

    var id: String
    var style: String?
    var match: RegexSource?
    var start: RegexSource?
    var end: RegexSource?
    var includes: [Include] = []
    var subPatterns: [SubPattern] = []
    var flags = ContextFlags()
}

/// How a context behaves, from its `<context>` attributes, with GtkSourceView's defaults.
struct ContextFlags: Sendable {
    var extendParent = true
    var endParent = false
    var endAtLineEnd = false
    var onceOnly = false
    var firstLineOnly = false
    var styleInside = false

    init() {}

    init(_ attributes: [String: String]) {
        let flag = { (name: String, fallback: Bool) in attributes[name].map(LanguageFile.flag) ?? fallback }
        extendParent = flag("extend-parent", true)
        endParent = flag("end-parent", false)
        endAtLineEnd = flag("end-at-line-end", false)
        onceOnly = flag("once-only", false)
        firstLineOnly = flag("first-line-only", false)
        styleInside = flag("style-inside", false)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
