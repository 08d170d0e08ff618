/// A quiz built from a `.quiz` div: questions, options and the rules for passing.
public struct Quiz: Sendable {
    /// One-at-a-time or all questions at once.
    public enum Mode: String, Sendable {
        /// Every question visible.
        case all
        /// One question at a time with next and previous.
        case paged
    }

    /// How many questions must be right: a count or a percentage.
    public enum PassRule: Sendable, Equatable {
        /// At least this many questions.
        case count(Int)
        /// At least this percentage of the questions.
        case percent(Double)

        /// The number of questions needed out of `total`.
        public func required(of total: Int) -> Int {
            switch self {
            case .count(let count): return count
            case .percent(let percent): return Int((Double(total) * percent / 100).rounded(.up))
            }
        }
    }

    /// Unique within the lesson; part of the storage key.
    public var id: String
    /// The heading shown above the quiz.
    public var title: String
    /// What counts as passing.
    public var pass: PassRule
    /// Allowed attempts, nil for unlimited.
    public var attempts: Int?
    /// Shuffle options (and questions) per learner.
    public var shuffle: Bool
    /// Paged or all.
    public var mode: Mode
    /// The questions.
    public var questions: [Question]
    /// Where the quiz is written.
    public var range: SourceRange
    /// Changes whenever a question, option or answer changes, so stale answers are never shown.
    public var contentHash: String
}

/// One question of a quiz.
public struct Question: Sendable {
    /// What kind of answer the question takes.
    public enum Kind: String, Sendable {
        /// Exactly one option is right.
        case single
        /// Any number of options are right.
        case multiple
        /// True or false.
        case trueFalse = "truefalse"
        /// Typed answers in blanks.
        case fillIn = "fill"
        /// Typed numbers with a tolerance.
        case numeric
        /// Items to put in order.
        case order
    }

    /// The kind.
    public var kind: Kind
    /// The question text.
    public var prompt: [Block]
    /// Options for choice questions, items (in the right order) for ordering questions.
    public var choices: [Choice]
    /// Blanks for fill-in and numeric questions, in document order.
    public var blanks: [Blank]
    /// Hints, revealed one at a time.
    public var hints: [[Block]]
    /// Shown after checking.
    public var explanation: [Block]
    /// Where the question is written.
    public var range: SourceRange
}

/// An option of a choice question or an item of an ordering question.
public struct Choice: Sendable {
    /// The option's content.
    public var content: [Block]
    /// Whether ticking it is right.
    public var correct: Bool
    /// Feedback shown for this option after checking.
    public var feedback: [Block]
    /// Where the option is written.
    public var range: SourceRange
}

/// A blank to type into: `[answer]{.blank accept="a|b"}` or `[42]{.blank type=number tolerance=0.5}`.
public struct Blank: Sendable {
    /// Accepted answers, compared ignoring case and spaces.
    public var answers: [String]
    /// The numeric answer, for numeric blanks.
    public var number: Double?
    /// How far a numeric answer may be off.
    public var tolerance: Double
    /// Where the blank is written.
    public var range: SourceRange
}
