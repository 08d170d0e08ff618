import Foundation
import LecternCore

/// Rewrites URLs written in a lesson (relative to its markdown file) into URLs relative
/// to its built page: `.md` links become page links, other relative paths reach the copied
/// files. What a URL points at is `ContentPath`'s judgement, the same one validation uses.
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

    /// ASCII bytes a URL path keeps as they are (`CharacterSet.urlPathAllowed`), to skip
    /// Foundation's encoding for paths that need none.
    private static let pathAllowed: [Bool] = (0...255).map { byte in
        guard byte < 0x80, let scalar = Unicode.Scalar(byte) else { return false }
        return CharacterSet.urlPathAllowed.contains(scalar)
    }

    /// The URL as it must appear on the page built from lesson `lessonPath` at directory `pageDirectory`.
    public func resolve(_ url: String, lessonPath: String, pageDirectory: String) -> String {
        resolve(url, reference: ContentPath.reference(url, from: lessonPath), pageDirectory: pageDirectory)
    }

    /// The URL as it must appear on a page at `pageDirectory`, given what it points at.
    public func resolve(_ url: String, reference: ContentReference, pageDirectory: String) -> String {
        switch reference {
        case .external, .siteAbsolute, .samePage, .outside:
            return url
        case .lesson(let target, let fragment) where pages[target] != nil:
            return paths.link(fromPage: pageDirectory, toPage: pages[target]!, fragment: fragment)
        case .lesson(let target, let fragment), .file(let target, let fragment):
            let link = paths.link(fromPage: pageDirectory, toFile: target)
            var out = link.utf8.allSatisfy({ Self.pathAllowed[Int($0)] }) ? link
                : link.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? link
            if let fragment { out += "#" + fragment }
            return out
        }
    }
}
