/// One kind of problem: a stable id, the severity every report of it has, and what it means.
public struct DiagnosticKind: Hashable, Sendable {
    /// The stable identifier, such as `div.unclosed`.
    public let id: String
    /// The severity of every diagnostic of this kind.
    public let severity: Diagnostic.Severity
    /// What it means, as `docs/diagnostics.md` lists it.
    public let summary: String
}

/// Every diagnostic Lectern reports, in one table: code names an id, the catalogue gives
/// its severity, and `docs/diagnostics.md` lists the same rows (a test keeps them in step).
public enum DiagnosticCatalog {
    /// All kinds, grouped by area.
    public static let all: [DiagnosticKind] = [
        kind("yaml.syntax", .error, "the YAML of course.yml or of a front matter block does not parse"),
        kind("yaml.duplicate-key", .error, "a YAML mapping has the same key twice"),
        kind("yaml.too-deep", .error, "YAML nested too deeply to be read"),
        kind("metadata.type", .error, "a known key has a value of the wrong type"),
        kind("metadata.unknown-key", .warning, "a key Lectern does not know; the closest known key is suggested"),
        kind("metadata.missing-title", .warning, "a lesson without a title, which takes its first heading or its file name"),
        kind("metadata.not-a-mapping", .error, "front matter that is not a mapping of keys to values"),
        kind("course.missing-title", .error, "course.yml has no title"),
        kind("course.module-title", .error, "a module in course.yml has no title"),
        kind("course.not-a-mapping", .error, "course.yml is not a mapping of keys to values"),
        kind("course.missing-lesson", .error, "course.yml lists a file that does not exist, or one outside Content/"),
        kind("course.duplicate-lesson", .error, "course.yml lists one file twice"),
        kind("course.unlisted-lesson", .warning, "a markdown file under Content/ that course.yml does not list"),
        kind("content.link-outside", .error, "a symbolic link under Content/ that resolves outside it; it is not published"),
        kind("content.link-broken", .warning, "a symbolic link under Content/ that points to nothing; it is left out"),
        kind("content.reserved-name", .error, "a lesson or file that would be published under a name the site uses (index.html, 404.html, sitemap.xml, assets/, search/) or over a lesson's page"),
        kind("lesson.unreadable", .error, "a lesson file that cannot be read"),
        kind("lesson.duplicate-id", .error, "two lessons with one progress id"),
        kind("lesson.unknown-prerequisite", .error, "a prerequisite that is not a lesson of the course"),
        kind("div.unclosed", .warning, "a fenced div without its closing `:::`, which the end of the file closes"),
        kind("div.stray-close", .error, "a closing `:::` with no open div"),
        kind("div.stray-text", .warning, "a `:::` line inside a paragraph with no div open, which stays text"),
        kind("div.closed-by-quote", .warning, "a fenced div inside a block quote that the end of the quote closes"),
        kind("div.crosses-block", .warning, "a div fence that crosses the end of a list or quote; the div ends with the list or quote"),
        kind("div.too-deep", .error, "fenced divs nested past the limit"),
        kind("div.malformed-attributes", .error, "a div fence whose attribute list cannot be read"),
        kind("div.interrupts-paragraph", .warning, "a `:::` line directly under a paragraph line, which Pandoc reads as text"),
        kind("attributes.malformed", .warning, "an attribute list that cannot be read; its braces are kept as text"),
        kind("attributes.unattached", .warning, "an attribute list with nothing to attach to"),
        kind("nesting.too-deep", .error, "blocks nested past the limit; deeper content is flattened"),
        kind("link.missing-lesson", .error, "a link to a lesson that is not in the course"),
        kind("link.missing-anchor", .error, "a link to an id that is not on the target page"),
        kind("link.missing-file", .error, "a link to a file that does not exist in Content/, or climbs out of it"),
        kind("link.unlisted-file", .warning, "a link to a markdown file that is not a lesson, which is published as it is"),
        kind("link.folder", .warning, "a link to a folder, whose files are published with no page listing them"),
        kind("link.no-name", .warning, "a link holding only an image without alt text, which has no accessible name"),
        kind("link.outside", .warning, "a link that climbs out of Content/, which cannot be checked"),
        kind("link.draft", .warning, "a link to a draft lesson, which is built only with --drafts"),
        kind("image.missing", .error, "an image file that does not exist in Content/"),
        kind("slide.overfull", .warning, "a slide whose content would need scaling below 60% to fit the canvas, where it scrolls"),
        kind("id.duplicate", .error, "two elements with one id on a page"),
        kind("quiz.no-correct", .error, "a choice question with no correct option"),
        kind("quiz.several-correct", .error, "a single-choice question with several correct options"),
        kind("quiz.no-options", .error, "a choice question without options"),
        kind("quiz.no-blanks", .error, "a fill-in question without a blank"),
        kind("quiz.order-items", .error, "an ordering question with fewer than two items"),
        kind("quiz.empty", .error, "a quiz without questions"),
        kind("quiz.empty-question", .error, "a question without text"),
        kind("quiz.empty-option", .error, "an option without text"),
        kind("quiz.empty-blank", .error, "a blank without an answer"),
        kind("quiz.no-checkbox", .error, "an option line without `[ ]` or `[x]`"),
        kind("quiz.stray-feedback", .error, "a quote that is neither under an option nor the explanation after the options"),
        kind("quiz.bad-number", .error, "a numeric answer or tolerance that is not a number"),
        kind("quiz.bad-attribute", .error, "a quiz attribute with a value that does not make sense"),
        kind("quiz.pass-too-high", .error, "a pass mark above the number of questions"),
        kind("quiz.duplicate-id", .error, "two quizzes with one id in a lesson"),
        kind("quiz.unknown-attribute", .warning, "a quiz attribute Lectern does not know"),
        kind("math.unknown-command", .warning, "a TeX command in math that Lectern does not know; it is shown in red"),
        kind("math.invalid", .warning, "math that cannot be read (unbalanced braces, a missing \\end); it is shown as TeX"),
        kind("component.unknown", .warning, "a class one or two letters from a component's, which renders as a plain div"),
        kind("table.grid-misaligned", .warning, "a grid table whose rows do not line up with its first border; kept as text"),
        kind("template.syntax", .error, "a theme template that does not parse"),
        kind("template.missing", .error, "a template every theme needs is missing"),
        kind("template.missing-partial", .error, "a partial that does not exist in the theme or in Templates/"),
    ]

    private static func kind(_ id: String, _ severity: Diagnostic.Severity, _ summary: String) -> DiagnosticKind {
        DiagnosticKind(id: id, severity: severity, summary: summary)
    }

    /// Kinds by id.
    public static let byID: [String: DiagnosticKind] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The severity of an id; ids missing from the catalogue are errors (a test keeps them out).
    public static func severity(of id: String) -> Diagnostic.Severity {
        byID[id]?.severity ?? .error
    }
}
