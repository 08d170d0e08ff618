/// One slide of a deck built from a lesson, with the source range it came from.
public struct Slide: Sendable {
    /// What the slide is for.
    public enum Kind: String, Sendable {
        /// The opening slide made from front matter.
        case title
        /// A heading above the slide level.
        case section
        /// An ordinary slide.
        case content
    }

    /// The kind.
    public var kind: Kind
    /// The heading, empty for untitled slides.
    public var title: [Inline]
    /// The heading's attributes (background, classes, `data-*`).
    public var attributes: Attributes
    /// The content; pauses are `.fragment` divs, incremental lists sit in `.incremental` divs.
    public var blocks: [Block]
    /// Speaker notes.
    public var notes: [Block]
    /// Where the slide starts and ends in the lesson file.
    public var range: SourceRange
}

/// The slides of a lesson.
public struct Deck: Sendable {
    /// The heading level that starts a slide.
    public var slideLevel: Int
    /// The slides, title slide first when the lesson has a title.
    public var slides: [Slide]
}
