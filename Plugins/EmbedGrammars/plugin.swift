import Foundation
import PackagePlugin

/// Compiles the highlighter's language definitions into the binary: GtkSourceView's, as
/// Debian's `libgtksourceview-5-common` installs them (LGPL-2.1-or-later; Scripts/setup.sh
/// installs the package), and Lectern's own in `Grammars/` (same format), which win on a
/// shared file name.
@main
struct EmbedGrammars: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let own = context.package.directoryURL.appendingPathComponent("Grammars")
        let system = URL(fileURLWithPath: "/usr/share/gtksourceview-5/language-specs")
        let ownFiles = Self.langFiles(in: own)
        let ownNames = Set(ownFiles.map(\.lastPathComponent))
        let systemFiles = Self.langFiles(in: system).filter { !ownNames.contains($0.lastPathComponent) }
        guard !systemFiles.isEmpty else {
            throw EmbedGrammarsError.missing("\(system.path) has no language definitions: install Debian's libgtksourceview-5-common (Scripts/setup.sh does)")
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedGrammars.swift")
        return [.buildCommand(
            displayName: "Embedding language definitions",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: ["--type", "EmbeddedGrammars", own.path, output.path]
                + systemFiles.map { $0.lastPathComponent + "=" + $0.path },
            inputFiles: ownFiles + systemFiles,
            outputFiles: [output]
        )]
    }

    private static func langFiles(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "lang" }
            .sorted { $0.path < $1.path }
    }
}

/// Why the definitions cannot be embedded.
enum EmbedGrammarsError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let message): return message
        }
    }
}
