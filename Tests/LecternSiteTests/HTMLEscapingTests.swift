import Foundation
@testable import LecternSite
import Testing

/// Escaped text and attribute values read back as written, and hold nothing that could end
/// an element, an attribute value or start a character reference of their own.
@Suite struct HTMLEscapingTests {
    static let pool: [Unicode.Scalar] = ["a", " ", "&", "<", ">", "\"", "'", "=", ";", "#", "é", "\u{1F600}", "\u{301}", "\n"]

    /// The text with the five references read back, by UTF-8 bytes (a combining mark after
    /// `;` would join it in a `Character`).
    static func unescaped(_ text: String) -> String {
        let references: [(String, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27), ("&amp;", 0x26)]
        let bytes = Array(text.utf8)
        var out: [UInt8] = [], index = 0
        scan: while index < bytes.count {
            for (reference, byte) in references where bytes[index...].starts(with: reference.utf8) {
                out.append(byte)
                index += reference.utf8.count
                continue scan
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func holds(_ text: String, _ byte: Character) -> Bool { text.utf8.contains(byte.asciiValue!) }

    @Test func textAndAttributesReadBackAsWritten() {
        for text in SearchIndexTextTests.randomTexts(from: Self.pool) {
            var element = ""
            HTMLWriter.escapeText(text, into: &element)
            #expect(Self.unescaped(element) == text, "\(element)")
            #expect(!Self.holds(element, "<") && !Self.holds(element, ">"), "\(element)")

            let value = HTMLWriter.escapeAttribute(text)
            #expect(Self.unescaped(value) == text && !Self.holds(value, "\""), "\(value)")

            var themed = ""
            HTMLWriter.appendEscaped(text, quotes: true, apostrophes: true, to: &themed)
            #expect(Self.unescaped(themed) == text && !Self.holds(themed, "'") && !Self.holds(themed, "\""), "\(themed)")

            var attributes = "<p"
            HTMLWriter.writeAttributes([("title", text), ("data-x", text + "&")], into: &attributes)
            #expect(attributes == "<p title=\"\(value)\" data-x=\"\(value)&amp;\"", "\(attributes)")
            // Every `&` left starts one of the references written here.
            for part in [element, value, themed].map({ $0.components(separatedBy: "&").dropFirst() }) {
                #expect(part.allSatisfy { rest in ["lt;", "gt;", "quot;", "#39;", "amp;"].contains { rest.utf8.starts(with: $0.utf8) } })
            }
        }
    }
}
