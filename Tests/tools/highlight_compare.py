#!/usr/bin/env python3
"""Compares Lectern's code highlighting with pandoc's (skylighting) on a collection of snippets.

Usage: highlight_compare.py LECTERN_BINARY [--min-blocks N]

Every block of Tests/tools/code-snippets.txt is written as a fenced code block into one
lesson, built with Lectern and converted with pandoc (a test-time tool only). For each
language the tool reports how often the two agree on the characters they call keywords,
strings and comments: agreement = characters both put in the category / characters either
puts in it (so 100% means identical). Keywords include types (skylighting's DataType and
ControlFlow, GtkSourceView's type styles), strings include their escapes.
"""
import html
import html.parser
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

LECTERN = {"hl-keyword": "keyword", "hl-type": "keyword", "hl-string": "string", "hl-escape": "string",
           "hl-comment": "comment", "hl-note": "comment"}
SKYLIGHTING = {"kw": "keyword", "cf": "keyword", "dt": "keyword", "st": "string", "ch": "string",
               "vs": "string", "ss": "string", "sc": "string", "co": "comment", "do": "comment",
               "cv": "comment", "in": "comment", "wa": "comment", "al": "comment"}
CATEGORIES = ("keyword", "string", "comment")


def snippets():
    """(language, code) for every block: single pieces and runs of three."""
    blocks = []
    sections = re.split(r"^=== (\S+)\n", (HERE / "code-snippets.txt").read_text(), flags=re.M)
    for language, body in zip(sections[1::2], sections[2::2]):
        pieces = [p.strip("\n") for p in re.split(r"\n\s*\n", body) if p.strip()]
        blocks += [(language, piece) for piece in pieces]
        blocks += [(language, "\n".join(pieces[i:i + 3])) for i in range(0, len(pieces) - 2)]
    return blocks


class Classes(html.parser.HTMLParser):
    """Per code block: its text and, per character, the category of the innermost span."""

    def __init__(self, block_tag, block_class, mapping):
        super().__init__(convert_charrefs=True)
        self.block_tag, self.block_class, self.mapping = block_tag, block_class, mapping
        self.blocks, self.stack, self.depth = [], [], 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth == 0:
            if tag == self.block_tag and (self.block_class is None or self.block_class in classes):
                self.depth = 1
                self.blocks.append(([], []))
                self.stack = [None]
            return
        self.depth += 1
        if tag == "a" or "code-number" in classes:
            self.skip += 1
        category = next((self.mapping[c] for c in classes if c in self.mapping), None)
        self.stack.append(category if category else self.stack[-1])

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        self.depth -= 1
        if self.depth > 0:
            if self.stack:
                self.stack.pop()
            if tag == "a" and self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            text, categories = self.blocks[-1]
            text.append(data)
            categories.extend([self.stack[-1]] * len(data))


def lectern_blocks(binary, markdown):
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        (root / "Content").mkdir()
        (root / "Content" / "code.md").write_text(markdown)
        (root / "Content" / "course.yml").write_text("title: Compare\nmodules:\n  - title: M\n    lessons: [code.md]\n")
        subprocess.run([binary, "build", str(root)], check=True, capture_output=True)
        page = (root / "Public" / "code" / "index.html").read_text()
    # Every <pre> of the page is a block of the lesson.
    parser = Classes("pre", None, LECTERN)
    parser.feed(page)
    return parser.blocks


def pandoc_blocks(markdown):
    pandoc = shutil.which("pandoc")
    if not pandoc:
        try:
            import pypandoc
            pandoc = pypandoc.get_pandoc_path()
        except (ImportError, OSError):
            sys.exit("pandoc is needed: pip install pypandoc-binary (Scripts/setup.sh --browser does)")
    out = subprocess.run([pandoc, "-f", "markdown", "-t", "html", "--preserve-tabs"], input=markdown, capture_output=True,
                         text=True, check=True).stdout
    parser = Classes("pre", "sourceCode", SKYLIGHTING)
    parser.feed(out)
    return parser.blocks


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    minimum = int(sys.argv[sys.argv.index("--min-blocks") + 1]) if "--min-blocks" in sys.argv else 300
    blocks = snippets()
    markdown = "---\ntitle: Compare\n---\n\n" + "".join("```%s\n%s\n```\n\n" % block for block in blocks)
    ours, theirs = lectern_blocks(sys.argv[1], markdown), pandoc_blocks(markdown)
    assert len(ours) == len(blocks) == len(theirs), (len(ours), len(blocks), len(theirs))
    totals = {}
    for (language, code), (our_text, our_cats), (their_text, their_cats) in zip(blocks, ours, theirs):
        if "".join(our_text).strip() != "".join(their_text).strip():
            print("text differs in a %s block" % language, file=sys.stderr)
            continue
        counts = totals.setdefault(language, {c: [0, 0] for c in CATEGORIES})
        counts["blocks"] = counts.get("blocks", 0) + 1
        for ours_c, theirs_c in zip(our_cats, their_cats):
            for category in CATEGORIES:
                a, b = ours_c == category, theirs_c == category
                if a or b:
                    counts[category][1] += 1
                    counts[category][0] += a and b
    print("%-12s %6s %9s %9s %9s" % ("language", "blocks", "keywords", "strings", "comments"))
    all_blocks = 0
    overall = {c: [0, 0] for c in CATEGORIES}
    for language in sorted(totals):
        counts = totals[language]
        all_blocks += counts["blocks"]
        cells = []
        for category in CATEGORIES:
            both, either = counts[category]
            overall[category][0] += both
            overall[category][1] += either
            cells.append("%8.1f%%" % (100.0 * both / either) if either else "%9s" % "-")
        print("%-12s %6d %s" % (language, counts["blocks"], " ".join(cells)))
    print("%-12s %6d %s" % ("all", all_blocks, " ".join(
        "%8.1f%%" % (100.0 * b / e) if e else "%9s" % "-" for b, e in overall.values())))
    if all_blocks < minimum or len(totals) < 15:
        sys.exit("only %d blocks in %d languages were compared" % (all_blocks, len(totals)))


if __name__ == "__main__":
    main()
