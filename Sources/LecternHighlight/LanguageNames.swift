/// Which language a code block's class or info string names: Pandoc's and GitHub's names
/// and aliases, then each definition's own id, then the file extensions it declares.
struct LanguageNames: Sendable {
    /// Names that differ from a definition's id, as Pandoc (skylighting) and GitHub
    /// (linguist) spell them. Where an extension is claimed by several languages this decides.
    static let aliases: [String: String] = [
        "py": "python3", "python": "python3", "py3": "python3", "python2": "python", "py2": "python",
        "sage": "python3", "pyi": "python3", "gyp": "python3",
        "h": "c", "c++": "cpp", "cxx": "cpp", "cc": "cpp", "hpp": "cpp", "hxx": "cpp", "h++": "cpp", "ino": "cpp",
        "arduino": "cpp",
        "csharp": "c-sharp", "cs": "c-sharp", "c#": "c-sharp",
        "javascript": "js", "node": "js", "mjs": "js", "cjs": "js", "ecmascript": "js",
        "ts": "typescript", "tsx": "typescript-jsx",
        "mysql": "sql", "postgresql": "sql", "postgres": "sql", "psql": "sql", "plsql": "sql", "sqlite": "sql",
        "tsql": "sql", "plpgsql": "sql",
        "bash": "sh", "shell": "sh", "zsh": "sh", "ksh": "sh", "shellscript": "sh", "dash": "sh",
        "shell-session": "console", "shellsession": "console", "sh-session": "console", "terminal": "console",
        "hs": "haskell", "lhs": "haskell-literate", "literatehaskell": "haskell-literate",
        "rs": "rust", "golang": "go", "kt": "kotlin", "kts": "kotlin",
        "rscript": "r", "splus": "r", "jl": "julia", "m": "matlab",
        "jsonc": "json", "json5": "json", "geojson": "json", "ipynb": "json",
        "yml": "yaml", "svg": "xml", "xsd": "xml", "rss": "xml", "plist": "xml", "wsdl": "xml", "xaml": "xml",
        "htm": "html", "xhtml": "html",
        "tex": "latex", "context": "latex", "bib": "bibtex",
        "md": "markdown", "pandoc": "markdown", "rmarkdown": "markdown", "rmd": "markdown", "qmd": "markdown",
        "dockerfile": "docker", "containerfile": "docker",
        "make": "makefile", "mf": "makefile", "gnumake": "makefile", "bsdmake": "makefile", "mk": "makefile",
        "patch": "diff", "udiff": "diff",
        "g4": "antlr", "antlr4": "antlr",
        "rb": "ruby", "pl": "perl", "ml": "ocaml", "fs": "fsharp", "f#": "fsharp", "erl": "erlang",
        "objectivec": "objc", "obj-c": "objc", "objective-c": "objc", "scm": "scheme",
        "lisp": "commonlisp", "cl": "commonlisp", "f90": "fortran", "f95": "fortran",
        "delphi": "pascal", "objectpascal": "pascal", "cfg": "ini", "dosini": "ini",
        "vb": "vbnet", "vb.net": "vbnet", "ps1": "powershell", "pwsh": "powershell", "protobuf": "proto",
        "sv": "systemverilog", "gawk": "awk", "cu": "cuda", "sol": "solidity", "tf": "terraform", "hcl": "terraform",
        "restructuredtext": "rst", "adoc": "asciidoc", "graphviz": "dot", "bison": "yacc", "flex": "lex",
        "po": "gettext-translation", "gettext": "gettext-translation", "pp": "puppet", "spec": "rpmspec",
        "batch": "dosbatch", "bat": "dosbatch", "cmd": "dosbatch", "pug": "jade", "xsl": "xslt",
        "actionscript3": "actionscript", "elisp": "commonlisp", "emacs-lisp": "commonlisp",
    ]

    private let byName: [String: String]
    /// Every language with the names that select it (its id among them unless another
    /// language took that name), sorted by id.
    let listing: [(id: String, name: String, aliases: [String])]

    init(library: LanguageLibrary) {
        var byName: [String: String] = [:]
        for id in library.fileNames.keys.sorted() where id != "def" {
            byName[id.lowercased()] = id
        }
        for (alias, id) in Self.aliases where library.fileNames[id] != nil {
            byName[alias] = id
        }
        for id in library.fileNames.keys.sorted() {
            for glob in library.globs[id] ?? [] where glob.hasPrefix("*.") {
                let extensionName = String(glob.dropFirst(2)).lowercased()
                guard !extensionName.contains("*"), !extensionName.contains("["), byName[extensionName] == nil else { continue }
                byName[extensionName] = id
            }
        }
        self.byName = byName
        var aliasesByID: [String: [String]] = [:]
        for (name, id) in byName { aliasesByID[id, default: []].append(name) }
        listing = library.fileNames.keys.filter { $0 != "def" && !library.isComponent($0) }.sorted().map { id in
            (id, library.displayNames[id] ?? id, (aliasesByID[id] ?? []).sorted())
        }
    }

    /// The language id a block names, or nil.
    func language(for name: String) -> String? {
        byName[name.lowercased()]
    }
}
