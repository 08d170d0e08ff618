import Foundation
import LecternCore

/// Renders a lesson's deck (`<lesson>/slides/`) through the theme's `slides` template.
struct DeckRenderer {
    let context: PageContext
    let resolver: LinkResolver

    func values(for lesson: Lesson, deck: Deck, options pageOptions: HTMLWriter.Options) -> [String: Any] {
        let directory = lesson.slug + "/slides"
        var values = context.base(directory: directory)
        var options = pageOptions
        options.headingShift = 0
        options.deckMode = true
        var writer = HTMLWriter(options: options)
        // For a theme that lays out the slides itself; the built-in one takes `slidesHTML`.
        let listsSlides = context.theme.reads("slides")
        var slides: [[String: Any]] = []
        var markup = ""
        for (index, slide) in deck.slides.enumerated() {
            var attributes = slide.attributes
            attributes.id = ""
            if let background = attributes["data-background-image"] {
                attributes.pairs = attributes.pairs.map { pair in
                    pair.key == "data-background-image" ? (key: pair.key, value: resolver.resolve(background, lessonPath: lesson.path,
                                                                                               pageDirectory: directory)) : pair
                }
            }
            if !options.allowsRawHTML, let background = attributes["data-background-image"],
               !URLPolicy.allowed(background, image: true) {
                attributes.pairs.removeAll { $0.key == "data-background-image" }
            }
            var pairs = writer.attributePairs(attributes, extraClasses: ["slide", "slide-\(slide.kind.rawValue)"])
            pairs.append(("data-slide", String(index + 1)))
            var open = "<section"
            HTMLWriter.writeAttributes(pairs, into: &open)
            open += ">"
            let level = slide.kind == .content ? 2 : 1
            var heading = ""
            if !slide.title.isEmpty {
                heading = "<h\(level)"
                HTMLWriter.writeAttributes(slide.attributes.id.isEmpty ? [] : [("id", slide.attributes.id)], into: &heading)
                heading += ">" + writer.renderInlines(slide.title) + "</h\(level)>"
            } else {
                // An untitled slide (`---`) still gets a heading to navigate by, for screen readers only.
                heading = "<h2 class=\"visually-hidden\">Slide \(index + 1)</h2>"
            }
            var content = ""
            writer.writeBlocks(slide.blocks, into: &content)
            writer.writeFootnotes(into: &content)
            var notes = ""
            writer.writeBlocks(slide.notes, into: &notes)
            if listsSlides {
                slides.append(["open": open, "heading": heading, "content": content, "notes": notes,
                               "hasNotes": !slide.notes.isEmpty, "number": index + 1])
            }
            Self.writeSlide(open: open, heading: heading, content: content, notes: slide.notes.isEmpty ? nil : notes, into: &markup)
        }
        if listsSlides { values["slides"] = slides }
        values["slidesHTML"] = markup
        values["total"] = deck.slides.count
        var lessonValues: [String: Any] = ["title": lesson.title, "id": lesson.id]
        if let footer = lesson.document.metadata.footer { lessonValues["footer"] = footer }
        if let duration = lesson.document.metadata.duration { lessonValues["duration"] = duration }
        values["lesson"] = lessonValues
        values["page"] = ["lessonId": lesson.id, "hasMath": !lesson.analysis.math.isEmpty] as [String: Any]
        var links = values["links"] as? [String: Any] ?? [:]
        links["lesson"] = context.paths.link(fromPage: directory, toPage: lesson.slug)
        values["links"] = links
        return values
    }

    /// One slide as `deck.js` and the speaker view expect it. Written here rather than by a
    /// template loop, which costs a deck five look-ups per slide; a theme can still lay out
    /// `slides` itself.
    static func writeSlide(open: String, heading: String, content: String, notes: String?, into out: inout String) {
        out += open + "\n<div class=\"slide-body\">\n" + heading + "\n" + content + "\n</div>\n"
        if let notes { out += "<aside class=\"notes\" aria-label=\"Speaker notes\">\n" + notes + "</aside>\n" }
        out += "</section>\n"
    }
}
