import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock beside an output folder, so two builds into one folder take turns instead
/// of deleting each other's staging folders. The kernel releases it when a build dies.
final class OutputLock: @unchecked Sendable {
    private let path: String
    private var descriptor: Int32 = -1

    /// Takes the lock, waiting up to `patience` seconds for another build to finish.
    init(beside output: String, patience: TimeInterval = 60) throws {
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
                    return
                }
            }
            close(fd)
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
