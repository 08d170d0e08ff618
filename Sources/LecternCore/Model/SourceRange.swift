/// A 1-based line and column in a source file; columns count UTF-8 bytes, as cmark does.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes from the start of the line.
    public var column: Int

    /// Creates a location from a line and a byte column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders locations by line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The span of source text a node or diagnostic came from, in the original file.
public struct SourceRange: Hashable, Sendable, Codable {
    /// Where the span starts.
    public var start: SourceLocation
    /// Where the span ends (inclusive).
    public var end: SourceLocation

    /// Creates a range between two locations.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range covering a single location.
    public init(_ location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// A range covering columns of a single line.
    public init(line: Int, column: Int, endColumn: Int? = nil) {
        self.init(start: SourceLocation(line: line, column: column),
                  end: SourceLocation(line: line, column: endColumn ?? column))
    }

    /// The empty range used for synthesised nodes that have no source of their own.
    public static let unknown = SourceRange(line: 0, column: 0)

    /// The smallest range covering both ranges; unknown ranges are ignored.
    public func union(_ other: SourceRange) -> SourceRange {
        if self == .unknown { return other }
        if other == .unknown { return self }
        return SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
