import Yams

/// The YAML metadata block at the top of a lesson or a whole YAML file.
public struct FrontMatter: Sendable {
    /// The parsed mapping, with keys in source order.
    public var values: [(key: String, value: YAMLValue, line: Int)]
    /// The range of the block in the file, fences included.
    public var range: SourceRange

    /// The value for a key.
    public subscript(key: String) -> YAMLValue? {
        values.first(where: { $0.key == key })?.value
    }

    /// The line a key is written on.
    public func line(of key: String) -> Int? {
        values.first(where: { $0.key == key })?.line
    }
}

/// A YAML value reduced to what course and lesson files need.
public indirect enum YAMLValue: Hashable, Sendable {
    /// A scalar as written (strings, numbers and booleans alike).
    case scalar(String, line: Int, column: Int)
    /// A sequence.
    case sequence([YAMLValue], line: Int, column: Int)
    /// A mapping with keys in source order.
    case mapping([YAMLPair], line: Int, column: Int)
    /// `null` or `~` or nothing.
    case null(line: Int, column: Int)

    /// The 1-based line the value starts on, in the file.
    public var line: Int {
        switch self {
        case .scalar(_, let line, _), .sequence(_, let line, _), .mapping(_, let line, _), .null(let line, _): return line
        }
    }

    /// The 1-based column the value starts at.
    public var column: Int {
        switch self {
        case .scalar(_, _, let column), .sequence(_, _, let column), .mapping(_, _, let column), .null(_, let column): return column
        }
    }

    /// The scalar text, if this is a scalar.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }
}

/// A key and value of a YAML mapping.
public struct YAMLPair: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLValue
    /// Where the key is written.
    public var line: Int
    /// The key's column.
    public var column: Int
}
