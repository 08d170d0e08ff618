/// The cross-lesson validation pass over a loaded course: links, images, lesson ids and
/// prerequisites. What a lesson reports about itself alone is in its analysis.
public enum CourseValidator {
    /// Every problem found, in no particular order.
    public static func validate(_ course: Course) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lessonsByPath = Dictionary(course.lessons.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = Targets(lessons: lessonsByPath, assets: Set(course.assets), drafts: course.drafts)
        var lessonIDs: [String: Lesson] = [:]
        for lesson in course.lessons {
            var bag = DiagnosticBag(file: lesson.file)
            if let first = lessonIDs[lesson.id] {
                bag.report("lesson.duplicate-id", ["id": lesson.id, "other": first.file],
                          at: SourceRange(line: lesson.document.frontMatter?.line(of: "id") ?? 1, column: 1))
            } else {
                lessonIDs[lesson.id] = lesson
            }
            checkPrerequisites(lesson, lessonsByPath, &bag)
            var suggester = Suggester()
            for link in lesson.analysis.links { check(link, in: lesson, targets, &bag, &suggester) }
            diagnostics += bag.all
        }
        return diagnostics
    }

    /// What links can reach.
    struct Targets {
        let lessons: [String: Lesson]
        let assets: Set<String>
        let drafts: [String: String]
    }

    static func checkPrerequisites(_ lesson: Lesson, _ lessons: [String: Lesson], _ bag: inout DiagnosticBag) {
        guard !lesson.document.metadata.prerequisites.isEmpty else { return }
        let line = lesson.document.frontMatter?.line(of: "prerequisites") ?? 1
        for prerequisite in lesson.document.metadata.prerequisites where lessons[prerequisite] == nil {
            var notes: [Diagnostic.Note] = []
            if let suggestion = Suggestion.closest(to: prerequisite, in: Array(lessons.keys)) {
                notes.append(.init("did you mean '\(suggestion)'?"))
            }
            bag.report("lesson.unknown-prerequisite", ["path": prerequisite],
                      at: SourceRange(line: line, column: 1), notes: notes)
        }
    }

    static func check(_ link: LinkReference, in lesson: Lesson, _ targets: Targets, _ bag: inout DiagnosticBag,
                      _ suggester: inout Suggester) {
        let range = link.range
        switch link.reference {
        case .external, .siteAbsolute:
            return
        case .outside(let path) where link.isImage:
            bag.report("image.missing", ["path": path, "problem": "climbs out of Content/, so the built site cannot reach it"], at: range)
        case .outside(let path):
            // It may point to a page the host serves beside the course; only the author knows.
            bag.report("link.outside", ["target": path],
                       at: range)
        case .samePage(let fragment):
            guard !link.isImage, let fragment, !fragment.isEmpty, !fragment.hasPrefix("fn"),
                  !lesson.analysis.ids.contains(fragment) else { return }
            bag.report("link.missing-anchor", ["page": "this page", "id": fragment], at: range,
                      notes: suggester.notes(fragment, in: lesson.analysis.ids))
        case .lesson(let target, let fragment) where !link.isImage:
            let written = ContentPath.split(link.url).path
            if let title = targets.drafts[target] {
                bag.report("link.draft", ["target": written, "title": title],
                            at: range)
                return
            }
            guard let other = targets.lessons[target] else {
                if targets.assets.contains(target) {
                    bag.report("link.unlisted-file", ["target": written],
                               at: range)
                    return
                }
                bag.report("link.missing-lesson", ["target": written], at: range,
                          notes: suggester.notes(target, in: Set(targets.lessons.keys)))
                return
            }
            if let fragment, !fragment.isEmpty, !other.analysis.ids.contains(fragment) {
                bag.report("link.missing-anchor", ["page": "'\(written)'", "id": fragment], at: range,
                          notes: suggester.notes(fragment, in: other.analysis.ids))
            }
        case .lesson(let target, _), .file(let target, _):
            let written = ContentPath.split(link.url).path
            if link.isImage {
                guard !targets.assets.contains(target) else { return }
                bag.report("image.missing", ["path": written, "problem": "does not exist in Content/"], at: range,
                          notes: suggester.notes(target, in: targets.assets))
            } else if !targets.assets.contains(target), targets.lessons[target + ".md"] == nil {
                let folder = target.hasSuffix("/") ? target : target + "/"
                if targets.assets.contains(where: { $0.hasPrefix(folder) }) {
                    bag.report("link.folder", ["target": written],
                               at: range)
                } else {
                    bag.report("link.missing-file", ["target": written], at: range)
                }
            }
        }
    }

    /// "Did you mean" notes for one lesson's links, for its first broken links only: each
    /// suggestion compares the word with every candidate, and thousands of broken anchors
    /// against thousands of headings would make validation quadratic.
    struct Suggester {
        private var left = 50

        mutating func notes(_ word: String, in candidates: @autoclosure () -> Set<String>?) -> [Diagnostic.Note] {
            guard left > 0 else { return [] }
            left -= 1
            return CourseValidator.suggestion(word, in: candidates())
        }
    }

    static func suggestion(_ word: String, in candidates: Set<String>?) -> [Diagnostic.Note] {
        guard let candidates, let best = Suggestion.closest(to: word, in: Array(candidates)) else { return [] }
        return [.init("did you mean '\(best)'?")]
    }
}
