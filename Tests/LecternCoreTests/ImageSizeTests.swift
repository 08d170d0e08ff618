@testable import LecternCore
import Testing

/// Image sizes come from the first bytes of each format Lectern measures.
@Suite struct ImageSizeTests {
    @Test func readsEachFormatsHeader() {
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00] + [UInt8](repeating: 0, count: 8)
        #expect(ImageSize.of(gif)! == (320, 240))
        // JPEG: an APP0 segment to skip, then a baseline frame header holding 480×640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
                             0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x80, 0x01, 0xE0, 0x03, 0x00, 0x00]
        #expect(ImageSize.of(jpeg)! == (480, 640))
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [UInt8](repeating: 0, count: 8)
        webp += [0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00]
        #expect(ImageSize.of(webp)! == (640, 480))
        #expect(ImageSize.of(Array("<svg viewBox=\"0 0 800 200\">".utf8))! == (800, 200))
        #expect(ImageSize.of(Array("<svg width=\"100%\" viewBox=\"0 0 50 20\">".utf8))! == (50, 20))
        #expect(ImageSize.of(Array("plain text".utf8)) == nil)
        // Attributes on their own lines, either quote, and a longer name ending in `width`.
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" stroke-width=\"3\"\nwidth='120' height=\" 40px\">"
        #expect(ImageSize.of(Array(svg.utf8))! == (120, 40))
        #expect(ImageSize.of(Array("<svg data-x=\">\" width=\"9\" height=\"9\" viewBox=\"0 0 4 3\">".utf8)) == nil,
                "the tag ends at its first `>`")
        #expect(ImageSize.of(Array("<svg width=\"7\" height=\"5\"".utf8))! == (7, 5), "a tag cut off at the read limit")
        #expect(ImageSize.of([0x89, 0x50, 0x4E, 0x47]) == nil, "a truncated PNG has no size")
    }
}
