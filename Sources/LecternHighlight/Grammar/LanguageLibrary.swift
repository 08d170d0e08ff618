import Foundation
import LecternText

/// Every language definition the highlighter knows, read on first use; shared by the
/// threads of a build.
final class LanguageLibrary: @unchecked Sendable {
    private let sources: [String: String]
    private var files: [String: LanguageFile?] = [:]
    private let lock = NSLock()
    /// Language id → file name, read from each file's `<language id=…>`.
    let fileNames: [String: String]
    /// Language id → display name.
    let displayNames: [String: String]
    /// Language id → the file name patterns it declares (`*.py`).
    let globs: [String: [String]]
    /// Ids of languages that only serve others (`hidden="true"`).
    let hidden: Set<String>

    /// A library over definition texts by file name (`c.lang`).
    init(sources: [String: String]) {
        self.sources = sources
        var fileNames: [String: String] = [:]
        var displayNames: [String: String] = [:]
        var globs: [String: [String]] = [:]
        var hidden: Set<String> = []
        for (fileName, text) in sources {
            guard let header = Self.languageTag(text), let id = Self.attribute("id", in: header) else { continue }
            fileNames[id] = fileName
            displayNames[id] = Self.attribute("_name", in: header) ?? Self.attribute("name", in: header) ?? id
            if Self.attribute("hidden", in: header) == "true" { hidden.insert(id) }
            if let start = text.firstByteRange(of: "name=\"globs\">"), let end = text[start.upperBound...].firstIndex(of: "<") {
                globs[id] = text[start.upperBound..<end].split(separator: ";").map { String($0) }
            }
        }
        self.fileNames = fileNames
        self.displayNames = displayNames
        self.globs = globs
        self.hidden = hidden
    }

    /// True for a language that only serves others.
    func isComponent(_ id: String) -> Bool { hidden.contains(id) }

    /// The parsed definition of a language id, or nil.
    func file(_ id: String) -> LanguageFile? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = files[id] { return cached }
        let parsed = fileNames[id].flatMap { sources[$0] }.flatMap(LanguageFile.init(xml:))
        files[id] = parsed
        return parsed
    }

    /// A context definition by full id (`c:string`).
    func context(_ fullID: String) -> ContextSource? {
        guard let colon = fullID.firstIndex(of: ":") else { return nil }
        return file(String(fullID[..<colon]))?.contexts[fullID]
    }

    /// A named regex referenced from a pattern of `language`: `name` or `other:name`.
    func regex(_ name: String, from language: String) -> RegexSource? {
        let fullID = name.contains(":") ? name : language + ":" + name
        guard let colon = fullID.firstIndex(of: ":") else { return nil }
        return file(String(fullID[..<colon]))?.regexes[fullID]
    }

    /// The token class of a style id (`c:string`), following `map-to` until a known style.
    func tokenClass(forStyle style: String) -> TokenClass? {
        var current = style
        for _ in 0..<12 {
            if let known = TokenClass.bySpecificStyle[current] ?? TokenClass.byDefaultStyle[current] { return known }
            guard let colon = current.firstIndex(of: ":"),
                  let next = file(String(current[..<colon]))?.styleMap[current], !next.isEmpty else { return nil }
            current = next
        }
        return nil
    }

    private static func languageTag(_ text: String) -> Substring? {
        guard let start = text.firstByteRange(of: "<language") else { return nil }
        let rest = text[start.upperBound...]
        return rest[..<(rest.firstIndex(of: ">") ?? rest.endIndex)]
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.firstByteRange(of: " " + name + "=\"") ?? tag.firstByteRange(of: "\n" + name + "=\"")
            ?? tag.firstByteRange(of: "\t" + name + "=\"")
        else { return nil }
        let rest = tag[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }
}
