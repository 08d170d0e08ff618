import Foundation

extension QuizBuilder {
    /// Blanks written as `.blank` spans in the prompt, in document order.
    mutating func blanks(in prompt: [Block]) -> [Blank] {
        var found: [(Attributes, [Inline], SourceRange)] = []
        NodeVisitor(inline: { inline in
            if case .span(let attributes, let content) = inline.kind, attributes.hasClass("blank") {
                found.append((attributes, content, inline.range))
            }
        }).walk(prompt)
        return found.map { attributes, content, range in blank(attributes, content, range: range) }
    }

    private mutating func blank(_ attributes: Attributes, _ content: [Inline], range: SourceRange) -> Blank {
        let written = Inline.plainText(content).trimmingWhitespaces()
        let accepted = (attributes["accept"].map { $0.split(separator: "|").map(String.init) } ?? [])
        let answers = ([written] + accepted).map { $0.trimmingWhitespaces() }.filter { !$0.isEmpty }
        if answers.isEmpty {
            bag.report("quiz.empty-blank", at: range)
        }
        guard attributes["type"] == "number" else {
            return Blank(answers: answers, number: nil, tolerance: 0, range: range)
        }
        guard let number = Double(written) else {
            bag.report("quiz.bad-number", ["what": "numeric blank", "value": written, "expected": "a number"], at: range)
            return Blank(answers: answers, number: nil, tolerance: 0, range: range)
        }
        var tolerance = 0.0
        if let text = attributes["tolerance"] {
            if let value = Double(text), value >= 0 { tolerance = value } else {
                bag.report("quiz.bad-number", ["what": "tolerance", "value": text, "expected": "a non-negative number"], at: range)
            }
        }
        return Blank(answers: answers, number: number, tolerance: tolerance, range: range)
    }
}

/// Plain text helpers for quiz checks.
enum PlainTextOf {
    static func blocks(_ blocks: [Block]) -> String {
        var text = ""
        NodeVisitor(inline: { inline in
            switch inline.kind {
            case .text(let value), .code(_, let value), .math(_, let value): text += value
            default: break
            }
        }).walk(blocks)
        return text.trimmingWhitespacesAndNewlines()
    }
}

/// A stable fingerprint of a quiz's questions, options and answers.
enum QuizHash {
    static func of(_ questions: [Question]) -> String {
        var text = ""
        for question in questions {
            text += "Q\(question.kind.rawValue)|\(PlainTextOf.blocks(question.prompt))|"
            for choice in question.choices { text += "C\(choice.correct)|\(PlainTextOf.blocks(choice.content))|" }
            for blank in question.blanks { text += "B\(blank.answers.joined(separator: "/"))|\(blank.number ?? 0)|\(blank.tolerance)|" }
        }
        return String(FNV1a.hash(text.utf8), radix: 16)
    }
}
