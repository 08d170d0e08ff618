import Foundation
@testable import LecternSite
import Testing

/// How the theme's checks read a template's tags, and which page values the templates name.
@Suite struct TemplateTagsTests {
    typealias Tag = TemplateTag

    @Test func tagsAreReadWithTheirDepthIndentationAndPlace() throws {
        let tags = try #require(TemplateTags.certain(TemplateTags.scan("a{{x}}\n  {{> p }}\n{{#s}}{{{y}}}{{&z}}{{/s}}{{! one\n two }}{{<l}}{{$b}}{{/b}}{{/l}}\té{{uppercased(w)}}")))
        #expect(tags == [
            Tag(kind: .variable, name: "x", depth: 0, indented: false, line: 1, column: 2),
            Tag(kind: .partial, name: "p", depth: 0, indented: true, line: 2, column: 3),
            Tag(kind: .section, name: "s", depth: 0, indented: false, line: 3, column: 1),
            Tag(kind: .variable, name: "y", depth: 1, indented: false, line: 3, column: 7),
            Tag(kind: .variable, name: "z", depth: 1, indented: false, line: 3, column: 14),
            Tag(kind: .close, name: "s", depth: 0, indented: false, line: 3, column: 20),
            Tag(kind: .comment, name: "one\n two", depth: 0, indented: false, line: 3, column: 26),
            Tag(kind: .parent, name: "l", depth: 0, indented: false, line: 4, column: 8),
            Tag(kind: .block, name: "b", depth: 1, indented: false, line: 4, column: 14),
            Tag(kind: .close, name: "b", depth: 1, indented: false, line: 4, column: 20),
            Tag(kind: .close, name: "l", depth: 0, indented: false, line: 4, column: 26),
            Tag(kind: .variable, name: "uppercased(w)", depth: 0, indented: false, line: 4, column: 34),
        ])
        #expect(TemplateTags.certain(TemplateTags.scan("x {{=<% %>=}} <%y%>")) == nil)
        #expect(TemplateTags.certain(TemplateTags.scan("{{>*dynamic}}")) == nil)
        #expect(TemplateTags.certain(TemplateTags.scan("{{<*dynamic}}{{/dynamic}}")) == nil)
        #expect(TemplateTags.certain(TemplateTags.scan("{{open")) == nil)
    }

    @Test func aScanStopsWhereTheDelimitersChangeOrATagIsLeftOpen() {
        let changed = TemplateTags.scan("{{>a}}\n{{=<% %>=}}\n<%>b%>{{>c}}")
        #expect(changed.complete)
        #expect(changed.tags.map(\.kind) == [.partial, .delimiters])
        let open = TemplateTags.scan("{{>a}} {{>b")
        #expect(!open.complete)
        #expect(open.tags.map(\.name) == ["a"])
        let dynamic = TemplateTags.scan("{{>* which }}{{<*base}}{{/base}}")
        #expect(dynamic.tags.map(\.kind) == [.dynamicPartial, .dynamicPartial, .close])
        #expect(dynamic.tags.map(\.name) == ["which", "base", "base"])
        // Mustache reads the sigil right after the braces: with a space before it, this is a variable.
        #expect(TemplateTags.scan("{{ > p}}").tags.map(\.kind) == [.variable])
    }

    @Test func theValuesTemplatesNameAreTheFirstPartsOfTheirNames() {
        let texts = ["a": "{{x.y}}{{#s}}{{.}}{{/s}}{{^t}}{{/t}}{{uppercased(z.w)}}{{>p}}{{<q}}{{$b}}{{/b}}{{/q}}{{! c }}",
                     "p": "{{{u}}}{{&v}}"]
        #expect(TemplateTags.namedValues(texts.mapValues(TemplateTags.scan)) == ["x", "s", "t", "z", "u", "v"])
        #expect(TemplateTags.namedValues(["a": "{{x}}", "b": "{{>*which}}"].mapValues(TemplateTags.scan)) == nil)
        #expect(TemplateTags.namedValues(["a": "{{x}}{{=<% %>=}}<%y%>"].mapValues(TemplateTags.scan)) == nil)
        #expect(TemplateTags.namedValues(["a": "{{x}} {{y"].mapValues(TemplateTags.scan)) == nil)
        // The built-in theme lays out the slides and the contents from HTML made in code.
        let (theme, _) = Theme.load(courseRoot: "/nonexistent")
        #expect(theme.reads("lesson") && theme.reads("slidesHTML") && theme.reads("tocHTML"))
        #expect(!theme.reads("slides") && !theme.reads("toc"))
    }
}
