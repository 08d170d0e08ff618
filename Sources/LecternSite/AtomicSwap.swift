#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanges two directories in one step where the kernel allows it (Linux `renameat2`
/// with `RENAME_EXCHANGE`), so there is no moment without an output folder.
enum AtomicSwap {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// True when `a` and `b` were exchanged; false when the system cannot do it atomically.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let exchangeFlag: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}
