/// Splits a lesson into slides by Pandoc's rules: headings at the slide level start a
/// slide, higher headings make section slides, a horizontal rule starts an untitled slide,
/// `::: notes` become speaker notes, `. . .` and incremental lists make fragments.
public enum SlideSplitter {
    /// The deck of a document whose slides start at headings of `level`.
    public static func deck(for document: Document, level: Int) -> Deck {
        let metadata = document.metadata
        var slides: [Slide] = []
        if metadata.title != nil {
            var lines: [Block] = []
            let authors = metadata.authors.isEmpty ? nil : [Inline(.text(metadata.authors.joined(separator: ", ")))]
            for line in [metadata.subtitleInlines, authors, metadata.dateInlines, metadata.semester.map { [Inline(.text($0))] }]
                .compactMap({ $0 }) where !line.isEmpty {
                lines.append(Block(.para(line)))
            }
            slides.append(Slide(kind: .title, title: metadata.titleInlines, attributes: .empty, blocks: lines, notes: [],
                                range: document.frontMatter?.range ?? .unknown))
        }
        var current: Slide?
        func close() {
            if let slide = current { slides.append(finish(slide, incremental: metadata.incremental)) }
            current = nil
        }
        for block in document.blocks {
            switch block.kind {
            case .header(let headingLevel, let attributes, let inlines) where headingLevel <= level:
                close()
                current = Slide(kind: headingLevel < level ? .section : .content, title: inlines, attributes: attributes,
                                blocks: [], notes: [], range: block.range)
            case .horizontalRule:
                close()
                current = Slide(kind: .content, title: [], attributes: .empty, blocks: [], notes: [], range: block.range)
            default:
                // Appended in place: a copy of the slide would copy its blocks for every block added.
                if current == nil {
                    current = Slide(kind: .content, title: [], attributes: .empty, blocks: [], notes: [], range: block.range)
                }
                if case .div(let attributes, let children) = block.kind, attributes.hasClass("notes") {
                    current!.notes += children
                } else {
                    current!.blocks.append(block)
                }
                current!.range = current!.range.union(block.range)
            }
        }
        close()
        return Deck(slideLevel: level, slides: slides)
    }

    /// Pauses become fragments; lists become incremental when the lesson or a div asks for it.
    static func finish(_ slide: Slide, incremental: Bool) -> Slide {
        var slide = slide
        slide.notes += collectNotes(&slide.blocks)
        slide.blocks = fragments(slide.blocks.map { incrementalLists($0, on: incremental) })
        return slide
    }

    /// Moves `::: notes` found inside other containers (columns) to the slide's notes.
    static func collectNotes(_ blocks: inout [Block]) -> [Block] {
        var notes: [Block] = []
        blocks = blocks.compactMap { block in
            guard case .div(let attributes, var children) = block.kind else { return block }
            if attributes.hasClass("notes") { notes += children; return nil }
            notes += collectNotes(&children)
            return Block(.div(attributes, children), block.range)
        }
        return notes
    }

    /// Content after each `. . .` goes into its own `.fragment` div, also inside divs
    /// (pauses in and between columns); a lone div after a pause (a column) becomes the
    /// fragment itself, so a row of columns keeps its layout.
    static func fragments(_ blocks: [Block]) -> [Block] {
        let blocks = blocks.map { block -> Block in
            guard case .div(let attributes, let children) = block.kind, !attributes.hasClass("quiz") else { return block }
            return Block(.div(attributes, fragments(children)), block.range)
        }
        guard blocks.contains(where: \.isPause) else { return blocks }
        var out: [Block] = []
        var group: [Block] = []
        var inFragment = false
        func flush() {
            guard !group.isEmpty else { return }
            if inFragment, group.count == 1, case .div(var attributes, let children) = group[0].kind {
                attributes.classes.append("fragment")
                out.append(Block(.div(attributes, children), group[0].range))
            } else if inFragment {
                out.append(Block(.div(Attributes(classes: ["fragment"]), group), group[0].range.union(group[group.count - 1].range)))
            } else {
                out += group
            }
            group = []
        }
        for block in blocks {
            if block.isPause {
                flush()
                inFragment = true
            } else {
                group.append(block)
            }
        }
        flush()
        return out
    }

    /// With `incremental: true` every list steps item by item, except inside `::: nonincremental`.
    static func incrementalLists(_ block: Block, on: Bool) -> Block {
        switch block.kind {
        case .bulletList, .orderedList:
            return on ? Block(.div(Attributes(classes: ["incremental"]), [block]), block.range) : block
        case .div(let attributes, let children):
            if attributes.hasClass("nonincremental") { return block }
            if attributes.hasClass("incremental") { return block }
            return Block(.div(attributes, children.map { incrementalLists($0, on: on) }), block.range)
        default:
            return block
        }
    }
}

extension Slide {
    /// A readable outline for tests and `lectern dump --slides`.
    public var summary: String {
        var line = "Slide \(kind.rawValue) \"\(Inline.plainText(title))\" @\(range.start.line)-\(range.end.line)"
        if !attributes.isEmpty { line += " " + DocumentDump.attributes(attributes) }
        var lines = [line]
        var fragments = 0, incremental = 0
        NodeVisitor(block: { block in
            if case .div(let attributes, _) = block.kind {
                if attributes.hasClass("fragment") { fragments += 1 }
                if attributes.hasClass("incremental") { incremental += 1 }
            }
        }).walk(blocks)
        lines.append("  blocks=\(blocks.count) fragments=\(fragments) incremental=\(incremental) notes=\"\(PlainTextOf.blocks(notes))\"")
        return lines.joined(separator: "\n") + "\n"
    }
}
