/// Runs work under a time limit: the work is cancelled when the limit passes first.
enum Deadline {
    /// The limit passed before the work finished.
    struct Expired: Error {}

    /// The work's result, or `Expired` once `seconds` have passed.
    static func within<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Expired() }
            return value
        }
    }
}
