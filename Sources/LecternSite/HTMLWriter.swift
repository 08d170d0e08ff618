import LecternCore
import LecternHighlight

/// Renders the document model as HTML5, the way `pandoc -t html5 --mathjax` does.
public struct HTMLWriter {
    /// What the writer does beyond Pandoc's output.
    public struct Options: Sendable {
        /// Lesson-page rendering: callouts styled, speaker notes and pauses left out.
        public var pageMode: Bool
        /// Rewrites link targets (for example `other.md#x` to the built page's URL).
        public var resolveURL: @Sendable (String) -> String
        /// Added to every heading level, so that a lesson's `#` sections sit under the page title.
        public var headingShift: Int
        /// False for courses with `safe: true`: raw HTML is left out.
        public var allowsRawHTML = true
        /// Slide decks: items of incremental lists become fragments.
        public var deckMode = false
        /// Headings get a link to themselves, for sharing a section (lesson pages).
        public var headingAnchors = false
        /// The pixel size of a local image, by URL as written: pages reserve its space.
        public var imageSize: @Sendable (String) -> LessonAnalysis.ImagePixels? = { _ in nil }
        /// The quiz built from the `.quiz` div starting at a location (from the lesson's analysis);
        /// a quiz div without one is written as a plain div.
        public var quiz: @Sendable (SourceLocation) -> Quiz? = { _ in nil }
        /// The MathML of the formula starting at a location (from the lesson's analysis); a
        /// formula without one is written as TeX between `\(` and `\)`, as pandoc does.
        public var math: @Sendable (SourceLocation) -> String? = { _ in nil }
        /// The readable characters of the formula starting at a location, for accessible names.
        public var mathText: @Sendable (SourceLocation) -> String? = { _ in nil }
        /// The highlighted code of the code block or inline code starting at a location (from
        /// the lesson's analysis); code without it is written as plain text.
        public var code: @Sendable (SourceLocation) -> HighlightedCode? = { _ in nil }

        /// Creates options.
        public init(pageMode: Bool = false, headingShift: Int = 0,
                    resolveURL: @escaping @Sendable (String) -> String = { $0 }) {
            self.pageMode = pageMode
            self.headingShift = headingShift
            self.resolveURL = resolveURL
        }

        /// Output equivalent to `pandoc -t html5`.
        public static let pandoc = Options()
        /// Output for a lesson page.
        public static let page = Options(pageMode: true)
    }

    /// The options in force.
    public var options: Options
    var notes: [[Block]] = []
    /// Footnotes already written out (decks write each slide's notes on that slide).
    var noteBase = 0
    var fragmentItems = false
    var blankCounter = 0
    /// Tab sets written so far, for ids that stay unique on the page.
    var componentCounter = 0
    /// True while writing a quiz prompt, where `.blank` spans become text boxes.
    var inQuizPrompt = false
    /// Blocks the lesson's page has written, which a deck copies (see `WrittenBlocks`).
    var pageBlocks: WrittenBlocks?

    /// Creates a writer.
    public init(options: Options = .pandoc) {
        self.options = options
    }

    /// Renders a whole document body, footnotes included.
    public mutating func render(_ blocks: [Block]) -> String {
        body(blocks, noting: nil).text
    }

    /// Renders a lesson page's body as `render` does, noting the HTML of the blocks its deck
    /// can copy.
    mutating func render(_ blocks: [Block], noting written: inout WrittenBlocks) -> String {
        var noted = written
        noted.reserve(blocks.count)
        let out = body(blocks) { noted.note($0, at: $1) }.text
        noted.finish(out)
        written = noted
        return out
    }

    private mutating func body(_ blocks: [Block], noting note: ((Block, Range<Int>) -> Void)?) -> HTMLBuffer {
        notes = []
        noteBase = 0
        var out = HTMLBuffer()
        writeBlocks(blocks, into: &out, noting: note)
        writeFootnotes(into: &out)
        return out
    }

    /// Renders inlines alone (titles, captions).
    public mutating func renderInlines(_ inlines: [Inline]) -> String {
        var out = HTMLBuffer()
        writeInlines(inlines, into: &out)
        return out.text
    }

    /// The one place where text becomes safe inside an element.
    static func escapeText(_ text: String, into out: inout HTMLBuffer) {
        out.appendEscaped(text, quotes: false)
    }

    /// `escapeText` for text kept as a `String`.
    static func escapeText(_ text: String, into out: inout String) {
        appendEscaped(text, quotes: false, to: &out)
    }

    /// The one place where attribute values are escaped.
    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        appendEscaped(value, quotes: true, to: &out)
        return out
    }

    /// Appends `text` with `&`, `<`, `>` (and `"` in attribute values, `'` where templates may
    /// quote with it) replaced; text without them is appended whole.
    static func appendEscaped(_ text: String, quotes: Bool, apostrophes: Bool = false, to out: inout String) {
        var text = text
        let clean = text.withUTF8 { $0.allSatisfy { replacement(for: $0, quotes: quotes, apostrophes: apostrophes) == nil } }
        guard !clean else { out += text; return }
        var bytes: [UInt8] = []
        appendEscaped(text, quotes: quotes, apostrophes: apostrophes, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The one place where text is escaped: `text`'s UTF-8 bytes with the replacements of
    /// `replacement(for:)`, copied a run at a time (only ASCII is ever replaced).
    static func appendEscaped(_ text: String, quotes: Bool, apostrophes: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                guard let replacement = replacement(for: bytes[index], quotes: quotes, apostrophes: apostrophes) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    @inline(__always)
    private static func replacement(for byte: UInt8, quotes: Bool, apostrophes: Bool) -> StaticString? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22 where quotes: return "&quot;"
        case 0x27 where apostrophes: return "&#39;"
        default: return nil
        }
    }

    /// Writes ` name="value"` pairs.
    static func writeAttributes(_ pairs: [(String, String)], into out: inout HTMLBuffer) {
        for (name, value) in pairs {
            out.append(byte: 0x20)
            out.append(name)
            out.append(byte: 0x3D)
            out.append(byte: 0x22)
            out.appendEscaped(value, quotes: true)
            out.append(byte: 0x22)
        }
    }

    /// `writeAttributes` for HTML kept as a `String`, appended at once.
    static func writeAttributes(_ pairs: [(String, String)], into out: inout String) {
        guard !pairs.isEmpty else { return }
        var buffer = HTMLBuffer()
        writeAttributes(pairs, into: &buffer)
        out += buffer.text
    }
}
