/// The markdown front end: Pandoc-flavoured markdown in, a `Document` and diagnostics out.
public enum MarkdownParser {
    /// Containers nested deeper than this are flattened, with a diagnostic.
    public static let maximumDepth = 100

    /// Parses a lesson. Content problems become diagnostics; nothing is thrown.
    public static func parse(_ source: String, file: String) -> (Document, [Diagnostic]) {
        parse(normalized: LineEndings.normalized(source), file: file)
    }

    /// `parse` for text already read through `LineEndings.normalized`, as a caller that also
    /// prints diagnostics against the text holds it.
    public static func parse(normalized source: String, file: String) -> (Document, [Diagnostic]) {
        var bag = DiagnosticBag(file: file)
        let bytes = Array(source.utf8)
        let prepared = PrePass.prepare(bytes, bag: &bag)

        var frontMatter: FrontMatter?
        if let block = prepared.frontMatter {
            // Only the lines up to the end of the front matter are needed to place YAML values.
            // Split on bytes: in normalized text every LF ends a line, and characters cost more.
            let fileLines = source.utf8.split(separator: 0x0A, maxSplits: block.range.end.line, omittingEmptySubsequences: false)
                .map { Substring($0) }
            switch YAMLLoader.load(block.text, firstLine: block.firstLine, fileLines: fileLines, bag: &bag) {
            case .mapping(let pairs, _, _)?:
                frontMatter = FrontMatter(values: pairs.map { ($0.key, $0.value, $0.line) }, range: block.range)
            case .null?, nil:
                frontMatter = FrontMatter(values: [], range: block.range)
            case let other?:
                bag.report("metadata.not-a-mapping",
                          at: SourceRange(line: other.line, column: other.column))
            }
        }

        let converted = CmarkBridge.parse(prepared.text, map: prepared.map, maximumDepth: maximumDepth)
        if let deep = converted.tooDeep {
            bag.report("nesting.too-deep", ["limit": String(maximumDepth)],
                      at: deep)
        }
        var assembly = FenceAssembly(prepared: prepared, bag: bag)
        let assembled = assembly.assemble(converted.blocks)
        var footnotes: [String: [Block]] = [:]
        for (label, blocks) in converted.footnotes { footnotes[label] = assembly.assemble(blocks) }

        var rewriter = BlockRewriter(prepared: prepared, bag: assembly.bag)
        var resolvedNotes: [String: [Block]] = [:]
        for (label, blocks) in footnotes.sorted(by: { $0.key < $1.key }) { resolvedNotes[label] = rewriter.rewrite(blocks) }
        rewriter.resolver.footnotes = resolvedNotes
        var blocks = rewriter.rewrite(assembled)
        var identifiers = HeadingIdentifiers()
        blocks = identifiers.apply(to: blocks)
        bag = rewriter.bag

        var metadata = LessonMetadata()
        if let frontMatter { metadata = LessonMetadata.read(frontMatter, bag: &bag) }
        if let title = metadata.title { metadata.titleInlines = MetadataText.inlines(title) }
        if let subtitle = metadata.subtitle { metadata.subtitleInlines = MetadataText.inlines(subtitle) }
        if let date = metadata.date { metadata.dateInlines = MetadataText.inlines(date) }
        if metadata.title == nil, let first = blocks.first(where: { if case .header = $0.kind { return true }; return false }),
           case .header(_, _, let inlines) = first.kind {
            metadata.titleInlines = inlines
        }
        var document = Document(file: file, metadata: metadata, frontMatter: frontMatter, blocks: blocks)
        let inlineDefinitions = prepared.tokens.compactMap { token -> RawTeX? in
            guard token.kind == .drop, RawTeX.definesMacro(token.original) else { return nil }
            return RawTeX(text: token.original, range: token.range)
        }
        document.texDefinitions = (inlineDefinitions + rewriter.texDefinitions).sorted { $0.range.start < $1.range.start }
        return (document, bag.all)
    }
}
