extension StringProtocol {
    /// Without leading and trailing tabs, Unicode space separators and zero-width spaces, the
    /// characters Foundation's `.whitespaces` holds. Read on Unicode scalars: Foundation's trimming goes
    /// through NSString and showed in build profiles, as every quiz choice and code block is trimmed.
    public func trimmingWhitespaces() -> String {
        trimmingScalars { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Without leading and trailing whitespace and line breaks, the characters Foundation's
    /// `.whitespacesAndNewlines` holds: tab, line feed to carriage return, next line, every
    /// Unicode separator and the zero-width space.
    public func trimmingWhitespacesAndNewlines() -> String {
        trimmingScalars { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x85, 0x200B: return true
            case 0..<0x80: return scalar == " "
            default:
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            }
        }
    }

    private func trimmingScalars(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        // Most texts start and end with a letter: one look at each end and no scan.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !trimmed($0) }),
              let end = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// An ASCII byte that is neither a space nor a control character, so never trimmed.
    private static func isPlainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
