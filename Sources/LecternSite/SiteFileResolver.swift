import Foundation

/// Maps a request path to a file of the built site, never outside it: percent-encoded
/// `..` segments are decoded before they are refused, and folders serve their index.html.
public struct SiteFileResolver: Sendable {
    /// What a request path leads to.
    public enum Resolution: Equatable, Sendable {
        /// A file to send.
        case file(String)
        /// A folder asked for without its trailing slash.
        case redirect(String)
        /// Nothing there.
        case notFound
        /// A path that tries to leave the site.
        case forbidden
    }

    /// The site folder, with symbolic links resolved.
    public let root: String

    /// Creates a resolver for a site folder.
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Resolves a percent-encoded request path such as `/lesson/` or `/assets/a%20b.css`.
    public func resolve(_ requestPath: String) -> Resolution {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        var parts: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let part = raw.removingPercentEncoding else { return .forbidden }
            if part == "." || part == ".." || part.contains("/") || part.contains("\\") || part.contains("\0") {
                return .forbidden
            }
            parts.append(part)
        }
        if parts.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        let candidate = ([root] + parts).joined(separator: "/")
        let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else { return .forbidden }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            // One leading slash: `//host` in a Location header would send the browser elsewhere.
            if !path.hasSuffix("/") { return .redirect("/" + parts.joined(separator: "/") + "/") }
            let index = resolved + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(index) : .notFound
        }
        return .file(resolved)
    }

    /// The Content-Type for a file name.
    public static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "xml": return "application/xml"
        case "pdf": return "application/pdf"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
