import LecternText
/// Line endings as CommonMark and YAML read them: a CR LF pair and a lone CR each end a line,
/// as LF does. Source text is normalised once, when it is read, so that the line pre-pass,
/// cmark-gfm, the YAML reader and printed diagnostics all count the same lines.
public enum LineEndings {
    /// The text with every CR LF and lone CR written as LF.
    public static func normalized(_ text: String) -> String {
        guard text.containsByte(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A, afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
