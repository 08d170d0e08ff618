"""The 404 page as a host serves it: at any depth under the course's sub-path."""
import functools
import http.server
import socketserver
import threading

from browser import chrome
from conftest import make_course, run


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder under /sub/ and answers every missing path with its 404.html, as static hosts do."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path):
        if not path.startswith("/sub/"):
            return str(self.site / "__missing__")
        return str(self.site / path[len("/sub/"):].split("?")[0].lstrip("/"))


def test_the_404_page_works_deep_under_a_sub_path(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"one.md": "---\ntitle: One\n---\n\n## Part\n\nText about pipelines.\n"})
    yml = course / "Content" / "course.yml"
    yml.write_text(yml.read_text() + "base_url: /sub/\n")
    assert run(lectern, "build", str(course)).returncode == 0
    handler = type("Handler", (NotFoundHandler,), {"site": course / "Public"})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(course / "Public")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = chrome()
    try:
        base = "http://127.0.0.1:%d" % server.server_address[1]
        driver.get(base + "/sub/a/b/c/missing/")
        assert driver.find_element("css selector", "h1").text == "Page not found"
        # The theme's stylesheet loaded: the header is laid out as a flex row.
        assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).display") == "flex"
        home = driver.execute_script("return document.querySelector('.not-found a.button').href")
        assert home == base + "/sub/"
        driver.find_element("css selector", "#not-found-query").send_keys("pipelines")
        driver.find_element("css selector", ".not-found-search button").click()
        driver.implicitly_wait(5)
        results = driver.find_element("css selector", ".search-page-results")
        assert "One" in results.text
        driver.get(home)
        assert "One" in driver.find_element("css selector", "main").text
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
