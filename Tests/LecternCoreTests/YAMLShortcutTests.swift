import Foundation
@testable import LecternCore
import Testing

/// Front matter read without libyaml gives exactly libyaml's values and places, or is left to it.
@Suite struct YAMLShortcutTests {
    /// The shortcut's answer and libyaml's (value and diagnostics) for `text` as lines 2… of a file.
    static func both(_ text: String) -> (shortcut: YAMLValue?, libyaml: YAMLValue?, diagnostics: [Diagnostic]) {
        let source = "---\n" + text + "\n---\n"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var columns = ByteColumns(lines: lines)
        let shortcut = YAMLShortcut.read(text, firstLine: 2, columns: &columns)
        var bag = DiagnosticBag(file: "a.md")
        let libyaml = YAMLLoader.composed(text, firstLine: 2, fileLines: lines, bag: &bag)
        return (shortcut, libyaml, bag.all)
    }

    @Test func theFrontMatterLessonsUsuallyHaveTakesTheShortcut() throws {
        let text = "title: Data quality in production\ndescription: Why models fail — a look at pipelines, C# and a[i]:b\n"
            + "level: beginner\nduration: 25 min\nobjectives:\n  - Name three causes of drift\n  - Explain é, ü and “quotes”\n"
            + "tags:\n- data\n- ops\ndraft: null\n\nslide-level: 2\n"
        let (shortcut, libyaml, diagnostics) = Self.both(text)
        #expect(diagnostics.isEmpty)
        let value = try #require(shortcut)
        #expect(value == libyaml)
    }

    @Test func theShortcutAgreesWithLibyamlOrStandsAside() {
        // Lines built from pieces that libyaml reads in many different ways.
        let keys = ["title", "a-b", "x_1", "Key", "_k", "k k", "'q'", "\"d\"", "? c", "- l", "title", "é", "level", "tags", "id"]
        let separators = [": ", ": ", ": ", ":", ":  ", " : ", ":\t"]
        let pieces = ["Word two", "3", "x.y", "(a)", "two words", "C#", " #c", "a:b", "a: b", "end:", "'single'", "\"double\"", "[a, b]", "{a: b}",
                      "&anchor", "*alias", "!tag", "|", ">", "-", "- x", "?", "%", "@", "`", "1.5", "true", "null", "~", "Null",
                      "é", "\u{85}", "\u{A0}", "\u{FEFF}", "\u{2028}", "\u{1}", "\t", "a,b", "a[i]", "{x}", "  ", "#", "--- x", "..."]
        let indents = ["", " ", "  ", "    ", "\t"]
        var generator = SeededGenerator(seed: 0x5EED)
        var taken = 0, declined = 0
        for _ in 0..<6000 {
            var lines: [String] = []
            func value() -> String {
                (0..<Int.random(in: 1...2, using: &generator)).map { _ in
                    Int.random(in: 0..<3, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "word"
                }.joined(separator: Bool.random(using: &generator) ? " " : "")
            }
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                let key = Int.random(in: 0..<4, using: &generator) == 0 ? keys.randomElement(using: &generator)! : "k\(lines.count)"
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: lines.append("")
                case 1...3:
                    lines.append(key + ":" + (Bool.random(using: &generator) ? "" : "  "))
                    let indent = indents.randomElement(using: &generator)!
                    for _ in 0..<Int.random(in: 0...3, using: &generator) {
                        let shifted = Int.random(in: 0..<8, using: &generator) == 0 ? indents.randomElement(using: &generator)! : indent
                        lines.append(shifted + (Int.random(in: 0..<8, using: &generator) == 0 ? "-" : "- ") + value())
                    }
                default:
                    lines.append(key + separators.randomElement(using: &generator)! + value() + (Bool.random(using: &generator) ? "" : "  "))
                }
            }
            let text = lines.joined(separator: "\n")
            let (shortcut, libyaml, diagnostics) = Self.both(text)
            if let shortcut {
                taken += 1
                #expect(diagnostics.isEmpty, "\(text.debugDescription)")
                #expect(shortcut == libyaml, "\(text.debugDescription)")
            } else {
                declined += 1
            }
        }
        // Both paths are exercised, so neither half of the comparison is empty.
        #expect(taken > 300 && declined > 300, "taken \(taken), declined \(declined)")
    }

    @Test func theSampleCoursesFrontMatterReadsTheSameEitherWay() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count >= 5)
        for file in files {
            let source = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            guard source.hasPrefix("---\n"), let end = source.range(of: "\n---\n") else { continue }
            let (shortcut, libyaml, _) = Self.both(String(source[source.index(source.startIndex, offsetBy: 4)..<end.lowerBound]))
            if let shortcut { #expect(shortcut == libyaml, "\(file)") }
        }
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
