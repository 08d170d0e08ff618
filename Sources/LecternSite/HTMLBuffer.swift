/// HTML as the writer makes it. A page is thousands of small appends, and an append to a
/// `String` costs several times one to an array of bytes, whatever its length; but turning
/// bytes back into a `String` checks them one by one once they hold anything but ASCII. So
/// ASCII gathers as bytes, and text with other characters goes to the `String` whole, after
/// the bytes before it.
struct HTMLBuffer {
    /// Everything written before `ascii`.
    private var head = ""
    /// ASCII written since the last text with other characters.
    private var ascii: [UInt8] = []

    /// An empty buffer.
    init() {}

    /// Bytes of UTF-8 written so far.
    var count: Int { head.utf8.count + ascii.count }

    /// The HTML as text.
    var text: String {
        ascii.isEmpty ? head : head + String(decoding: ascii, as: UTF8.self)
    }

    mutating func append(_ text: String) {
        if !appendedAsASCII(text) { appendWhole(text) }
    }

    mutating func append(_ text: Substring) {
        if !appendedAsASCII(text) {
            flush()
            head += text
        }
    }

    /// Appends `text` to the bytes when it is all ASCII; false, with nothing appended, when not.
    private mutating func appendedAsASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard Self.isASCII(bytes) else { return false }
            ascii.append(contentsOf: bytes)
            return true
        } ?? false
    }

    /// Appends one ASCII byte.
    mutating func append(byte: UInt8) {
        ascii.append(byte)
    }

    /// Appends `text` escaped by `HTMLWriter.appendEscaped`.
    mutating func appendEscaped(_ text: String, quotes: Bool, apostrophes: Bool = false) {
        let escaped = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard Self.isASCII(bytes) else { return false }
            HTMLWriter.appendEscaped(text, quotes: quotes, apostrophes: apostrophes, to: &ascii)
            return true
        }
        if escaped != true {
            flush()
            HTMLWriter.appendEscaped(text, quotes: quotes, apostrophes: apostrophes, to: &head)
        }
    }

    /// Whether the text ends with a line feed that is a character of its own (not after `\r`),
    /// as `String.hasSuffix("\n")` tells.
    var endsWithNewline: Bool {
        guard let last = ascii.last else { return head.hasSuffix("\n") }
        let before = ascii.count > 1 ? ascii[ascii.count - 2] : head.utf8.last
        return last == 0x0A && before != 0x0D
    }

    /// Removes a final line feed that `endsWithNewline` found.
    mutating func removeNewline() {
        if ascii.isEmpty { head.removeLast() } else { ascii.removeLast() }
    }

    static func += (buffer: inout HTMLBuffer, text: String) {
        buffer.append(text)
    }

    static func += (buffer: inout HTMLBuffer, text: Substring) {
        buffer.append(text)
    }

    private mutating func appendWhole(_ text: String) {
        flush()
        head += text
    }

    private mutating func flush() {
        guard !ascii.isEmpty else { return }
        head += String(decoding: ascii, as: UTF8.self)
        ascii.removeAll(keepingCapacity: true)
    }

    /// Whether `bytes` are all ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
