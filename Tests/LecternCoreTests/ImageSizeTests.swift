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
        #expect(ImageSize.of([0x89, 0x50, 0x4E, 0x47]) == nil, "a truncated PNG has no size")
    }
}
