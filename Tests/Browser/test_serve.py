"""`lectern serve`: safe file serving, index pages, rebuild on change and live reload."""
import http.client
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import make_course


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def raw_get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.getheader("Location"), response.read().decode(errors="replace")


@pytest.fixture()
def server(lectern, tmp_path):
    course = make_course(tmp_path / "served", {"one.md": "---\ntitle: One\n---\n\n## Hello\n\nFirst version.\n"})
    (tmp_path / "secret.txt").write_text("do not serve")
    port = free_port()
    process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for _ in range(100):
        try:
            if raw_get(port, "/")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield course, port
    process.terminate()
    process.wait(timeout=10)


def version(port):
    return raw_get(port, "/__lectern/version")[2]


@pytest.mark.parametrize("path", ["/%2e%2e/%2e%2e/secret.txt", "/../../secret.txt", "/one/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                                  "/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5c..%5csecret.txt"])
def test_paths_cannot_leave_the_site(server, path):
    _, port = server
    status, _, body = raw_get(port, path)
    assert status in (403, 404)
    assert "do not serve" not in body


def test_folders_serve_their_index_and_pages_get_the_reload_script(server):
    _, port = server
    status, location, _ = raw_get(port, "/one")
    assert status == 301 and location == "/one/"
    status, _, body = raw_get(port, "/one/")
    assert status == 200 and "First version." in body
    assert '<script src="/__lectern/reload.js"></script>' in body
    assert raw_get(port, "/nowhere/")[0] == 404


def test_rebuilds_on_change_and_keeps_the_last_good_site(server):
    course, port = server
    before = version(port)
    lesson = course / "Content" / "one.md"
    lesson.write_text(lesson.read_text().replace("First version.", "Second version."))
    deadline = time.time() + 10
    while version(port) == before and time.time() < deadline:
        time.sleep(0.2)
    assert version(port) != before
    assert "Second version." in raw_get(port, "/one/")[2]
    good = version(port)
    lesson.write_text(lesson.read_text() + "\n::: unclosed\n")
    time.sleep(2)
    assert version(port) == good
    assert "Second version." in raw_get(port, "/one/")[2]


def test_open_pages_reload_after_a_rebuild(server):
    from browser import chrome
    from selenium.webdriver.support.ui import WebDriverWait
    course, port = server
    driver = chrome()
    try:
        driver.get("http://127.0.0.1:%d/one/" % port)
        assert "First version." in driver.page_source
        time.sleep(1.5)
        lesson = course / "Content" / "one.md"
        lesson.write_text(lesson.read_text().replace("First version.", "Reloaded version."))
        WebDriverWait(driver, 15).until(lambda d: "Reloaded version." in d.page_source)
    finally:
        driver.quit()
