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
            guard cells.count >= 4 else { continue }
            // Columns: id, severity, message template, meaning.
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] =
                cells[1] + " " + cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
        let catalogued = Dictionary(uniqueKeysWithValues: DiagnosticCatalog.all.map {
            ($0.id, $0.severity.rawValue + " " + $0.template.replacingOccurrences(of: "|", with: "\\|"))
        })
        #expect(catalogued.count == DiagnosticCatalog.all.count, "an id is catalogued twice")
        #expect(catalogued.count >= 50)
        #expect(documented == catalogued)
    }

    @Test func everyReportGivesExactlyTheNamesItsTemplateAsks() throws {
        // `report("id", ["name": value, …], at:` and the other reporting calls, read from the
        // sources: the names of the dictionary literal must be the template's placeholders.
        let call = try NSRegularExpression(pattern: #"(?:report\(|Diagnostic\(|warnings\.append\(\(|refuse\(path, )"([a-z]+\.[a-z.-]+)"(,\s*\[)?"#)
        let key = try NSRegularExpression(pattern: #"(?:\[|,)\s*"(\w+)":\s"#)
        let sources = Self.root.appendingPathComponent("Sources")
        var checked = 0
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8) as NSString
            for match in call.matches(in: text as String, range: NSRange(location: 0, length: text.length)) {
                let id = text.substring(with: match.range(at: 1))
                guard let kind = DiagnosticCatalog.byID[id] else { continue }
                var names: Set<String> = []
                if match.range(at: 2).location != NSNotFound {
                    // The dictionary literal runs to its matching bracket (values index arrays).
                    let rest = text.substring(from: match.range(at: 2).location + match.range(at: 2).length - 1)
                    var depth = 0
                    var end = rest.endIndex
                    for index in rest.indices {
                        if rest[index] == "[" { depth += 1 } else if rest[index] == "]" { depth -= 1 }
                        if depth == 0 {
                            end = index
                            break
                        }
                    }
                    let literal = String(rest[..<end])
                    for found in key.matches(in: literal, range: NSRange(literal.startIndex..., in: literal)) {
                        names.insert(String(literal[Range(found.range(at: 1), in: literal)!]))
                    }
                }
                #expect(names == Set(kind.placeholders), "\(file.lastPathComponent): \(id) gives \(names.sorted()), its template asks \(kind.placeholders)")
                checked += 1
            }
        }
        #expect(checked >= 80)
    }

    @Test func templatesAreWellFormedAndFilled() {
        for kind in DiagnosticCatalog.all {
            let values = Dictionary(uniqueKeysWithValues: Set(kind.placeholders).map { ($0, "<\($0)>") })
            let message = kind.message(values)
            #expect(!message.contains("{{") && !message.contains("}}"), "\(kind.id): \(message)")
            #expect(!message.isEmpty)
        }
        let message = DiagnosticCatalog.message("link.missing-file", ["target": "intro.md"])
        #expect(message == "link to 'intro.md', which does not exist in Content/")
        // An author's text that looks like a placeholder stays as written.
        let quoted = DiagnosticCatalog.message("slide.overfull", ["title": "'{{percent}}'", "percent": "40"])
        #expect(quoted.contains("'{{percent}}'") && quoted.contains("40"), "\(quoted)")
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
