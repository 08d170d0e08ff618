import Foundation
@testable import LecternHighlight
import Testing

/// The language definitions compiled into the binary are the files they were made from,
/// character for character: Lectern's own in `Grammars/` over Debian's of the same name.
@Suite struct EmbeddedGrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func langFiles(_ folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".lang") {
            files[name] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)), as: UTF8.self)
        }
        return files
    }

    @Test func everyDefinitionReadsBackAsItsFile() throws {
        let system = try Self.langFiles("/usr/share/gtksourceview-5/language-specs")
        let own = try Self.langFiles(Self.root.appendingPathComponent("Grammars").path)
        let expected = system.merging(own) { _, mine in mine }
        let embedded = SyntaxHighlighter.embeddedSources
        #expect(system.count > 100 && !own.isEmpty)
        #expect(Set(embedded.keys) == Set(expected.keys))
        for (name, text) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(embedded[name] == text, "\(name)")
        }
        #expect(EmbeddedGrammars.encodedFiles.isEmpty, "every definition is UTF-8 text")
    }
}
