import Foundation

/// `Suggestion.closest` over fixed candidates, remembered per word; safe to share across threads.
final class SuggestionCache: @unchecked Sendable {
    private let candidates: [String]
    private var answers: [String: String?] = [:]
    private let lock = NSLock()

    init(candidates: [String]) {
        self.candidates = candidates
    }

    func closest(to word: String) -> String? {
        lock.lock()
        if let known = answers[word] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let answer = Suggestion.closest(to: word, in: candidates)
        lock.lock()
        // A long `serve` session sees many words; the cache need not keep them all.
        if answers.count > 10_000 { answers.removeAll() }
        answers[word] = answer
        lock.unlock()
        return answer
    }
}
