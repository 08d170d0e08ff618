/// A parsed lesson: its metadata and its blocks.
public struct Document: Sendable {
    /// The file the lesson came from, relative to the course root when inside it.
    public var file: String
    /// The typed front matter.
    public var metadata: LessonMetadata
    /// The raw front matter, with every key (known or not) and its line.
    public var frontMatter: FrontMatter?
    /// The body.
    public var blocks: [Block]

    /// Creates a document.
    public init(file: String, metadata: LessonMetadata, frontMatter: FrontMatter?, blocks: [Block]) {
        self.file = file
        self.metadata = metadata
        self.frontMatter = frontMatter
        self.blocks = blocks
    }
}
