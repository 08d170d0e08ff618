@testable import LecternCore
import Testing

@Suite struct AttributeParserTests {
    static func parse(_ text: String) -> AttributeParser.Result {
        AttributeParser.parse(Array(text.utf8), from: 0)
    }

    @Test func readsIdClassesAndPairsInOrder() {
        guard case .success(let attributes, let end) = Self.parse(#"{#id .a .b key=value other="x y"}"#) else {
            Issue.record("did not parse"); return
        }
        #expect(attributes.id == "id")
        #expect(attributes.classes == ["a", "b"])
        #expect(attributes.pairs.map(\.key) == ["key", "other"])
        #expect(attributes.pairs.map(\.value) == ["value", "x y"])
        #expect(end == 33)
    }

    @Test func quotedValuesMayHoldBracesAndEscapedQuotes() {
        guard case .success(let attributes, _) = Self.parse(#"{title="a } b \"c\"" width=50%}"#) else {
            Issue.record("did not parse"); return
        }
        #expect(attributes["title"] == #"a } b "c""#)
        #expect(attributes["width"] == "50%")
    }

    @Test func rawAttribute() {
        #expect(Self.parse("{=html}") == .raw(format: "html", end: 7))
    }

    @Test func dashMeansUnnumbered() {
        guard case .success(let attributes, _) = Self.parse("{-}") else { Issue.record("did not parse"); return }
        #expect(attributes.classes == ["unnumbered"])
    }

    /// Pandoc reads a value whose quote is never closed as an unquoted one, quote included.
    @Test func unclosedQuoteIsReadAsPandocReadsIt() {
        let input = #"{key="open}"#
        guard case .success(let attributes, let end) = Self.parse(input) else { Issue.record("did not parse"); return }
        #expect(attributes["key"] == "\"open")
        #expect(AttributeParser.unclosedQuote(Array(input.utf8), from: 0, to: end) == 5)
        #expect(AttributeParser.unclosedQuote(Array(#"{key="closed"}"#.utf8), from: 0, to: 14) == nil)
    }

    /// `class=` adds classes, a repeated key keeps its first value.
    @Test func mergesAsPandoc() {
        guard case .success(let attributes, _) = Self.parse(#"{.a class="b c" k=1 k=2}"#) else { Issue.record("did not parse"); return }
        #expect(attributes.classes == ["a", "b", "c"])
        #expect(attributes.pairs.map(\.value) == ["1"])
    }

    @Test(arguments: [
        ("{.a", 0, "not closed"),
        ("{# .x}", 2, "identifier"),
        ("{bare}", 1, "needs a value"),
        ("{.a @b}", 4, "unexpected '@'"),
    ])
    func reportsWhereAndWhy(_ input: String, _ offset: Int, _ fragment: String) {
        guard case .failure(let position, let message) = Self.parse(input) else {
            Issue.record("\(input) parsed"); return
        }
        #expect(position == offset)
        #expect(message.contains(fragment))
    }
}
