"""Bare addresses (GFM's extended autolinks) are found as cmark-gfm's autolink extension finds
them: the same links, with the same addresses, on random text made of address-like pieces."""
import html
import random
import re
import subprocess
import urllib.parse

import pytest

PIECES = ["www.", "www", "w", "example", "ex_ample", ".com", ".org", ".", "..", "-", "_", "http://", "https://",
          "ftp://", "HTTP://", "://", ":", "/", "/path", "/a.b", "?q=1", "#top", "(", ")", "))", ",", "!", "?", ";",
          "@", "user", "u.s+er", "mailto:", "xmpp:", "a", "1", " ", "  ", "\n", "*", "**", "é", "ü.de", "'", '"',
          " www.example.com", " https://example.org/a", " user@example.org", "--", "...", "&"]
LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def links(page):
    return sorted((urllib.parse.unquote(html.unescape(href)), html.unescape(text)) for href, text in LINK.findall(page))


def emphasis_across_address(paragraph):
    for address in re.finditer(r"(?i:https?://|ftp://|www\.)[^\s<]*", paragraph):
        if re.search(r"[*_]", address.group()) and len(re.findall(r"[*_]", paragraph)) > 1:
            return True
    return False


def cmark(markdown):
    return subprocess.run(["cmark-gfm", "--smart", "-e", "autolink", "-e", "strikethrough", "-e", "table"],
                          input=markdown, capture_output=True, text=True, check=True).stdout


def lectern_html(lectern, path):
    return subprocess.run([lectern, "dump", "--html", str(path)], capture_output=True, text=True, check=True).stdout


def test_random_text_gets_the_links_cmark_gfm_finds(lectern, tmp_path):
    generator = random.Random(20261202)
    paragraphs = ["".join(generator.choice(PIECES) for _ in range(generator.randint(3, 24))).strip() for _ in range(1200)]
    # Left out, where cmark-gfm differs on purpose or by accident:
    # - `www.` with no domain after it (`www.,x`, `www` in `a www. x`), which GFM's spec does
    #   not link and cmark-gfm does;
    # - `@` after a non-letter before a key with `://`: a citation, as pandoc reads it;
    # - `*` or `_` in an address that could pair with another: cmark-gfm takes them into the
    #   link before it reads emphasis, Lectern reads emphasis first;
    # - two `@` in one word, where cmark-gfm links from the second domain back into the first;
    # - the last character of a domain that ends the paragraph, and a `_` that starts a domain
    #   or follows a non-ASCII letter in one, which cmark-gfm's domain check skips;
    # - `xmpp:…@/` and `mailto:@`, which cmark-gfm links with no domain or no name.
    paragraphs = [p.replace("\n\n", "\n") for p in paragraphs
                  if p and not p.startswith(("-", "*", "1", "#", "+")) and not re.search(r"www\.(?![\w\u00c0-\uffff-])", p)
                  and not re.search(r"(^|[^\w])@[^\s]*://", p) and not emphasis_across_address(p)
                  and not re.search(r"@[^\s@]*@", p) and not re.search(r"(?i:https?://|ftp://|www\.)[A-Za-z0-9_.-]*$", p)
                  and not re.search(r"(?i:https?://|ftp://|www\.)[A-Za-z0-9_.-]*([^\x00-\x7f]|\._)", p)
                  and not re.search(r"xmpp:\S*@/|(mailto|xmpp):@", p)]
    assert len(paragraphs) > 400
    source = tmp_path / "links.md"
    # A marker paragraph between cases, so that a case read as another block kind stays apart.
    source.write_text("\n\nCASEBREAK\n\n".join(paragraphs) + "\n")
    ours = lectern_html(lectern, source).split("CASEBREAK")
    theirs = cmark(source.read_text()).split("CASEBREAK")
    assert len(ours) == len(theirs) == len(paragraphs)
    found = 0
    for text, mine, reference in zip(paragraphs, ours, theirs):
        assert links(mine) == links(reference), text
        found += len(links(reference))
    assert found > 150


@pytest.mark.parametrize("markdown,expected", [
    ("Docs at www.example.org/guide.", [("http://www.example.org/guide", "www.example.org/guide")]),
    ("(see https://example.org/a_(b))", [("https://example.org/a_(b)", "https://example.org/a_(b)")]),
    ("Write to team@example.org.", [("mailto:team@example.org", "team@example.org")]),
    ("https://example.org/@name/post", [("https://example.org/@name/post", "https://example.org/@name/post")]),
    ("*www.example.org*", [("http://www.example.org", "www.example.org")]),
    ("[see www.example.org]{.note} and [https://example.org]", []),
    ("[www.example.org](https://other.example) ", [("https://other.example", "www.example.org")]),
    ("`www.example.org` and $www.x.y$", []),
])
def test_bare_addresses_in_context(lectern, tmp_path, markdown, expected):
    source = tmp_path / "case.md"
    source.write_text(markdown + "\n")
    assert links(lectern_html(lectern, source)) == sorted(expected)


def test_a_long_paragraph_of_words_costs_no_more_than_its_text(lectern, tmp_path):
    """cmark-gfm's extension keeps a node for every `w`: 20 MB of words took 800 MB."""
    course = tmp_path / "course"
    (course / "Content").mkdir(parents=True)
    (course / "Content" / "course.yml").write_text("title: T\nmodules:\n  - title: M\n    lessons: [a.md]\n")
    (course / "Content" / "a.md").write_text("---\ntitle: A\n---\n\n" + "word www " * 500000 + "\n")
    result = subprocess.run(["/usr/bin/time", "-f", "%M", lectern, "build", str(course)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    assert peak_kib < 20 * 4500, peak_kib
