import LecternCore

/// Rewrites URLs written in a lesson (relative to its markdown file) into URLs relative
/// to its built page: `.md` links become page links, other relative paths reach the copied files.
public struct LinkResolver: Sendable {
    /// Page directory of each lesson, by path relative to `Content/`.
    public var pages: [String: String]
    /// How links are written.
    public var paths: SitePaths

    /// Creates a resolver.
    public init(pages: [String: String], paths: SitePaths) {
        self.pages = pages
        self.paths = paths
    }

    /// True for URLs with a scheme (`https:`, `mailto:`), protocol-relative or absolute paths, or fragments.
    public static func isExternalOrAbsolute(_ url: String) -> Bool {
        if url.hasPrefix("#") || url.hasPrefix("/") || url.isEmpty { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
            && !url[..<colon].contains("/")
    }

    /// Splits `path#fragment?query`.
    public static func split(_ url: String) -> (path: String, fragment: String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path, fragment)
    }

    /// The URL as it must appear on the page built from lesson `lessonPath` at directory `pageDirectory`.
    public func resolve(_ url: String, lessonPath: String, pageDirectory: String) -> String {
        guard !Self.isExternalOrAbsolute(url) else { return url }
        let (path, fragment) = Self.split(url)
        let base = NSStringPath(lessonPath).directory
        guard let target = SitePaths.resolve(path.removingPercentEncodingIfPossible, against: base) else { return url }
        if path.hasSuffix(".md"), let page = pages[target] {
            return paths.link(fromPage: pageDirectory, toPage: page, fragment: fragment)
        }
        var out = paths.link(fromPage: pageDirectory, toFile: target)
        if let fragment { out += "#" + fragment }
        return out
    }
}

/// Small path helpers without Foundation's NSString.
struct NSStringPath {
    let path: String
    init(_ path: String) { self.path = path }
    /// The directory part of a relative path (`a/b.md` → `a`).
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x25, let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
               let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
               let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 3)
                continue
            }
            bytes.append(byte)
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
