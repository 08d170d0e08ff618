/// Relative URLs between pages and files of the built site, so it works under any
/// sub-path and, with `offline`, from `file://`.
public struct SitePaths: Sendable {
    /// Write `dir/index.html` in links instead of `dir/`, for `file://`.
    public var offline: Bool

    /// Creates path rules.
    public init(offline: Bool = false) {
        self.offline = offline
    }

    /// The output file of a page at a directory (`""` is the site root).
    public func file(forPage directory: String) -> String {
        directory.isEmpty ? "index.html" : directory + "/index.html"
    }

    /// A relative URL from the page at `from` (a directory) to the page at `to` (a directory).
    public func link(fromPage from: String, toPage to: String, fragment: String? = nil) -> String {
        var url = relative(from: from, to: to)
        if offline {
            url += url.isEmpty || url.hasSuffix("/") ? "index.html" : "/index.html"
        } else if url.isEmpty {
            url = "./"
        } else if !url.hasSuffix("/") {
            url += "/"
        }
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return url
    }

    /// A relative URL from the page at `from` to a file at `path` (relative to the site root).
    public func link(fromPage from: String, toFile path: String) -> String {
        relative(from: from, to: path)
    }

    /// `a/b` to `a/c/d` gives `../c/d`.
    func relative(from: String, to: String) -> String {
        let source = from.split(separator: "/")
        let target = to.split(separator: "/")
        var common = 0
        while common < source.count, common < target.count, source[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: source.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}
