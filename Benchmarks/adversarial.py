#!/usr/bin/env python3
"""Growth benchmark for hostile input: each case is one lesson built at three sizes, each
twice the last, by a release `lectern build`. A case fails when doubling its size multiplies
the time by more than the bound (linear work doubles; 2.8 leaves room for noise and fixed
costs), or when, at the largest size, the peak RSS of lectern above an empty lesson's exceeds
20 times the lesson's size, 4 times what cmark-gfm alone needs for the same text and 10 times
the lesson's page and deck as written (a formula of 6 bytes becomes some 120 bytes of MathML,
and a page is held while it is rendered and written).
cmark-gfm is the floor: it keeps a node of some 400 bytes per block, so many tiny blocks
cost cmark-gfm itself 50 to 200 times their size, and Lectern holds its own tree and a page
and a deck besides. (Lectern finds bare URLs itself: cmark-gfm's autolink extension makes a
node of every `w`, `:` and `@`, 40 times the size of a long paragraph of words.)
Exits 1 when any case fails.
Needs GNU time (Debian package `time`, installed by Scripts/setup.sh).
Usage: Benchmarks/adversarial.py [LECTERN_BINARY]"""
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
GROWTH_BOUND = 2.8
MEMORY_FACTOR = 20
CMARK_FACTOR = 4
OUTPUT_FACTOR = 10


def headings(n):
    return "## Same\n\n" * n


def citations(n):
    return "[@a; " * n + "\n"


def empty_links(n):
    return "[](" * (4 * n) + "\n"


def unclosed_link_with_one_close(n):
    return "[](" * (4 * n) + ")\n"


def definition_terms(n):
    return "Term\n\n: definition\n\n" * n


def broken_anchors(n):
    heads = "".join("## Heading %d\n\n" % i for i in range(n // 4))
    links = "".join("[x](#missing-%d) " % i for i in range(n // 4))
    return heads + links + "\n"


def backticks(n):
    return "`" * (256 * n) + "\n"


def backtick_runs(n):
    return "".join("`" * (i % 60 + 1) + "a " for i in range(16 * n)) + "\n"


def long_line(n):
    return "word " * (100 * n) + "\n"


def words_with_w(n):
    return "word www with " * (40 * n) + "\n"


def nested_brackets(n):
    return "[" * n + "x" + "]" * n + "\n"


def emphasis(n):
    return "*a _b " * (4 * n) + "\n"


def inline_notes(n):
    return "^[note " * n + "\n"


def pauses(n):
    return "## One slide\n\n" + "a\n\n. . .\n\n" * n


def math_on_one_line(n):
    return "$x^2$ " * (2 * n) + "\n"


def wide_table_rows(n):
    return "| a | b |\n|---|---|\n|" + "x|" * (2 * n) + "\n"


def wide_table_header(n):
    return "|" + "h|" * (2 * n) + "\n|" + "-|" * (2 * n) + "\n"


def wide_grid_table(n):
    return "+" + "-+" * n + "\n|" + "a|" * n + "\n+" + "-+" * n + "\n"


def front_matter_values(n):
    return "---\ntitle: L\ntags: [" + ", ".join("t%d" % i for i in range(4 * n)) + "]\n---\n\nText.\n"


CASES = [headings, citations, empty_links, unclosed_link_with_one_close, definition_terms,
         broken_anchors, backticks, backtick_runs, long_line, words_with_w, nested_brackets, emphasis, inline_notes,
         pauses, math_on_one_line, wide_table_rows, wide_table_header,
         wide_grid_table, front_matter_values]


def peak(command, report):
    """Peak RSS (KiB) of `command` and its exit code. GNU time forks it from a small process:
    a child spawned by Python directly would count Python's own memory in its peak."""
    code = subprocess.run(["/usr/bin/time", "-q", "-f", "%M", "-o", str(report)] + command,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return int(report.read_text().split()[-1]), code


def cmark_peak(work, body):
    """Peak RSS (KiB) of cmark-gfm converting `body`, with the extensions Lectern enables."""
    source = work / "cmark.md"
    source.write_text(body)
    rss, _ = peak(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "tasklist",
                   "--smart", str(source)], work / "rss")
    return rss


def build(binary, work, body):
    """Seconds, peak RSS (KiB) and KiB written for the lesson (page and deck) of building a
    one-lesson course whose lesson is `body`."""
    content = work / "Content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "course.yml").write_text("title: Growth\nmodules:\n  - title: M\n    lessons: [l.md]\n")
    # A case that brings its own front matter is the whole lesson.
    (content / "l.md").write_text(body if body.startswith("---\n") else "---\ntitle: L\n---\n\n" + body)
    start = time.perf_counter()
    rss, code = peak([binary, "build", str(work), "--quiet"], work / "rss")
    seconds = time.perf_counter() - start
    if code not in (0, 1):
        sys.exit("lectern exited %d on %s" % (code, body[:40]))
    written = sum(p.stat().st_size for p in (work / "Public" / "l").rglob("*") if p.is_file()) / 1024
    return seconds, rss, written


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/release/lectern")
    failed = []
    with tempfile.TemporaryDirectory(prefix="lectern-adversarial-") as folder:
        work = pathlib.Path(folder)
        _, baseline, _ = build(binary, work, "")
        for case in CASES:
            times = []
            for n in (4000, 8000, 16000):
                body = case(n)
                best, rss, written = min(build(binary, work, body) for _ in range(3))
                times.append(best)
            size = len(body.encode()) / 1024
            cmark = cmark_peak(work, body)
            allowed = max(MEMORY_FACTOR * size, CMARK_FACTOR * cmark, OUTPUT_FACTOR * written)
            if rss - baseline > allowed:
                failed.append("%s: %d KiB above an empty lesson for %d KiB of input and %d KiB written (cmark-gfm: %d KiB)"
                              % (case.__name__, rss - baseline, size, written, cmark))
            growth = max(times[i + 1] / max(times[i], 0.02) for i in range(2))
            verdict = "ok" if growth <= GROWTH_BOUND else "SUPERLINEAR"
            if growth > GROWTH_BOUND:
                failed.append("%s grows %.1fx per doubling" % (case.__name__, growth))
            print("%-30s %s  growth %.2fx per doubling  %s; memory %.0fx the input, %.1fx the output (cmark-gfm %.0fx)" % (
                case.__name__, "  ".join("%.3fs" % t for t in times), growth, verdict,
                (rss - baseline) / size, (rss - baseline) / max(written, 1), cmark / size), flush=True)
    if failed:
        print("failed: " + "; ".join(failed))
        sys.exit(1)
    print("all %d cases grow linearly; memory within %dx the input, %dx cmark-gfm's or %dx the output" % (
        len(CASES), MEMORY_FACTOR, CMARK_FACTOR, OUTPUT_FACTOR))


if __name__ == "__main__":
    main()
