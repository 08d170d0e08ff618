#!/usr/bin/env python3
"""Compare `lectern dump --html` with `pandoc -f markdown -t html5` after normalising both.

Usage: pandoc_compare.py LECTERN_BINARY FILE.md [...]
Prints a unified diff of the normalised token streams per file and exits 1 on differences.
Known, documented differences are normalised away: attribute order, whitespace between
tags, `50.0%` versus `50%`, an empty `alt` pandoc leaves out, pandoc's `type="1"` on decimal lists, and task-list markup.
Not normalised: bare URLs, which Lectern autolinks as GFM does, and the `<br>` pandoc keeps for
a hard line break at the very end of a paragraph, which CommonMark drops.
"""
import difflib
import html.parser
import re
import subprocess
import sys


class Tokens(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ol" and attrs.get("type") == "1":
            del attrs["type"]
        for key in ("style",):
            if key in attrs:
                attrs[key] = re.sub(r"(\d+)\.0%", r"\1%", attrs[key]).rstrip(";")
        if tag == "label":
            return
        if tag == "ul" and attrs.get("class") == "task-list":
            del attrs["class"]
        if tag == "img":
            attrs.setdefault("alt", "")
        self.out.append("<%s %s>" % (tag, " ".join("%s=%r" % kv for kv in sorted(attrs.items()))))

    def handle_endtag(self, tag):
        if tag == "label":
            return
        if tag == "img":
            attrs.setdefault("alt", "")
        self.out.append("</%s>" % tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.out.append(text)


def tokens(markup):
    parser = Tokens()
    parser.feed(markup)
    return parser.out


def main():
    binary, files = sys.argv[1], sys.argv[2:]
    failed = False
    for path in files:
        ours = subprocess.run([binary, "dump", "--html", path], capture_output=True, text=True).stdout
        theirs = subprocess.run(["pandoc", "-f", "markdown", "-t", "html5", "--mathjax", "--no-highlight",
                                 path], capture_output=True, text=True).stdout
        diff = list(difflib.unified_diff(tokens(theirs), tokens(ours), "pandoc", "lectern", lineterm="", n=2))
        if diff:
            failed = True
            print("== " + path)
            print("\n".join(diff))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
