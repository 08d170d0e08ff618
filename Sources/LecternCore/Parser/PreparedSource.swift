import Foundation
import LecternText

/// What the pre-pass hands to cmark and to the passes after it.
struct PreparedSource: Sendable {
    /// The transformed markdown given to cmark.
    var text: [UInt8]
    /// Maps cmark positions back to the author's file.
    var map: SourceMap
    /// Fenced containers by marker index: divs and the synthetic ones for Pandoc blocks.
    var fences: [Fence]
    /// Inline tokens by index: math, attributes, sub/superscript delimiters, dropped TeX.
    var tokens: [Token]
    /// Numbering of fancy ordered lists, keyed by the original line of their first item.
    var listNumbering: [Int: ListStyle]
    /// Simple tables without a header row, keyed by the original line of their first row.
    var headerlessTables: Set<Int>
    /// Column widths of pipe tables wider than the text, keyed by the original line of the header.
    var pipeTableWidths: [Int: [Double]]
    /// Numbers of labelled example list items (`(@label)`), which `@label` in text refers to.
    var exampleLabels: [String: Int]
    /// Table captions keyed by the original line of the table's first line.
    var tableCaptions: [Int: (text: String, line: Int)]
    /// The YAML front matter text and its first line, when present.
    var frontMatter: (text: String, firstLine: Int, range: SourceRange)?
}

/// A container opened and closed by marker lines in the transformed text.
struct Fence: Sendable {
    /// What the container becomes.
    enum Kind: Sendable, Equatable {
        case div
        case definitionList
        case term
        case definition(tight: Bool)
        case lineBlock
        /// A grid or multiline table; its cells follow as `tableCell` fences in row order.
        case table(TableLayout)
        case tableCell
        /// Text between HTML block tags that runs up to a tag: plain, not a paragraph.
        case plain
    }

    /// The shape of a grid or multiline table, read from its borders.
    struct TableLayout: Sendable, Equatable {
        var alignments: [Table.Alignment]
        var widths: [Double]
        var headRows: Int
        var footRows: Int
    }

    var kind: Kind
    var attributes: Attributes
    /// Opened by an HTML `<div>` line (Pandoc's native_divs) and closed by `</div>`.
    var isHTML = false
    /// The opening line in the original file.
    var range: SourceRange
    /// The closing line, when there is one.
    var closeRange: SourceRange?
    /// The opening line as the author wrote it.
    var original: String
}

/// A placeholder standing in for syntax cmark must not see.
struct Token: Sendable {
    /// What the placeholder stands for.
    enum Kind: Sendable, Equatable {
        case math(MathKind, String)
        case attributes(Attributes)
        case rawAttribute(format: String)
        case subscriptOpen, subscriptClose, superscriptOpen, superscriptClose
        /// `^[` and its `]`: a Pandoc inline footnote.
        case inlineNoteOpen, inlineNoteClose
        /// Raw TeX and empty line-block lines: removed from the output.
        case drop
        /// A backslash ending a paragraph or heading: a hard line break in Pandoc, text in cmark.
        case lineBreak
        /// `@{key}`: a citation whose key may hold any character but braces, such as a URL.
        case citation(String)
        /// Attributes of a reference definition, placed after its destination.
        case referenceAttributes(Attributes)
        /// `\@`: an at sign that starts no citation.
        case escapedAt
    }

    var kind: Kind
    var range: SourceRange
    var original: String
}

/// Bytes of the markers the pre-pass writes.
enum Marker {
    static let lead: [UInt8] = Array("\u{E000}".utf8)
    static let tail: [UInt8] = Array("\u{E001}".utf8)
    static let filler: [UInt8] = Array("\u{E002}".utf8)
    static let commentOpen: [UInt8] = Array("<!--".utf8)
    static let commentClose: [UInt8] = Array("-->".utf8)
    private static let blockOpen = commentOpen + lead

    /// `<!--\u{E000}F12-->` opens fence 12; `C` closes it; `X` is dropped.
    static func block(_ letter: Character, _ index: Int) -> [UInt8] {
        var bytes = blockOpen
        bytes.reserveCapacity(blockOpen.count + 24)
        bytes.append(contentsOf: letter.utf8)
        appendDecimal(index, to: &bytes)
        bytes += commentClose
        return bytes
    }

    /// `\u{E000}T12\u{E001}` stands for token 12.
    static func inline(_ index: Int) -> [UInt8] {
        var bytes = lead
        bytes.reserveCapacity(lead.count + tail.count + 22)
        bytes.append(UInt8(ascii: "T"))
        appendDecimal(index, to: &bytes)
        bytes += tail
        return bytes
    }

    /// Markers are written for every fence and token of every lesson: no string in between.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude, divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// `text` without block markers: where cmark reads lines differently from the pre-pass
    /// (an HTML block swallowing a fence line), a marker lands in a code block or raw HTML and
    /// must not reach a page. Authors' own U+E000 never gets here (the pre-pass replaces it).
    static func strippingBlockMarkers(_ text: String) -> String {
        guard text.firstByteRange(of: "<!--\u{E000}") != nil else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstByteRange(of: "<!--\u{E000}") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstByteRange(of: "-->") else { rest = rest[open.upperBound...]; continue }
            rest = rest[close.upperBound...]
            if rest.hasPrefix("\n"), out.isEmpty || out.hasSuffix("\n") { rest = rest.dropFirst() }
        }
        return out + rest
    }

    /// Parses a block marker from an HTML block's literal.
    /// Works on UTF-8 bytes: every HTML block of every lesson is asked.
    static func parseBlock(_ literal: String) -> (letter: Character, index: Int)? {
        var trimmed = literal.trimmingASCIISpace()
        return trimmed.withUTF8 { parseBlock(bytes: $0) }
    }

    private static func parseBlock(bytes: UnsafeBufferPointer<UInt8>) -> (letter: Character, index: Int)? {
        let close = commentClose.count
        guard bytes.count > blockOpen.count + close + 1,
              bytes.starts(with: blockOpen), bytes.suffix(close).elementsEqual(commentClose) else { return nil }
        let letter = bytes[blockOpen.count]
        guard (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else { return nil }
        let digits = (blockOpen.count + 1)..<(bytes.count - close)
        guard digits.count <= 18 else { return nil }
        var index = 0
        for position in digits {
            let byte = bytes[position]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            index = index * 10 + Int(byte - 0x30)
        }
        return (Character(Unicode.Scalar(letter)), index)
    }
}

extension Substring {
    /// Without leading and trailing ASCII spaces, tabs and line breaks; works on UTF-8 bytes,
    /// where Foundation's trimming goes through UTF-16.
    func trimmingASCIISpace() -> Substring {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return Substring()
        }
        return self[first...last]
    }
}

extension String {
    /// Without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIISpace() -> Substring { self[...].trimmingASCIISpace() }
}
