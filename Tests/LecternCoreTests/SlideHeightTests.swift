@testable import LecternCore
import Testing

/// Slide height estimates count text as the plain text and `split` would: counting without
/// building strings must not change which slides are reported as overfull.
@Suite struct SlideHeightTests {
    /// Pieces where counts in characters, scalars and bytes differ, and line breaks of each kind.
    static let pieces = ["a", "é", "e\u{301}", "\r\n", "\n", "\r", "\u{1F600}", " ", "word", String(repeating: "x", count: 50)]

    static func text(using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func inlines(depth: Int, using generator: inout some RandomNumberGenerator) -> [Inline] {
        (0..<Int.random(in: 0...4, using: &generator)).map { _ -> Inline in
            let children = depth > 0 ? inlines(depth: depth - 1, using: &generator) : []
            switch Int.random(in: 0...8, using: &generator) {
            case 0: return Inline(.softBreak)
            case 1: return Inline(.math(.inline, text(using: &generator)))
            case 2: return Inline(.code(.empty, text(using: &generator)))
            case 3: return Inline(.rawInline(format: "html", text(using: &generator)))
            case 4: return Inline(.emph(children))
            case 5: return Inline(.link(.empty, children, Target(url: "x")))
            case 6: return Inline(.note([Block(.para(children))]))
            default: return Inline(.text(text(using: &generator)))
            }
        }
    }

    @Test func scalarCountsMatchThePlainText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let inlines = Self.inlines(depth: 3, using: &generator)
            #expect(Inline.plainTextScalarCount(inlines) == Inline.plainText(inlines).unicodeScalars.count)
        }
    }

    @Test func codeRowsFollowTheLinesSplitFinds() {
        let height = SlideHeight(imageSize: { _ in nil })
        let perLine = ((SlideHeight.width - 32) / (22 * 0.6)).rounded(.down)
        var generator = SystemRandomNumberGenerator()
        var wrapped = 0
        for _ in 0..<5_000 {
            let code = Self.text(using: &generator)
            let slide = Slide(kind: .content, title: [], attributes: .empty, blocks: [Block(.codeBlock(.empty, code))],
                              notes: [], range: .unknown)
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            let rows = lines.reduce(0.0) { $0 + max(1, (Double($1.unicodeScalars.count) / perLine).rounded(.up)) }
            if rows > Double(lines.count) { wrapped += 1 }
            #expect(height.estimate(slide) == rows * 33 + 32, "\(code.unicodeScalars.map(\.value))")
        }
        #expect(wrapped > 0, "some lines are long enough to wrap")
    }

    /// A slide that does not fit at the floor fits at no larger scale, which lets one estimate
    /// at the floor stand for every scale the browser would try: checked step by step on slides
    /// of text, code, images of every width and columns, in and out of bounds.
    @Test func aSlideOverTheFloorFitsAtNoLargerScale() {
        var generator = SystemRandomNumberGenerator()
        let height = SlideHeight { url in (width: Double(url.count) * 97, height: 400) }
        var over = 0, under = 0
        for _ in 0..<600 {
            var blocks: [Block] = []
            for _ in 0..<Int.random(in: 1...9, using: &generator) {
                let words = String(repeating: "word ", count: Int.random(in: 1...160, using: &generator))
                switch Int.random(in: 0...3, using: &generator) {
                case 0: blocks.append(Block(.para([Inline(.text(words))])))
                case 1: blocks.append(Block(.codeBlock(.empty, Array(repeating: words, count: Int.random(in: 1...8, using: &generator)).joined(separator: "\n"))))
                case 2:
                    let url = String(repeating: "i", count: Int.random(in: 1...30, using: &generator))
                    let width = Attributes(pairs: [(key: "width", value: "\(Int.random(in: 10...100, using: &generator))%")])
                    blocks.append(Block(.para([Inline(.image(width, [], Target(url: url)))])))
                default:
                    let column = Block(.div(Attributes(classes: ["column"]), [Block(.para([Inline(.text(words))]))]))
                    blocks.append(Block(.div(Attributes(classes: ["columns"]), [column, column])))
                }
            }
            let slide = Slide(kind: .content, title: [Inline(.text("Title"))], attributes: .empty, blocks: blocks, notes: [], range: .unknown)
            let fitsAt = { (scale: Double) in height.estimate(slide, scale: scale) * scale <= SlideHeight.height }
            guard let scale = height.scaleBelowFloor(slide) else {
                #expect(fitsAt(SlideHeight.floor))
                under += 1
                continue
            }
            over += 1
            #expect(scale < SlideHeight.floor)
            #expect(abs(height.estimate(slide, scale: SlideHeight.floor) * scale - SlideHeight.height) < 1e-6)
            for step in 60...100 { #expect(!fitsAt(Double(step) / 100), "fits at \(step)%") }
        }
        #expect(over > 50 && under > 50, "both kinds of slide were tried: \(over) over, \(under) under")
    }
}
