import Foundation
import LecternCore

/// The client-side search index: one entry per lesson section, written as a script file
/// so that it also loads from `file://`, where `fetch` of JSON is blocked.
enum SearchIndex {
    /// `window.LecternSearchIndex = {"lessons":[{"t":…,"u":…}],"sections":[[lesson,heading,anchor,text]]};`
    static func script(course: Course, paths: SitePaths) -> Data {
        var out = "window.LecternSearchIndex = {\"lessons\":["
        for (index, lesson) in course.lessons.enumerated() {
            if index > 0 { out += "," }
            out += "{\"t\":"
            JSONText.append(lesson.title, to: &out)
            out += ",\"u\":"
            JSONText.append(paths.link(fromPage: "", toPage: lesson.slug), to: &out)
            out += "}"
        }
        out += "],\"sections\":["
        var first = true
        for (index, lesson) in course.lessons.enumerated() {
            for section in lesson.analysis.searchSections {
                out += first ? "[" : ",["
                first = false
                out += String(index) + ","
                JSONText.append(section.heading, to: &out)
                out += ","
                JSONText.append(section.anchor, to: &out)
                out += ","
                JSONText.append(section.text, to: &out)
                out += "]"
            }
        }
        out += "]};\n"
        return Data(out.utf8)
    }
}

/// JSON string literals, escaped for use inside a script file.
enum JSONText {
    static func append(_ text: String, to out: inout String) {
        out += "\""
        var pending = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "<": escape = "\\u003c"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default: escape = scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escape {
                out += String(scalars[pending..<index])
                out += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out += String(scalars[pending..<scalars.endIndex])
        out += "\""
    }
}
