/// An inline node with the source range it came from.
public struct Inline: Hashable, Sendable {
    /// What the node is.
    public var kind: Kind
    /// Where it came from in the original file.
    public var range: SourceRange

    /// Creates an inline node.
    public init(_ kind: Kind, _ range: SourceRange = .unknown) {
        self.kind = kind
        self.range = range
    }

    /// Pandoc's inline constructors, less those Lectern never produces.
    public indirect enum Kind: Hashable, Sendable {
        /// Plain text, spaces included.
        case text(String)
        /// A line break in the source that is not a hard break.
        case softBreak
        /// A hard line break.
        case lineBreak
        /// Emphasis.
        case emph([Inline])
        /// Strong emphasis.
        case strong([Inline])
        /// Strikethrough (`~~x~~`).
        case strikeout([Inline])
        /// Superscript (`x^2^`).
        case superscript([Inline])
        /// Subscript (`H~2~O`).
        case `subscript`([Inline])
        /// Inline code with optional attributes.
        case code(Attributes, String)
        /// TeX math; the body is verbatim.
        case math(MathKind, String)
        /// Raw content for one output format.
        case rawInline(format: String, String)
        /// A hyperlink.
        case link(Attributes, [Inline], Target)
        /// An image; the inlines are its alt text.
        case image(Attributes, [Inline], Target)
        /// A footnote with its content.
        case note([Block])
        /// A generic span (`[text]{.class}`).
        case span(Attributes, [Inline])
        /// A citation (`[@key]` or `@key`), keeping the source text as its content.
        case cite(keys: [String], [Inline])
    }
}

/// Whether math is inline (`$`) or display (`$$`).
public enum MathKind: String, Hashable, Sendable {
    /// `$...$`
    case inline
    /// `$$...$$`
    case display
}

/// The destination and title of a link or image.
public struct Target: Hashable, Sendable {
    /// The URL as written.
    public var url: String
    /// The title, empty when none.
    public var title: String

    /// Creates a target.
    public init(url: String, title: String = "") {
        self.url = url
        self.title = title
    }
}
