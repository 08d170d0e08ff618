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
    /// Raw TeX that defines math macros (`\newcommand`, `\def`…), written outside math, in order;
    /// the page leaves raw TeX out, math reads the definitions.
    public var texDefinitions: [RawTeX] = []

    /// Creates a document.
    public init(file: String, metadata: LessonMetadata, frontMatter: FrontMatter?, blocks: [Block]) {
        self.file = file
        self.metadata = metadata
        self.frontMatter = frontMatter
        self.blocks = blocks
    }
}

/// Raw TeX from a lesson and where it was written.
public struct RawTeX: Hashable, Sendable {
    /// The TeX.
    public var text: String
    /// Where it was written.
    public var range: SourceRange

    /// Creates raw TeX.
    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }

    /// True when the TeX defines a macro.
    public static func definesMacro(_ text: String) -> Bool {
        ["\\newcommand", "\\renewcommand", "\\providecommand", "\\def", "\\gdef"].contains { text.hasPrefix($0) }
    }
}
