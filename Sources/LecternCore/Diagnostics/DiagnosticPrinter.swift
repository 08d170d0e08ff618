import Foundation

/// The output formats of `lectern check`.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message [id]`, optionally with source line and caret.
    case text
    /// One JSON document; see docs/diagnostics.md.
    case json
    /// GitHub Actions workflow commands.
    case github
}

/// Turns diagnostics into text for people or machines, with character columns.
public struct DiagnosticPrinter: Sendable {
    /// Source texts by file, used to convert byte columns and show source lines.
    public let sources: [String: String]
    /// Show the source line and a caret under the column.
    public var showsSource: Bool
    /// Colour severities with ANSI escapes.
    public var usesColor: Bool
    /// Where each line of a source starts, found once per file on first use.
    private let lineStarts = LineStarts()

    /// Creates a printer.
    public init(sources: [String: String] = [:], showsSource: Bool = false, usesColor: Bool = false) {
        self.sources = sources
        self.showsSource = showsSource
        self.usesColor = usesColor
    }

    /// The line's text, without its line ending.
    func lineText(file: String, line: Int) -> Substring? {
        guard line > 0, let text = sources[file] else { return nil }
        let starts = lineStarts.starts(of: file, in: text)
        guard line <= starts.count else { return nil }
        let start = starts[line - 1]
        let end = line < starts.count ? text.index(before: starts[line]) : text.endIndex
        var slice = text[start..<end]
        if slice.hasSuffix("\r") { slice = slice.dropLast() }
        return slice
    }

    /// Converts a byte column to a 1-based character column on that line.
    public func characterColumn(file: String, location: SourceLocation) -> Int {
        guard location.column > 1, let line = lineText(file: file, line: location.line) else {
            return max(location.column, location.line > 0 ? 1 : 0)
        }
        let starts = lineStarts.characterStarts(of: file, line: location.line, text: line)
        let bytes = location.column - 1
        guard let starts else { return location.column }
        // Characters that start before the byte column, found by bisection.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < bytes { low = middle + 1 } else { high = middle }
        }
        return low + 1 + max(0, bytes - line.utf8.count)
    }

    /// Renders all diagnostics in the chosen format.
    public func render(_ diagnostics: [Diagnostic], format: DiagnosticFormat) -> String {
        switch format {
        case .text: return diagnostics.map(renderText).joined()
        case .github: return diagnostics.map(renderGitHub).joined()
        case .json: return renderJSON(diagnostics)
        }
    }

    /// `file:line:col: severity: message [id]`, plus source line, caret and notes.
    public func renderText(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.file, diagnostic.range, diagnostic.severity.rawValue,
                         diagnostic.message + " [\(diagnostic.id)]")
        if showsSource, let line = lineText(file: diagnostic.file, line: diagnostic.range.start.line) {
            let column = characterColumn(file: diagnostic.file, location: diagnostic.range.start)
            // A very long line is shown around the column only, so that output stays in
            // proportion to the number of diagnostics.
            let skipped = max(0, column - 1 - 80)
            let shown = line.dropFirst(skipped).prefix(160)
            let lead = skipped > 0 ? "…" : ""
            let pad = (lead + shown.prefix(max(0, column - 1 - skipped))).map { $0 == "\t" ? "\t" : " " }.joined()
            out += lead + shown + (shown.endIndex < line.endIndex ? "…" : "") + "\n" + pad + colored("^", code: "32") + "\n"
        }
        for note in diagnostic.notes {
            let file = note.file ?? diagnostic.file
            if let range = note.range {
                out += header(file, range, "note", note.message)
            } else {
                out += colored("note:", code: "1;30") + " " + note.message + "\n"
            }
        }
        return out
    }

    private func header(_ file: String, _ range: SourceRange, _ severity: String, _ message: String) -> String {
        let location = range.start.line > 0
            ? "\(file):\(range.start.line):\(characterColumn(file: file, location: range.start)):"
            : "\(file):"
        let code = severity == "error" ? "1;31" : severity == "warning" ? "1;35" : "1;30"
        return colored(location, code: "1") + " " + colored(severity + ":", code: code) + " " + message + "\n"
    }

    private func colored(_ text: String, code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `::error file=…,line=…,col=…,title=…::message`
    public func renderGitHub(_ diagnostic: Diagnostic) -> String {
        let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        var properties = ["file=\(escapeProperty(diagnostic.file))"]
        if diagnostic.range.start.line > 0 {
            properties.append("line=\(diagnostic.range.start.line)")
            properties.append("col=\(characterColumn(file: diagnostic.file, location: diagnostic.range.start))")
        }
        properties.append("title=\(escapeProperty(diagnostic.id))")
        let notes = diagnostic.notes.map { "\n" + $0.message }.joined()
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message + notes))\n"
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Line start indices per file, so that printing many diagnostics does not rescan a file each time.
private final class LineStarts: @unchecked Sendable {
    private var cache: [String: [String.Index]] = [:]
    private let lock = NSLock()

    func starts(of file: String, in text: String) -> [String.Index] {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[file] { return known }
        var starts = [text.startIndex]
        var index = text.startIndex
        while let newline = text[index...].firstIndex(of: "\n") {
            index = text.index(after: newline)
            starts.append(index)
        }
        cache[file] = starts
        return starts
    }

    private var characters: [String: [Int: [Int]]] = [:]

    /// UTF-8 offsets at which each character of a line starts, or nil when the line is ASCII
    /// (its byte and character columns agree); found once per line.
    func characterStarts(of file: String, line: Int, text: Substring) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        if let known = characters[file]?[line] { return known.isEmpty ? nil : known }
        var starts: [Int] = []
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            var offset = 0
            for character in text {
                starts.append(offset)
                offset += character.utf8.count
            }
        }
        characters[file, default: [:]][line] = starts
        return starts.isEmpty ? nil : starts
    }
}
