import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file writes: no `fsync` per file (the build's atomicity comes from swapping
/// whole folders, not from flushing each page), and folders made without Foundation's overhead.
enum FileIO {
    /// Why a write failed, as a sentence.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var reading = false
        var description: String { "cannot \(reading ? "read" : "write") '\(path)': \(String(cString: strerror(code)))" }
    }

    /// Writes `data` to `path`, replacing any file there; the parent folder must exist.
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                offset += written
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
        #else
        return Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Makes `path` and its missing parents.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(path: path, code: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty else { throw Failure(path: path, code: ENOENT) }
        try makeFolder(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    /// The bytes of a file, nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
