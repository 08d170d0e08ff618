#!/usr/bin/env python3
"""How closely Lectern's markdown reader and HTML writer follow pandoc, measured on pandoc's own
command tests (`test/command/*.md` of the pandoc repository).

Usage: pandoc_conformance.py LECTERN_BINARY [TESTS_FOLDER] [--minimum PERCENT] [--show-diffs]
       pandoc_conformance.py --regenerate FOLDER

TESTS_FOLDER defaults to `../shared/pandoc-tests/command` beside the repository; when it does not
exist the harness says so and exits 0 (1 when the CI variable is set). `Tests/tools/pandoc-golden/` holds Lectern's own cases in
the same form, one file per construct, all of which must pass; `--regenerate` rewrites their
expected output with pandoc 3 (PyPI `pypandoc-binary`). Each case is a fenced block of the form

    % pandoc ARGS
    INPUT
    ^D
    EXPECTED

(see pandoc's `test/Tests/Command.hs`). A case applies when it reads Pandoc markdown with the
default extensions and writes html, html5, native or revealjs with no option that changes the
document; every other case is listed with the reason it does not apply. `native` expectations are
turned into HTML by pandoc 3 (PyPI `pypandoc-binary`). Both sides are compared as token streams
after normalising what HTML does not distinguish or pandoc's own writers vary on: whitespace,
attribute order, entity forms, `50.0%` against `50%`, the math wrapper (pandoc writes either TeX
or its own HTML rendering, Lectern writes TeX), syntax-highlighting markup inside code, the
`sourceCode` wrapper and its generated `cbN` ids, and task-list labels. Reveal.js slides are
compared without their `<section>` wrappers, whose ids pandoc takes from the slide's heading.

Prints one line per case (PASS, FAIL or SKIP with the reason) and a summary line; exits 1 when the
pass rate falls below --minimum.
"""
import difflib
import os
import html.parser
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
WRITERS = {"html", "html5", "native", "revealjs"}
# Options that do not change the document body as Lectern writes it.
NEUTRAL = re.compile(r"^(--wrap(=\w+)?|--columns(=\d+)?|--quiet|--mathjax|-s|--standalone|--slide-level=\d)$")


def pandoc_binary():
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except ImportError:
        return "pandoc"


def cases(folder):
    """(file, line, args, input, expected) for every case of every file, in file order."""
    for path in sorted(folder.glob("*.md")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        index = 0
        while index < len(lines):
            if lines[index].startswith("```") and index + 1 < len(lines) and lines[index + 1].startswith("% pandoc"):
                fence, start = lines[index], index + 1
                end = start + 1
                while end < len(lines) and lines[end].rstrip() != fence.rstrip():
                    end += 1
                body = lines[start + 1:end]
                if "^D" in body:
                    split = body.index("^D")
                    yield path.name, start + 1, lines[start][len("% pandoc"):].strip(), \
                        "\n".join(body[:split]) + "\n", "\n".join(body[split + 1:]) + "\n"
                index = end + 1
            else:
                index += 1


def applicability(args):
    """(writer, None) when the case applies, or (None, reason)."""
    try:
        words = shlex.split(args)
    except ValueError:
        return None, "arguments do not parse"
    reader, writer, others = "markdown", "html", []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("-f", "-r", "--from", "--read") and index + 1 < len(words):
            reader, index = words[index + 1], index + 2
            continue
        if word in ("-t", "-w", "--to", "--write") and index + 1 < len(words):
            writer, index = words[index + 1], index + 2
            continue
        match = re.match(r"^(?:--from=|--read=|-f|-r)(.+)$", word)
        if match:
            reader, index = match.group(1), index + 1
            continue
        match = re.match(r"^(?:--to=|--write=|-t|-w)(.+)$", word)
        if match:
            writer, index = match.group(1), index + 1
            continue
        others.append(word)
        index += 1
    if reader != "markdown":
        return None, "reader %s" % reader
    if writer not in WRITERS:
        return None, "writer %s" % writer
    changing = [o for o in others if not NEUTRAL.match(o)]
    if changing:
        return None, "option %s" % " ".join(changing)
    return writer, None


class Tokens(html.parser.HTMLParser):
    """HTML as a list of comparable tokens."""

    def __init__(self, slides):
        super().__init__(convert_charrefs=True)
        self.slides = slides
        self.out = []
        self.math = None      # [kind, text] while inside a math span or element
        self.math_depth = 0
        self.code = None      # [classes, text] while inside <pre>
        self.dropped = []     # for each open div: whether its tags are left out
        self.code_id = ""     # the id of a dropped sourceCode wrapper, which belongs to its <pre>
        self.inline_code = False  # whether the code being collected is inline

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        classes = attrs.get("class", "").split()
        if self.math is not None:
            self.math_depth += 1
            return
        if tag == "span" and "math" in classes:
            self.math, self.math_depth = ["display" if "display" in classes else "inline", ""], 1
            return
        if tag == "math":
            self.math, self.math_depth = ["display" if attrs.get("display") == "block" else "inline", ""], 1
            return
        if self.code is not None:
            return
        if tag == "code":
            # Inline code is compared as its text: pandoc's highlighting spans are left out.
            kept = " ".join(c for c in classes if c != "sourceCode")
            self.code = ["<code %s %s>" % (kept, attrs.get("id", "")), ""]
            self.inline_code = True
            return
        if tag == "pre":
            kept = [c for c in classes if c != "sourceCode"]
            identifier = attrs.get("id") or self.code_id
            self.code_id = ""
            if re.fullmatch(r"cb\d+", identifier):
                identifier = ""
            self.code = ["<pre %s %s>" % (" ".join(kept), identifier), ""]
            return
        if tag == "div":
            self.dropped.append("sourceCode" in classes)
            if self.dropped[-1]:
                self.code_id = attrs.get("id", "")
                return
        if tag in ("label",) or (self.slides and tag == "section"):
            return
        if self.slides and re.fullmatch(r"h[1-6]", tag):
            attrs.pop("id", None)
        if tag == "ol" and attrs.get("type") == "1":
            del attrs["type"]
        if tag == "ul" and classes == ["task-list"]:
            del attrs["class"]
        if "style" in attrs:
            attrs["style"] = re.sub(r"(\d+)\.0%", r"\1%", attrs["style"]).replace(" ", "").rstrip(";")
        if tag == "img":
            attrs.setdefault("alt", "")
        if tag == "input" and "checked" in attrs:
            attrs["checked"] = ""
        self.out.append("<%s %s>" % (tag, " ".join("%s=%r" % kv for kv in sorted(attrs.items()))))

    def handle_endtag(self, tag):
        if self.math is not None:
            self.math_depth -= 1
            if self.math_depth == 0:
                self.out.append("MATH(%s)" % self.math[0])
                self.math = None
            return
        if self.code is not None:
            if tag == "pre" or (tag == "code" and self.inline_code):
                self.out.append(self.code[0])
                self.out.append("CODE:" + self.code[1].strip("\n"))
                self.out.append("</%s>" % tag)
                self.code = None
                self.inline_code = False
            return
        if tag == "label" or (tag == "div" and self.dropped and self.dropped.pop()):
            return
        if self.slides and tag == "section":
            return
        self.out.append("</%s>" % tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("span", "math", "div", "pre"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.math is not None:
            self.math[1] += data
            return
        if self.code is not None:
            self.code[1] += data
            return
        text = " ".join(data.split())
        if not text:
            return
        # Text split by a comment (which neither side shows) is still one run of text.
        if self.out and self.out[-1].startswith("TEXT:"):
            self.out[-1] += " " + text
        else:
            self.out.append("TEXT:" + text)


def tokens(markup, slides=False):
    parser = Tokens(slides)
    parser.feed(markup)
    parser.close()
    return parser.out


def expected_html(writer, expected, pandoc):
    """The expected output as HTML, or None when it is not a document (an error message)."""
    if writer != "native":
        # Lines pandoc wrote to standard error are not part of the document.
        return "".join(line for line in expected.splitlines(True) if not line.startswith("2> "))
    converted = subprocess.run([pandoc, "-f", "native", "-t", "html5", "--mathjax", "--wrap=none"],
                               input=expected, capture_output=True, text=True)
    return converted.stdout if converted.returncode == 0 else None


def regenerate(folder, pandoc):
    """Rewrites every case's expected output in `folder` with pandoc's output for its input."""
    for path in sorted(folder.glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out, index = [], 0
        while index < len(lines):
            line = lines[index]
            if line.startswith("```") and index + 1 < len(lines) and lines[index + 1].startswith("% pandoc"):
                end = index + 2
                while end < len(lines) and lines[end].rstrip() != line.rstrip():
                    end += 1
                body = lines[index + 2:end]
                if "^D" in body:
                    source = "\n".join(body[:body.index("^D")]) + "\n"
                    args = shlex.split(lines[index + 1][len("% pandoc"):])
                    fresh = subprocess.run([pandoc] + args, input=source, capture_output=True, text=True).stdout
                    body = body[:body.index("^D") + 1] + fresh.rstrip("\n").split("\n")
                out += [line, lines[index + 1]] + body + ([lines[end]] if end < len(lines) else [])
                index = end + 1
            else:
                out.append(line)
                index += 1
        path.write_text("\n".join(out), encoding="utf-8")
        print("regenerated %s" % path)


def main():
    arguments = sys.argv[1:]
    if arguments[:1] == ["--regenerate"]:
        regenerate(pathlib.Path(arguments[1]), pandoc_binary())
        return 0
    show = "--show-diffs" in arguments
    minimum = 0.0
    if "--minimum" in arguments:
        minimum = float(arguments[arguments.index("--minimum") + 1])
        del arguments[arguments.index("--minimum"):arguments.index("--minimum") + 2]
    arguments = [a for a in arguments if a != "--show-diffs"]
    binary = arguments[0]
    folder = pathlib.Path(arguments[1]) if len(arguments) > 1 else ROOT.parent / "shared" / "pandoc-tests" / "command"
    if not folder.is_dir():
        print("pandoc conformance: %s not found, nothing measured" % folder)
        # CI checks the shared folder out beside the repository: there, missing tests fail.
        return 1 if os.environ.get("CI") else 0
    pandoc = pandoc_binary()
    passed, failed, skipped = [], [], []
    with tempfile.TemporaryDirectory(prefix="lectern-conformance-") as work:
        for number, (name, line, args, source, expected) in enumerate(cases(folder)):
            where = "%s:%d" % (name, line)
            writer, reason = applicability(args)
            if writer is None:
                skipped.append((where, reason))
                continue
            theirs = expected_html(writer, expected, pandoc)
            if theirs is None:
                skipped.append((where, "expected output is not a document"))
                continue
            if not theirs.strip() and "-s" in args.split():
                skipped.append((where, "tests metadata only"))
                continue
            lesson = pathlib.Path(work) / ("case%d.md" % number)
            lesson.write_text(source, encoding="utf-8")
            run = subprocess.run([binary, "dump", "--html", str(lesson)], capture_output=True, text=True, timeout=60)
            slides = writer == "revealjs"
            ours, want = tokens(run.stdout, slides), tokens(theirs, slides)
            if run.returncode == 0 and ours == want:
                passed.append(where)
                print("PASS %s" % where)
            else:
                failed.append(where)
                print("FAIL %s" % where)
                if show:
                    if run.returncode != 0:
                        print("  lectern exited %d: %s" % (run.returncode, run.stderr.strip()[:300]))
                    for diff in difflib.unified_diff(want, ours, "pandoc", "lectern", lineterm="", n=1):
                        print("  " + diff)
    for where, reason in skipped:
        print("SKIP %s (%s)" % (where, reason))
    applicable = len(passed) + len(failed)
    rate = 100.0 * len(passed) / applicable if applicable else 0.0
    print("pandoc conformance: %d of %d applicable cases pass (%.1f%%); %d cases not applicable"
          % (len(passed), applicable, rate, len(skipped)))
    if rate < minimum:
        print("pandoc conformance: below the required %.1f%%" % minimum)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
