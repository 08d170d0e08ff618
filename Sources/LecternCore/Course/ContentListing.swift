import Foundation

/// The files under `Content/`, with symbolic links contained: a link that resolves inside
/// `Content/` is read as the file or folder it points to, one that resolves outside (or
/// nowhere) is left out with a located diagnostic, so a lesson cannot publish `/etc/passwd`.
struct ContentListing {
    /// Every non-hidden file, relative to `Content/`, sorted.
    var files: [String] = []
    /// Links refused.
    var diagnostics: [Diagnostic] = []

    /// Lists `directory`, allowing links to resolve anywhere under it.
    static func list(_ directory: String) throws -> ContentListing {
        guard let top = realPath(directory) else { throw CourseError.unreadable(directory) }
        var listing = ContentListing()
        try listing.walk(directory, relative: "", root: top, ancestors: [top])
        listing.files.sort()
        return listing
    }

    /// Lists `folder`; `ancestors` are the real paths of the folders above it, so that a link
    /// back up the tree is not followed in a circle.
    private mutating func walk(_ folder: String, relative: String, root: String, ancestors: Set<String>) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            if relative.isEmpty { throw CourseError.unreadable(folder) }
            return
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(entry)
            let path = relative.isEmpty ? entry : relative + "/" + entry
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = Self.realPath(full) else {
                    refuse(path, "content.link-broken", ["path": path])
                    continue
                }
                guard target == root || target.hasPrefix(root + "/") else {
                    refuse(path, "content.link-outside", ["path": path, "target": target])
                    continue
                }
                var resolved = stat()
                guard stat(full, &resolved) == 0 else { continue }
                isFolder = (resolved.st_mode & S_IFMT) == S_IFDIR
                // A link to a pipe or device would block the build that reads it.
                guard isFolder || (resolved.st_mode & S_IFMT) == S_IFREG else { continue }
            } else if (info.st_mode & S_IFMT) != S_IFDIR && (info.st_mode & S_IFMT) != S_IFREG {
                continue
            }
            if isFolder {
                guard let real = Self.realPath(full), !ancestors.contains(real) else { continue }
                try walk(full, relative: path, root: root, ancestors: ancestors.union([real]))
            } else {
                files.append(path)
            }
        }
    }

    private mutating func refuse(_ path: String, _ id: String, _ arguments: [String: String]) {
        diagnostics.append(Diagnostic(id, arguments, file: "Content/" + path, range: SourceRange(line: 1, column: 1)))
    }

    /// The absolute path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
