import Foundation
import LecternCore

/// What `lectern new` writes: a small course that builds cleanly.
public enum CourseScaffold {
    /// Why a scaffold was refused.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// `PATH/Content` already exists.
        case exists(String)

        /// A sentence for the terminal.
        public var description: String {
            switch self {
            case .exists(let path): return "'\(path)' already has a Content/ folder; not touching it"
            }
        }
    }

    /// The files of a new course, by path relative to its folder.
    public static func files(title: String) -> [String: String] {
        let id = Slug.make(title)
        return [
            ".gitignore": "Public/\n",
            "Content/course.yml": """
                title: \(yamlQuoted(title))
                id: \(id)
                description: What learners will be able to do after this course.
                language: en
                modules:
                  - title: Getting started
                    lessons: [getting-started/welcome.md, getting-started/first-steps.md]

                """,
            "Content/getting-started/welcome.md": """
                ---
                title: Welcome
                description: What this course covers and how to use the site.
                level: beginner
                objectives:
                  - Find your way around the course
                ---

                ## How this course works

                Each lesson is a page you can read, and a slide deck made from the same text.

                ::: {.callout-tip title="Tip"}
                Press `/` on any page to search all lessons.
                :::

                ![How lessons are built](images/flow.svg)

                Continue with [the first steps](first-steps.md).

                """,
            "Content/getting-started/first-steps.md": """
                ---
                title: First Steps
                level: beginner
                ---

                ## Writing a lesson

                Lessons are Pandoc markdown: *emphasis*, `code`, math such as $e^{i\\pi} + 1 = 0$,
                tables and fenced divs.

                | Part | Where |
                |------|-------|
                | Lessons | `Content/` |
                | Theme overrides | `Templates/` |

                ::: notes
                Speaker notes appear in the slides' speaker view only.
                :::

                """,
            "Content/getting-started/images/flow.svg": """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 80" role="img" aria-labelledby="t">
                <title id="t">Markdown becomes pages and slides</title>
                <rect x="5" y="20" width="110" height="40" rx="6" fill="#e8eef9" stroke="#2f5fb3"/>
                <text x="60" y="45" font-family="sans-serif" font-size="14" text-anchor="middle">Markdown</text>
                <rect x="245" y="20" width="110" height="40" rx="6" fill="#e8eef9" stroke="#2f5fb3"/>
                <text x="300" y="45" font-family="sans-serif" font-size="14" text-anchor="middle">Site</text>
                <path d="M115 40H240" stroke="#2f5fb3" stroke-width="2"/>
                </svg>

                """,
        ]
    }

    /// Writes a new course into `path`, creating it if needed; refuses an existing course.
    public static func create(at path: String, title: String) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: (path as NSString).appendingPathComponent("Content")) {
            throw Failure.exists(path)
        }
        for (relative, text) in files(title: title) {
            let destination = (path as NSString).appendingPathComponent(relative)
            try fileManager.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: destination), options: .withoutOverwriting)
        }
    }

    private static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
