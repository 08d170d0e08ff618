import Foundation
@testable import LecternHighlight
import Testing

/// `docs/code.md` lists exactly the languages the binary highlights, with their names.
@Suite struct HighlightDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let marker = "<!-- languages: kept in step with the binary by HighlightDocsTests -->\n"

    /// The table the documentation must end with.
    static func table() -> String {
        var out = "\n| language | names |\n|---|---|\n"
        for language in SyntaxHighlighter.shared.languages {
            let names = language.aliases.map { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" }
            out += "| \(language.name.replacingOccurrences(of: "|", with: "\\|")) | \(names.joined(separator: ", ")) |\n"
        }
        return out
    }

    @Test func documentationListsEveryLanguage() throws {
        let url = Self.root.appendingPathComponent("docs/code.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker = try #require(text.range(of: Self.marker))
        let expected = String(text[..<marker.upperBound]) + Self.table()
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(text == expected, "docs/code.md is out of date: run the tests with LECTERN_UPDATE_GOLDEN=1")
        #expect(SyntaxHighlighter.shared.languages.count >= 30)
    }
}
