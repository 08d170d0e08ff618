import Foundation

/// One answer of the preview server.
struct PreviewResponse: Sendable {
    /// The status of the answer.
    var status: HTTPStatus
    /// Header fields besides `Content-Length` and `Connection`, which encoding adds.
    var fields: [(name: String, value: String)] = []
    /// The body; left out on the wire for HEAD.
    var body = Data()

    /// A short plain-text answer.
    static func text(_ status: HTTPStatus, _ message: String, fields: [(name: String, value: String)] = []) -> PreviewResponse {
        PreviewResponse(status: status, fields: [("Content-Type", "text/plain; charset=utf-8")] + fields, body: Data((message + "\n").utf8))
    }

    /// The bytes on the wire: status line, fields, blank line and, unless `omitBody`, the body.
    func encoded(omitBody: Bool, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(head.utf8)
        if !omitBody { data.append(body) }
        return data
    }
}
