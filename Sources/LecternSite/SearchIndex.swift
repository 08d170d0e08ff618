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
        var out = "window.LecternSearchIndex = {\"lessons\":["
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { out += "," }
            out += fragment
        }
        out += "]};\n"
        return Data(out.utf8)
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
