/// A block node with the source range it came from.
public struct Block: Hashable, Sendable {
    /// What the node is.
    public var kind: Kind
    /// Where it came from in the original file.
    public var range: SourceRange

    /// Creates a block node.
    public init(_ kind: Kind, _ range: SourceRange = .unknown) {
        self.kind = kind
        self.range = range
    }

    /// Pandoc's block constructors, plus a figure as in pandoc 3.
    public indirect enum Kind: Hashable, Sendable {
        /// Inlines not wrapped in a paragraph (tight list items, table cells).
        case plain([Inline])
        /// A paragraph.
        case para([Inline])
        /// A line block (`| ` lines); one inline list per line.
        case lineBlock([[Inline]])
        /// A code block with attributes (the first class is the language).
        case codeBlock(Attributes, String)
        /// Raw content for one output format.
        case rawBlock(format: String, String)
        /// A block quote.
        case blockQuote([Block])
        /// An ordered list.
        case orderedList(ListStyle, [ListItem])
        /// A bullet list.
        case bulletList([ListItem])
        /// A definition list.
        case definitionList([DefinitionItem])
        /// A heading of level 1 to 6.
        case header(level: Int, Attributes, [Inline])
        /// A horizontal rule (`---`).
        case horizontalRule
        /// A table.
        case table(Table)
        /// A figure: content with a caption.
        case figure(Attributes, caption: [Inline], [Block])
        /// A generic container (fenced div).
        case div(Attributes, [Block])
    }
}

/// One item of a bullet or ordered list.
public struct ListItem: Hashable, Sendable {
    /// The item's blocks (`plain` in a tight list, `para` in a loose one).
    public var blocks: [Block]
    /// nil for an ordinary item; whether the box is ticked for a task-list item.
    public var task: Bool?
    /// Where the item came from.
    public var range: SourceRange

    /// Creates a list item.
    public init(blocks: [Block], task: Bool? = nil, range: SourceRange = .unknown) {
        self.blocks = blocks
        self.task = task
        self.range = range
    }
}

/// Numbering of an ordered list.
public struct ListStyle: Hashable, Sendable {
    /// The first number.
    public var start: Int
    /// How numbers are shown.
    public var numbering: Numbering
    /// Creates a list style.
    public init(start: Int = 1, numbering: Numbering = .decimal) {
        self.start = start
        self.numbering = numbering
    }

    /// Pandoc's list number styles.
    public enum Numbering: String, Hashable, Sendable {
        /// `#.` markers: whatever the output's default is.
        case defaultStyle
        /// `1.`
        case decimal
        /// `a.`
        case lowerAlpha
        /// `A.`
        case upperAlpha
        /// `i.`
        case lowerRoman
        /// `I.`
        case upperRoman
        /// `(@)` and `(@label)`: Pandoc's example lists, numbered on through the document.
        case example
    }
}

/// A term and its definitions.
public struct DefinitionItem: Hashable, Sendable {
    /// The term.
    public var term: [Inline]
    /// Each definition's blocks.
    public var definitions: [[Block]]
    /// Creates a definition item.
    public init(term: [Inline], definitions: [[Block]]) {
        self.term = term
        self.definitions = definitions
    }
}

/// A table: head, body and foot rows of cells that hold blocks, as in Pandoc's model
/// (without row and column spans).
public struct Table: Hashable, Sendable {
    /// The content of one cell; a pipe-table cell is one `plain` block.
    public typealias Cell = [Block]

    /// The caption, empty when none.
    public var caption: [Inline]
    /// Column alignments.
    public var alignments: [Alignment]
    /// Column widths as fractions of the text width; empty when the columns size themselves.
    public var widths: [Double]
    /// Header rows.
    public var head: [[Cell]]
    /// Body rows.
    public var body: [[Cell]]
    /// Footer rows.
    public var foot: [[Cell]]

    /// Creates a table.
    public init(caption: [Inline] = [], alignments: [Alignment], widths: [Double] = [], head: [[Cell]], body: [[Cell]],
                foot: [[Cell]] = []) {
        self.caption = caption
        self.alignments = alignments
        self.widths = widths
        self.head = head
        self.body = body
        self.foot = foot
    }

    /// Every row, head to foot.
    public var rows: [[Cell]] { head + body + foot }

    /// Horizontal alignment of a column.
    public enum Alignment: String, Hashable, Sendable {
        /// No alignment given.
        case `default`
        /// Left.
        case left
        /// Centre.
        case center
        /// Right.
        case right
    }
}
