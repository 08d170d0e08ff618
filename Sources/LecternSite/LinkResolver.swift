import Foundation
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

    /// The URL as it must appear on the page built from lesson `lessonPath` at directory `pageDirectory`.
    public func resolve(_ url: String, lessonPath: String, pageDirectory: String) -> String {
        guard !URLParts.isExternal(url), !url.hasPrefix("/"), !url.hasPrefix("#"), !url.isEmpty else { return url }
        let (path, fragment) = URLParts.split(url)
        let base = NSStringPath(lessonPath).directory
        guard let target = SitePaths.resolve(path, against: base) else { return url }
        if path.hasSuffix(".md"), let page = pages[target] {
            return paths.link(fromPage: pageDirectory, toPage: page, fragment: fragment)
        }
        let link = paths.link(fromPage: pageDirectory, toFile: target)
        var out = link.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? link
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
