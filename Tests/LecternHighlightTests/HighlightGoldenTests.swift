import Foundation
@testable import LecternHighlight
import Testing

/// Golden files: `Golden/NAME.EXT` is a snippet in the language its extension names (as a
/// code block's class would); `Golden/NAME.tokens` lists, per source line, its classified
/// pieces (plain text is left out).
@Suite struct HighlightGoldenTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Golden")
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { !$0.hasSuffix(".tokens") }.sorted()

    /// The cases are read from a folder; a missing or emptied folder must fail, not pass.
    @Test func theCasesAreAllThere() {
        #expect(Self.names.count >= 34, "expected at least 34 highlighting snippets in \(Self.directory.path)")
    }

    /// The readable token listing of a snippet.
    static func listing(_ code: String, language: String) -> String {
        guard let result = SyntaxHighlighter.shared.highlight(code, language: language) else { return "(unknown language)\n" }
        var out = "language: \(result.language)\n"
        for (line, pieces) in zip(code.split(separator: "\n", omittingEmptySubsequences: false), result.lines) {
            out += "> " + line + "\n"
            for piece in pieces {
                guard let tokenClass = piece.tokenClass, !piece.text.allSatisfy(\.isWhitespace) else { continue }
                out += "  \(tokenClass.rawValue): \(piece.text)\n"
            }
        }
        return out
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.names.count >= 30, "golden files are missing: \(Self.names)")
    }

    @Test(arguments: names)
    func highlightsAsExpected(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let code = try String(contentsOf: url, encoding: .utf8)
        let output = Self.listing(code, language: url.pathExtension)
        let expectedURL = Self.directory.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".tokens")
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try output.write(to: Self.sourceDirectory.appendingPathComponent(expectedURL.lastPathComponent),
                             atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(output == expected)
    }
}
