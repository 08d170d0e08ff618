extension MathParser {
    /// Matrix environments and their fences.
    static let matrixFences: [String: (String, String)] = [
        "matrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
        "Vmatrix": ("‖", "‖"), "smallmatrix": ("", ""), "matrix*": ("", ""), "pmatrix*": ("(", ")"),
        "bmatrix*": ("[", "]"), "Bmatrix*": ("{", "}"), "vmatrix*": ("|", "|"), "Vmatrix*": ("‖", "‖"),
    ]

    static let alignEnvironments: Set<String> = [
        "aligned", "align", "align*", "split", "alignat", "alignat*", "alignedat", "flalign", "flalign*", "eqnarray",
        "eqnarray*",
    ]

    mutating func parseEnvironment(_ name: String, at offset: Int) -> MathNode {
        depth += 1
        defer { depth -= 1 }
        if let fences = Self.matrixFences[name] {
            if name.hasSuffix("*") { _ = readOptionalRaw() }
            let rows = parseRows(name, at: offset)
            let table = MathNode.table(rows: rows, columns: [], className: "tml-matrix",
                                       style: name == "smallmatrix" ? .script : nil)
            return fences.0.isEmpty ? table : Self.fenced(fences.0, [table], fences.1)
        }
        switch name {
        case "array", "subarray", "darray":
            let spec = readText()
            let columns = spec.filter { "lcr".contains($0) }
            return .table(rows: parseRows(name, at: offset), columns: Array(columns), className: "tml-array",
                          style: name == "subarray" ? .script : nil)
        case "cases", "dcases", "rcases", "drcases":
            let rows = parseRows(name, at: offset)
            let table = MathNode.table(rows: rows, columns: ["l", "l"], className: "tml-cases",
                                       style: name.hasPrefix("d") ? .display : .text)
            return name.contains("rcases") ? Self.fenced("", [table], "}") : Self.fenced("{", [table], "")
        case _ where Self.alignEnvironments.contains(name):
            if name.hasPrefix("alignat") || name == "alignedat" { _ = readText() }
            let rows = parseRows(name, at: offset).map { row in
                row.enumerated().map { index, cell -> MathNode in
                    // An empty identifier before `=` keeps it a relation with space on both sides.
                    index % 2 == 1 ? .row([.identifier("", normal: false), cell], className: nil) : cell
                }
            }
            let width = rows.map(\.count).max() ?? 0
            let columns: [Character] = (0..<width).map { $0 % 2 == 0 ? "r" : "l" }
            return .table(rows: rows, columns: columns, className: "tml-align", style: .display)
        case "gathered", "gather", "gather*":
            return .table(rows: parseRows(name, at: offset), columns: [], className: "tml-gather", style: .display)
        case "multline", "multline*":
            let rows = parseRows(name, at: offset)
            let aligned = rows.enumerated().map { index, row -> [MathNode] in
                let className = index == 0 ? "tml-left" : index == rows.count - 1 ? "tml-right" : nil
                return [.row(row, className: className)]
            }
            return .table(rows: aligned, columns: [], className: "tml-multline", style: .display)
        case "equation", "equation*", "displaymath", "math":
            let (nodes, stop, _) = parseList()
            checkEnd(stop, name, at: offset)
            return Self.row(nodes)
        default:
            problems.append(MathProblem(offset: offset, message: "unknown environment '\(name)'"))
            return .error("\\begin{\(name)}" + skipEnvironment(name))
        }
    }

    private mutating func readOptionalRaw() -> [Token]? {
        expander.readOptionalRaw()
    }

    /// Rows of cells separated by `&` and `\\`, up to `\end{name}`.
    mutating func parseRows(_ name: String, at offset: Int) -> [[MathNode]] {
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            let (nodes, stop, _) = parseList()
            cells.append(Self.row(nodes))
            switch stop {
            case .alignment:
                continue
            case .rowBreak:
                rows.append(cells)
                cells = []
                _ = expander.readOptionalRaw()
            case .endEnvironment(let environment):
                if environment != name {
                    problems.append(MathProblem(offset: offset, message: "\\begin{\(name)} is closed by \\end{\(environment)}"))
                    broken = true
                }
                let emptyLast = cells.count == 1 && cells[0] == .row([], className: nil)
                if !(emptyLast && !rows.isEmpty) { rows.append(cells) }
                return rows
            case .end:
                checkEnd(stop, name, at: offset)
                rows.append(cells)
                return rows
            case .endGroup:
                problems.append(MathProblem(offset: offset, message: "a '}' inside \\begin{\(name)} closes nothing"))
                broken = true
            default:
                continue
            }
        }
    }

    private mutating func checkEnd(_ stop: Stop, _ name: String, at offset: Int) {
        if case .endEnvironment(let environment) = stop, environment == name { return }
        problems.append(MathProblem(offset: offset, message: "\\begin{\(name)} has no matching \\end{\(name)}"))
        broken = true
    }

    /// The raw text of an environment Lectern does not know, up to its `\end`.
    private mutating func skipEnvironment(_ name: String) -> String {
        var text = ""
        var depth = 1
        while let token = expander.nextRaw() {
            if token.kind == .command("begin") { depth += 1 }
            if token.kind == .command("end") {
                depth -= 1
                if depth == 0 {
                    _ = expander.readArgumentRaw()
                    return text + "\\end{\(name)}"
                }
            }
            text += token.text
        }
        return text
    }
}
