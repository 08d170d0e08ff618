import Foundation

extension StringProtocol {
    /// Whether the text's UTF-8 holds `byte`: a `memchr` over contiguous storage, where the
    /// generic `utf8.contains` steps through an iterator. The passes ask this of every text node.
    @inlinable package func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
        return found ?? utf8.contains(byte)
    }
}

extension StringProtocol {
    /// The first range where `needle`'s UTF-8 bytes occur, found with `memchr` and `memcmp`:
    /// Foundation's `range(of:)` goes through NSString, and the standard library's
    /// `firstRange(of:)` builds a table over the whole text first.
    package func firstByteRange(of needle: String) -> Range<Index>? {
        let offset = utf8.withContiguousStorageIfAvailable { Self.byteOffset(of: needle, in: $0) }
            ?? String(self).firstByteOffset(of: needle)
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    private func firstByteOffset(of needle: String) -> Int? {
        let found: Int?? = utf8.withContiguousStorageIfAvailable { Self.byteOffset(of: needle, in: $0) }
        return found ?? nil
    }

    private static func byteOffset(of needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let base = haystack.baseAddress, let first = pattern.first, pattern.count <= haystack.count else { return nil }
            let last = haystack.count - pattern.count
            var from = 0
            // `memchr` to each candidate first byte, then one `memcmp`.
            while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                from = offset + 1
            }
            return nil
        }
    }
}
