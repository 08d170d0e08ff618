"""Crawls a built site on disk: every internal reference must exist, none may leave the host."""
import html.parser
import pathlib
import urllib.parse


class References(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []
        self.inline_scripts = 0
        self.ids = set()
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.refs.append((tag, attrs[key]))
        if tag == "script":
            self._in_script = "src" not in attrs

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def parse(path):
    parser = References()
    parser.feed(path.read_text())
    return parser


def crawl(site, offline=False):
    """Returns (broken, external, inline_scripts) over every HTML page under `site`."""
    site = pathlib.Path(site)
    broken, external, inline = [], [], 0
    pages = {p: parse(p) for p in site.rglob("*.html")}
    for page, parser in pages.items():
        inline += parser.inline_scripts
        for tag, ref in parser.refs:
            parsed = urllib.parse.urlsplit(ref)
            if parsed.scheme in ("http", "https") or ref.startswith("//"):
                if tag != "a":
                    external.append((page, ref))
                continue
            if parsed.scheme:
                continue
            target = (page.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else page
            if target.is_dir():
                if offline and parsed.path:
                    broken.append((page, ref, "directory link in an offline build"))
                    continue
                target = target / "index.html"
            if not target.exists():
                broken.append((page, ref, "missing"))
                continue
            if parsed.fragment and target.suffix == ".html":
                ids = pages.get(target) or parse(target)
                if parsed.fragment not in ids.ids:
                    broken.append((page, ref, "missing anchor"))
    return broken, external, inline
