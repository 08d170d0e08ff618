import LecternText

/// Which theme partials render the same text on every page of one folder depth, so that pages
/// can include them already rendered: every variable costs Mustache a few microseconds of
/// look-ups, and the header, footer and policy partials hold a dozen on every page and deck.
///
/// A partial qualifies when it names only `root`, `assets`, `course`, `links.home` and
/// `links.search` (the same on every page that shares a root and those two links), includes
/// nothing else, and is itself included only where no section, block or indentation of the
/// including templates can change what it sees or how its lines come out. Anything the
/// analysis cannot read with certainty (changed delimiters, partials named at run time)
/// leaves every partial to be rendered per page, as before.
enum SharedPartials {
    /// The partials among the templates (name to its scan) that qualify; `direct` are the
    /// templates the build renders by name with a page's values, which therefore never qualify.
    static func names(scans templates: [String: TemplateTags.Scan], direct: Set<String>) -> Set<String> {
        var scans: [String: [TemplateTag]] = [:]
        for (name, scan) in templates {
            guard let tags = TemplateTags.certain(scan) else { return [] }
            scans[name] = tags
        }
        var references: [String: [(from: String, tag: TemplateTag)]] = [:]
        for (name, tags) in scans {
            for tag in tags where tag.kind == .partial || tag.kind == .parent { references[tag.name, default: []].append((name, tag)) }
        }
        // A template is placed when each inclusion of it sees the page's values themselves.
        var placed: [String: Bool] = [:]
        func isPlaced(_ name: String) -> Bool {
            if let known = placed[name] { return known }
            placed[name] = false
            let result = (references[name] ?? []).allSatisfy { $0.tag.depth == 0 && !$0.tag.indented && isPlaced($0.from) }
            placed[name] = result
            return result
        }
        var shared: Set<String> = []
        for (name, tags) in scans.sorted(by: { $0.key < $1.key }) where !direct.contains(name) && references[name] != nil {
            let readsOnlySharedValues = tags.allSatisfy { tag in
                switch tag.kind {
                case .comment, .close: return true
                // Inside one of the partial's own sections, `.` is that section's shared value.
                case .variable, .section: return isShared(tag.name) || (tag.depth > 0 && isCurrent(tag.name))
                case .partial, .parent, .block, .dynamicPartial, .delimiters: return false
                }
            }
            if readsOnlySharedValues, isPlaced(name) { shared.insert(name) }
        }
        return shared
    }

    /// Whether a tag's name (transforms removed) is one of the values every page of a depth shares.
    static func isShared(_ name: String) -> Bool {
        let parts = TemplateTags.bare(name).split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, !parts.contains(where: \.isEmpty) else { return false }
        switch first {
        case "root": return parts.count == 1
        case "assets", "course": return true
        case "links": return parts.count == 2 && (parts[1] == "home" || parts[1] == "search")
        default: return false
        }
    }

    /// Whether a tag's name (transforms removed) is `.`, the value of the innermost section.
    static func isCurrent(_ name: String) -> Bool { TemplateTags.bare(name) == "." }
}
