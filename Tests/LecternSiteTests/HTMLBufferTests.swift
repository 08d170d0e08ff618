@testable import LecternSite
import Testing

/// The writer's buffer holds the same text as a `String` given the same appends, whichever
/// part of it (bytes or `String`) each append lands in.
@Suite struct HTMLBufferTests {
    static let pool: [Unicode.Scalar] = ["a", "<", "&", "\"", "'", "\n", "\r", "é", "\u{301}", "\u{1F600}", "·"]

    /// Up to 20 scalars, most of them ASCII, so that runs of eight bytes and more occur with
    /// and without other characters at any place in them.
    static func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...20, using: &generator) {
            let ascii = Int.random(in: 0..<4, using: &generator) > 0
            scalars.append(ascii ? pool[Int.random(in: 0..<6, using: &generator)] : pool.randomElement(using: &generator)!)
        }
        return String(scalars)
    }

    @Test func holdsWhatAStringWouldHold() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var buffer = HTMLBuffer(), expected = ""
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                let text = Self.randomText(&generator)
                switch Int.random(in: 0..<5, using: &generator) {
                case 0:
                    buffer += text
                    expected += text
                case 1:
                    let part = text.dropFirst(Int.random(in: 0...2, using: &generator))
                    buffer += part
                    expected += part
                case 2:
                    buffer.append(byte: 0x0A)
                    expected += "\n"
                case 3:
                    HTMLWriter.escapeText(text, into: &buffer)
                    HTMLWriter.escapeText(text, into: &expected)
                default:
                    #expect(buffer.endsWithNewline == expected.hasSuffix("\n"), "\(expected.debugDescription)")
                    if buffer.endsWithNewline {
                        buffer.removeNewline()
                        expected.removeLast()
                    }
                }
                #expect(buffer.count == expected.utf8.count)
            }
            #expect(buffer.text == expected, "\(expected.debugDescription)")
        }
    }

    @Test func tellsASCIIEightBytesAtATime() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0..<0x80, using: &generator) }
            let plain = bytes.withUnsafeBufferPointer(HTMLBuffer.isASCII)
            #expect(plain)
            if !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] |= 0x80
                #expect(!bytes.withUnsafeBufferPointer(HTMLBuffer.isASCII))
            }
        }
    }
}
