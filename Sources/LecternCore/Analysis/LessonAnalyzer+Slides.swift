import Foundation

extension LessonAnalyzer {
    /// `slide.overfull` for every slide whose estimated content would need scaling below the
    /// browser's floor to fit the canvas (where it would scroll instead); `.scrollable`
    /// slides scroll by choice. `imageSizes` are the lesson's measured images.
    static func overfullSlides(_ deck: Deck, file: String, imageSizes: [String: (width: Double, height: Double)]) -> [Diagnostic] {
        let estimator = SlideHeight { imageSizes[$0] }
        var diagnostics: [Diagnostic] = []
        for slide in deck.slides where slide.kind == .content && !slide.attributes.classes.contains("scrollable") {
            guard let scale = estimator.scaleBelowFloor(slide) else { continue }
            let title = Inline.plainText(slide.title)
            diagnostics.append(Diagnostic(
                "slide.overfull",
                ["title": title.isEmpty ? "without a title" : "'\(title)'", "percent": String(Int((scale * 100).rounded()))],
                file: file, range: SourceRange(start: slide.range.start, end: slide.range.start)))
        }
        return diagnostics
    }
}
