/// Names the built site uses for itself at its root. A lesson or file of the course published
/// under one of them would replace the home page, the search page or the theme's assets.
public enum ReservedNames {
    /// Files the site writes at its root.
    public static let files: Set<String> = ["index.html", "404.html", "sitemap.xml"]
    /// Folders the site writes at its root.
    public static let folders: Set<String> = ["assets", "search"]

    /// The reserved name a path relative to the site root would take, if any.
    static func clash(_ output: String) -> String? {
        if files.contains(output) { return output }
        let first = output.split(separator: "/", maxSplits: 1).first.map(String.init) ?? output
        return folders.contains(first) ? first + "/" : nil
    }

    /// Errors for lessons and files whose output would take a reserved name or a lesson's page.
    static func check(lessons: [(path: String, line: Int)], assets: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pages: Set<String> = []
        for lesson in lessons {
            let folder = String(lesson.path.dropLast(3))
            pages.insert(folder)
            if let name = clash(folder) {
                diagnostics.append(Diagnostic("content.reserved-name",
                                              ["what": "lesson", "path": lesson.path, "clash": "would be published as", "name": name, "remedy": "rename the file"],
                                              file: "Content/course.yml", range: SourceRange(line: lesson.line, column: 1)))
            }
        }
        for asset in assets {
            let page = pages.first { asset.hasPrefix($0 + "/index.html") || asset.hasPrefix($0 + "/slides/") }
            guard let name = clash(asset) ?? page.map({ $0 + "/" }) else { continue }
            let clash = name == asset ? "is published as" : "would be published inside"
            diagnostics.append(Diagnostic("content.reserved-name",
                                          ["what": "file", "path": asset, "clash": clash, "name": name, "remedy": "rename or move it"],
                                          file: "Content/" + asset, range: SourceRange(line: 1, column: 1)))
        }
        return diagnostics
    }
}
