import LecternCore

/// The course navigation beside a lesson: every module, and the lessons of each when the course
/// is small enough for every page to list them all, else those of the page's own module (so a
/// page stays small however large the course).
enum CourseNavigation {
    /// Courses up to this many lessons list every lesson on every page.
    static let fullListingLimit = 150

    /// Whether every page lists every lesson, rather than only its own module's.
    static func listsEveryLesson(_ course: Course) -> Bool {
        course.lessons.count <= fullListingLimit
    }

    /// The lesson pages whose navigation shows lesson `index` (to rewrite when its title changes):
    /// the same pages lesson `index`'s own navigation lists.
    static func pages(listing index: Int, in course: Course) -> [Int] {
        guard !listsEveryLesson(course) else { return Array(course.lessons.indices) }
        let module = course.lessons[index].moduleIndex
        return course.lessons.indices.filter { course.lessons[$0].moduleIndex == module }
    }

    /// The navigation on the page of lesson `index`, as HTML: written here rather than by a
    /// template loop, which costs a page a millisecond of lookups when a module is long. Status
    /// marks start as "not started"; the page's script fills them in from the learner's record.
    static func html(for index: Int, in course: Course, context: PageContext, modules: [[Int]]) -> String {
        let lesson = course.lessons[index]
        let full = listsEveryLesson(course)
        var out = "<ol class=\"course-nav-modules\">\n"
        for (number, module) in course.config.modules.enumerated() {
            out += number == lesson.moduleIndex ? "<li class=\"course-nav-module is-current\">\n" : "<li class=\"course-nav-module\">\n"
            out += "<a class=\"course-nav-module-title\""
            HTMLWriter.writeAttributes([("href", context.paths.link(fromPage: lesson.slug, toPage: "", fragment: "lectern-module-\(number + 1)"))],
                                       into: &out)
            out += ">"
            HTMLWriter.escapeText(module.title, into: &out)
            out += "</a>\n"
            let lessons = full || number == lesson.moduleIndex ? (number < modules.count ? modules[number] : []) : []
            if !lessons.isEmpty {
                out += "<ol>\n"
                for other in lessons {
                    let target = course.lessons[other]
                    out += "<li><a"
                    var pairs = [("href", context.paths.link(fromPage: lesson.slug, toPage: target.slug)), ("data-lesson", target.id)]
                    if other == index { pairs.append(("aria-current", "page")) }
                    HTMLWriter.writeAttributes(pairs, into: &out)
                    out += "><span class=\"nav-status\" data-status=\"not-started\"><span class=\"visually-hidden\">Not started: </span></span>"
                    HTMLWriter.escapeText(target.title, into: &out)
                    out += "</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        return out + "</ol>"
    }

    /// Each module's lessons, by index into the course, in reading order.
    static func moduleLessons(_ course: Course) -> [[Int]] {
        var modules = Array(repeating: [Int](), count: course.config.modules.count)
        for (index, lesson) in course.lessons.enumerated() where lesson.moduleIndex < modules.count { modules[lesson.moduleIndex].append(index) }
        return modules
    }

    /// "Lesson 2 of 3 in Foundations": the lesson's place in its module.
    static func position(of index: Int, in course: Course, modules: [[Int]]) -> (number: Int, count: Int)? {
        let module = course.lessons[index].moduleIndex
        guard module < modules.count, let number = modules[module].firstIndex(of: index) else { return nil }
        return (number + 1, modules[module].count)
    }
}
