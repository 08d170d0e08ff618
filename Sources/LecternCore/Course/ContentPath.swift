import Foundation
import LecternText
/// What a URL written in a lesson points at, judged once for validation and for writing.
public enum ContentReference: Hashable, Sendable {
    /// A URL with a scheme (`https:`, `mailto:`) or a protocol-relative one; left as written.
    case external
    /// A path from the site root (`/x`); left as written.
    case siteAbsolute
    /// `#fragment` (or an empty URL) on the same page.
    case samePage(fragment: String?)
    /// A markdown file under `Content/`, by its path relative to `Content/`.
    case lesson(path: String, fragment: String?)
    /// Any other file under `Content/`, by its path relative to `Content/`.
    case file(path: String, fragment: String?)
    /// A relative path that climbs above `Content/`, which no built page can reach.
    case outside(path: String)
}

/// The one place where relative paths of a course are resolved: links and images in
/// lessons and lesson entries in course.yml, for validation and for writing alike.
public enum ContentPath {
    /// True for URLs with a scheme (`https:`, `mailto:`) or protocol-relative ones.
    public static func isExternal(_ url: String) -> Bool {
        // Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it
        // (the URL standard), so `java<TAB>script:` has a scheme too. Every link of every page
        // is asked, so ASCII text is read byte by byte, the rest as Unicode text.
        guard url.utf8.allSatisfy({ $0 < 0x80 }) else { return hasScheme(unicode: url) }
        var read = 0
        var leadingSlash = false
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if read == 0, byte <= 0x20 || byte == 0x7F { continue }
            if leadingSlash { return byte == 0x2F }
            if byte == 0x3A { return read > 0 }
            if byte == 0x2F, read == 0 { leadingSlash = true; read = 1; continue }
            let isSchemeByte = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
                || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard isSchemeByte else { return false }
            read += 1
        }
        return false
    }

    /// The same reading on Unicode text (also the reference the byte reading is tested against).
    static func hasScheme(unicode url: String) -> Bool {
        let url = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: CharacterSet(charactersIn: " ").union(.controlCharacters))
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// `path#fragment` without any `?query`, the path percent-decoded.
    public static func split(_ url: String) -> (path: String, fragment: String?) {
        var path = Substring(url)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let text = String(path)
        guard text.containsByte(0x25) else { return (text, fragment) }
        return (text.removingPercentEncoding ?? text, fragment)
    }

    /// `relative` resolved against the folder `base` (both relative to `Content/`); nil when
    /// it climbs above `Content/`. A trailing slash is dropped.
    public static func resolve(_ relative: String, against base: String) -> String? {
        var parts = base.split(separator: "/")
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder of a path relative to `Content/` (`a/b.md` → `a`).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// What `url`, written in the lesson at `lessonPath` (relative to `Content/`), points at.
    public static func reference(_ url: String, from lessonPath: String) -> ContentReference {
        if url.isEmpty { return .samePage(fragment: nil) }
        if isExternal(url) { return .external }
        if url.hasPrefix("/") { return .siteAbsolute }
        let (path, fragment) = split(url)
        if path.isEmpty { return .samePage(fragment: fragment) }
        guard let target = resolve(path, against: folder(of: lessonPath)) else { return .outside(path: path) }
        return target.hasSuffix(".md") ? .lesson(path: target, fragment: fragment) : .file(path: target, fragment: fragment)
    }
}
