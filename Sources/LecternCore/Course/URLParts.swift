import Foundation

/// How a URL written in a lesson is split and classified, shared by validation and rendering.
public enum URLParts {
    /// True for URLs with a scheme (`https:`, `mailto:`) or protocol-relative ones.
    public static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// `path#fragment` without any `?query`, the path percent-decoded.
    public static func split(_ url: String) -> (path: String, fragment: String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path.removingPercentEncoding ?? path, fragment)
    }
}
