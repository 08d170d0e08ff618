import Foundation

/// Computes a lesson's `LessonAnalysis` from its parsed document, in one place.
public enum LessonAnalyzer {
    /// Longest text kept per search section, in characters.
    public static let maximumSectionText = 2_000

    /// Analyses a parsed document; `path` is the lesson's path relative to `Content/`.
    /// `contentFolder` is where the lesson's images are measured from (for slides that
    /// cannot fit); without it images count as nothing.
    public static func analyze(_ document: Document, path: String, parseDiagnostics: [Diagnostic] = [],
                               math: MathContext = MathContext(), contentFolder: String? = nil) -> LessonAnalysis {
        var ids: [ElementID] = []
        var links: [LinkReference] = []
        var usesLevelOne = false
        let elements = NodeVisitor(block: { block in
            if let id = block.attributes?.id, !id.isEmpty { ids.append(ElementID(id: id, range: block.range)) }
            if case .header(1, _, _) = block.kind { usesLevelOne = true }
        }, inline: { inline in
            switch inline.kind {
            case .span(let a, _), .code(let a, _):
                if !a.id.isEmpty { ids.append(ElementID(id: a.id, range: inline.range)) }
            case .link(let a, _, let target), .image(let a, _, let target):
                if !a.id.isEmpty { ids.append(ElementID(id: a.id, range: inline.range)) }
                var isImage = false
                if case .image = inline.kind { isImage = true }
                links.append(LinkReference(url: target.url, isImage: isImage, range: inline.range,
                                           reference: ContentPath.reference(target.url, from: path)))
            default: break
            }
        })
        // The passes that look at nodes one at a time share one walk of the tree.
        let formulas = renderMath(document, context: math), quizzing = QuizBuilder.quizzesCollected(in: document)
        let warnings = authoringWarnings(document), code = highlightCode(document)
        NodeVisitor(all: [formulas.visitor, quizzing.visitor, elements, warnings.visitor, code.visitor]).walk(document.blocks)

        let (renderings, mathDiagnostics) = formulas.result()
        let mathText: (Inline) -> String? = { renderings[$0.range.start]?.plainText }
        let (quizzes, quizDiagnostics) = quizzing.result()
        var diagnostics = parseDiagnostics + mathDiagnostics + quizDiagnostics
        var quizIndex: [SourceLocation: Int] = [:]
        for (index, quiz) in quizzes.enumerated() { quizIndex[quiz.range.start] = index }
        diagnostics += duplicateIDs(ids, file: document.file)
        diagnostics += warnings.result()

        let slideLevel = document.metadata.slideLevel ?? DurationEstimate.slideLevel(document.blocks)
        let deck = hasSlides(document, level: slideLevel) ? SlideSplitter.deck(for: document, level: slideLevel) : nil
        // Each local image is measured once, for the slide-fit estimate and for the page.
        let measured = measureImages(links, contentFolder: contentFolder)
        if let deck { diagnostics += overfullSlides(deck, file: document.file, imageSizes: measured) }
        let questions = quizzes.reduce(0) { $0 + $1.questions.count }
        let shift = usesLevelOne ? 1 : 0
        var analysis = LessonAnalysis(
            quizzes: quizzes, quizIndex: quizIndex, slideLevel: slideLevel,
            deck: deck,
            elementIDs: ids, ids: Set(ids.map(\.id)), headingShift: shift,
            tableOfContents: tableOfContents(document.blocks, shift: shift), links: links,
            searchSections: searchSections(document.blocks, title: title(document, path: path), math: mathText),
            minutes: document.metadata.duration
                ?? DurationEstimate.minutes(for: document, slideLevel: slideLevel, quizQuestions: questions),
            math: renderings, code: code.result(),
            imageSizes: measured.mapValues { LessonAnalysis.ImagePixels(width: Int($0.width.rounded()), height: Int($0.height.rounded())) },
            diagnostics: diagnostics)
        analysis.references = Dictionary(links.map { ($0.url, $0.reference) }, uniquingKeysWith: { first, _ in first })
        return analysis
    }

    /// Sizes of the lesson's local images, read from their files under `contentFolder`, by URL
    /// as written.
    static func measureImages(_ links: [LinkReference], contentFolder: String?) -> [String: (width: Double, height: Double)] {
        guard let folder = contentFolder else { return [:] }
        var sizes: [String: (width: Double, height: Double)] = [:]
        for link in links where link.isImage && sizes[link.url] == nil {
            guard case .file(let target, _) = link.reference,
                  let size = ImageSize.of(file: (folder as NSString).appendingPathComponent(target)) else { continue }
            sizes[link.url] = size
        }
        return sizes
    }

    /// The title from front matter, else the file name without `.md`.
    public static func title(_ document: Document, path: String) -> String {
        let title = Inline.plainText(document.metadata.titleInlines)
        if !title.isEmpty { return title }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Whether a lesson gets a deck: `slides:` in front matter, else when it has slide-level headings.
    static func hasSlides(_ document: Document, level: Int) -> Bool {
        if let explicit = document.metadata.slides { return explicit }
        return document.blocks.contains { block in
            if case .header(let headingLevel, _, _) = block.kind { return headingLevel == level }
            return false
        }
    }

    static func duplicateIDs(_ ids: [ElementID], file: String) -> [Diagnostic] {
        var bag = DiagnosticBag(file: file)
        var seen: [String: SourceRange] = [:]
        for element in ids {
            if let first = seen[element.id] {
                bag.report("id.duplicate", ["id": element.id], at: element.range,
                          notes: [.init("first used here", range: first)])
            } else {
                seen[element.id] = element.range
            }
        }
        return bag.all
    }

    /// Level 2 and 3 headings on the page, speaker notes left out.
    static func tableOfContents(_ blocks: [Block], shift: Int) -> [TOCEntry] {
        var entries: [TOCEntry] = []
        for block in blocks {
            switch block.kind {
            case .header(let raw, let attributes, let inlines) where (2...3).contains(raw + shift) && !attributes.id.isEmpty:
                let title = inlines.filter { if case .note = $0.kind { return false }; return true }
                entries.append(TOCEntry(level: raw + shift, id: attributes.id, title: title))
            case .div(let attributes, let children) where !attributes.hasClass("notes"):
                entries += tableOfContents(children, shift: shift)
            default:
                break
            }
        }
        return entries
    }
}
