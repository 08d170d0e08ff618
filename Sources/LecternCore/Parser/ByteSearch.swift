import Foundation

extension StringProtocol {
    /// Whether the text's UTF-8 holds `byte`: a `memchr` over contiguous storage, where the
    /// generic `utf8.contains` steps through an iterator. The passes ask this of every text node.
    func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
        return found ?? utf8.contains(byte)
    }
}
