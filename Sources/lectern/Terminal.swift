#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether standard streams are terminals (for carets and colour).
enum Terminal {
    static func isInteractive(stderr: Bool) -> Bool {
        isatty(stderr ? 2 : 1) == 1 && getenvValue("NO_COLOR") == nil && getenvValue("TERM") != "dumb"
    }

    private static func getenvValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
