/// A problem found in an author's input, located in a file.
public struct Diagnostic: Hashable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// Stops the build.
        case error
        /// Reported; fails the build only with `--strict`.
        case warning
        /// Extra information attached to another diagnostic.
        case note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Errors sort before warnings, warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message, optionally pointing somewhere else.
    public struct Note: Hashable, Sendable {
        /// The note's text.
        public var message: String
        /// The file the note points at, if any.
        public var file: String?
        /// The range the note points at, if any.
        public var range: SourceRange?
        /// Creates a note.
        public init(_ message: String, file: String? = nil, range: SourceRange? = nil) {
            self.message = message
            self.file = file
            self.range = range
        }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable identifier such as `div.unclosed`.
    public var id: String
    /// One sentence saying what is wrong.
    public var message: String
    /// The file, relative to the course root when it is inside it.
    public var file: String
    /// Where in the file; byte columns.
    public var range: SourceRange
    /// Further explanation.
    public var notes: [Note]

    /// Creates a diagnostic of a catalogued kind: its severity and message template are the
    /// catalogue's, and `arguments` fill the template.
    public init(_ id: String, _ arguments: [String: String] = [:], file: String, range: SourceRange, notes: [Note] = []) {
        severity = DiagnosticCatalog.severity(of: id)
        self.id = id
        message = DiagnosticCatalog.message(id, arguments)
        self.file = file
        self.range = range
        self.notes = notes
    }
}

/// Collects diagnostics in one run; nothing is thrown for content problems.
public struct DiagnosticBag: Sendable {
    /// Everything collected so far, in the order reported.
    public private(set) var all: [Diagnostic] = []
    /// The file new diagnostics are attributed to.
    public var file: String

    /// Creates an empty bag for a file.
    public init(file: String = "") {
        self.file = file
    }

    /// Adds a diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Adds every diagnostic of another bag.
    public mutating func add(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// Reports a diagnostic of a catalogued kind in the current file.
    public mutating func report(_ id: String, _ arguments: [String: String] = [:], at range: SourceRange,
                                notes: [Diagnostic.Note] = []) {
        all.append(Diagnostic(id, arguments, file: file, range: range, notes: notes))
    }

    /// True when any error was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, then line, then column, then severity.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a.file != b.file { return a.file < b.file }
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.severity != b.severity { return a.severity < b.severity }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
