import Foundation

/// The request line and header fields of one HTTP/1.x request; the preview reads no bodies.
struct RequestHead: Sendable {
    /// The method, as sent (`GET`, `HEAD`, …).
    var method: String
    /// The request target's path, still percent-encoded.
    var path: String
    /// The query string after `?`, still percent-encoded; empty when there is none.
    var query: String
    /// The minor version of HTTP/1.x.
    var minorVersion: Int
    /// Header fields in the order received, names lowercased.
    var fields: [(name: String, value: String)]

    /// The value of the first field with this (lowercase) name.
    func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Whether the client asked to keep the connection for another request.
    var keepAlive: Bool {
        let tokens = (field("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Whether a body follows the head; the preview does not read one, so it closes the connection after answering.
    var announcesBody: Bool {
        field("transfer-encoding") != nil || (field("content-length").map { $0 != "0" } ?? false)
    }

    /// One query parameter, percent-decoded (`+` is a space, as forms send it).
    func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            guard key == name else { continue }
            let value = parts.count > 1 ? String(parts[1]) : ""
            return value.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? value
        }
        return nil
    }
}

/// Why a request head was refused, with the status that says so.
enum RequestHeadError: Error, Equatable {
    case malformed
    case targetTooLong
    case fieldsTooLarge
    case unsupportedVersion

    /// The status the client is answered with before the connection closes.
    var status: HTTPStatus {
        switch self {
        case .malformed: return .badRequest
        case .targetTooLong: return .uriTooLong
        case .fieldsTooLarge: return .headerFieldsTooLarge
        case .unsupportedVersion: return .versionNotSupported
        }
    }
}
