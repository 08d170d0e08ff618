import Foundation

// Writes a Swift file holding every file of a folder, base64-encoded, by relative path.
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder TEMPLATES_DIR OUTPUT.swift [THEME_PATH=FILE]...\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1])
var entries: [(String, String)] = []
if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in enumerator where !url.hasDirectoryPath && !url.lastPathComponent.hasPrefix(".") {
        let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
        let data = try Data(contentsOf: url)
        entries.append((relative, data.base64EncodedString()))
    }
}
// Files from elsewhere (Debian's data packages), each `path/in/theme=/absolute/file`.
for argument in arguments.dropFirst(3) {
    guard let equals = argument.firstIndex(of: "=") else { continue }
    let data = try Data(contentsOf: URL(fileURLWithPath: String(argument[argument.index(after: equals)...])))
    entries.append((String(argument[..<equals]), data.base64EncodedString()))
}
entries.sort { $0.0 < $1.0 }
var source = "// Generated from Templates/ by the EmbedTheme plugin.\n"
source += "enum DefaultTheme {\n    /// Base64 contents of each theme file, by path relative to Templates/.\n"
source += "    static let encodedFiles: [String: String] = [\n"
for (path, base64) in entries {
    source += "        \"\(path)\": \"\(base64)\",\n"
}
source += "    ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]))
