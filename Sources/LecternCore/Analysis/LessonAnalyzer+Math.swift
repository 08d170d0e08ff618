import Foundation
import LecternMath
import LecternText

/// What math conversion shares across the lessons of a build: the course's macros and a
/// cache of formulas converted with them alone.
public final class MathContext: @unchecked Sendable {
    /// course.yml's `math.macros`.
    public let courseMacros: MacroTable
    private var cache: [String: MathRendering] = [:]
    private let lock = NSLock()

    /// Creates a context for one build.
    public init(courseMacros: MacroTable = MacroTable()) {
        self.courseMacros = courseMacros
    }

    func cached(_ key: String) -> MathRendering? {
        lock.lock()
        defer { lock.unlock() }
        return cache[key]
    }

    func store(_ rendering: MathRendering, for key: String) {
        lock.lock()
        cache[key] = rendering
        lock.unlock()
    }
}

extension LessonAnalyzer {
    /// Converts every formula of a lesson in reading order, with the course's macros and the
    /// lesson's own definitions (in raw TeX or inside math) as they come. A visitor for the
    /// analysis walk, and the formulas with their diagnostics once it is over.
    static func renderMath(_ document: Document, context: MathContext)
        -> (visitor: NodeVisitor, result: () -> (renderings: [SourceLocation: MathRendering], diagnostics: [Diagnostic])) {
        var macros = context.courseMacros
        var definitions = document.texDefinitions[...]
        var ownDefinitions = false
        var renderings: [SourceLocation: MathRendering] = [:]
        var bag = DiagnosticBag(file: document.file)
        func define(upTo location: SourceLocation?) {
            while let next = definitions.first, location.map({ next.range.start < $0 }) ?? true {
                definitions = definitions.dropFirst()
                let result = TeXMath.render(next.text, display: false, macros: &macros)
                report(result.problems, tex: next.text, at: next.range.start, delimiter: 0, into: &bag)
                ownDefinitions = true
            }
        }
        let visitor = NodeVisitor(inline: { inline in
            guard case .math(let kind, let tex) = inline.kind else { return }
            define(upTo: inline.range.start)
            let display = kind == .display
            let defines = Self.mayDefineMacros(tex)
            let key = (display ? "D" : "I") + tex
            let rendering: MathRendering
            if !ownDefinitions, !defines, let cached = context.cached(key) {
                rendering = cached
            } else {
                rendering = TeXMath.render(tex, display: display, macros: &macros)
                if defines { ownDefinitions = true } else if !ownDefinitions { context.store(rendering, for: key) }
            }
            renderings[inline.range.start] = rendering
            report(rendering.problems, tex: tex, at: inline.range.start, delimiter: display ? 2 : 1, into: &bag)
        })
        return (visitor, {
            define(upTo: nil)
            return (renderings, bag.all)
        })
    }

    /// True when a formula may define a macro (then it is not shared through the cache);
    /// a byte scan, as this runs for every formula.
    static func mayDefineMacros(_ tex: String) -> Bool {
        guard tex.containsByte(0x5C) else { return false }
        let names = definingCommands
        var tex = tex
        return tex.withUTF8 { bytes in
            for index in bytes.indices where bytes[index] == 0x5C {
                let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
                if names.contains(where: { rest.starts(with: $0) }) { return true }
            }
            return false
        }
    }

    /// The commands that define macros, as bytes, made once rather than per formula.
    private static let definingCommands: [[UInt8]] = ["def", "gdef", "newcommand", "renewcommand", "providecommand"].map { Array($0.utf8) }

    /// Problems at their place in the file: the formula's start, its delimiter, then the offset.
    private static func report(_ problems: [MathProblem], tex: String, at start: SourceLocation, delimiter: Int,
                               into bag: inout DiagnosticBag) {
        for problem in problems {
            let before = tex.utf8.prefix(problem.offset)
            let newlines = before.filter { $0 == 0x0A }.count
            var location = SourceLocation(line: start.line + newlines, column: start.column + delimiter + before.count)
            if newlines > 0, let last = before.lastIndex(of: 0x0A) {
                location.column = before.distance(from: before.index(after: last), to: before.endIndex) + 1
            }
            let at = SourceRange(start: location, end: location)
            if problem.isUnknownCommand {
                let suggestion = problem.suggestion.map { "; did you mean '\($0)'?" } ?? ""
                bag.report("math.unknown-command", ["command": problem.command ?? "", "suggestion": suggestion], at: at)
            } else {
                bag.report("math.invalid", ["problem": problem.message], at: at)
            }
        }
    }
}
