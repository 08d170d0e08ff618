import Foundation

/// Code split into lines of classified pieces.
public struct HighlightedCode: Hashable, Sendable {
    /// A run of characters of one class (nil: plain text).
    public struct Piece: Hashable, Sendable {
        /// The characters.
        public var text: String
        /// Their class, or nil for plain text.
        public var tokenClass: TokenClass?

        /// A piece of text in a class.
        public init(text: String, tokenClass: TokenClass?) {
            self.text = text
            self.tokenClass = tokenClass
        }
    }

    /// The language id that coloured it.
    public var language: String
    /// One entry per line of the code, without line breaks.
    public var lines: [[Piece]]
}

/// Build-time syntax highlighting from GtkSourceView language definitions. Thread-safe:
/// grammars, compiled patterns and results are shared; each thread matches with its own copies.
public final class SyntaxHighlighter: @unchecked Sendable {
    /// The highlighter over the definitions compiled into the binary.
    public static let shared = SyntaxHighlighter(sources: embeddedSources)

    /// The definition texts compiled into the binary, by file name.
    static var embeddedSources: [String: String] {
        EmbeddedGrammars.textFiles.merging(EmbeddedGrammars.encodedFiles.compactMapValues {
            Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) }
        }) { text, _ in text }
    }

    /// Makes `shared` on another thread: a build calls this before its lessons are read, so
    /// that the first code block finds it ready instead of every thread waiting for it.
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = shared }
    }

    let library: LanguageLibrary
    private let names: LanguageNames
    private var grammars: [String: Grammar?] = [:]
    private var results: [String: HighlightedCode] = [:]
    private var idle: [Tokenizer] = []
    private let lock = NSLock()

    /// A highlighter over definition texts by file name.
    init(sources: [String: String]) {
        library = LanguageLibrary(sources: sources)
        names = LanguageNames(library: library)
    }

    /// The language id for a name or alias as Pandoc and GitHub accept them (`py`, `c++`,
    /// `shell`), or nil when no definition covers it.
    public func language(named name: String) -> String? {
        names.language(for: name)
    }

    /// Every supported language: id, display name and every name that selects it.
    public var languages: [(id: String, name: String, aliases: [String])] {
        names.listing
    }

    /// Highlights code in a language given by name or alias; nil for an unknown language.
    /// Results are cached per (language, code).
    public func highlight(_ code: String, language name: String) -> HighlightedCode? {
        guard let language = names.language(for: name) else { return nil }
        let key = language + "\u{0}" + code
        lock.lock()
        if let cached = results[key] {
            lock.unlock()
            return cached
        }
        let grammar: Grammar?
        if let known = grammars[language] {
            grammar = known
        } else {
            grammar = Grammar(language: language, library: library)
            grammars[language] = grammar
        }
        let tokenizer = idle.popLast() ?? Tokenizer()
        lock.unlock()
        guard let grammar else {
            checkIn(tokenizer)
            return nil
        }
        // PHP's definition colours code only inside `<?php`; lecture snippets usually leave it out.
        let opener = language == "php" && !code.contains("<?") ? "<?php\n" : ""
        let text = opener + code
        let units = Array(text.utf16)
        // Pieces are cut by UTF-16 offsets; in ASCII code those are byte offsets too, and
        // bytes make strings without transcoding.
        let bytes = text.utf8.count == units.count ? Array(text.utf8) : nil
        var lines = tokenizer.tokenize(units, grammar: grammar).map { tokens in
            tokens.map { token in
                let text = bytes.map { String(decoding: $0[token.0], as: UTF8.self) } ?? String(decoding: units[token.0], as: UTF16.self)
                return HighlightedCode.Piece(text: text, tokenClass: token.1)
            }
        }
        if !opener.isEmpty { lines.removeFirst() }
        let result = HighlightedCode(language: language, lines: lines)
        lock.lock()
        idle.append(tokenizer)
        // A long `serve` session must not keep every version of every block.
        if results.count > 50_000 { results.removeAll() }
        results[key] = result
        lock.unlock()
        return result
    }

    /// Highlights without the cache and reports the work done: regex searches and searches
    /// that ran out of time (the robustness tests check these grow linearly).
    func work(_ code: String, language name: String) -> (searches: Int, timeouts: Int)? {
        guard let language = names.language(for: name), let grammar = Grammar(language: language, library: library) else {
            return nil
        }
        let tokenizer = Tokenizer()
        _ = tokenizer.tokenize(Array(code.utf16), grammar: grammar)
        return tokenizer.lastWork
    }

    private func checkIn(_ tokenizer: Tokenizer) {
        lock.lock()
        idle.append(tokenizer)
        lock.unlock()
    }
}
