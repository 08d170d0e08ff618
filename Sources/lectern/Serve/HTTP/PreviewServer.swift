import FlyingSocks
import Foundation

/// The preview's HTTP server: every connection is served in its own task, so one slow client
/// never holds up another, and a bounded number are open at once.
struct PreviewServer: Sendable {
    /// The most connections served at once; more are answered 503 and closed.
    static let maxConnections = 256

    let handler: PreviewHandler

    /// Listens on `address` and serves until the task is cancelled or listening fails.
    func run(on address: some SocketAddress) async throws {
        let pool: some AsyncSocketPool = .make(maxEvents: 64)
        try await pool.prepare()
        let socket = try Socket(domain: Int32(type(of: address).family))
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: address)
        try socket.listen()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        let open = OpenConnections()
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            for try await client in listener.sockets {
                guard open.enter(limit: Self.maxConnections) else {
                    let busy = PreviewResponse.text(.serviceUnavailable, "Too many connections").encoded(omitBody: false, keepAlive: false)
                    _ = busy.withUnsafeBytes { send(client.socket.file.rawValue, $0.baseAddress, busy.count, Int32(MSG_NOSIGNAL)) }
                    try? client.close()
                    continue
                }
                group.addTask {
                    defer { open.leave() }
                    await PreviewConnection(socket: client, handler: handler).serve()
                }
            }
        }
    }
}

/// Counts the connections being served.
private final class OpenConnections: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func enter(limit: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func leave() {
        lock.withLock { count -= 1 }
    }
}
