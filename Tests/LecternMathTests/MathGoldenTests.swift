import Foundation
@testable import LecternMath
import Testing

/// Golden files: `Golden/NAME.tex` holds one formula per line (`display: ` in front for
/// display math); `Golden/NAME.mathml` holds, per formula, its MathML and its problems.
@Suite struct MathGoldenTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Golden")
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".tex") }.map { String($0.dropLast(4)) }.sorted()

    /// The cases are read from a folder; a missing or emptied folder must fail, not pass.
    @Test func theCasesAreAllThere() {
        #expect(Self.names.count >= 10, "expected at least 10 formula files in \(Self.directory.path)")
    }

    /// Every formula of a golden file, rendered in order with one macro table.
    static func render(_ source: String) -> String {
        var macros = MacroTable(texts: ["\\RR": "\\mathbb{R}", "\\norm": "\\left\\lVert #1 \\right\\rVert"])
        var out = ""
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) {
            let display = line.hasPrefix("display: ")
            let tex = display ? String(line.dropFirst(9)) : String(line)
            let result = TeXMath.render(tex, display: display, macros: &macros)
            out += "# " + tex + "\n" + result.html + "\n"
            for problem in result.problems { out += "! \(problem.offset): \(problem.message)\n" }
            out += "= " + result.plainText + "\n\n"
        }
        return out
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.names.count >= 8, "golden files are missing: \(Self.names)")
    }

    @Test(arguments: names)
    func rendersAsExpected(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".tex"), encoding: .utf8)
        let output = Self.render(source)
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try output.write(to: Self.sourceDirectory.appendingPathComponent(name + ".mathml"), atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name + ".mathml"), encoding: .utf8)
        #expect(output == expected)
    }
}
