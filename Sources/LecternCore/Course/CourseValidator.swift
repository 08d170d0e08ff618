import Foundation

/// The validation pass over a loaded course: links, images, ids and cross-lesson references.
public enum CourseValidator {
    /// Every problem found, in no particular order.
    public static func validate(_ course: Course) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lessonsByPath = Dictionary(course.lessons.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let idsByPath = lessonsByPath.mapValues { Set($0.document.elementIDs.map(\.id)) }
        let assets = Set(course.assets)
        var lessonIDs: [String: Lesson] = [:]

        for lesson in course.lessons {
            var bag = DiagnosticBag(file: lesson.file)
            if let first = lessonIDs[lesson.id] {
                bag.error("lesson.duplicate-id", "lesson id '\(lesson.id)' is also used by \(first.file)",
                          at: SourceRange(line: lesson.document.frontMatter?.line(of: "id") ?? 1, column: 1))
            } else {
                lessonIDs[lesson.id] = lesson
            }
            checkDuplicateIDs(lesson, &bag)
            bag.add(contentsOf: QuizBuilder.quizzes(in: lesson.document).1)
            checkPrerequisites(lesson, lessonsByPath, &bag)
            let base = lesson.path.split(separator: "/").dropLast().joined(separator: "/")
            NodeVisitor(inline: { inline in
                switch inline.kind {
                case .link(_, _, let target):
                    checkLink(target.url, range: inline.range, lesson: lesson, base: base, lessons: lessonsByPath,
                              ids: idsByPath, assets: assets, bag: &bag)
                case .image(_, _, let target):
                    checkImage(target.url, range: inline.range, base: base, assets: assets, bag: &bag)
                default: break
                }
            }).walk(lesson.document.blocks)
            diagnostics += bag.all
        }
        return diagnostics
    }

    static func checkDuplicateIDs(_ lesson: Lesson, _ bag: inout DiagnosticBag) {
        var seen: [String: SourceRange] = [:]
        for (id, range) in lesson.document.elementIDs {
            if let first = seen[id] {
                bag.error("id.duplicate", "id '\(id)' is used twice on this page", at: range,
                          notes: [.init("first used here", range: first)])
            } else {
                seen[id] = range
            }
        }
    }

    static func checkPrerequisites(_ lesson: Lesson, _ lessons: [String: Lesson], _ bag: inout DiagnosticBag) {
        guard !lesson.document.metadata.prerequisites.isEmpty else { return }
        let line = lesson.document.frontMatter?.line(of: "prerequisites") ?? 1
        for prerequisite in lesson.document.metadata.prerequisites where lessons[prerequisite] == nil {
            var notes: [Diagnostic.Note] = []
            if let suggestion = Suggestion.closest(to: prerequisite, in: Array(lessons.keys)) {
                notes.append(.init("did you mean '\(suggestion)'?"))
            }
            bag.error("lesson.unknown-prerequisite", "prerequisite '\(prerequisite)' is not a lesson of this course",
                      at: SourceRange(line: line, column: 1), notes: notes)
        }
    }

    static func checkLink(_ url: String, range: SourceRange, lesson: Lesson, base: String, lessons: [String: Lesson],
                          ids: [String: Set<String>], assets: Set<String>, bag: inout DiagnosticBag) {
        guard !URLParts.isExternal(url), !url.hasPrefix("/") else { return }
        let (path, fragment) = URLParts.split(url)
        if path.isEmpty {
            if let fragment, !fragment.isEmpty, ids[lesson.path]?.contains(fragment) != true, !fragment.hasPrefix("fn") {
                bag.error("link.missing-anchor", "no element with id '\(fragment)' on this page", at: range,
                          notes: suggestion(fragment, in: ids[lesson.path]))
            }
            return
        }
        let target = CourseLoader.normalize(base.isEmpty ? path : base + "/" + path)
        if path.hasSuffix(".md") {
            guard lessons[target] != nil else {
                bag.error("link.missing-lesson", "link to '\(path)', which is not a lesson of this course", at: range,
                          notes: suggestion(target, in: Set(lessons.keys)))
                return
            }
            if let fragment, !fragment.isEmpty, ids[target]?.contains(fragment) != true {
                bag.error("link.missing-anchor", "'\(path)' has no heading or element with id '\(fragment)'", at: range,
                          notes: suggestion(fragment, in: ids[target]))
            }
            return
        }
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        if !assets.contains(trimmed), lessons[trimmed + ".md"] == nil {
            bag.error("link.missing-file", "link to '\(path)', which does not exist in Content/", at: range)
        }
    }

    static func checkImage(_ url: String, range: SourceRange, base: String, assets: Set<String>, bag: inout DiagnosticBag) {
        guard !URLParts.isExternal(url), !url.hasPrefix("/") else { return }
        let (path, _) = URLParts.split(url)
        let target = CourseLoader.normalize(base.isEmpty ? path : base + "/" + path)
        if !assets.contains(target) {
            bag.error("image.missing", "image '\(path)' does not exist in Content/", at: range,
                      notes: suggestion(target, in: Set(assets.filter { !$0.hasSuffix(".md") })))
        }
    }

    static func suggestion(_ word: String, in candidates: Set<String>?) -> [Diagnostic.Note] {
        guard let candidates, let best = Suggestion.closest(to: word, in: Array(candidates)) else { return [] }
        return [.init("did you mean '\(best)'?")]
    }
}
