import Foundation
import PackagePlugin

/// Compiles the default theme in `Templates/` into the binary, so `lectern` needs no
/// resource folder beside it, with data files that Debian packages ship: the math font is
/// Latin Modern Math from `fonts-lmodern` (GUST Font License), installed by Scripts/setup.sh.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("Templates")
        let files = (FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DefaultTheme.swift")
        let font = URL(fileURLWithPath: "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")
        guard FileManager.default.fileExists(atPath: font.path) else {
            throw EmbedThemeError.missing("\(font.path) is missing: install Debian's fonts-lmodern (Scripts/setup.sh does)")
        }
        return [.buildCommand(
            displayName: "Embedding the default theme",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path, output.path, "assets/latinmodern-math.otf=" + font.path],
            inputFiles: files + [font],
            outputFiles: [output]
        )]
    }
}

/// Why the theme cannot be embedded.
enum EmbedThemeError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let message): return message
        }
    }
}
