import Foundation
@testable import LecternHighlight
import Testing

/// Threads highlight at once with their own tokenizers over patterns compiled once and
/// copied: what each gets must be what one thread alone gets.
@Suite struct HighlightConcurrencyTests {
    /// The golden snippets with their languages.
    static func snippets() throws -> [(code: String, language: String)] {
        try HighlightGoldenTests.names.map { name in
            let url = HighlightGoldenTests.directory.appendingPathComponent(name)
            return (try String(contentsOf: url, encoding: .utf8), url.pathExtension)
        }
    }

    @Test func concurrentHighlightingAgreesWithOneThread() throws {
        let snippets = try Self.snippets()
        #expect(snippets.count >= 30)
        // Each round adds a line, so that no result comes from the highlighter's cache.
        let rounds = 4
        let codes = (0..<(snippets.count * rounds)).map { index in
            (code: snippets[index % snippets.count].code + String(repeating: "\nx", count: index / snippets.count),
             language: snippets[index % snippets.count].language)
        }
        let alone = SyntaxHighlighter(sources: SyntaxHighlighter.embeddedSources)
        let expected = codes.map { alone.highlight($0.code, language: $0.language) }
        let shared = SyntaxHighlighter(sources: SyntaxHighlighter.embeddedSources)
        let results = Results(count: codes.count)
        DispatchQueue.concurrentPerform(iterations: codes.count) { index in
            results.set(index, shared.highlight(codes[index].code, language: codes[index].language))
        }
        var highlighted = 0
        for index in codes.indices {
            #expect(results.value(index) == expected[index], "\(codes[index].language) #\(index)")
            if expected[index]?.lines.contains(where: { $0.contains { $0.tokenClass != nil } }) == true { highlighted += 1 }
        }
        #expect(highlighted > codes.count / 2, "most snippets get classes")
    }
}

/// Results written from several threads, each to its own index.
private final class Results: @unchecked Sendable {
    private var values: [HighlightedCode?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: HighlightedCode?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func value(_ index: Int) -> HighlightedCode? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
