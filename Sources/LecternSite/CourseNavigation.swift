import LecternCore

/// The course navigation beside a lesson: every module, and the lessons of each when the course
/// is small enough for every page to list them all, else those of the page's own module (so a
/// page stays small however large the course).
struct CourseNavigation: @unchecked Sendable {
    /// Courses up to this many lessons list every lesson on every page.
    static let fullListingLimit = 150

    private(set) var course: Course
    let paths: SitePaths
    /// Each module's lessons, by index into the course, in reading order.
    let modules: [[Int]]
    /// Per folder of a page: each listed lesson's line, and each module's title line. Pages in
    /// one folder link to every other lesson the same way, so a line is made once per folder
    /// rather than once per page that lists it.
    private let lines: [String: (lessons: [Int: String], modules: [String])]

    /// Makes the lines every page will use; immutable afterwards, so pages can be rendered
    /// concurrently.
    init(course: Course, paths: SitePaths) {
        self.course = course
        self.paths = paths
        let modules = Self.moduleLessons(course)
        self.modules = modules
        let full = Self.listsEveryLesson(course)
        var lines: [String: (lessons: [Int: String], modules: [String])] = [:]
        for (index, lesson) in course.lessons.enumerated() {
            let folder = Self.folder(of: lesson.slug)
            // A page of this folder that is no lesson: links from it are those of every page
            // here to any lesson other than itself and those below it.
            let viewpoint = folder.isEmpty ? "\u{0}" : folder + "/\u{0}"
            if lines[folder] == nil {
                let titles = course.config.modules.indices.map { Self.moduleLine($0, from: viewpoint, in: course, paths: paths) }
                lines[folder] = ([:], titles)
            }
            let listed = full ? Array(course.lessons.indices) : (lesson.moduleIndex < modules.count ? modules[lesson.moduleIndex] : [index])
            for other in listed where lines[folder]?.lessons[other] == nil {
                lines[folder]?.lessons[other] = Self.lessonLine(other, from: viewpoint, current: false, in: course, paths: paths)
            }
        }
        self.lines = lines
    }

    /// This navigation over `course`, whose lessons keep their titles, ids, paths and modules,
    /// so that every line made for the old course still holds.
    func updating(_ course: Course) -> CourseNavigation {
        var navigation = self
        navigation.course = course
        return navigation
    }

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
    func html(for index: Int) -> String {
        let slug = course.lessons[index].slug
        let moduleIndex = course.lessons[index].moduleIndex
        let full = Self.listsEveryLesson(course)
        let cached = lines[Self.folder(of: slug)]
        let below = slug + "/"
        var out = "<ol class=\"course-nav-modules\">\n"
        for number in course.config.modules.indices {
            out += number == moduleIndex ? "<li class=\"course-nav-module is-current\">\n" : "<li class=\"course-nav-module\">\n"
            out += cached?.modules[number] ?? Self.moduleLine(number, from: slug, in: course, paths: paths)
            let lessons = full || number == moduleIndex ? (number < modules.count ? modules[number] : []) : []
            if !lessons.isEmpty {
                out += "<ol>\n"
                for other in lessons {
                    // A lesson's own line marks the page; one below this page's folder links differently.
                    if other == index || course.lessons[other].slug.hasPrefix(below) {
                        out += Self.lessonLine(other, from: slug, current: other == index, in: course, paths: paths)
                    } else {
                        out += cached?.lessons[other] ?? Self.lessonLine(other, from: slug, current: false, in: course, paths: paths)
                    }
                }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        return out + "</ol>"
    }

    private static func moduleLine(_ number: Int, from slug: String, in course: Course, paths: SitePaths) -> String {
        var out = "<a class=\"course-nav-module-title\""
        HTMLWriter.writeAttributes([("href", paths.link(fromPage: slug, toPage: "", fragment: "lectern-module-\(number + 1)"))], into: &out)
        out += ">"
        HTMLWriter.escapeText(course.config.modules[number].title, into: &out)
        return out + "</a>\n"
    }

    private static func lessonLine(_ index: Int, from slug: String, current: Bool, in course: Course, paths: SitePaths) -> String {
        var out = "<li><a"
        var pairs = [("href", paths.link(fromPage: slug, toPage: course.lessons[index].slug)), ("data-lesson", course.lessons[index].id)]
        if current { pairs.append(("aria-current", "page")) }
        HTMLWriter.writeAttributes(pairs, into: &out)
        out += "><span class=\"nav-status\" data-status=\"not-started\"><span class=\"visually-hidden\">Not started: </span></span>"
        HTMLWriter.escapeText(course.lessons[index].title, into: &out)
        return out + "</a></li>\n"
    }

    /// The folder a page's links start from: its slug without the last part.
    private static func folder(of slug: String) -> String {
        guard let slash = slug.lastIndex(of: "/") else { return "" }
        return String(slug[..<slash])
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
