import ArgumentParser
import LecternCore

/// The `lectern` command: builds, checks and serves Pandoc-markdown courses.
struct Lectern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Build course websites, slide decks and quizzes from Pandoc-flavoured markdown.",
        version: LecternVersion.current,
        subcommands: [New.self, Build.self, Check.self, Serve.self, Dump.self]
    )
}

/// The version printed by `lectern --version`.
enum LecternVersion {
    static let current = "0.1.0"
}
