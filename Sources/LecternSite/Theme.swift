import Foundation
import LecternCore
import Mustache

/// The theme: Mustache templates and assets, built-in defaults overridden file by file
/// by the course's own `Templates/` folder.
public struct Theme: @unchecked Sendable {
    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "lesson", "search", "404", "slides", "store", "page-assets", "deck-assets"]

    /// Every theme file by path relative to `Templates/`.
    public var files: [String: Data]
    /// The file names of each file, for diagnostics (`Templates/x` or the built-in theme).
    public var origins: [String: String]
    /// The parsed templates.
    public var library: MustacheLibrary
    /// The partials every page of one folder depth renders alike (see `SharedPartials`).
    var sharedPartials: Set<String> = []
    /// Whether pages get their values wrapped for speed (see `TemplateValue`). Mustache reads the
    /// name of a partial named at run time (`{{>*name}}`) only from a plain string.
    var wrapsValues = true
    /// The page values the templates name (see `TemplateTags.namedValues`); nil when unknown.
    var namedValues: Set<String>?

    /// The built-in theme's files.
    public static var builtInFiles: [String: Data] {
        DefaultTheme.textFiles.mapValues { Data($0.utf8) }
            .merging(DefaultTheme.encodedFiles.compactMapValues { Data(base64Encoded: $0) }) { text, _ in text }
    }

    /// Whether the file at `path` is the built-in theme's, not the course's own.
    func isBuiltIn(_ path: String) -> Bool {
        origins[path] == "(built-in theme)/" + path
    }

    /// Loads the built-in theme and the course's overrides; template problems are diagnostics.
    public static func load(courseRoot: String) -> (Theme, [Diagnostic]) {
        var files = builtInFiles
        var origins = Dictionary(uniqueKeysWithValues: files.keys.map { ($0, "(built-in theme)/" + $0) })
        let overrides = (courseRoot as NSString).appendingPathComponent("Templates")
        if let enumerator = FileManager.default.enumerator(atPath: overrides) {
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = (overrides as NSString).appendingPathComponent(path)
                guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = FileManager.default.contents(atPath: full) else { continue }
                files[path] = data
                origins[path] = "Templates/" + path
            }
        }
        var bag = DiagnosticBag()
        var library = MustacheLibrary()
        TemplateEscaping.registered
        var texts: [String: String] = [:]
        for (path, data) in files where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let text = String(decoding: data, as: UTF8.self)
            texts[name] = text
            do {
                library.register(try MustacheTemplate(string: TemplateEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line comes first, so the template's own lines are one further down.
                bag.add(Diagnostic("template.syntax", ["problem": describe(error.error)],
                                   file: origins[path] ?? path,
                                   range: SourceRange(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
            } catch {
                bag.add(Diagnostic("template.syntax", ["problem": "\(error)"], file: origins[path] ?? path,
                                   range: SourceRange(line: 1, column: 1)))
            }
        }
        for name in requiredTemplates where texts[name] == nil {
            bag.add(Diagnostic("template.missing", ["name": name],
                               file: "Templates/\(name).mustache", range: .unknown))
        }
        let scans = texts.mapValues(TemplateTags.scan)
        for (name, scan) in scans.sorted(by: { $0.key < $1.key }) {
            // A partial named at run time (`{{>*name}}`) is looked up only when a page renders.
            for reference in scan.tags where reference.kind == .partial || reference.kind == .parent {
                guard !reference.name.isEmpty, texts[reference.name] == nil else { continue }
                bag.add(Diagnostic("template.missing-partial", ["name": reference.name],
                                   file: origins[name + ".mustache"] ?? name,
                                   range: SourceRange(line: reference.line, column: reference.column)))
            }
        }
        var theme = Theme(files: files, origins: origins, library: library)
        theme.sharedPartials = SharedPartials.names(scans: scans, direct: Set(requiredTemplates))
        theme.wrapsValues = !scans.values.contains { $0.tags.contains { $0.kind == .dynamicPartial } }
        theme.namedValues = TemplateTags.namedValues(scans)
        return (theme, bag.all)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a closing tag does not match the open section"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is not closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }

    /// Renders a template, with `library` in place of the theme's own when given; only called
    /// with names checked at load time.
    func render(_ context: [String: Any], template: String, library: MustacheLibrary? = nil) -> String {
        (library ?? self.library).render(prepared(context), withTemplate: template) ?? ""
    }

    /// Whether a template may read the page value `name`: a value none names need not be made.
    func reads(_ name: String) -> Bool { namedValues?.contains(name) ?? true }

    /// Values as this theme's templates get them: wrapped, unless a template names a partial at run time.
    func prepared(_ values: Any) -> Any { wrapsValues ? TemplateValue.wrap(values) : values }
}
