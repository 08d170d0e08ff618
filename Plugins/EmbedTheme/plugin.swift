import Foundation
import PackagePlugin

/// Compiles the default theme in `Templates/` into the binary, so `lectern` needs no
/// resource folder beside it.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appendingPathComponent("Templates")
        let files = (FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DefaultTheme.swift")
        return [.buildCommand(
            displayName: "Embedding the default theme",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: files,
            outputFiles: [output]
        )]
    }
}
