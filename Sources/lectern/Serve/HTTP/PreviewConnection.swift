import FlyingSocks
import Foundation

/// One client connection of the preview: reads request heads within their limits, answers
/// them in order, and closes the connection when the client is idle, slow or misbehaving.
struct PreviewConnection: Sendable {
    /// How long a kept-alive connection may wait for its next request (Apache's `KeepAliveTimeout`).
    static let idleSeconds = 5.0
    /// How long a request head may take from its first byte to its blank line.
    static let headSeconds = 10.0
    /// How long a client may take to accept an answer.
    static let writeSeconds = 30.0
    /// The most bytes read and dropped after a refused request, so the client sees the answer.
    static let lingerBytes = 1 << 20

    let socket: AsyncSocket
    let handler: PreviewHandler

    /// Answers requests until the connection ends, then closes it.
    func serve() async {
        var pending: [UInt8] = []
        defer { try? socket.close() }
        while true {
            let head: RequestHead
            do {
                if pending.isEmpty {
                    pending = try await Deadline.within(Self.idleSeconds) { [socket] in try await socket.read(atMost: 4096) }
                }
                (head, pending) = try await Deadline.within(Self.headSeconds) { [socket, pending] in
                    try await Self.readHead(from: socket, starting: pending)
                }
            } catch let error as RequestHeadError {
                await refuse(.text(error.status, error.status.reason))
                return
            } catch is Deadline.Expired where !pending.isEmpty {
                await refuse(.text(.requestTimeout, "The request took too long to arrive"))
                return
            } catch {
                return
            }
            let keepAlive = head.keepAlive && !head.announcesBody
            let response = handler.respond(to: head)
            let bytes = response.encoded(omitBody: head.method == "HEAD", keepAlive: keepAlive)
            do {
                try await Deadline.within(Self.writeSeconds) { [socket] in try await socket.write(bytes) }
            } catch {
                return
            }
            guard keepAlive else {
                await linger()
                return
            }
        }
    }

    private static func readHead(from socket: AsyncSocket, starting bytes: [UInt8]) async throws -> (RequestHead, [UInt8]) {
        var reader = RequestHeadReader()
        var next = bytes
        while true {
            if let complete = try reader.feed(next) { return complete }
            next = try await socket.read(atMost: 4096)
        }
    }

    /// Answers a request that will not be served and closes the connection.
    private func refuse(_ response: PreviewResponse) async {
        let bytes = response.encoded(omitBody: false, keepAlive: false)
        _ = try? await Deadline.within(Self.writeSeconds) { [socket] in try await socket.write(bytes) }
        await linger()
    }

    /// Stops sending, then reads and drops what the client still sends for a moment: closing
    /// a socket with unread input resets the connection, and the client would lose the answer.
    private func linger() async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await Deadline.within(2) { [socket] in
            var dropped = 0
            while dropped < Self.lingerBytes { dropped += try await socket.read(atMost: 4096).count }
            return true
        }
    }
}
