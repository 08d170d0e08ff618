import LecternCore

/// The course navigation beside a lesson: every module, and the lessons of each when the course
/// is small enough for every page to list them all, else those of the page's own module (so a
/// page stays small however large the course).
enum CourseNavigation {
    /// Courses up to this many lessons list every lesson on every page.
    static let fullListingLimit = 150

    /// The lessons the page of lesson `index` lists.
    static func listed(on index: Int, in course: Course) -> [Int] {
        guard course.lessons.count > fullListingLimit else { return Array(course.lessons.indices) }
        let module = course.lessons[index].moduleIndex
        return course.lessons.indices.filter { course.lessons[$0].moduleIndex == module }
    }

    /// The lesson pages whose navigation shows lesson `index` (to rewrite when its title changes).
    static func pages(listing index: Int, in course: Course) -> [Int] {
        listed(on: index, in: course)
    }

    /// Template values for the navigation on the page of lesson `index`.
    static func values(for index: Int, in course: Course, context: PageContext) -> [[String: Any]] {
        let lesson = course.lessons[index]
        let shown = Set(listed(on: index, in: course))
        return course.config.modules.enumerated().map { number, module -> [String: Any] in
            let lessons = course.lessons.indices.filter { course.lessons[$0].moduleIndex == number && shown.contains($0) }
                .map { other -> [String: Any] in
                    var card = context.lessonCard(course.lessons[other], from: lesson.slug)
                    card["current"] = other == index
                    return card
                }
            return ["title": module.title, "number": number + 1, "current": number == lesson.moduleIndex,
                    "url": context.paths.link(fromPage: lesson.slug, toPage: "", fragment: "lectern-module-\(number + 1)"),
                    "lessons": lessons, "hasLessons": !lessons.isEmpty]
        }
    }

    /// "Lesson 2 of 3 in Foundations": the lesson's place in its module.
    static func position(of index: Int, in course: Course) -> (number: Int, count: Int)? {
        let module = course.lessons[index].moduleIndex
        let siblings = course.lessons.indices.filter { course.lessons[$0].moduleIndex == module }
        guard let number = siblings.firstIndex(of: index) else { return nil }
        return (number + 1, siblings.count)
    }
}
