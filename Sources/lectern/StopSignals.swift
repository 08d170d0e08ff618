import Foundation

/// Ctrl-C and termination requests: the clean-up runs first, then the signal ends the process
/// as it would have (a shell still sees 130 after Ctrl-C).
enum StopSignals {
    /// A queue of its own: a build keeps every thread of the global queues busy, and a queue
    /// made this way gets a thread all the same.
    private static let queue = DispatchQueue(label: "lectern.stop-signals")

    static func install(_ cleanUp: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                cleanUp()
                // To the process, not this thread: the dispatch threads keep signals blocked.
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            return source
        }
    }
}
