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
        // Text as literals, which cost nothing to read; only what is not UTF-8 (the font) as
        // base64. Both ways are exercised above.
        #expect(DefaultTheme.textFiles["layout.mustache"] != nil && DefaultTheme.encodedFiles["assets/latinmodern-math.otf"] != nil)
        for path in DefaultTheme.encodedFiles.keys.sorted() {
            #expect(String(data: expected[path] ?? Data(), encoding: .utf8) == nil, "\(path) is text, yet embedded as base64")
        }
    }
}
