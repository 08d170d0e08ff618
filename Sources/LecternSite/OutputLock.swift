import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock beside an output folder, so two builds into one folder take turns instead
/// of deleting each other's staging folders, and no build replaces a folder `serve` is writing.
/// The kernel releases it when its holder dies.
final class OutputLock: @unchecked Sendable {
    private let path: String
    private var descriptor: Int32 = -1

    /// Who holds a lock: a build ends by itself, a preview only when it is stopped.
    enum Holder: String {
        case build, serve
    }

    /// Takes the lock for `holder`, waiting up to `patience` seconds for a build to finish;
    /// a folder held by a preview is refused at once, since waiting would not end.
    init(beside output: String, for holder: Holder = .build, patience: TimeInterval = 60) throws {
        let parent = (output as NSString).deletingLastPathComponent
        path = (parent as NSString).appendingPathComponent(".\((output as NSString).lastPathComponent).lectern-lock")
        let deadline = Date().addingTimeInterval(patience)
        var told = false
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileIO.Failure(path: path, code: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The holder before us may have removed the file after we opened it.
                var held = stat(), named = stat()
                if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                    descriptor = fd
                    let note = Array("\(holder.rawValue) \(getpid())\n".utf8)
                    _ = ftruncate(fd, 0)
                    _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress, note.count, 0) }
                    return
                }
            }
            let note = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            close(fd)
            let parts = note.split(separator: " ")
            if parts.first == Substring(Holder.serve.rawValue), parts.count == 2, let process = Int32(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) {
                throw OutputFolderError.previewing(output, process: process)
            }
            guard Date() < deadline else { throw OutputFolderError.busy(output) }
            if !told {
                FileHandle.standardError.write(Data("waiting for another lectern build writing to '\(output)' to finish\n".utf8))
                told = true
            }
            usleep(100_000)
        }
    }

    /// Releases the lock and removes its file.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
