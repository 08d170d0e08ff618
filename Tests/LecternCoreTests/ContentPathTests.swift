@testable import LecternCore
import Testing

/// Which link targets have a scheme, as a browser reads them, and path resolution.
@Suite struct ContentPathTests {
    @Test func schemesAsABrowserReadsThem() {
        for url in ["https://example.org", "mailto:a@b.c", "//cdn.example.org/x.js", " \tjava\nscript:alert(1)",
                    "\u{1}javascript:x", "JaVaScRiPt:x", "data:image/png;base64,AA", "/\t/host/x", "é:x", "a+b.c-d:x"] {
            #expect(ContentPath.isExternal(url), "\(url.debugDescription)")
        }
        for url in ["a/b.md", "../x.md#y", ":x", "a b:c", "/abs", "#frag", "x/y:z", "", " ", "/:x", "?q=a:b", "a\u{1}b:c"] {
            #expect(!ContentPath.isExternal(url), "\(url.debugDescription)")
        }
    }

    @Test func theByteReadingAgreesWithTheUnicodeOne() {
        // Random ASCII with the bytes that matter over-represented.
        let alphabet: [UInt8] = Array("ab:/ \t\n\r.+-#?1".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0x21, 0x5F]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &generator)
            let url = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            #expect(ContentPath.isExternal(url) == ContentPath.hasScheme(unicode: url), "\(url.debugDescription)")
        }
    }

    @Test func pathsResolveInsideTheContentFolderOnly() {
        #expect(ContentPath.resolve("../b/c.md", against: "a") == "b/c.md")
        #expect(ContentPath.resolve("../../c.md", against: "a") == nil)
        #expect(ContentPath.reference("../../x.md", from: "a/b.md") == .outside(path: "../../x.md"))
        #expect(ContentPath.reference("other.md#part", from: "a/b.md") == .lesson(path: "a/other.md", fragment: "part"))
    }
}
