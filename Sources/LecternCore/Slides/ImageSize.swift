import Foundation
import LecternText

/// The pixel size of an image, read from its file header (PNG, GIF, JPEG, WebP) or its SVG
/// attributes; nil for anything else. Only the first 64 KiB are read.
public enum ImageSize {
    /// Width and height of the image file at `path`.
    public static func of(file path: String) -> (width: Double, height: Double)? {
        guard let bytes = FileBytes.read(path, limit: 65_536), !bytes.isEmpty else { return nil }
        return of(bytes)
    }

    /// Width and height from an image's first bytes.
    static func of(_ bytes: [UInt8]) -> (width: Double, height: Double)? {
        func be(_ at: Int, _ count: Int) -> Int {
            guard at + count <= bytes.count else { return 0 }
            return bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
        }
        func le(_ at: Int, _ count: Int) -> Int {
            guard at + count <= bytes.count else { return 0 }
            return bytes[at..<(at + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        var size: (Int, Int)?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            size = (be(16, 4), be(20, 4))
        } else if bytes.starts(with: Array("GIF8".utf8)) {
            size = (le(6, 2), le(8, 2))
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes, be)
        } else if bytes.starts(with: Array("RIFF".utf8)), be(8, 4) == 0x5745_4250 {
            switch String(decoding: bytes[12..<min(16, bytes.count)], as: UTF8.self) {
            case "VP8 ": size = (le(26, 2) & 0x3FFF, le(28, 2) & 0x3FFF)
            case "VP8L": size = ((le(21, 4) & 0x3FFF) + 1, ((le(21, 4) >> 14) & 0x3FFF) + 1)
            case "VP8X": size = (le(24, 3) + 1, le(27, 3) + 1)
            default: size = nil
            }
        } else {
            return svg(bytes)
        }
        guard let (width, height) = size, width > 0, height > 0 else { return nil }
        return (Double(width), Double(height))
    }

    private static func jpeg(_ bytes: [UInt8], _ be: (Int, Int) -> Int) -> (Int, Int)? {
        var index = 2
        while index + 9 < bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            // Start-of-frame markers hold the size; the others are skipped by their length.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (be(index + 7, 2), be(index + 5, 2))
            }
            index += 2 + be(index + 2, 2)
        }
        return nil
    }

    /// The size an SVG's root element declares, read from its bytes: the attributes are ASCII,
    /// and only the values found are decoded.
    private static func svg(_ bytes: [UInt8]) -> (width: Double, height: Double)? {
        guard let open = firstIndex(of: Array("<svg".utf8), in: bytes[...]) else { return nil }
        let tag = bytes[(open + 4)...].prefix { $0 != UInt8(ascii: ">") }
        func attribute(_ name: String) -> String? {
            guard let at = firstIndex(of: Array(" \(name)=".utf8), in: tag) ?? firstIndex(of: Array("\n\(name)=".utf8), in: tag)
            else { return nil }
            let quoteIndex = at + name.utf8.count + 2
            guard quoteIndex < tag.endIndex, tag[quoteIndex] == UInt8(ascii: "\"") || tag[quoteIndex] == UInt8(ascii: "'")
            else { return nil }
            let quote = tag[quoteIndex]
            return String(decoding: tag[(quoteIndex + 1)...].prefix { $0 != quote }, as: UTF8.self)
        }
        func number(_ value: String?) -> Double? {
            value.flatMap { Double($0.trimmingWhitespaces().prefix { $0.isNumber || $0 == "." }) }
        }
        let width = attribute("width"), height = attribute("height")
        if let size = number(width), let other = number(height), width?.hasSuffix("%") == false, size > 0, other > 0 {
            return (size, other)
        }
        let box = (attribute("viewBox") ?? "").split { $0 == " " || $0 == "," }.compactMap { Double($0) }
        return box.count == 4 && box[2] > 0 && box[3] > 0 ? (box[2], box[3]) : nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while let hit = haystack[index...].firstIndex(of: first), hit + needle.count <= haystack.endIndex {
            if haystack[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            index = hit + 1
        }
        return nil
    }
}
