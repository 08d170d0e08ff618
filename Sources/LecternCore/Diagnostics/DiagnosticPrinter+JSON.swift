import Foundation

extension DiagnosticPrinter {
    /// The JSON document described in docs/diagnostics.md.
    public func renderJSON(_ diagnostics: [Diagnostic]) -> String {
        let items: [[String: Any]] = diagnostics.map { diagnostic in
            var item: [String: Any] = [
                "severity": diagnostic.severity.rawValue,
                "id": diagnostic.id,
                "message": diagnostic.message,
                "file": diagnostic.file,
            ]
            if diagnostic.range.start.line > 0 {
                item["line"] = diagnostic.range.start.line
                item["column"] = characterColumn(file: diagnostic.file, location: diagnostic.range.start)
                item["endLine"] = diagnostic.range.end.line
                item["endColumn"] = characterColumn(file: diagnostic.file, location: diagnostic.range.end)
            }
            item["notes"] = diagnostic.notes.map { note -> [String: Any] in
                var entry: [String: Any] = ["message": note.message]
                if let file = note.file { entry["file"] = file }
                if let range = note.range, range.start.line > 0 {
                    entry["line"] = range.start.line
                    entry["column"] = characterColumn(file: note.file ?? diagnostic.file, location: range.start)
                }
                return entry
            }
            return item
        }
        let summary: [String: Any] = [
            "version": 1,
            "errors": diagnostics.filter { $0.severity == .error }.count,
            "warnings": diagnostics.filter { $0.severity == .warning }.count,
            "diagnostics": items,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
