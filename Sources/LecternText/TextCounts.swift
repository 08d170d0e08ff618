/// The helpers are inlinable so that callers get code specialised for `String` and
/// `Substring`: called through the generic protocol, each one looked up witness tables per call.
extension StringProtocol {
    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte but a
    /// continuation byte starts one) in one pass over contiguous storage.
    @inlinable package var scalarCount: Int {
        let counted = utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return counted ?? unicodeScalars.count
    }

    /// `count`, the number of characters, without breaking ASCII text into grapheme
    /// clusters: there every byte is one character, but for a CR LF pair, which is one.
    @inlinable package var characterCount: Int {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            // Eight bytes at a time while they hold neither a byte past ASCII nor a CR; the
            // byte before where this stops is then no CR either.
            var start = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while start + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                    let returns = word ^ 0x0D0D_0D0D_0D0D_0D0D
                    let hasReturn = (returns &- 0x0101_0101_0101_0101) & ~returns & 0x8080_8080_8080_8080 != 0
                    if word & 0x8080_8080_8080_8080 != 0 || hasReturn { break }
                    start += 8
                }
            }
            var pairs = 0, previous: UInt8 = 0
            for byte in bytes[start...] {
                if byte >= 0x80 { return nil }
                if byte == 0x0A, previous == 0x0D { pairs += 1 }
                previous = byte
            }
            return bytes.count - pairs
        }
        return (ascii ?? nil) ?? count
    }
}
