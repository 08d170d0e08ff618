import Foundation
import LecternCore

/// Theme assets written with content hashes in their names, so they can be cached forever.
struct AssetNames {
    /// Output path by theme path (`assets/lectern.css` → `assets/lectern.1a2b3c4d.css`).
    var paths: [String: String] = [:]
    /// Output files.
    var files: [String: Data] = [:]

    /// FNV-1a, 64 bits, as 16 hex digits; stable across runs and machines.
    static func hash(_ data: Data) -> String {
        String(FNV1a.hash(data), radix: 16).leftPadded(to: 16)
    }

    /// Adds a file under `assets/`, hashing CSS and JavaScript names.
    mutating func add(_ path: String, _ data: Data) {
        var output = path
        if path.hasSuffix(".css") || path.hasSuffix(".js") {
            let dot = path.lastIndex(of: ".")!
            output = path[..<dot] + "." + Self.hash(data).prefix(10) + path[dot...]
        }
        paths[path] = output
        files[output] = data
    }

    /// Adds a file whose name stays as it is and whose content is written separately.
    mutating func addUnhashed(_ path: String) {
        paths[path] = path
    }

    /// Template keys: `assets/lectern.css` is `lectern_css`.
    var templateKeys: [String: String] {
        var keys: [String: String] = [:]
        for (path, output) in paths {
            let name = (path as NSString).lastPathComponent
            keys[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")] = output
        }
        return keys
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
