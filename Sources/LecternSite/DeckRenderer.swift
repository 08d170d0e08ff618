import Foundation
import LecternCore

/// Renders a lesson's deck (`<lesson>/slides/`) through the theme's `slides` template.
struct DeckRenderer {
    let context: PageContext
    let resolver: LinkResolver

    /// The values the deck renders with; `pageBlocks` are blocks the lesson's page wrote that
    /// the deck copies rather than writes again.
    func values(for lesson: Lesson, deck: Deck, options pageOptions: HTMLWriter.Options, pageBlocks: WrittenBlocks? = nil) -> [String: Any] {
        let directory = lesson.slug + "/slides"
        var values = context.base(directory: directory)
        var options = pageOptions
        options.headingShift = 0
        options.deckMode = true
        var writer = HTMLWriter(options: options)
        writer.pageBlocks = pageBlocks
        // For a theme that lays out the slides itself; the built-in one takes `slidesHTML`.
        let listsSlides = context.theme.reads("slides")
        var slides: [[String: Any]] = []
        var parts: [(open: Range<Int>, heading: Range<Int>, content: Range<Int>, notes: Range<Int>)] = []
        var markup = HTMLBuffer()
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
            // Each slide as `deck.js` and the speaker view expect it, written here rather than by
            // a template loop (five look-ups per slide) and straight into the deck's markup; a
            // theme that lays out `slides` itself takes the parts from there.
            let openStart = markup.count
            markup += "<section"
            HTMLWriter.writeAttributes(pairs, into: &markup)
            markup += ">"
            let open = openStart..<markup.count
            markup += "\n<div class=\"slide-body\">\n"
            let headingStart = markup.count
            if !slide.title.isEmpty {
                let level = slide.kind == .content ? "2" : "1"
                markup += "<h"
                markup += level
                HTMLWriter.writeAttributes(slide.attributes.id.isEmpty ? [] : [("id", slide.attributes.id)], into: &markup)
                markup += ">"
                writer.writeInlines(slide.title, into: &markup)
                markup += "</h"
                markup += level
                markup += ">"
            } else {
                // An untitled slide (`---`) still gets a heading to navigate by, for screen readers only.
                markup += "<h2 class=\"visually-hidden\">Slide "
                markup += String(index + 1)
                markup += "</h2>"
            }
            let heading = headingStart..<markup.count
            markup += "\n"
            let contentStart = markup.count
            writer.writeBlocks(slide.blocks, into: &markup)
            writer.writeFootnotes(into: &markup)
            let content = contentStart..<markup.count
            markup += "\n</div>\n"
            var notes = content.upperBound..<content.upperBound
            if !slide.notes.isEmpty {
                markup += "<aside class=\"notes\" aria-label=\"Speaker notes\">\n"
                let notesStart = markup.count
                writer.writeBlocks(slide.notes, into: &markup)
                notes = notesStart..<markup.count
                markup += "</aside>\n"
            }
            markup += "</section>\n"
            if listsSlides {
                slides.append(["hasNotes": !slide.notes.isEmpty, "number": index + 1])
                parts.append((open, heading, content, notes))
            }
        }
        let html = markup.text
        if listsSlides {
            for (index, part) in parts.enumerated() {
                slides[index]["open"] = Self.part(of: html, part.open)
                slides[index]["heading"] = Self.part(of: html, part.heading)
                slides[index]["content"] = Self.part(of: html, part.content)
                slides[index]["notes"] = Self.part(of: html, part.notes)
            }
            values["slides"] = slides
        }
        values["slidesHTML"] = html
        values["total"] = deck.slides.count
        var lessonValues: [String: Any] = ["title": lesson.title, "id": lesson.id]
        if let footer = lesson.document.metadata.footer { lessonValues["footer"] = footer }
        if let duration = lesson.document.metadata.duration { lessonValues["duration"] = duration }
        values["lesson"] = lessonValues
        values["page"] = ["lessonId": lesson.id, "hasMath": !lesson.analysis.math.isEmpty] as [String: Any]
        if context.theme.reads("htmlAttributes") {
            values["htmlAttributes"] = context.htmlAttributes(root: values["root"] as? String ?? "", lessonId: lesson.id)
        }
        var links = values["links"] as? [String: Any] ?? [:]
        links["lesson"] = context.paths.link(fromPage: directory, toPage: lesson.slug)
        values["links"] = links
        return values
    }

    /// The text of `text` between two UTF-8 offsets.
    static func part(of text: String, _ offsets: Range<Int>) -> String {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offsets.lowerBound)
        return String(text[start..<text.utf8.index(start, offsetBy: offsets.count)])
    }
}
