/// How long a lesson takes when its front matter does not say.
///
/// The rule: reading at 200 words a minute, plus half a minute for each slide (headings at
/// the slide level and horizontal rules) and a minute for each quiz question, rounded up,
/// at least one minute.
public enum DurationEstimate {
    /// Words read per minute.
    public static let wordsPerMinute = 200.0

    /// The estimated minutes for a document with its slide level and its number of quiz questions.
    public static func minutes(for document: Document, slideLevel level: Int, quizQuestions: Int) -> Int {
        var words = 0
        var rules = 0
        var headings: [Int] = []
        NodeVisitor(block: { block in
            switch block.kind {
            case .horizontalRule: rules += 1
            case .header(let level, _, _): headings.append(level)
            case .codeBlock(_, let code): words += wordCount(code)
            default: break
            }
        }, inline: { inline in
            switch inline.kind {
            case .text(let text), .code(_, let text):
                words += wordCount(text)
            default: break
            }
        }).walk(document.blocks)
        let slides = headings.filter { $0 == level }.count + rules
        let total = Double(words) / wordsPerMinute + 0.5 * Double(slides) + Double(quizQuestions)
        return max(1, Int(total.rounded(.up)))
    }

    /// Pandoc's default slide level: the highest heading level directly followed by content.
    public static func slideLevel(_ blocks: [Block]) -> Int {
        var best = 7
        for (index, block) in blocks.enumerated() {
            guard case .header(let level, _, _) = block.kind, index + 1 < blocks.count else { continue }
            if case .header = blocks[index + 1].kind { continue }
            best = min(best, level)
        }
        return best == 7 ? 2 : best
    }
}

extension DurationEstimate {
    /// Words in text: runs of bytes between ASCII whitespace.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}
