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
        if let ascii = Self.asciiRelative(from: from, to: to) { return ascii }
        let source = from.split(separator: "/")
        let target = to.split(separator: "/")
        var common = 0
        while common < source.count, common < target.count, source[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: source.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// `relative` on bytes, for the usual ASCII paths, where equal bytes and equal characters
    /// are the same thing: every link of every page comes here.
    private static func asciiRelative(from: String, to: String) -> String? {
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target -> String? in
                guard !source.contains(where: { $0 >= 0x80 }), !target.contains(where: { $0 >= 0x80 }) else { return nil }
                var sources = PathComponents(bytes: source), targets = PathComponents(bytes: target)
                var up = sources.next(), down = targets.next()
                while let a = up, let b = down, source[a].elementsEqual(target[b]) {
                    up = sources.next()
                    down = targets.next()
                }
                var out: [UInt8] = []
                out.reserveCapacity(source.count + target.count)
                while up != nil {
                    if !out.isEmpty { out.append(0x2F) }
                    out += [0x2E, 0x2E]
                    up = sources.next()
                }
                while let b = down {
                    if !out.isEmpty { out.append(0x2F) }
                    out += target[b]
                    down = targets.next()
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}

/// The non-empty segments of a path between slashes, as byte ranges.
private struct PathComponents: IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() -> Range<Int>? {
        while position < bytes.count, bytes[position] == 0x2F { position += 1 }
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != 0x2F { position += 1 }
        return start..<position
    }
}
