import LecternCore

/// Parts of the built-in lesson page written as HTML rather than by template sections: every
/// variable a template renders costs Mustache a split of its name and a dozen dynamic casts,
/// and these parts held 30 of a page's 40 variables. A theme that lays them out itself
/// still gets the values they are made of (`module`, `moduleURL`, `position`, `previous`,
/// `next`, `links.slides`, `lesson.minutes`, `lesson.level`, `lesson.titleHTML`, `lesson.subtitle`,
/// `lesson.objectives`, `lesson.authors`, `lesson.date`, `lesson.license`); each part is what
/// the built-in theme's former template sections wrote, character for character.
enum LessonPageParts {
    /// A neighbouring lesson as the pager and the next prompt link to it.
    struct Neighbour {
        let title: String
        let url: String
    }

    /// The items of the breadcrumb: the course, the lesson's module, the lesson.
    static func breadcrumb(home: String, course: String, module: (title: String, url: String)?, lesson: String) -> String {
        var out = ""
        write("<li><a href=\"", home, "\">", course, "</a></li>", to: &out)
        if let module { write("<li><a href=\"", module.url, "\">", module.title, "</a></li>", to: &out) }
        out += "<li><span aria-current=\"page\">"
        TemplateEscaping.append(lesson, to: &out)
        return out + "</span></li>"
    }

    /// A level's name and label, as the meta lines show it.
    static func level(_ level: LessonMetadata.Level?) -> (name: String, label: String)? {
        level.map { (name: $0.rawValue, label: PageContext.levelLabels[$0] ?? $0.rawValue) }
    }

    /// The line under the title: place in the module, status, reading time, level, slides.
    static func meta(position: (number: Int, count: Int)?, module: String?, minutes: Int,
                     level: (name: String, label: String)?, slides: String?) -> String {
        var out = ""
        if let position {
            out += "<span class=\"lesson-position\">Lesson \(position.number) of \(position.count)"
            if let module {
                out += " in "
                TemplateEscaping.append(module, to: &out)
            }
            out += "</span> · "
        }
        out += "<span class=\"lesson-status\" data-status=\"not-started\">Not Started</span> · <span>\(minutes) min read</span>"
        if let level { write(" · <span class=\"level level-", level.name, "\">", level.label, "</span>", to: &out) }
        if let slides {
            out += " · <a href=\""
            TemplateEscaping.append(slides, to: &out)
            out += "\">Slides</a>"
        }
        return out
    }

    /// The links to the previous and the next lesson, one line each (empty when there is none).
    static func pager(previous: Neighbour?, next: Neighbour?) -> String {
        var out = ""
        if let previous {
            write("<a class=\"pager-previous\" href=\"", previous.url, "\" rel=\"prev\"><span class=\"pager-label\">Previous</span> ",
                  previous.title, "</a>", to: &out)
        }
        out += "\n"
        if let next {
            write("<a class=\"pager-next\" href=\"", next.url, "\" rel=\"next\"><span class=\"pager-label\">Next</span> ",
                  next.title, "</a>", to: &out)
        }
        return out
    }

    /// The prompt shown once the lesson is completed, naming the next one.
    static func nextPrompt(_ next: Neighbour?) -> String {
        guard let next else { return "" }
        var out = ""
        write("<p class=\"next-prompt\" hidden>Lesson completed. Up next: <a href=\"", next.url, "\">", next.title, "</a></p>", to: &out)
        return out
    }

    /// The lines of the page's header: title, subtitle (an empty line without), the meta line
    /// and the objectives.
    static func header(titleHTML: String, subtitleHTML: String?, meta: String, objectives: [String]) -> String {
        var out = "<h1 id=\"lectern-lesson-title\">" + titleHTML + "</h1>\n"
        if let subtitleHTML { out += "<p class=\"lesson-subtitle\">" + subtitleHTML + "</p>" }
        out += "\n<p class=\"lesson-meta\">" + meta + "</p>\n"
        guard !objectives.isEmpty else { return out }
        out += "<section class=\"objectives\" aria-labelledby=\"lectern-objectives-title\">\n"
        out += "<h2 id=\"lectern-objectives-title\">You will be able to</h2>\n<ul>\n"
        for objective in objectives {
            out += "<li>"
            TemplateEscaping.append(objective, to: &out)
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// The lines of the page's footer: authors and date, license (an empty line without each).
    static func footer(authors: String?, date: String?, license: String?) -> String {
        var out = ""
        if let authors {
            out += "<p>Written by "
            TemplateEscaping.append(authors, to: &out)
            if let date {
                out += ", "
                TemplateEscaping.append(date, to: &out)
            }
            out += "</p>"
        }
        out += "\n"
        if let license {
            out += "<p>License: "
            TemplateEscaping.append(license, to: &out)
            out += "</p>"
        }
        return out + "\n"
    }

    /// `opening`, `first`, `middle`, `second` and `closing`, the two values escaped as the theme escapes.
    private static func write(_ opening: String, _ first: String, _ middle: String, _ second: String, _ closing: String,
                              to out: inout String) {
        out += opening
        TemplateEscaping.append(first, to: &out)
        out += middle
        TemplateEscaping.append(second, to: &out)
        out += closing
    }
}
