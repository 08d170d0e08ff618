import Foundation

/// Reads one request head from bytes as they arrive, looking at each byte once, and refuses a
/// head as soon as it passes a limit, so a client cannot make the preview buffer or scan more.
struct RequestHeadReader {
    /// The longest request line accepted (as Apache's `LimitRequestLine`); longer gets 414.
    static let maxRequestLine = 8190
    /// The longest header field line accepted; longer gets 431.
    static let maxFieldLine = 8190
    /// The most header fields accepted; more gets 431.
    static let maxFields = 100
    /// The most bytes of header fields accepted in all; more gets 431.
    static let maxFieldBytes = 32 * 1024

    private var buffer: [UInt8] = []
    private var scanned = 0
    private var lineStart = 0
    private var requestLine: [UInt8]?
    private var fieldsStart = 0
    private var fieldLines: [ArraySlice<UInt8>] = []

    /// True once any byte of the head arrived; the head's own time limit starts then.
    var hasStarted: Bool { !buffer.isEmpty }

    /// Takes more bytes. Returns the head and the bytes after it once the head is complete.
    mutating func feed(_ bytes: [UInt8]) throws -> (head: RequestHead, rest: [UInt8])? {
        buffer.append(contentsOf: bytes)
        while scanned < buffer.count {
            guard buffer[scanned] == 0x0A else {
                scanned += 1
                continue
            }
            var end = scanned
            if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
            let line = buffer[lineStart..<end]
            scanned += 1
            lineStart = scanned
            if requestLine == nil {
                // A client may send blank lines between requests (RFC 9112 §2.2).
                guard !line.isEmpty else { continue }
                guard line.count <= Self.maxRequestLine else { throw RequestHeadError.targetTooLong }
                requestLine = Array(line)
                fieldsStart = lineStart
            } else if line.isEmpty {
                return (try Self.head(requestLine!, fieldLines), Array(buffer[scanned...]))
            } else {
                guard line.count <= Self.maxFieldLine, fieldLines.count < Self.maxFields else { throw RequestHeadError.fieldsTooLarge }
                fieldLines.append(line)
            }
        }
        if requestLine == nil {
            if scanned - lineStart > Self.maxRequestLine { throw RequestHeadError.targetTooLong }
        } else if scanned - lineStart > Self.maxFieldLine || scanned - fieldsStart > Self.maxFieldBytes {
            throw RequestHeadError.fieldsTooLarge
        }
        return nil
    }

    private static func head(_ line: [UInt8], _ fieldLines: [ArraySlice<UInt8>]) throws -> RequestHead {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw RequestHeadError.malformed }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw RequestHeadError.malformed }
        guard version.count == 8, version.hasPrefix("HTTP/1."), let minor = Int(version.suffix(1)) else {
            throw RequestHeadError.unsupportedVersion
        }
        var target = String(decoding: parts[1], as: UTF8.self)
        if let scheme = ["http://", "https://"].first(where: { target.lowercased().hasPrefix($0) }) {
            // Absolute form: the path starts after the authority.
            let rest = target.dropFirst(scheme.count)
            target = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        guard target.hasPrefix("/") || target == "*" else { throw RequestHeadError.malformed }
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var fields: [(name: String, value: String)] = []
        for fieldLine in fieldLines {
            guard let colon = fieldLine.firstIndex(of: 0x3A), colon > fieldLine.startIndex,
                  fieldLine[..<colon].allSatisfy(isTokenByte) else { throw RequestHeadError.malformed }
            let name = String(decoding: fieldLine[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: fieldLine[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
        }
        return RequestHead(method: String(decoding: parts[0], as: UTF8.self), path: String(pieces[0]),
                           query: pieces.count > 1 ? String(pieces[1]) : "", minorVersion: minor, fields: fields)
    }

    /// A byte of an HTTP token (RFC 9110 §5.6.2): visible ASCII except delimiters.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"\"(),/:;<=>?@[\\]{}".utf8.contains(byte)
    }
}
