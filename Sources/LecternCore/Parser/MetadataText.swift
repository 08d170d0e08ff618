import Foundation

/// Front-matter text as pandoc reads it: markdown (`title: "*A* title"` has emphasis), with
/// `\today` standing for the build date and other raw TeX left out.
enum MetadataText {
    /// The date `\today` stands for, as LaTeX prints it ("December 2, 2026").
    static let today: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "MMMM d, yyyy"
        return formatter.string(from: Date())
    }()

    /// Bytes that may start markup, TeX or smart punctuation.
    private static let special: Set<UInt8> = Set("*_[]^~$\\<>&'\"-.`@{}".utf8)

    /// The inlines of one metadata value; its source ranges are not the lesson's.
    static func inlines(_ value: String) -> [Inline] {
        // Most values are plain words; only markup, TeX or smart punctuation needs the parser.
        guard value.utf8.contains(where: special.contains) else { return [Inline(.text(value))] }
        let text = value.replacingOccurrences(of: "\\today", with: today)
        // A leading newline keeps a value such as `---` from being read as front matter.
        let (document, _) = MarkdownParser.parse("\n" + text, file: "")
        let found = document.blocks.flatMap { block -> [Inline] in
            switch block.kind {
            case .para(let inlines), .plain(let inlines), .header(_, _, let inlines): return inlines
            default: return []
            }
        }
        return found.isEmpty ? [Inline(.text(text))] : found.map(unlocated)
    }

    private static func unlocated(_ inline: Inline) -> Inline {
        var inline = inline
        inline.range = .unknown
        return inline
    }
}
