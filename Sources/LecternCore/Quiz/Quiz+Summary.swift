extension Quiz {
    /// A readable outline of the quiz model, one line per part, for tests and `lectern dump`.
    public var summary: String {
        var lines = ["Quiz \(id) \"\(title)\" pass=\(pass) attempts=\(attempts.map(String.init) ?? "unlimited") shuffle=\(shuffle) mode=\(mode.rawValue) hash=\(contentHash) @\(range.start.line)"]
        for (number, question) in questions.enumerated() {
            lines.append("  Question \(number + 1) \(question.kind.rawValue) \"\(PlainTextOf.blocks(question.prompt))\" @\(question.range.start.line)")
            for choice in question.choices {
                let feedback = choice.feedback.isEmpty ? "" : " feedback=\"\(PlainTextOf.blocks(choice.feedback))\""
                lines.append("    [\(choice.correct ? "x" : " ")] \"\(PlainTextOf.blocks(choice.content))\"\(feedback) @\(choice.range.start.line)")
            }
            for blank in question.blanks {
                let number = blank.number.map { " number=\($0) tolerance=\(blank.tolerance)" } ?? ""
                lines.append("    blank \(blank.answers)\(number)")
            }
            for hint in question.hints { lines.append("    hint \"\(PlainTextOf.blocks(hint))\"") }
            if !question.explanation.isEmpty { lines.append("    explanation \"\(PlainTextOf.blocks(question.explanation))\"") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
