import LecternCore

/// The home page's lesson cards written as HTML rather than by the `lesson-card` partial, when
/// the theme's `home` and `lesson-card` templates are the built-in ones: a card costs the
/// partial eight variables, and every variable a split of its name and a dozen dynamic casts
/// in Mustache. Each card is what the built-in partial writes, character for character. A
/// course that overrides either template gets each module's `lessons` for its own partial.
enum HomeCards {
    /// Whether the cards of `theme` are written here.
    static func written(by theme: Theme) -> Bool {
        theme.isBuiltIn("home.mustache") && theme.isBuiltIn("lesson-card.mustache")
    }

    /// The cards of `lessons`, one after another, linked from the site's root.
    static func html(_ lessons: [Lesson], paths: SitePaths) -> String {
        var out = HTMLBuffer()
        for lesson in lessons {
            out += "<li class=\"lesson-card\" data-lesson=\""
            TemplateEscaping.append(lesson.id, to: &out)
            out += "\" data-minutes=\""
            out += String(lesson.minutes)
            out += "\">\n<h3><a href=\""
            TemplateEscaping.append(paths.link(fromPage: "", toPage: lesson.slug), to: &out)
            out += "\">"
            TemplateEscaping.append(lesson.title, to: &out)
            out += "</a></h3>\n"
            if let description = lesson.document.metadata.description, !description.isEmpty {
                out += "<p class=\"lesson-description\">"
                TemplateEscaping.append(description, to: &out)
                out += "</p>"
            }
            // The card's meta line is the lesson page's without place or slides.
            out += "\n<p class=\"lesson-meta\">"
            out += LessonPageParts.meta(position: nil, module: nil, minutes: lesson.minutes,
                                        level: LessonPageParts.level(lesson.document.metadata.level), slides: nil)
            out += "</p>\n</li>\n"
        }
        return out.text
    }
}
