#!/usr/bin/env python3
"""Compares Lectern's MathML with pandoc's (`pandoc --mathml`, pandoc 3 from PyPI's
pypandoc-binary) on a list of formulas: how often the two agree on the sequence of token
elements and their text (mi, mo, mn, mtext) and on the structure (mfrac, msqrt, msub,
mtable…), and which commands the disagreeing formulas use most.
Encodings that mean the same are folded before comparing, and only those: Unicode and
mathvariant spellings of a letter (NFKC), accent marks written as combining or spacing
characters, a single non-letter in <mi> or <mo> (pandoc writes a leading minus, a slash or a
factorial as <mi>), a function name in <mi> or <mo> (Lectern writes limit operators such as
max as <mo movablelimits>), and a run of upright one-letter <mi> against one <mi> (\mathrm{MSE}).
Usage: math_compare.py LECTERN [FORMULAS=Tests/tools/math-formulas.txt] [--show N]"""
import collections
import html.parser
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata

TOKENS = {"mi", "mo", "mn", "mtext", "ms"}
STRUCTURE = {"mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mtable", "mtr", "mtd"}
INVISIBLE = {"\u2061", "\u2062", "\u2063", "\u2064", ""}


class MathML(html.parser.HTMLParser):
    """Collects, per `<div id="fN">`, the tokens and structure elements of its formulas."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.current, self.formulas, self.stack, self.text = None, {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and (attrs.get("id") or "").startswith("f"):
            self.current = attrs["id"]
            self.formulas[self.current] = {"tokens": [], "structure": [], "math": 0}
        if self.current is None:
            return
        if tag == "math":
            self.formulas[self.current]["math"] += 1
        if tag == "annotation":
            self.stack.append("annotation")
        if tag in STRUCTURE:
            self.formulas[self.current]["structure"].append(tag)
        if tag in TOKENS and "annotation" not in self.stack:
            self.text = (tag, attrs.get("mathvariant"), [])

    def handle_endtag(self, tag):
        if tag == "annotation" and self.stack:
            self.stack.pop()
        if self.text and tag == self.text[0] and self.current is not None:
            name, variant, parts = self.text
            text = normalise("".join(parts), variant)
            if text not in INVISIBLE:
                self.formulas[self.current]["tokens"].append(("mtext" if name == "ms" else name, text, variant))
            self.text = None

    def handle_data(self, data):
        if self.text:
            self.text[2].append(data)


def fold(tokens):
    """The token sequence with equivalent encodings made equal (see the module's summary)."""
    merged = []
    for name, text, variant in tokens:
        letter = name == "mi" and variant is not None and len(text) == 1 and "a" <= text.lower() <= "z"
        if letter and merged and merged[-1][2] == "run":
            merged[-1] = (name, merged[-1][1] + text, "run")
        else:
            merged.append((name, text, "run" if letter else variant))
    folded = []
    for name, text, _ in merged:
        if name in ("mi", "mo"):
            squeezed = text.replace(" ", "")
            if not any(c.isalnum() for c in squeezed) or (len(squeezed) > 1 and squeezed.isalpha()):
                name, text = "op", squeezed
        folded.append((name, text))
    return folded


def normalise(text, variant):
    """Unicode and mathvariant spellings of the same letter compare equal (both fold to the
    plain letter); spaces do not count."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ").strip()
    accents = {"\u0302": "^", "\u0303": "~", "\u0304": "\u0305", "\u20d7": "→", "\u0307": "˙", "\u0308": "¨",
               "\u030c": "ˇ", "\u0306": "˘", "\u02c6": "^", "\u02dc": "~", "\u00af": "\u0305"}
    text = accents.get(text, text)
    return {"−": "-", "∣": "|", "′": "'", "∗": "*", "ϵ": "ε", "ϕ": "φ"}.get(text, text)


def pandoc():
    """pandoc on the PATH, else the one pypandoc-binary brings."""
    import shutil
    if shutil.which("pandoc"):
        return "pandoc"
    import pypandoc
    return pypandoc.get_pandoc_path()


def render(lectern, formulas, work):
    source = "".join('::: {#f%d}\n$$%s$$\n:::\n\n' % (index, tex) for index, tex in enumerate(formulas))
    path = work / "formulas.md"
    path.write_text("---\ntitle: Formulas\n---\n\n" + source)
    ours = subprocess.run([lectern, "dump", "--html", "--page", str(path)], capture_output=True, text=True).stdout
    theirs = subprocess.run([pandoc(), "-f", "markdown", "-t", "html5", "--mathml", str(path)],
                            capture_output=True, text=True, check=True).stdout
    parsed = []
    for output in (ours, theirs):
        parser = MathML()
        parser.feed(output)
        parsed.append(parser.formulas)
    return parsed


def main():
    argv = sys.argv[1:]
    show = 0
    if "--show" in argv:
        at = argv.index("--show")
        show = int(argv[at + 1])
        del argv[at:at + 2]
    args = argv
    lectern = args[0]
    path = pathlib.Path(args[1]) if len(args) > 1 else pathlib.Path(__file__).with_name("math-formulas.txt")
    formulas = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    with tempfile.TemporaryDirectory(prefix="lectern-math-") as work:
        ours, theirs = render(lectern, formulas, pathlib.Path(work))
    tokens = structure = both = 0
    commands, disagreeing = collections.Counter(), collections.Counter()
    for index, tex in enumerate(formulas):
        key = "f%d" % index
        a, b = ours.get(key), theirs.get(key)
        token_ok = bool(a and b and a["math"] and fold(a["tokens"]) == fold(b["tokens"]))
        structure_ok = bool(a and b and a["math"] and a["structure"] == b["structure"])
        tokens += token_ok
        structure += structure_ok
        both += token_ok and structure_ok
        used = set(re.findall(r"\\[A-Za-z]+", tex))
        commands.update(used)
        if not (token_ok and structure_ok):
            disagreeing.update(used)
            if show > 0:
                show -= 1
                print("DIFFERS: %s\n  lectern: %s %s\n  pandoc:  %s %s" % (tex, a and fold(a["tokens"]), a and a["structure"],
                                                                            b and fold(b["tokens"]), b and b["structure"]))
    count = len(formulas)
    print("formulas: %d" % count)
    print("tokens agree:    %d (%.1f%%)" % (tokens, 100 * tokens / count))
    print("structure agrees: %d (%.1f%%)" % (structure, 100 * structure / count))
    print("both agree:      %d (%.1f%%)" % (both, 100 * both / count))
    ranked = sorted(disagreeing, key=lambda c: (-disagreeing[c] / commands[c], -disagreeing[c]))
    print("commands most often in disagreeing formulas (disagreeing/used):")
    for command in ranked[:25]:
        print("  %-16s %d/%d" % (command, disagreeing[command], commands[command]))


if __name__ == "__main__":
    main()
