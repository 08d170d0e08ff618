import Foundation
@testable import LecternCore
import Testing

/// The catalogue, the code that reports diagnostics, and `docs/diagnostics.md` agree.
@Suite struct DiagnosticCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func documentationListsExactlyTheCatalogue() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var documented: [String: String] = [:]
        let identifiers = try #require(text.range(of: "## Identifiers"))
        for line in text[identifiers.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        let catalogued = Dictionary(uniqueKeysWithValues: DiagnosticCatalog.all.map { ($0.id, $0.severity.rawValue) })
        #expect(catalogued.count == DiagnosticCatalog.all.count, "an id is catalogued twice")
        #expect(catalogued.count >= 50)
        #expect(documented == catalogued)
    }

    @Test func everyReportedIdIsCatalogued() throws {
        var used: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #"(?:report\(|Diagnostic\(|warnings\.append\(\()"([a-z]+\.[a-z.-]+)""#)
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count >= 45)
        let missing = used.subtracting(DiagnosticCatalog.byID.keys)
        #expect(missing.isEmpty, "not in the catalogue: \(missing.sorted())")
    }
}
