import Foundation

/// Builds `Quiz` values from `.quiz` divs, in both the compact list form and the form with
/// `::: question` divs, reporting every structural problem at its line.
public struct QuizBuilder {
    /// Attributes a quiz div understands.
    public static let quizAttributes = ["title", "pass", "attempts", "shuffle", "mode"]
    /// Attributes a question div understands.
    public static let questionAttributes = ["type"]

    var bag: DiagnosticBag
    /// Quizzes built so far; default ids are numbered from it.
    public var index = 0

    /// Creates a builder reporting into `bag`.
    public init(bag: DiagnosticBag) {
        self.bag = bag
    }

    /// Every quiz of a document, in order, with their diagnostics (duplicate ids included).
    public static func quizzes(in document: Document) -> ([Quiz], [Diagnostic]) {
        let collecting = quizzesCollected(in: document)
        collecting.visitor.walk(document.blocks)
        return collecting.result()
    }

    /// What `quizzes(in:)` finds, as a visitor for a walk shared with other passes and the
    /// result once the walk is over.
    static func quizzesCollected(in document: Document) -> (visitor: NodeVisitor, result: () -> ([Quiz], [Diagnostic])) {
        var builder = QuizBuilder(bag: DiagnosticBag(file: document.file))
        var quizzes: [Quiz] = []
        var seen: [String: SourceRange] = [:]
        let visitor = NodeVisitor(block: { block in
            guard case .div(let attributes, let children) = block.kind, attributes.hasClass("quiz") else { return }
            let quiz = builder.quiz(attributes, children, range: block.range)
            if let first = seen[quiz.id] {
                builder.bag.report("quiz.duplicate-id", ["id": quiz.id], at: block.range,
                                  notes: [.init("first used here", range: first)])
            }
            seen[quiz.id] = block.range
            quizzes.append(quiz)
        })
        return (visitor, { (quizzes, builder.bag.all) })
    }

    /// Builds one quiz from its div's attributes and children.
    public mutating func quiz(_ attributes: Attributes, _ children: [Block], range: SourceRange) -> Quiz {
        index += 1
        for (key, _) in attributes.pairs where !Self.quizAttributes.contains(key) {
            let suggestion = Suggestion.closest(to: key, in: Self.quizAttributes).map { "; did you mean '\($0)'?" } ?? ""
            bag.report("quiz.unknown-attribute", ["element": "quiz", "name": key, "suggestion": suggestion], at: range)
        }
        var questions: [Question] = []
        for child in children {
            switch child.kind {
            case .orderedList(_, let items):
                questions += items.map { compactQuestion($0) }
            case .div(let inner, let blocks) where inner.hasClass("question"):
                questions.append(richQuestion(inner, blocks, range: child.range))
            default:
                continue
            }
        }
        if questions.isEmpty {
            bag.report("quiz.empty", at: range)
        }
        let pass = passRule(attributes["pass"], total: questions.count, range: range)
        let attempts = attributes["attempts"].flatMap { value -> Int? in
            guard let number = Int(value), number > 0 else {
                bag.report("quiz.bad-attribute", ["name": "attempts", "expected": "a whole number above zero"], at: range)
                return nil
            }
            return number
        }
        let mode = Quiz.Mode(rawValue: attributes["mode"] ?? "all") ?? {
            bag.report("quiz.bad-attribute", ["name": "mode", "expected": "'paged' or 'all'"], at: range)
            return .all
        }()
        let id = attributes.id.isEmpty ? "quiz-\(index)" : attributes.id
        return Quiz(id: id, title: attributes["title"] ?? "Check your understanding", pass: pass, attempts: attempts,
                    shuffle: ["true", "yes", "1"].contains(attributes["shuffle"]?.lowercased() ?? ""), mode: mode,
                    questions: questions, range: range, contentHash: QuizHash.of(questions))
    }

    private mutating func passRule(_ value: String?, total: Int, range: SourceRange) -> Quiz.PassRule {
        guard let value else { return .count(total) }
        let rule: Quiz.PassRule
        if value.hasSuffix("%"), let percent = Double(value.dropLast()), (0...100).contains(percent) {
            rule = .percent(percent)
        } else if let count = Int(value), count >= 0 {
            rule = .count(count)
        } else {
            bag.report("quiz.bad-attribute", ["name": "pass", "expected": "a number of questions or a percentage such as 80%"], at: range)
            return .count(total)
        }
        if rule.required(of: total) > total {
            bag.report("quiz.pass-too-high", ["required": String(rule.required(of: total)), "total": String(total)],
                      at: range)
        }
        return rule
    }
}
