/// Questions in the compact form (list items) and the rich form (`::: question` divs).
extension QuizBuilder {
    /// A question from an ordered-list item: prompt, task list of options, explanation quote.
    mutating func compactQuestion(_ item: ListItem) -> Question {
        var prompt: [Block] = []
        var choices: [Choice] = []
        var explanation: [Block] = []
        var sawChoices = false
        for block in item.blocks {
            switch block.kind {
            case .bulletList(let options) where options.contains(where: { $0.task != nil }) && !sawChoices:
                choices = options.map { choice($0) }
                sawChoices = true
            case .blockQuote(let quoted):
                if sawChoices, explanation.isEmpty {
                    explanation = quoted
                } else {
                    bag.report("quiz.stray-feedback", ["instead": "follow the options as the explanation"],
                              at: block.range)
                }
            default:
                if sawChoices { explanation.append(block) } else { prompt.append(block) }
            }
        }
        return finish(kind: nil, prompt: prompt, choices: choices, hints: [], explanation: explanation, range: item.range)
    }

    /// A question from a `::: question` div with optional `::: hint` and `::: explanation` divs.
    mutating func richQuestion(_ attributes: Attributes, _ blocks: [Block], range: SourceRange) -> Question {
        for (key, _) in attributes.pairs where !Self.questionAttributes.contains(key) {
            bag.report("quiz.unknown-attribute", ["element": "question", "name": key, "suggestion": ""], at: range)
        }
        var requested: Question.Kind?
        if let type = attributes["type"] {
            requested = type == "true-false" ? .trueFalse : Question.Kind(rawValue: type == "fill-in" ? "fill" : type)
            if requested == nil {
                bag.report("quiz.bad-attribute", ["name": "type", "expected": "one of single, multiple, truefalse, fill, numeric, order, not '\(type)'"],
                          at: range)
            }
        }
        var prompt: [Block] = [], choices: [Choice] = [], hints: [[Block]] = [], explanation: [Block] = []
        for block in blocks {
            switch block.kind {
            case .bulletList(let options) where options.contains(where: { $0.task != nil }) && choices.isEmpty:
                choices = options.map { choice($0) }
            case .orderedList(_, let items) where requested == .order && choices.isEmpty:
                choices = items.map { Choice(content: $0.blocks, correct: true, feedback: [], range: $0.range) }
            case .div(let inner, let content) where inner.hasClass("hint"):
                hints.append(content)
            case .div(let inner, let content) where inner.hasClass("explanation"):
                explanation += content
            case .blockQuote:
                bag.report("quiz.stray-feedback", ["instead": "go in a '::: explanation' div for the question"],
                          at: block.range)
            default:
                prompt.append(block)
            }
        }
        return finish(kind: requested, prompt: prompt, choices: choices, hints: hints, explanation: explanation, range: range)
    }

    /// An option: its first blocks are the content, a quote under it is its feedback.
    mutating func choice(_ item: ListItem) -> Choice {
        var content: [Block] = [], feedback: [Block] = []
        for block in item.blocks {
            if case .blockQuote(let quoted) = block.kind { feedback += quoted } else { content.append(block) }
        }
        if item.task == nil {
            bag.report("quiz.no-checkbox", at: item.range)
        }
        if PlainTextOf.blocks(content).isEmpty {
            bag.report("quiz.empty-option", at: item.range)
        }
        return Choice(content: content, correct: item.task == true, feedback: feedback, range: item.range)
    }

    /// Decides the kind, reads blanks and checks the question as a whole.
    mutating func finish(kind requested: Question.Kind?, prompt: [Block], choices: [Choice], hints: [[Block]],
                         explanation: [Block], range: SourceRange) -> Question {
        let blanks = blanks(in: prompt)
        if PlainTextOf.blocks(prompt).isEmpty && blanks.isEmpty {
            bag.report("quiz.empty-question", at: range)
        }
        let correct = choices.filter(\.correct).count
        var kind: Question.Kind
        if let requested {
            kind = requested
        } else if !blanks.isEmpty {
            kind = blanks.allSatisfy { $0.number != nil } ? .numeric : .fillIn
        } else if choices.count == 2, Set(choices.map { PlainTextOf.blocks($0.content).lowercased() }) == ["true", "false"] {
            kind = .trueFalse
        } else {
            kind = correct > 1 ? .multiple : .single
        }
        switch kind {
        case .single, .trueFalse, .multiple:
            if choices.isEmpty {
                bag.report("quiz.no-options", at: range)
            } else if correct == 0 {
                bag.report("quiz.no-correct", at: range)
            } else if correct > 1, kind != .multiple {
                bag.report("quiz.several-correct", ["count": String(correct)],
                          at: range)
            }
        case .order:
            if choices.count < 2 { bag.report("quiz.order-items", at: range) }
        case .fillIn, .numeric:
            if blanks.isEmpty { bag.report("quiz.no-blanks", at: range) }
        }
        return Question(kind: kind, prompt: prompt, choices: choices, blanks: blanks, hints: hints, explanation: explanation, range: range)
    }
}
