import Foundation
import LecternCore

/// The client-side search index: one entry per lesson section, written as a script file
/// so that it also loads from `file://`, where `fetch` of JSON is blocked.
enum SearchIndex {
    /// `window.LecternSearchIndex = {"lessons":[{"t":…,"u":…,"s":[[heading,anchor,text],…]},…]};`
    static func script(course: Course, paths: SitePaths) -> Data {
        script(fragments: course.lessons.map { entry(for: $0, paths: paths) })
    }

    /// The index from each lesson's entry, in reading order.
    static func script(fragments: [String]) -> Data {
        let head = "window.LecternSearchIndex = {\"lessons\":[", tail = "]};\n"
        // Sized once and filled by bytes: `serve` makes this file again on every save.
        var out = Data(capacity: head.utf8.count + tail.utf8.count + fragments.count + fragments.reduce(0) { $0 + $1.utf8.count })
        out.append(contentsOf: head.utf8)
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: fragment.utf8)
        }
        out.append(contentsOf: tail.utf8)
        return out
    }

    /// One lesson's entry: title, URL from the site root, and its sections; `serve` keeps
    /// these and encodes only the lessons that changed.
    static func entry(for lesson: Lesson, paths: SitePaths) -> String {
        var out = "{\"t\":"
        JSONText.append(lesson.title, to: &out)
        out += ",\"u\":"
        JSONText.append(paths.link(fromPage: "", toPage: lesson.slug), to: &out)
        out += ",\"s\":["
        for (index, section) in lesson.analysis.searchSections.enumerated() {
            out += index == 0 ? "[" : ",["
            JSONText.append(section.heading, to: &out)
            out += ","
            JSONText.append(section.anchor, to: &out)
            out += ","
            JSONText.append(section.text, to: &out)
            out += "]"
        }
        return out + "]}"
    }
}

/// JSON string literals, escaped for use inside a script file.
enum JSONText {
    /// `text` as a JSON string literal safe inside a `<script>` file: quotes, backslashes,
    /// controls, `<` and the two line separators JavaScript reads as line ends are escaped.
    /// Read by UTF-8 bytes: every section of every lesson passes through here.
    static func append(_ text: String, to out: inout String) {
        var text = text
        let literal = text.withUTF8 { bytes -> String in
            var quoted: [UInt8] = [0x22]
            quoted.reserveCapacity(bytes.count + 16)
            // Bytes that need no escape, nearly all of them, are copied a run at a time.
            var index = 0, run = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard Self.mayNeedEscape(byte) else { index += 1; continue }
                let escape: [UInt8]
                var length = 1
                switch byte {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0x3C: escape = Array("\\u003c".utf8)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                    // U+2028 and U+2029, which end a line inside a JavaScript string.
                    escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    length = 3
                case ..<0x20: escape = Array(String(format: "\\u%04x", UInt32(byte)).utf8)
                default: index += 1; continue
                }
                quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                quoted.append(contentsOf: escape)
                index += length
                run = index
            }
            quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
            quoted.append(0x22)
            return String(decoding: quoted, as: UTF8.self)
        }
        out += literal
    }

    /// Whether a byte is one the escaping looks at: a control, `"`, `\`, `<`, or the first
    /// byte of U+2028 and U+2029. A bit per byte, in four words.
    @inline(__always)
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x3C
        case 1: word = 1 << (0x5C - 64)
        case 3: word = 1 << (0xE2 - 192)
        default: word = 0
        }
        return word & (1 << UInt64(byte & 63)) != 0
    }
}
