/// Which link and image targets a `safe: true` course may write: relative URLs, fragments,
/// http, https and mailto, and `data:image/…` for images. Anything else (`javascript:` in
/// any spelling, `vbscript:`, `data:text/html`) is written as `#`.
enum URLPolicy {
    /// True when safe mode allows the URL as a link (or, with `image`, an image) target.
    static func allowed(_ url: String, image: Bool) -> Bool {
        // Browsers drop ASCII whitespace and control characters inside a scheme and ignore
        // leading ones; do the same before reading it.
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let scheme = cleaned[..<colon]
        // A colon after a path, query or fragment start is not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        switch scheme.lowercased() {
        case "http", "https", "mailto": return true
        case "data": return image && cleaned.lowercased().hasPrefix("data:image/") && !cleaned.lowercased().hasPrefix("data:image/svg")
        default: return false
        }
    }
}
