import LecternText
/// An estimate of how tall a slide's content is on the 1280×720 canvas, from the theme's
/// type sizes, text lengths, code lines and image sizes, so that a slide that would need
/// scaling below the in-browser floor is reported when the course is built.
public struct SlideHeight {
    /// Content box of the canvas (slide padding taken off), in CSS pixels.
    public static let width = 1136.0
    /// Content box height.
    public static let height = 600.0
    /// The smallest scale the browser uses on screen before a slide scrolls.
    public static let floor = 0.6

    /// Width and height of an image, by its URL as written in the lesson.
    let imageSize: (String) -> (width: Double, height: Double)?

    /// The scale at which the slide's content would fit, when it does not fit at `floor` (where
    /// the browser stops scaling and scrolls instead); nil when it fits there. Scaling is a
    /// zoom, so lines grow longer as the scale drops and the scaled height only falls: a slide
    /// that does not fit at the floor fits at no larger scale, and one estimate answers.
    public func scaleBelowFloor(_ slide: Slide) -> Double? {
        let height = estimate(slide, scale: Self.floor)
        guard height * Self.floor > Self.height else { return nil }
        return Self.height / height
    }

    /// The estimated height of a slide's heading and content, laid out at `scale` (in the
    /// slide's own pixels, before scaling).
    public func estimate(_ slide: Slide, scale: Double = 1) -> Double {
        let width = Self.width / scale
        var total = 0.0
        if !slide.title.isEmpty {
            total += lines(Inline.plainTextScalarCount(slide.title), font: slide.kind == .content ? 46 : 60, width: width) * 52 + 28
        }
        total += blocks(slide.blocks, width: width)
        return slide.attributes.classes.contains("smaller") ? total * 0.8 : total
    }

    private func lines(_ characters: Int, font: Double, width: Double) -> Double {
        // An average character of the sans-serif face is about half its size wide.
        max(1, (Double(characters) * font * 0.52 / max(width, 120)).rounded(.up))
    }

    private func text(_ inlines: [Inline], width: Double, font: Double = 30) -> Double {
        var height = lines(Inline.plainTextScalarCount(inlines), font: font, width: width) * font * 1.4
        for inline in inlines {
            if case .image(_, _, let target) = inline.kind { height += image(target.url, attributes: .empty, width: width) }
        }
        return height
    }

    private func blocks(_ blocks: [Block], width: Double) -> Double {
        // A run of `.column` divs without `.columns` around them sits side by side too.
        var total = 0.0, shown = 0
        func add(_ height: Double) {
            if height > 0 { total += height; shown += 1 }
        }
        var run: [Block] = []
        for block in blocks {
            if case .div(let attributes, _) = block.kind, attributes.classes.contains("column") { run.append(block); continue }
            if !run.isEmpty { add(columns(run, width: width)); run = [] }
            add(self.block(block, width: width))
        }
        if !run.isEmpty { add(columns(run, width: width)) }
        return total + Double(max(shown - 1, 0)) * 24
    }

    private func block(_ block: Block, width: Double) -> Double {
        switch block.kind {
        case .plain(let inlines), .para(let inlines):
            return text(inlines, width: width)
        case .header(let level, _, let inlines):
            let font = level <= 2 ? 46.0 : 34.0
            return lines(Inline.plainTextScalarCount(inlines), font: font, width: width) * font * 1.25 + 20
        case .lineBlock(let lines):
            return lines.reduce(0) { $0 + text($1, width: width) }
        case .codeBlock(_, let code):
            let perLine = max(1, ((width - 32) / (22 * 0.6)).rounded(.down))
            // Lines as `split(separator: "\n")` gives them: CR LF is one character, no break.
            var rows = 0.0, scalars = 0, previous: UInt8 = 0
            for byte in code.utf8 {
                if byte == 0x0A, previous != 0x0D {
                    rows += max(1, (Double(scalars) / perLine).rounded(.up))
                    scalars = 0
                } else if byte & 0xC0 != 0x80 {
                    scalars += 1
                }
                previous = byte
            }
            rows += max(1, (Double(scalars) / perLine).rounded(.up))
            return rows * 33 + 32
        case .rawBlock:
            return 0
        case .blockQuote(let children):
            return blocks(children, width: width - 48) + 8
        case .orderedList(_, let items), .bulletList(let items):
            return items.reduce(0) { $0 + blocks($1.blocks, width: width - 44) + 4 }
        case .definitionList(let items):
            return items.reduce(0) { sum, item in
                sum + text(item.term, width: width) + item.definitions.reduce(0) { $0 + blocks($1, width: width - 40) }
            }
        case .horizontalRule:
            return 30
        case .table(let table):
            return Double(table.rows.count) * 50 + (table.caption.isEmpty ? 0 : 40)
        case .figure(let attributes, let caption, let content):
            var height = caption.isEmpty ? 0 : text(caption, width: width, font: 27.6) + 12
            for child in content {
                if case .plain(let inlines) = child.kind, let first = inlines.first, case .image(let a, _, let target) = first.kind {
                    height += image(target.url, attributes: a.isEmpty ? attributes : a, width: width)
                } else {
                    height += self.block(child, width: width)
                }
            }
            return height + 24
        case .div(let attributes, let children):
            if attributes.classes.contains("notes") { return 0 }
            if attributes.classes.contains("columns") { return columns(children, width: width) }
            if attributes.classes.contains("cards") || attributes.classes.contains("comparison") {
                // Grids of cards and panels sit side by side, with a frame and a title each.
                return panels(children, width: width)
            }
            let callout = attributes.classes.contains { $0.hasPrefix("callout") }
            return blocks(children, width: width - (callout ? 48 : 0)) + (callout ? 80 : 0)
        }
    }

    private func columns(_ children: [Block], width: Double) -> Double {
        let columns = children.compactMap { block -> (Attributes, [Block])? in
            if case .div(let attributes, let blocks) = block.kind, attributes.classes.contains("column") { return (attributes, blocks) }
            return nil
        }
        guard !columns.isEmpty else { return blocks(children, width: width) }
        let gaps = 40.0 * Double(columns.count - 1)
        return columns.map { attributes, blocks in
            let share = attributes["width"].flatMap(Self.percent) ?? attributes["style"].flatMap(Self.styleWidth)
                ?? 1 / Double(columns.count)
            return self.blocks(blocks, width: max((width - gaps) * share, 120))
        }.max() ?? 0
    }

    /// Cards or panels in a grid row: the tallest, with padding and a title line.
    private func panels(_ children: [Block], width: Double) -> Double {
        let boxes = children.filter { if case .div = $0.kind { return true }; return false }
        guard !boxes.isEmpty else { return blocks(children, width: width) }
        let perRow = max(1, min(boxes.count, Int(width / 260)))
        let boxWidth = (width - Double(perRow - 1) * 16) / Double(perRow) - 36
        let rows = stride(from: 0, to: boxes.count, by: perRow).map { start in
            boxes[start..<min(start + perRow, boxes.count)].map { box -> Double in
                guard case .div(_, let content) = box.kind else { return 0 }
                return blocks(content, width: max(boxWidth, 120)) + 70
            }.max() ?? 0
        }
        return rows.reduce(0, +) + Double(rows.count - 1) * 16
    }

    /// The share of a `width="48%"` given to a column; a bare number counts as a percentage too.
    private static func percent(_ width: String) -> Double? {
        Double(String(decoding: width.utf8.filter { $0 != UInt8(ascii: "%") }, as: UTF8.self)).map { $0 / 100 }
    }

    /// The share of a `style="width:48%"` given to a column.
    private static func styleWidth(_ style: String) -> Double? {
        guard let range = style.firstByteRange(of: "width:") else { return nil }
        let value = style[range.upperBound...].drop(while: { $0 == " " }).prefix(while: { $0.isNumber || $0 == "." })
        guard let percent = Double(value), style[range.upperBound...].utf8.contains(UInt8(ascii: "%")) else { return nil }
        return percent / 100
    }

    /// An image as the theme lays it out: no wider than its box or its `width`, at most
    /// 520 px tall, keeping its aspect ratio.
    private func image(_ url: String, attributes: Attributes, width: Double) -> Double {
        guard !attributes.classes.contains("r-stretch"), let size = imageSize(url) else { return 0 }
        var shown = min(size.width, width)
        if let declared = attributes["width"] {
            if declared.hasSuffix("%"), let percent = Double(declared.dropLast()) {
                shown = min(shown, width * percent / 100)
            } else if let pixels = Double(declared.filter { $0.isNumber || $0 == "." }) {
                shown = min(shown, pixels)
            }
        }
        return min(shown * size.height / size.width, 520)
    }
}
