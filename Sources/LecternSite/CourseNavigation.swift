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
    /// Per folder of a page, its pages' lines. Pages in one folder link to every other lesson
    /// the same way, so the lines are made once per folder rather than once per page, and a
    /// page copies them around the few that are its own.
    private let lines: [String: FolderLines]
    /// Lessons with lessons in folders below their own page, whose pages link to those differently.
    private let lessonsWithLessonsBelow: Set<Int>

    /// Lines written out together, with where each starts.
    private struct Lines {
        let text: String
        /// Where each line starts, in UTF-8 bytes, and the end of the text last.
        let starts: [Int]

        init(_ lines: [String]) {
            var text = "", starts: [Int] = []
            for line in lines {
                starts.append(text.utf8.count)
                text += line
            }
            starts.append(text.utf8.count)
            self.text = text
            self.starts = starts
        }

        /// The lines before the `position`th, and those after it.
        func around(_ position: Int) -> (Substring, Substring) {
            let utf8 = text.utf8
            return (Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: starts[position])]),
                    Substring(utf8[utf8.index(utf8.startIndex, offsetBy: starts[position + 1])...]))
        }
    }

    private struct FolderLines {
        /// Each module's title line.
        let titles: [String]
        /// The lessons' lines of each module that pages here list.
        let lessons: [Int: Lines]
        /// Each module's item as a page of another module shows it.
        let items: Lines
    }

    /// Makes the lines every page will use; immutable afterwards, so pages can be rendered
    /// concurrently.
    init(course: Course, paths: SitePaths) {
        self.course = course
        self.paths = paths
        let modules = Self.moduleLessons(course)
        self.modules = modules
        let full = Self.listsEveryLesson(course)
        // Per folder, the modules its pages list.
        var wanted: [String: Set<Int>] = [:]
        for lesson in course.lessons {
            wanted[Self.folder(of: lesson.slug), default: []].formUnion(lesson.moduleIndex < modules.count ? [lesson.moduleIndex] : [])
        }
        var lines: [String: FolderLines] = [:]
        for (folder, want) in wanted {
            // A page of this folder that is no lesson: links from it are those of every page
            // here to any lesson other than itself and those below it.
            let viewpoint = folder.isEmpty ? "\u{0}" : folder + "/\u{0}"
            let titles = course.config.modules.indices.map { Self.moduleLine($0, from: viewpoint, in: course, paths: paths) }
            var listed = [Int: Lines]()
            for number in full ? Set(modules.indices) : want {
                listed[number] = Lines(modules[number].map { Self.lessonLine($0, from: viewpoint, current: false, in: course, paths: paths) })
            }
            let items = Lines(titles.indices.map { number in
                var item = ""
                Self.appendItem(current: false, title: titles[number], lessons: full ? listed[number].map { [Substring($0.text)] } ?? [] : [], into: &item)
                return item
            })
            lines[folder] = FolderLines(titles: titles, lessons: listed, items: items)
        }
        var ancestors = Set<Substring>()
        for lesson in course.lessons {
            var slug = Substring(lesson.slug)
            while let slash = slug.lastIndex(of: "/") {
                slug = slug[..<slash]
                ancestors.insert(slug)
            }
        }
        lessonsWithLessonsBelow = Set(course.lessons.indices.filter { ancestors.contains(Substring(course.lessons[$0].slug)) })
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
    func html(for index: Int, reusingLines: Bool = true) -> String {
        let slug = course.lessons[index].slug
        let moduleIndex = course.lessons[index].moduleIndex
        var out = "<ol class=\"course-nav-modules\">\n"
        if reusingLines, !lessonsWithLessonsBelow.contains(index), let cached = lines[Self.folder(of: slug)],
           moduleIndex < modules.count, let listed = cached.lessons[moduleIndex], let position = modules[moduleIndex].firstIndex(of: index) {
            out.reserveCapacity(cached.items.text.utf8.count + listed.text.utf8.count + 1024)
            let (itemsBefore, itemsAfter) = cached.items.around(moduleIndex)
            let (linesBefore, linesAfter) = listed.around(position)
            out += itemsBefore
            let own = Self.lessonLine(index, from: slug, current: true, in: course, paths: paths)
            Self.appendItem(current: true, title: cached.titles[moduleIndex], lessons: [linesBefore, Substring(own), linesAfter], into: &out)
            out += itemsAfter
            return out + "</ol>"
        }
        let full = Self.listsEveryLesson(course)
        for number in course.config.modules.indices {
            let lessons = full || number == moduleIndex ? (number < modules.count ? modules[number] : []) : []
            let lines = lessons.map { Substring(Self.lessonLine($0, from: slug, current: $0 == index, in: course, paths: paths)) }
            Self.appendItem(current: number == moduleIndex, title: Self.moduleLine(number, from: slug, in: course, paths: paths),
                            lessons: lines, into: &out)
        }
        return out + "</ol>"
    }

    /// One module's item: its title line, and its lessons' lines when it lists them.
    private static func appendItem(current: Bool, title: String, lessons: [Substring], into out: inout String) {
        out += current ? "<li class=\"course-nav-module is-current\">\n" : "<li class=\"course-nav-module\">\n"
        out += title
        if lessons.contains(where: { !$0.isEmpty }) {
            out += "<ol>\n"
            for line in lessons { out += line }
            out += "</ol>\n"
        }
        out += "</li>\n"
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
