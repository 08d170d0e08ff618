/// `Content/course.yml`, typed, with defaults.
public struct CourseConfig: Sendable {
    /// A module: a titled, ordered group of lessons.
    public struct Module: Sendable {
        /// The module title.
        public var title: String
        /// Lesson paths relative to `Content/`.
        public var lessons: [String]
        /// Where the module is declared in course.yml.
        public var line: Int
        /// The line of each lesson entry.
        public var lessonLines: [Int]
    }

    /// The course title.
    public var title = "Untitled course"
    /// A subtitle.
    public var subtitle: String?
    /// A paragraph for the home page.
    public var description: String?
    /// The stable key for learner progress.
    public var id = "course"
    /// Authors.
    public var authors: [String] = []
    /// The language tag for pages.
    public var language = "en"
    /// The licence line.
    public var license: String?
    /// The absolute URL prefix the site is published under, if known (enables the sitemap).
    public var baseURL: String?
    /// When true, raw HTML in lessons is not passed through.
    public var safe = false
    /// Modules in order.
    public var modules: [Module] = []
    /// Math macros for every lesson, from `math: {macros: {'\\RR': '\\mathbb{R}'}}`.
    public var mathMacros: [String: String] = [:]
    /// Keys Lectern does not know, passed to templates.
    public var extra: [String: YAMLValue] = [:]

    /// Creates the default configuration.
    public init() {}

    /// Keys course.yml may have.
    public static let knownKeys = ["title", "subtitle", "description", "id", "author", "authors", "language",
                                   "license", "base_url", "safe", "modules", "math"]

    /// `math:` holds `macros:`, a map from a command (with its backslash) to its TeX.
    static func readMathMacros(_ value: YAMLValue, reader: inout YAMLReader) -> [String: String] {
        guard case .mapping(let pairs, _, _) = value else {
            reader.bag.report("metadata.type", ["key": "math", "expected": "a mapping with 'macros'"], at: SourceRange(line: value.line, column: 1))
            return [:]
        }
        var macros: [String: String] = [:]
        for pair in pairs {
            guard pair.key == "macros" else {
                reader.unknownKey(pair.key, line: pair.line, known: ["macros"])
                continue
            }
            guard case .mapping(let definitions, _, _) = pair.value else {
                reader.bag.report("metadata.type", ["key": "math.macros", "expected": "a mapping of commands such as '\\RR' to their TeX"],
                                  at: SourceRange(line: pair.value.line, column: 1))
                continue
            }
            for definition in definitions {
                guard let text = reader.string(definition.value, key: definition.key) else { continue }
                macros[definition.key] = text
            }
        }
        return macros
    }

    /// Reads course.yml text; problems are reported with `file` and lines.
    public static func read(_ text: String, file: String, bag: inout DiagnosticBag) -> CourseConfig {
        var config = CourseConfig()
        let previousFile = bag.file
        bag.file = file
        defer { bag.file = previousFile }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let root = YAMLLoader.load(text, firstLine: 1, fileLines: lines, bag: &bag) else { return config }
        guard case .mapping(let pairs, _, _) = root else {
            bag.report("course.not-a-mapping",
                      at: SourceRange(line: root.line, column: root.column))
            return config
        }
        var reader = YAMLReader(bag: bag)
        var sawTitle = false, sawID = false
        for pair in pairs {
            let value = pair.value
            switch pair.key {
            case "title": config.title = reader.string(value, key: "title") ?? config.title; sawTitle = true
            case "subtitle": config.subtitle = reader.string(value, key: "subtitle")
            case "description": config.description = reader.string(value, key: "description")
            case "id": config.id = reader.string(value, key: "id") ?? config.id; sawID = true
            case "author", "authors": config.authors = reader.strings(value, key: pair.key)
            case "language": config.language = reader.string(value, key: "language") ?? "en"
            case "license": config.license = reader.string(value, key: "license")
            case "base_url": config.baseURL = reader.string(value, key: "base_url")
            case "safe": config.safe = reader.bool(value, key: "safe") ?? false
            case "modules": config.modules = readModules(value, reader: &reader)
            case "math": config.mathMacros = readMathMacros(value, reader: &reader)
            default:
                config.extra[pair.key] = value
                reader.unknownKey(pair.key, line: pair.line, known: knownKeys)
            }
        }
        bag = reader.bag
        if !sawTitle {
            bag.report("course.missing-title", at: SourceRange(line: 1, column: 1))
        }
        if !sawID { config.id = Slug.make(config.title) }
        return config
    }

    private static func readModules(_ value: YAMLValue, reader: inout YAMLReader) -> [Module] {
        guard case .sequence(let items, _, _) = value else {
            reader.bag.report("metadata.type", ["key": "modules", "expected": "a list of modules, each with a title and lessons"],
                             at: SourceRange(line: value.line, column: value.column))
            return []
        }
        return items.compactMap { item -> Module? in
            guard case .mapping(let pairs, let line, let column) = item else {
                reader.bag.report("metadata.type", ["key": "module", "expected": "a mapping with 'title' and 'lessons'"],
                                 at: SourceRange(line: item.line, column: item.column))
                return nil
            }
            var module = Module(title: "", lessons: [], line: line, lessonLines: [])
            for pair in pairs {
                switch pair.key {
                case "title": module.title = reader.string(pair.value, key: "title") ?? ""
                case "lessons":
                    if case .sequence(let lessons, _, _) = pair.value {
                        for lesson in lessons {
                            guard let path = reader.string(lesson, key: "lessons") else { continue }
                            module.lessons.append(path)
                            module.lessonLines.append(lesson.line)
                        }
                    } else {
                        reader.bag.report("metadata.type", ["key": "lessons", "expected": "a list of lesson paths"],
                                         at: SourceRange(line: pair.value.line, column: pair.value.column))
                    }
                default:
                    reader.unknownKey(pair.key, line: pair.line, known: ["title", "lessons"])
                }
            }
            if module.title.isEmpty {
                reader.bag.report("course.module-title", at: SourceRange(line: line, column: column))
            }
            return module
        }
    }
}

/// URL-safe slugs.
public enum Slug {
    /// Lowercase letters and digits joined by single hyphens.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                out.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "course" : out
    }
}
