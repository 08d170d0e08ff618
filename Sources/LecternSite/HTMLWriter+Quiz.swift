import Foundation
import LecternCore

/// Interactive quizzes on lesson pages; without JavaScript each answer sits in a `<details>`.
extension HTMLWriter {
    mutating func writeQuiz(_ quiz: Quiz, into out: inout HTMLBuffer) {
        let base = quiz.id.hasPrefix("quiz") ? quiz.id : "quiz-" + quiz.id
        var pairs: [(String, String)] = [("id", base), ("class", "quiz"), ("data-quiz", quiz.id), ("data-hash", quiz.contentHash),
                                         ("data-pass", String(quiz.pass.required(of: quiz.questions.count))),
                                         ("data-total", String(quiz.questions.count)), ("data-mode", quiz.mode.rawValue),
                                         ("data-shuffle", quiz.shuffle ? "true" : "false"), ("aria-labelledby", base + "-title")]
        if let attempts = quiz.attempts { pairs.append(("data-attempts", String(attempts))) }
        out += "<section"
        Self.writeAttributes(pairs, into: &out)
        out += ">\n<h2 class=\"quiz-title\" id=\"\(Self.escapeAttribute(base))-title\">"
        Self.escapeText(quiz.title, into: &out)
        out += "</h2>\n<p class=\"quiz-status\" aria-live=\"polite\"></p>\n<ol class=\"quiz-questions\">\n"
        for (number, question) in quiz.questions.enumerated() {
            writeQuestion(question, number: number, total: quiz.questions.count, base: base, into: &out)
        }
        out += "</ol>\n<div class=\"quiz-pager\" hidden><button type=\"button\" class=\"quiz-previous\">Previous</button>"
        out += "<button type=\"button\" class=\"quiz-next\">Next</button></div>\n</section>"
    }

    mutating func writeQuestion(_ question: Question, number: Int, total: Int, base: String, into out: inout HTMLBuffer) {
        let id = "\(base)-q\(number + 1)"
        out += "<li class=\"quiz-question\" id=\"\(Self.escapeAttribute(id))\" data-kind=\"\(question.kind.rawValue)\">\n"
        out += "<fieldset aria-describedby=\"\(Self.escapeAttribute(id))-prompt\">\n<legend>Question \(number + 1) of \(total)</legend>\n"
        out += "<div class=\"quiz-prompt\" id=\"\(Self.escapeAttribute(id))-prompt\">\n"
        blankCounter = 0
        inQuizPrompt = true
        writeBlocks(question.prompt, into: &out)
        inQuizPrompt = false
        out += "</div>\n"
        switch question.kind {
        case .single, .multiple, .trueFalse: writeChoices(question, id: id, into: &out)
        case .order: writeOrderItems(question, id: id, into: &out)
        case .fillIn, .numeric: break
        }
        if !question.hints.isEmpty {
            out += "<div class=\"quiz-hints\">\n"
            for hint in question.hints {
                out += "<div class=\"quiz-hint\" hidden>\n"
                writeBlocks(hint, into: &out)
                out += "</div>\n"
            }
            out += "<button type=\"button\" class=\"quiz-hint-button\">Show a hint</button>\n</div>\n"
        }
        out += "<div class=\"quiz-actions\"><button type=\"button\" class=\"quiz-check\">Check</button>"
        out += "<button type=\"button\" class=\"quiz-retry\" hidden>Try again</button>"
        out += "<button type=\"button\" class=\"quiz-reveal\">Show answer</button></div>\n"
        out += "<p class=\"quiz-result\" aria-live=\"polite\"></p>\n"
        if !question.explanation.isEmpty {
            out += "<div class=\"quiz-explanation\" hidden>\n"
            writeBlocks(question.explanation, into: &out)
            out += "</div>\n"
        }
        writeAnswerKey(question, into: &out)
        out += "</fieldset>\n</li>\n"
    }

    mutating func writeChoices(_ question: Question, id: String, into out: inout HTMLBuffer) {
        let type = question.kind == .multiple ? "checkbox" : "radio"
        out += "<ul class=\"quiz-choices\">\n"
        for (index, choice) in question.choices.enumerated() {
            let choiceID = "\(id)-c\(index + 1)"
            out += "<li class=\"quiz-choice\" data-correct=\"\(choice.correct)\">"
            out += "<input type=\"\(type)\" name=\"\(Self.escapeAttribute(id))\" id=\"\(Self.escapeAttribute(choiceID))\" value=\"\(index)\""
            out += accessibleName(Self.leadingInlines(choice.content)).map { " aria-label=\"\(Self.escapeAttribute($0))\"" } ?? ""
            out += ">"
            out += "<label for=\"\(Self.escapeAttribute(choiceID))\">"
            writeInlines(Self.leadingInlines(choice.content), into: &out)
            out += "</label>"
            if !choice.feedback.isEmpty {
                out += "<div class=\"quiz-feedback\" hidden>\n"
                writeBlocks(choice.feedback, into: &out)
                out += "</div>"
            }
            out += "</li>\n"
        }
        out += "</ul>\n"
    }

    /// A name for an option that is only a formula, whose MathML not every tool can read out.
    func accessibleName(_ inlines: [Inline]) -> String? {
        let words = Inline.plainText(inlines, math: { _ in "" }).trimmingWhitespaces()
        guard words.isEmpty else { return nil }
        let math = options.mathText
        let name = Inline.plainText(inlines, math: { math($0.range.start) }).trimmingWhitespaces()
        return name.isEmpty ? nil : name
    }

    mutating func writeOrderItems(_ question: Question, id: String, into out: inout HTMLBuffer) {
        let count = question.choices.count
        // A fixed rotation keeps the page deterministic; the script shuffles per learner.
        let shown = (0..<count).map { ($0 + 1) % count }
        out += "<ol class=\"quiz-order\">\n"
        for position in shown {
            out += "<li data-position=\"\(position)\"><span class=\"quiz-order-text\">"
            writeInlines(Self.leadingInlines(question.choices[position].content), into: &out)
            out += "</span> <button type=\"button\" class=\"quiz-up\">Move up</button>"
            out += "<button type=\"button\" class=\"quiz-down\">Move down</button></li>\n"
        }
        out += "</ol>\n"
    }

    mutating func writeAnswerKey(_ question: Question, into out: inout HTMLBuffer) {
        out += "<details class=\"quiz-answer-key\"><summary>Answer</summary>\n"
        switch question.kind {
        case .single, .multiple, .trueFalse, .order:
            out += question.kind == .order ? "<ol>\n" : "<ul>\n"
            for choice in question.choices where choice.correct {
                out += "<li>"
                writeInlines(Self.leadingInlines(choice.content), into: &out)
                out += "</li>\n"
            }
            out += question.kind == .order ? "</ol>\n" : "</ul>\n"
        case .fillIn, .numeric:
            out += "<ul>\n"
            for blank in question.blanks {
                out += "<li>"
                Self.escapeText(blank.number.map { blank.tolerance > 0 ? "\(Self.number($0)) ± \(Self.number(blank.tolerance))" : Self.number($0) }
                                ?? blank.answers.joined(separator: " / "), into: &out)
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        if !question.explanation.isEmpty { writeBlocks(question.explanation, into: &out) }
        out += "</details>\n"
    }

    /// Writes a `.blank` span as a text box inside a quiz prompt.
    mutating func writeBlank(_ attributes: Attributes, _ children: [Inline], into out: inout HTMLBuffer) {
        blankCounter += 1
        let text = Inline.plainText(children).trimmingWhitespaces()
        var pairs: [(String, String)] = [("type", "text"), ("class", "quiz-blank"), ("autocomplete", "off"),
                                         ("aria-label", "Blank \(blankCounter)"), ("size", String(max(6, text.count + 2)))]
        if attributes["type"] == "number" {
            pairs += [("inputmode", "decimal"), ("data-number", text), ("data-tolerance", attributes["tolerance"] ?? "0")]
        } else {
            let accepted = [text] + (attributes["accept"]?.split(separator: "|").map(String.init) ?? [])
            pairs.append(("data-accept", accepted.joined(separator: "|")))
        }
        out += "<input"
        Self.writeAttributes(pairs, into: &out)
        out += ">"
    }

    static func leadingInlines(_ blocks: [Block]) -> [Inline] {
        blocks.flatMap { block -> [Inline] in
            switch block.kind {
            case .plain(let inlines), .para(let inlines): return inlines
            case .codeBlock(_, let code): return [Inline(.code(.empty, code))]
            default: return [Inline(.text(PlainText.of([block])))]
            }
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
