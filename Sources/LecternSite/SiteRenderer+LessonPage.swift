import LecternCore

extension SiteRenderer {
    /// The values a lesson's page renders with; `written`, when given, notes the blocks the
    /// lesson's deck can copy.
    func lessonValues(_ index: Int, noting written: inout WrittenBlocks?) -> [String: Any] {
        let lesson = course.lessons[index]
        let metadata = lesson.document.metadata
        var values = context.base(directory: lesson.slug)
        var pageOptions = writerOptions(lesson, directory: lesson.slug)
        pageOptions.headingAnchors = true
        var writer = HTMLWriter(options: pageOptions)
        let content: String
        if var noted = written {
            content = writer.render(lesson.document.blocks, noting: &noted)
            written = noted
        } else {
            content = writer.render(lesson.document.blocks)
        }
        var lessonValues: [String: Any] = [
            "title": lesson.title, "id": lesson.id, "minutes": lesson.minutes, "content": content,
            "objectives": metadata.objectives, "hasObjectives": !metadata.objectives.isEmpty,
        ]
        // Front-matter text is markdown: plain text where HTML cannot go, markup in headings.
        let titleHTML = writer.renderInlines(metadata.titleInlines.isEmpty ? [Inline(.text(lesson.title))] : metadata.titleInlines)
        lessonValues["titleHTML"] = titleHTML
        let subtitleHTML = metadata.subtitleInlines.isEmpty ? nil : writer.renderInlines(metadata.subtitleInlines)
        if let subtitleHTML {
            lessonValues["subtitle"] = Inline.plainText(metadata.subtitleInlines)
            lessonValues["subtitleHTML"] = subtitleHTML
        }
        if !metadata.authors.isEmpty { lessonValues["authors"] = metadata.authors.joined(separator: ", ") }
        if !metadata.dateInlines.isEmpty { lessonValues["date"] = Inline.plainText(metadata.dateInlines) }
        if let license = metadata.license ?? course.config.license { lessonValues["license"] = license }
        lessonValues.merge(PageContext.levelValues(metadata.level)) { _, new in new }
        // Front matter cannot shadow what Lectern puts there (`content` is trusted HTML).
        for (key, value) in metadata.extra where lessonValues[key] == nil { lessonValues[key] = PageContext.plain(value) }
        values["lesson"] = lessonValues
        var page: [String: Any] = ["lessonId": lesson.id, "hasMath": !lesson.analysis.math.isEmpty]
        // Left out when empty: Mustache renders a section for an empty text, and the page would
        // get an empty `<meta name="description">`.
        if let description = metadata.description, !description.isEmpty { page["description"] = description }
        values["page"] = page
        if theme.reads("htmlAttributes") {
            values["htmlAttributes"] = context.htmlAttributes(root: values["root"] as? String ?? "", lessonId: lesson.id)
        }
        let module = lesson.moduleIndex < course.config.modules.count
            ? (title: course.config.modules[lesson.moduleIndex].title,
               url: paths.link(fromPage: lesson.slug, toPage: "", fragment: "lectern-module-\(lesson.moduleIndex + 1)"))
            : nil
        let position = CourseNavigation.position(of: index, in: course, modules: navigation.modules)
        let neighbours = [index - 1, index + 1].map { other in
            course.lessons.indices.contains(other)
                ? LessonPageParts.Neighbour(title: course.lessons[other].title, url: paths.link(fromPage: lesson.slug, toPage: course.lessons[other].slug))
                : nil
        }
        let slides = lesson.analysis.deck == nil ? nil : paths.link(fromPage: lesson.slug, toPage: lesson.slug + "/slides")
        values["navigation"] = navigation.html(for: index)
        // The parts of the built-in page, and for a theme that lays them out itself what they are
        // made of; a value no template names is not made.
        if theme.reads("breadcrumbHTML") {
            let home = (values["links"] as? [String: Any])?["home"] as? String ?? ""
            values["breadcrumbHTML"] = LessonPageParts.breadcrumb(home: home, course: course.config.title, module: module, lesson: lesson.title)
        }
        if theme.reads("lessonMetaHTML") || theme.reads("lessonHeaderHTML") {
            let meta = LessonPageParts.meta(position: position, module: module?.title, minutes: lesson.minutes,
                                            level: LessonPageParts.level(metadata.level), slides: slides)
            values["lessonMetaHTML"] = meta
            values["lessonHeaderHTML"] = LessonPageParts.header(titleHTML: titleHTML, subtitleHTML: subtitleHTML, meta: meta,
                                                                objectives: metadata.objectives)
        }
        if theme.reads("lessonFooterHTML") {
            values["lessonFooterHTML"] = LessonPageParts.footer(authors: lessonValues["authors"] as? String,
                                                                date: lessonValues["date"] as? String,
                                                                license: lessonValues["license"] as? String)
        }
        if theme.reads("pagerHTML") { values["pagerHTML"] = LessonPageParts.pager(previous: neighbours[0], next: neighbours[1]) }
        if theme.reads("nextPromptHTML") { values["nextPromptHTML"] = LessonPageParts.nextPrompt(neighbours[1]) }
        if let module, theme.reads("module") || theme.reads("moduleURL") {
            values["module"] = module.title
            values["moduleURL"] = module.url
        }
        if let position, theme.reads("position") { values["position"] = ["number": position.number, "count": position.count] as [String: Any] }
        if index > 0, theme.reads("previous") { values["previous"] = context.lessonCard(course.lessons[index - 1], from: lesson.slug) }
        if index + 1 < course.lessons.count, theme.reads("next") {
            values["next"] = context.lessonCard(course.lessons[index + 1], from: lesson.slug)
        }
        if let slides {
            var links = values["links"] as? [String: Any] ?? [:]
            links["slides"] = slides
            values["links"] = links
        }
        var tocOptions = HTMLWriter.Options.page
        tocOptions.allowsRawHTML = !course.config.safe
        var tocWriter = HTMLWriter(options: tocOptions)
        var tocHTML = HTMLBuffer()
        // For a theme that lays out the contents itself; the built-in one takes `tocHTML`.
        let listsContents = theme.reads("toc")
        var toc: [[String: Any]] = []
        for entry in lesson.analysis.tableOfContents {
            // As a template loop would write it, without its three look-ups per entry.
            tocHTML += "<li class=\"toc-level-"
            tocHTML += String(entry.level)
            tocHTML += "\"><a href=\"#"
            TemplateEscaping.append(entry.id, to: &tocHTML)
            tocHTML += "\">"
            if listsContents {
                let title = tocWriter.renderInlines(entry.title)
                tocHTML += title
                toc.append(["level": entry.level, "id": entry.id, "title": title])
            } else {
                tocWriter.writeInlines(entry.title, into: &tocHTML)
            }
            tocHTML += "</a></li>\n"
        }
        if listsContents { values["toc"] = toc }
        values["tocHTML"] = tocHTML.text
        values["hasToc"] = lesson.analysis.tableOfContents.count >= 2
        return values
    }
}
