/// Turns GtkSourceView's regex dialect (PCRE with `\%{name}`, `\%[`, `\%]`) into ICU's.
enum RegexTranslation {
    /// Expands references and rewrites PCRE-only syntax. `\%{n@start}` is kept for the
    /// highlighter to fill in with the text its context started with.
    static func translate(_ source: RegexSource, in library: LanguageLibrary, depth: Int = 0) -> String {
        let chars = Array(source.pattern)
        let wordBounds = library.file(source.language).map { ($0.wordStart, $0.wordEnd) } ?? ("\\b", "\\b")
        var out = ""
        var index = 0
        var inClass = false
        var namesSeen: [String: Int] = [:]
        while index < chars.count {
            let char = chars[index]
            if char == "\\", index + 1 < chars.count {
                let next = chars[index + 1]
                if next == "%", index + 2 < chars.count {
                    let kind = chars[index + 2]
                    if kind == "[" { out += wordBounds.0; index += 3; continue }
                    if kind == "]" { out += wordBounds.1; index += 3; continue }
                    if kind == "{", let close = chars[(index + 3)...].firstIndex(of: "}") {
                        let name = String(chars[(index + 3)..<close])
                        index = close + 1
                        if name.hasSuffix("@start") {
                            out += "\\%{" + name + "}"
                        } else if depth < 16, let referenced = library.regex(name, from: source.language) {
                            let on = (referenced.caseSensitive ? "" : "i") + (referenced.extended ? "x" : "")
                            let off = (referenced.caseSensitive ? "i" : "") + (referenced.extended ? "" : "x")
                            out += "(?" + on + (off.isEmpty ? "" : "-" + off) + ":"
                            out += translate(referenced, in: library, depth: depth + 1) + (referenced.extended ? "\n)" : ")")
                        } else {
                            out += "(?!)"
                        }
                        continue
                    }
                }
                if next == "N", index + 4 < chars.count, chars[index + 2] == "{", chars[index + 3] == "U", chars[index + 4] == "+",
                   let close = chars[(index + 5)...].firstIndex(of: "}") {
                    out += "\\x{" + String(chars[(index + 5)...close])
                    index = close + 1
                    continue
                }
                // `\p{…}`, `\x{…}` and their kin keep their braces.
                if "pPxNgko".contains(next), index + 2 < chars.count, chars[index + 2] == "{",
                   let close = chars[(index + 3)...].firstIndex(of: "}") {
                    out += String(chars[index...close])
                    index = close + 1
                    continue
                }
                out.append(char)
                out.append(next)
                index += 2
                continue
            }
            if inClass {
                // PCRE takes these literally in a set; ICU reads nested sets, set operators
                // and, in extended mode, spaces and comments.
                if char == "]" {
                    inClass = false
                    out.append(char)
                } else if char == "[", index + 1 < chars.count, chars[index + 1] == ":",
                          let close = chars[(index + 2)...].firstIndex(of: "]"), chars[close - 1] == ":" {
                    out += String(chars[index...close])
                    index = close
                } else if "[#& ".contains(char) {
                    out += char == " " ? "\\x{20}" : "\\" + String(char)
                } else {
                    out.append(char)
                }
                index += 1
                continue
            }
            if char == "{" {
                // A brace that is not a quantifier is a literal for PCRE, an error for ICU.
                var cursor = index + 1
                while cursor < chars.count, chars[cursor].isASCII, chars[cursor].isNumber || chars[cursor] == "," { cursor += 1 }
                if cursor < chars.count, chars[cursor] == "}", cursor > index + 1, chars[index + 1] != "," {
                    out += String(chars[index...cursor])
                    index = cursor + 1
                } else {
                    out += "\\{"
                    index += 1
                }
                continue
            }
            if char == "}" {
                out += "\\}"
                index += 1
                continue
            }
            if char == "[" {
                inClass = true
                out.append(char)
                index += 1
                // A `]` right after `[` or `[^` is a literal member.
                if index < chars.count, chars[index] == "^" { out.append("^"); index += 1 }
                if index < chars.count, chars[index] == "]" { out.append("]"); index += 1 }
                continue
            }
            if char == "(", index + 2 < chars.count, chars[index + 1] == "?" {
                var cursor = index + 2
                if chars[cursor] == "P", cursor + 1 < chars.count {
                    if chars[cursor + 1] == "=" {
                        // `(?P=name)`: a named back-reference.
                        if let close = chars[cursor...].firstIndex(of: ")") {
                            out += "\\k<" + groupName(String(chars[(cursor + 2)..<close])) + ">"
                            index = close + 1
                            continue
                        }
                    }
                    cursor += 1
                }
                let quoted = chars[cursor] == "'"
                if chars[cursor] == "<" || quoted, cursor + 1 < chars.count, chars[cursor + 1] != "=", chars[cursor + 1] != "!",
                   let close = chars[(cursor + 1)...].firstIndex(of: quoted ? "'" : ">") {
                    // ICU has no duplicate names: later ones get a numbered suffix (see `groupNames`).
                    let name = groupName(String(chars[(cursor + 1)..<close]))
                    namesSeen[name, default: 0] += 1
                    let count = namesSeen[name]!
                    out += "(?<" + name + (count > 1 ? "zz\(count)" : "") + ">"
                    index = close + 1
                    continue
                }
            }
            out.append(char)
            index += 1
        }
        // ICU rejects an empty pattern; GtkSourceView's matches everywhere.
        return out + (out.allSatisfy(\.isWhitespace) ? "(?:)" : "")
    }

    /// ICU accepts ASCII letters and digits in group names, starting with a letter.
    static func groupName(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        let cleaned = String(String.UnicodeScalarView(kept))
        return (cleaned.first?.isLetter ?? false) ? cleaned : "g" + cleaned
    }

    /// The ICU names a PCRE group name may have become, in order.
    static func groupNames(_ name: String) -> [String] {
        let base = groupName(name)
        return [base] + (2...6).map { base + "zz\($0)" }
    }

    /// The range of a group given by number or name in a match, the first participating one
    /// of its duplicates.
    static func group(_ reference: String, in groups: [Range<Int>?], regex: ICURegex?) -> Range<Int>? {
        if let number = Int(reference) { return number < groups.count ? groups[number] : nil }
        for name in groupNames(reference) {
            if let number = regex?.groupNumber(named: name), number < groups.count, let range = groups[number] {
                return range
            }
        }
        return nil
    }

    /// A pattern's `\%{n@start}` filled with the text of group `n` of the start match,
    /// escaped so it matches literally.
    static func fillStartReferences(_ pattern: String, group: (String) -> String?) -> String {
        var out = ""
        var rest = pattern[...]
        while let range = rest.range(of: "\\%{") {
            out += rest[..<range.lowerBound]
            guard let close = rest[range.upperBound...].firstIndex(of: "}") else {
                rest = rest[range.upperBound...]
                break
            }
            let name = rest[range.upperBound..<close].dropLast("@start".count)
            for scalar in (group(String(name)) ?? "").unicodeScalars {
                out += "\\x{" + String(scalar.value, radix: 16) + "}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
