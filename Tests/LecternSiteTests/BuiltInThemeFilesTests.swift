import Foundation
@testable import LecternSite
import Testing

/// The theme compiled into the binary is `Templates/` byte for byte, with the math font
/// Debian ships, whichever way each file is embedded.
@Suite struct BuiltInThemeFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let font = "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf"

    @Test func everyFileReadsBackAsInTheThemeFolder() throws {
        let folder = Self.root.appendingPathComponent("Templates").standardizedFileURL
        var expected: [String: Data] = ["assets/latinmodern-math.otf": try Data(contentsOf: URL(fileURLWithPath: Self.font))]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath && !url.lastPathComponent.hasPrefix(".") {
            expected[String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        let embedded = Theme.builtInFiles
        #expect(Set(embedded.keys) == Set(expected.keys))
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(embedded[path] == data, "\(path)")
        }
        // Text as literals, the font (not UTF-8) as base64: both ways are exercised above.
        #expect(DefaultTheme.encodedFiles.keys.sorted() == ["assets/latinmodern-math.otf"])
        #expect(DefaultTheme.textFiles["layout.mustache"] != nil && DefaultTheme.textFiles.count == expected.count - 1)
    }
}
