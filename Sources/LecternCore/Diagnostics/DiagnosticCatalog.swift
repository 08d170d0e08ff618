import LecternText
/// One kind of problem: a stable id, the severity every report of it has, what it means,
/// and the template of its message.
public struct DiagnosticKind: Hashable, Sendable {
    /// The stable identifier, such as `div.unclosed`.
    public let id: String
    /// The severity of every diagnostic of this kind.
    public let severity: Diagnostic.Severity
    /// What it means, as `docs/diagnostics.md` lists it.
    public let summary: String
    /// The message, with `{{name}}` where a report supplies the value named `name`.
    public let template: String

    /// The names the template asks for, in order.
    public var placeholders: [String] {
        var names: [String] = []
        walkTemplate(literal: { _ in }, placeholder: { name, _ in names.append(name) })
        return names
    }

    /// The message with each placeholder replaced by its value. A report must give exactly
    /// the names the template asks for; a test checks every report in the sources.
    public func message(_ arguments: [String: String]) -> String {
        assert(Set(arguments.keys) == Set(placeholders), "\(id) takes \(placeholders), not \(arguments.keys.sorted())")
        // One pass over the template: a value is never read again for placeholders.
        var message = ""
        walkTemplate(literal: { message += $0 }, placeholder: { name, written in message += arguments[name] ?? String(written) })
        return message
    }

    /// Reads the template in order: each run of text, and each `{{name}}` with its name and
    /// the text as written.
    private func walkTemplate(literal: (Substring) -> Void, placeholder: (String, Substring) -> Void) {
        var rest = Substring(template)
        while let open = rest.firstByteRange(of: "{{"), let close = rest[open.upperBound...].firstByteRange(of: "}}") {
            literal(rest[..<open.lowerBound])
            placeholder(String(rest[open.upperBound..<close.lowerBound]), rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        literal(rest)
    }
}

/// Every diagnostic Lectern reports, in one table: code names an id, the catalogue gives
/// its severity, and `docs/diagnostics.md` lists the same rows (a test keeps them in step).
public enum DiagnosticCatalog {
    /// All kinds, grouped by area.
    public static let all: [DiagnosticKind] = [
        kind("yaml.syntax", .error, "the YAML of course.yml or of a front matter block does not parse",
             "invalid YAML: {{problem}}"),
        kind("yaml.duplicate-key", .error, "a YAML mapping has the same key twice",
             "duplicate key '{{keys}}'"),
        kind("yaml.too-deep", .error, "YAML nested too deeply to be read",
             "YAML is nested more than {{limit}} levels deep"),
        kind("metadata.type", .error, "a known key has a value of the wrong type",
             "'{{key}}' must be {{expected}}"),
        kind("metadata.unknown-key", .warning, "a key Lectern does not know; the closest known key is suggested",
             "unknown key '{{key}}'{{suggestion}}"),
        kind("metadata.missing-title", .warning, "a lesson without a title, which takes its first heading or its file name",
             "lesson has no 'title:' in its front matter; its title is taken from {{source}}, '{{title}}'"),
        kind("metadata.not-a-mapping", .error, "front matter that is not a mapping of keys to values",
             "front matter must be a mapping of keys to values"),
        kind("course.missing-title", .error, "course.yml has no title",
             "course.yml has no 'title'"),
        kind("course.module-title", .error, "a module in course.yml has no title",
             "module has no 'title'"),
        kind("course.not-a-mapping", .error, "course.yml is not a mapping of keys to values",
             "course.yml must be a mapping of keys to values"),
        kind("course.missing-lesson", .error, "course.yml lists a file that does not exist, or one outside Content/",
             "lesson '{{path}}' {{problem}}"),
        kind("course.duplicate-lesson", .error, "course.yml lists one file twice",
             "'{{path}}' is listed twice in course.yml"),
        kind("course.unlisted-lesson", .warning, "a markdown file under Content/ that course.yml does not list",
             "'{{path}}' is not listed in course.yml and is not built"),
        kind("content.link-outside", .error, "a symbolic link under Content/ that resolves outside it; it is not published",
             "'{{path}}' is a symbolic link to '{{target}}', outside Content/; it is not published"),
        kind("content.link-broken", .warning, "a symbolic link under Content/ that points to nothing; it is left out",
             "'{{path}}' is a symbolic link to nothing; it is left out"),
        kind("content.reserved-name", .error, "a lesson or file that would be published under a name the site uses (index.html, 404.html, sitemap.xml, assets/, search/) or over a lesson's page",
             "{{what}} '{{path}}' {{clash}} '{{name}}', which the site uses for itself; {{remedy}}"),
        kind("lesson.unreadable", .error, "a lesson file that cannot be read",
             "cannot read '{{path}}'"),
        kind("lesson.duplicate-id", .error, "two lessons with one progress id",
             "lesson id '{{id}}' is also used by {{other}}"),
        kind("lesson.unknown-prerequisite", .error, "a prerequisite that is not a lesson of the course",
             "prerequisite '{{path}}' is not a lesson of this course"),
        kind("div.unclosed", .warning, "a fenced div without its closing `:::`, which the end of the file closes",
             "fenced div is not closed; add a line of ':::' to close it"),
        kind("div.stray-close", .error, "a closing `:::` with no open div",
             "closing ':::' has no fenced div to close"),
        kind("div.stray-text", .warning, "a `:::` line inside a paragraph with no div open, which stays text",
             "':::' with no fenced div open is text of this paragraph"),
        kind("div.closed-by-quote", .warning, "a fenced div inside a block quote that the end of the quote closes",
             "fenced div inside a block quote is not closed; it ends with the quote"),
        kind("div.crosses-block", .warning, "a div fence that crosses the end of a list or quote; the div ends with the list or quote",
             "{{div}} crosses the end of the {{container}}; it ends there"),
        kind("div.too-deep", .error, "fenced divs nested past the limit",
             "{{divs}} are nested more than {{limit}} deep; deeper {{outcome}}"),
        kind("div.malformed-attributes", .error, "a div fence whose attribute list cannot be read",
             "malformed attribute list: {{problem}}"),
        kind("div.interrupts-paragraph", .warning, "a `:::` line directly under a paragraph line, which Pandoc reads as text",
             "a fenced div cannot start inside a paragraph; add a blank line before it"),
        kind("attributes.malformed", .warning, "an attribute list that cannot be read; its braces are kept as text",
             "malformed attribute list: {{problem}}"),
        kind("attributes.unattached", .warning, "an attribute list with nothing to attach to",
             "attributes must follow a link, an image, inline code or a [bracketed span]; kept as text"),
        kind("nesting.too-deep", .error, "blocks nested past the limit; deeper content is flattened",
             "blocks are nested more than {{limit}} deep; deeper content is flattened"),
        kind("link.missing-lesson", .error, "a link to a lesson that is not in the course",
             "link to '{{target}}', which is not a lesson of this course"),
        kind("link.missing-anchor", .error, "a link to an id that is not on the target page",
             "{{page}} has no heading or element with id '{{id}}'"),
        kind("link.missing-file", .error, "a link to a file that does not exist in Content/, or climbs out of it",
             "link to '{{target}}', which does not exist in Content/"),
        kind("link.unlisted-file", .warning, "a link to a markdown file that is not a lesson, which is published as it is",
             "link to '{{target}}', a markdown file that is not a lesson of this course; it is published as it is"),
        kind("link.folder", .warning, "a link to a folder, whose files are published with no page listing them",
             "link to the folder '{{target}}'; its files are published, but no page lists them"),
        kind("link.no-name", .warning, "a link holding only an image without alt text, which has no accessible name",
             "this link holds only an image without alt text, so screen readers have no name for it; write the alt text in ![…]"),
        kind("link.outside", .warning, "a link that climbs out of Content/, which cannot be checked",
             "'{{target}}' climbs out of Content/, so it cannot be checked; it is written as it is"),
        kind("link.draft", .warning, "a link to a draft lesson, which is built only with --drafts",
             "link to '{{target}}', the draft lesson '{{title}}', which is not built without --drafts"),
        kind("image.missing", .error, "an image file that does not exist in Content/",
             "image '{{path}}' {{problem}}"),
        kind("slide.overfull", .warning, "a slide whose content would need scaling below 60% to fit the canvas, where it scrolls",
             "slide {{title}} would need scaling to about {{percent}}% to fit the canvas, below the 60% at which it scrolls; split or shorten it, or mark it {.scrollable}"),
        kind("id.duplicate", .error, "two elements with one id on a page",
             "id '{{id}}' is used twice on this page"),
        kind("quiz.no-correct", .error, "a choice question with no correct option",
             "quiz question has no correct option; mark one with '[x]'"),
        kind("quiz.several-correct", .error, "a single-choice question with several correct options",
             "{{count}} options are marked correct in a single-choice question; use type=multiple or mark one"),
        kind("quiz.no-options", .error, "a choice question without options",
             "question has neither options ('- [ ]' items) nor blanks"),
        kind("quiz.no-blanks", .error, "a fill-in question without a blank",
             "question has no blanks ('[answer]{.blank}')"),
        kind("quiz.order-items", .error, "an ordering question with fewer than two items",
             "an ordering question needs two or more items in an ordered list"),
        kind("quiz.empty", .error, "a quiz without questions",
             "quiz has no questions; number them as an ordered list or use '::: question' divs"),
        kind("quiz.empty-question", .error, "a question without text",
             "question has no text"),
        kind("quiz.empty-option", .error, "an option without text",
             "option has no text"),
        kind("quiz.empty-blank", .error, "a blank without an answer",
             "blank has no answer; write it inside the brackets"),
        kind("quiz.no-checkbox", .error, "an option line without `[ ]` or `[x]`",
             "every option needs a box: '- [ ]' or '- [x]'"),
        kind("quiz.stray-feedback", .error, "a quote that is neither under an option nor the explanation after the options",
             "feedback must be indented under an option, or {{instead}}"),
        kind("quiz.bad-number", .error, "a numeric answer or tolerance that is not a number",
             "{{what}} '{{value}}' is not {{expected}}"),
        kind("quiz.bad-attribute", .error, "a quiz attribute with a value that does not make sense",
             "'{{name}}' must be {{expected}}"),
        kind("quiz.pass-too-high", .error, "a pass mark above the number of questions",
             "'pass' asks for {{required}} right answers but the quiz has {{total}} questions"),
        kind("quiz.duplicate-id", .error, "two quizzes with one id in a lesson",
             "quiz id '{{id}}' is used twice in this lesson"),
        kind("quiz.unknown-attribute", .warning, "a quiz attribute Lectern does not know",
             "unknown {{element}} attribute '{{name}}'{{suggestion}}"),
        kind("math.unknown-command", .warning, "a TeX command in math that Lectern does not know; it is shown in red",
             "unknown math command '{{command}}'{{suggestion}}"),
        kind("math.invalid", .warning, "math that cannot be read (unbalanced braces, a missing \\end); it is shown as TeX",
             "math that cannot be read: {{problem}}"),
        kind("component.unknown", .warning, "a class one or two letters from a component's, which renders as a plain div",
             "unknown class '{{name}}'; did you mean '{{suggestion}}'?"),
        kind("table.too-wide", .warning, "a table (of any kind) with more columns than Lectern reads as a table; kept as text",
             "a table of more than {{limit}} columns; it is kept as text"),
        kind("table.grid-misaligned", .warning, "a grid table whose rows do not line up with its first border; kept as text",
             "this grid table's columns do not line up with its first border; it is kept as text"),
        kind("template.syntax", .error, "a theme template that does not parse",
             "template syntax error: {{problem}}"),
        kind("template.missing", .error, "a template every theme needs is missing",
             "the theme has no '{{name}}.mustache' template"),
        kind("template.missing-partial", .error, "a partial that does not exist in the theme or in Templates/",
             "template '{{name}}' does not exist in the theme or in Templates/"),
    ]

    private static func kind(_ id: String, _ severity: Diagnostic.Severity, _ summary: String, _ template: String) -> DiagnosticKind {
        DiagnosticKind(id: id, severity: severity, summary: summary, template: template)
    }

    /// Kinds by id.
    public static let byID: [String: DiagnosticKind] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The severity of an id; ids missing from the catalogue are errors (a test keeps them out).
    public static func severity(of id: String) -> Diagnostic.Severity {
        byID[id]?.severity ?? .error
    }

    /// The message of a report of `id` with these values.
    public static func message(_ id: String, _ arguments: [String: String]) -> String {
        byID[id]?.message(arguments) ?? id
    }
}
