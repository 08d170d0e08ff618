import Foundation
@testable import LecternCore
import LecternText
import Testing

/// The byte-level text helpers agree with the Foundation calls they stand in for.
@Suite struct TextScanningTests {
    /// Scalars where the two trimming sets differ or where a scan could go wrong: ASCII space
    /// and controls, separators, line breaks, combining marks and text beyond the BMP.
    static let pool: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
        "\u{202F}", "\u{205F}", "\u{2000}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{0}", "\u{7F}", "a", "Z", "%", "é", "\u{301}", "\u{1F600}", "/", ":",
    ]

    static func randomText(using generator: inout some RandomNumberGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...8, using: &generator) { scalars.append(pool.randomElement(using: &generator)!) }
        return String(scalars)
    }

    @Test func trimmingAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomText(using: &generator)
            #expect(text.trimmingWhitespaces().unicodeScalars.elementsEqual(text.trimmingCharacters(in: .whitespaces).unicodeScalars),
                    "\(text.unicodeScalars.map { $0.value })")
            #expect(text.trimmingWhitespacesAndNewlines().unicodeScalars
                .elementsEqual(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars),
                    "\(text.unicodeScalars.map { $0.value })")
            let slice = text.dropFirst()
            #expect(slice.trimmingWhitespaces().unicodeScalars.elementsEqual(slice.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }

    @Test func byteSearchFindsWhatAPlainScanFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomText(using: &generator) + Self.randomText(using: &generator)
            var needle = Self.randomText(using: &generator)
            if needle.isEmpty { needle = "a" }
            let bytes = Array(text.utf8), pattern = Array(needle.utf8)
            let expected = bytes.count < pattern.count ? nil
                : (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
            let found = text.firstByteRange(of: needle)
            #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } == expected, "\(needle) in \(text)")
            if let found { #expect(text.utf8[found].elementsEqual(pattern)) }
            let tail = text.dropFirst()
            if let inTail = tail.firstByteRange(of: needle) { #expect(tail.utf8[inTail].elementsEqual(pattern)) }
        }
    }

    @Test func countsAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomText(using: &generator) + "\r\n" + Self.randomText(using: &generator)
            #expect(text.characterCount == text.count, "\(text.unicodeScalars.map { $0.value })")
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text.unicodeScalars.map { $0.value })")
            let tail = text.dropFirst()
            #expect(tail.characterCount == tail.count)
            #expect(tail.scalarCount == tail.unicodeScalars.count)
        }
        #expect("e\u{301}\r\n".characterCount == 2)
        // Long ASCII runs, counted eight bytes at a time, with CR LF pairs and other
        // characters at any place in them.
        let pieces = ["abcdefgh", "abc", "x", "\r\n", "\r", "\n", "é", "\u{301}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Int.random(in: 0..<3, using: &generator) > 0 ? pieces[Int.random(in: 0..<3, using: &generator)] : pieces.randomElement(using: &generator)!
            }.joined()
            #expect(text.characterCount == text.count, "\(text.debugDescription)")
        }
        #expect("e\u{301}\r\n".scalarCount == 4)
    }

    @Test func markersAreWrittenAndReadBack() {
        let indices = [0, 1, 9, 10, 99, 100, 4_096, 123_456_789, Int.max] + (0..<2_000).map { _ in Int.random(in: 0...1_000_000) }
        for index in indices {
            for letter: Character in ["F", "C", "X", "z"] {
                let block = Marker.block(letter, index)
                #expect(block == Array("<!--\u{E000}\(letter)\(index)-->".utf8))
                let literal = String(decoding: block, as: UTF8.self)
                #expect(Marker.parseBlock(literal).map { "\($0.letter)\($0.index)" } == (index <= 999_999_999_999_999_999 ? "\(letter)\(index)" : nil))
                #expect(Marker.parseBlock(" \t" + literal + "\n\r\n").map(\.index) == Marker.parseBlock(literal).map(\.index))
            }
            #expect(Marker.inline(index) == Array("\u{E000}T\(index)\u{E001}".utf8))
        }
        for literal in ["<!--\u{E000}F-->", "<!--\u{E000}12-->", "<!--\u{E000}F1x-->", "<!--\u{E000}F12->", "<!--F12-->", "<!-- \u{E000}F12-->",
                        "<!--\u{E000}\u{E9}12-->", "<!--\u{E000}F1234567890123456789-->", "x<!--\u{E000}F12-->", ""] {
            #expect(Marker.parseBlock(literal) == nil, "\(literal)")
        }
        #expect(Marker.parseBlock("<!--\u{E000}F123456789012345678-->")?.index == 123_456_789_012_345_678)
    }

    @Test func readsFileBytesUpToALimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data.bin").path
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(FileBytes.read(file) == bytes)
        #expect(FileBytes.read(file, limit: 65_536) == Array(bytes.prefix(65_536)))
        #expect(FileBytes.read(folder.path) == nil, "a folder is not a file")
        #expect(FileBytes.read(folder.appendingPathComponent("missing").path) == nil)
    }
}
