import LecternMath
import LecternHighlight

/// An element id on a lesson's page and where it was written.
public struct ElementID: Hashable, Sendable {
    /// The id.
    public var id: String
    /// Where it was written.
    public var range: SourceRange
}

/// A heading listed under "On this page".
public struct TOCEntry: Sendable {
    /// The heading level on the page (after the lesson's heading shift).
    public var level: Int
    /// The heading's id.
    public var id: String
    /// The heading's text, footnotes left out.
    public var title: [Inline]
}

/// A link or image written in a lesson and what it points at.
public struct LinkReference: Sendable {
    /// The URL as written.
    public var url: String
    /// True for images.
    public var isImage: Bool
    /// Where it was written.
    public var range: SourceRange
    /// What it points at.
    public var reference: ContentReference
}

/// A part of a lesson that search finds: the text under one heading.
public struct SearchSection: Sendable {
    /// The heading's plain text (the lesson title for text before the first heading).
    public var heading: String
    /// The heading's id, empty for the lesson's start.
    public var anchor: String
    /// The section's plain text, cut at `LessonAnalyzer.maximumSectionText` characters.
    public var text: String
}

/// Every fact about one lesson that validation, the page writer, the deck writer and
/// search read; computed once, by `LessonAnalyzer`.
public struct LessonAnalysis: Sendable {
    /// The quizzes, in document order.
    public var quizzes: [Quiz]
    /// Index into `quizzes` by the start of each quiz div.
    public var quizIndex: [SourceLocation: Int]
    /// The heading level that starts a slide.
    public var slideLevel: Int
    /// The slide deck, when the lesson has one.
    public var deck: Deck?
    /// Element ids on the page, in document order.
    public var elementIDs: [ElementID]
    /// The same ids as a set.
    public var ids: Set<String>
    /// Added to heading levels on the page: 1 when the lesson uses `#` headings.
    public var headingShift: Int
    /// "On this page".
    public var tableOfContents: [TOCEntry]
    /// Links and images, in document order.
    public var links: [LinkReference]
    /// What each link and image URL points at, by URL as written, for the writers.
    public var references: [String: ContentReference] = [:]
    /// The text search finds, by section.
    public var searchSections: [SearchSection]
    /// Minutes from front matter, else the estimate.
    public var minutes: Int
    /// Every formula as MathML, by where it starts.
    public var math: [SourceLocation: MathRendering]
    /// Code in a known language, highlighted, by where the block or inline code starts.
    public var code: [SourceLocation: HighlightedCode] = [:]
    /// Pixel sizes of the lesson's own images, by URL as written, read from the files' headers.
    public var imageSizes: [String: ImagePixels] = [:]
    /// What parsing and analysis reported about this lesson alone.
    public var diagnostics: [Diagnostic]

    /// An image's size in pixels.
    public struct ImagePixels: Hashable, Sendable {
        /// Width.
        public var width: Int
        /// Height.
        public var height: Int
    }

    /// The quiz built from the div that starts at `location`.
    public func quiz(at location: SourceLocation) -> Quiz? {
        quizIndex[location].map { quizzes[$0] }
    }
}
