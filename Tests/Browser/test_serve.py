"""`lectern serve`: safe file serving, index pages, rebuild on change and live reload."""
import http.client
import re
import signal
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


def raw_get(port, path, method="GET", host=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest(method, path, skip_accept_encoding=True, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
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
    assert re.search(r'<script src="/__lectern/reload.js" data-version="[0-9]+-[0-9]+"></script>', body)
    assert raw_get(port, "/nowhere/")[0] == 404


def test_only_get_and_head_are_answered_and_head_has_no_body(server):
    _, port = server
    for method in ["POST", "PUT", "DELETE", "PATCH"]:
        status, _, body = raw_get(port, "/one/", method=method)
        assert status == 405 and "First version." not in body, method
    status, _, body = raw_get(port, "/one/", method="HEAD")
    assert status == 200 and body == ""


def test_a_folder_redirect_never_leaves_the_preview(server):
    _, port = server
    for path in ["//assets", "///assets", "/%2fassets"]:
        status, location, _ = raw_get(port, path)
        if status == 301:
            assert location.startswith("/") and not location.startswith("//"), (path, location)


@pytest.mark.parametrize("host,allowed", [("attacker.example:8000", False), ("rebind.attacker.example", False),
                                          ("localhost:8000", True), ("127.0.0.1:8000", True), ("[::1]:8000", True)])
def test_only_local_names_are_answered_against_dns_rebinding(server, host, allowed):
    _, port = server
    status, _, body = raw_get(port, "/one/", host=host)
    assert (status == 200 and "First version." in body) if allowed else (status == 403 and "First version." not in body)


def page_version(port, page):
    return raw_get(port, "/__lectern/version?page=" + page)[2]


def wait_for(condition, seconds=10):
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.05)
    return condition()


def test_an_error_is_shown_on_its_page_and_fixing_it_removes_it(server):
    course, port = server
    lesson = course / "Content" / "one.md"
    before = page_version(port, "/one/")
    lesson.write_text(lesson.read_text().replace("First version.", "Second version.") + "\n![missing](nope.png)\n")
    assert wait_for(lambda: page_version(port, "/one/") != before)
    body = raw_get(port, "/one/")[2]
    assert "Second version." in body
    assert 'id="lectern-problems"' in body and "one.md:9:1" in body and "[image.missing]" in body
    assert 'id="lectern-problems"' not in raw_get(port, "/")[2]
    broken = page_version(port, "/one/")
    lesson.write_text(lesson.read_text().replace("![missing](nope.png)", "Fixed."))
    assert wait_for(lambda: page_version(port, "/one/") != broken)
    body = raw_get(port, "/one/")[2]
    assert "Fixed." in body and 'id="lectern-problems"' not in body


def test_one_changed_lesson_rewrites_only_its_pages_and_neighbours(lectern, tmp_path):
    lessons = {"l%d.md" % i: "---\ntitle: Lesson %d\n---\n\n## Part\n\nText %d.\n" % (i, i) for i in range(6)}
    course = make_course(tmp_path / "many", lessons)
    port = free_port()
    process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for(lambda: is_up(port))
        public = course / "Public"
        before = {p: p.stat().st_mtime_ns for p in public.rglob("*") if p.is_file()}
        time.sleep(0.05)
        (course / "Content" / "l3.md").write_text(lessons["l3.md"].replace("Text 3.", "Changed 3."))
        assert wait_for(lambda: "Changed 3." in (public / "l3" / "index.html").read_text())
        time.sleep(0.5)
        after = {p: p.stat().st_mtime_ns for p in public.rglob("*") if p.is_file()}
        changed = sorted(str(p.relative_to(public)) for p in after if before.get(p) != after[p])
        assert changed == ["assets/search-index.js", "l3/index.html", "l3/slides/index.html"]
        (course / "Content" / "l3.md").write_text(lessons["l3.md"].replace("Lesson 3", "Renamed three"))
        assert wait_for(lambda: "Renamed three" in (public / "l4" / "index.html").read_text())
        assert "Renamed three" in (public / "l2" / "index.html").read_text()
        assert "Renamed three" in (public / "index.html").read_text()
        # Every page lists the lesson in its course contents, so a new title reaches them all.
        assert wait_for(lambda: "Renamed three" in (public / "l0" / "index.html").read_text())
    finally:
        process.terminate()
        process.wait(timeout=10)


def site_files(root):
    """Every file of a site folder by path, without the folder's marker file."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".lectern-site"}


def clean_build(lectern, course, target):
    """The files a clean `lectern build` of COURSE writes into TARGET."""
    subprocess.run([lectern, "build", str(course), "--output", str(target)], check=True, capture_output=True)
    return site_files(target)


@pytest.mark.parametrize("count", [6, 160])
def test_after_edits_the_served_site_is_what_a_clean_build_makes(lectern, tmp_path, count):
    # 160 lessons is past the size at which pages list only their own module's lessons.
    lessons = {"l%d.md" % i: "---\ntitle: Lesson %d\n---\n\n## Part\n\nText %d.\n" % (i, i) for i in range(count)}
    names = sorted(lessons, key=lambda name: int(name[1:-3]))
    modules = [("Module %d" % (m + 1), names[m::4]) for m in range(4)] if count > 6 else None
    course = make_course(tmp_path / "edited", lessons, modules)
    port = free_port()
    process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    public = course / "Public"

    def edit(name, change, page, expected):
        path = course / "Content" / name
        path.write_text(change(path.read_text()))
        assert wait_for(lambda: expected in (public / page / "index.html").read_text()), (name, expected)

    try:
        assert wait_for(lambda: is_up(port), 60)
        # A longer lesson, or one more slide, changes the course's total time, which every page
        # may show: all pages are made again. The edits after these reuse what the last made.
        edit("l5.md", lambda t: t + "\n" + "word " * 900 + "\n", "l5", "word word")
        edit("l4.md", lambda t: t + "\n## Added part\n\nMore.\n", "l4", 'id="added-part"')
        edit("l1.md", lambda t: t + "\n[See the new part](l4.md#added-part).\n", "l1", "See the new part")
        edit("l3.md", lambda t: t.replace("Text 3.", "Changed three."), "l3", "Changed three.")
        edit("l2.md", lambda t: t.replace("Lesson 2", "Renamed two"), "l2", "Renamed two")
        edit("l3.md", lambda t: t.replace("Changed three.", "Text 3."), "l3", "Text 3.")
        time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)
    served, clean = site_files(public), clean_build(lectern, course, tmp_path / "built")
    assert len(clean) > count * 2
    assert sorted(served) == sorted(clean)
    assert [name for name in clean if served[name] != clean[name]] == []


def test_an_edit_prints_its_own_findings_and_new_ones_not_the_whole_course_again(lectern, tmp_path):
    lessons = {"one.md": "---\ntitle: One\n---\n\n## Part\n\nText.\n",
               "two.md": "---\ntitle: Two\n---\n\n![missing](nope.png)\n\n[back](one.md#part)\n"}
    course = make_course(tmp_path / "noisy", lessons)
    log = tmp_path / "serve.log"
    port = free_port()
    with open(log, "w") as output:
        process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port)], stdout=output, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: "serving" in log.read_text())
        assert log.read_text().count("two.md:5:1: error:") == 1
        # The heading two.md links to goes: two.md has a new finding, printed; its old one is not.
        (course / "Content" / "one.md").write_text(lessons["one.md"].replace("## Part", "## Renamed"))
        assert wait_for(lambda: "rebuilt one.md" in log.read_text())
        text = log.read_text()
        assert text.count("two.md:5:1: error:") == 1
        assert text.count("two.md:7:1:") == 1 and "[link.missing-anchor]" in text
        # An edit that changes nothing else prints only the summary line.
        (course / "Content" / "one.md").write_text(lessons["one.md"].replace("## Part", "## Renamed") + "\nMore.\n")
        assert wait_for(lambda: log.read_text().count("rebuilt one.md") == 2)
        text = log.read_text()
        assert text.count("two.md:5:1: error:") == 1 and text.count("two.md:7:1:") == 1
        assert "(2 errors, 0 warnings)" in text.rsplit("rebuilt one.md", 1)[1]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_template_edit_renders_the_pages_again_without_reading_the_lessons_again(lectern, tmp_path):
    lessons = {"one.md": "---\ntitle: One\n---\n\n## Part\n\nText.\n",
               "two.md": "---\ntitle: Two\ndurration: 5\n---\n\nText.\n"}
    course = make_course(tmp_path / "themed", lessons)
    footer = course / "Templates" / "footer.mustache"
    footer.parent.mkdir()
    footer.write_text('<footer class="site-footer"><p>First footer</p></footer>\n')
    log = tmp_path / "serve.log"
    port = free_port()
    with open(log, "w") as output:
        process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port)], stdout=output, stderr=subprocess.STDOUT)
    page = course / "Public" / "one" / "index.html"
    try:
        assert wait_for(lambda: "serving" in log.read_text()) and "First footer" in page.read_text()
        footer.write_text('<footer class="site-footer"><p>Second footer</p></footer>\n')
        assert wait_for(lambda: "Second footer" in page.read_text())
        assert wait_for(lambda: "rebuilt the pages with Templates/footer.mustache" in log.read_text())
        text = log.read_text()
        # The lessons were not read again: their finding is not printed a second time.
        assert text.count("two.md:3:1: warning:") == 1 and text.count("built the site") == 1
        # A broken template is reported at its own line, and fixing it renders the pages again.
        footer.write_text('<footer class="site-footer">\n<p>{{#course.title}}Third footer</p></footer>\n')
        assert wait_for(lambda: re.search(r"Templates/footer\.mustache:\d+:\d+: error: .*\[template\.syntax\]", log.read_text()))
        footer.write_text('<footer class="site-footer"><p>Fourth footer</p></footer>\n')
        assert wait_for(lambda: "Fourth footer" in page.read_text())
        time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=10)
    served, clean = site_files(course / "Public"), clean_build(lectern, course, tmp_path / "built")
    assert "Fourth footer" in clean["one/index.html"].decode()
    assert [name for name in clean if served.get(name) != clean[name]] == []


def is_up(port):
    try:
        return raw_get(port, "/")[0] == 200
    except OSError:
        return False


def test_serve_starts_on_a_course_with_errors_and_takes_the_next_free_port(lectern, tmp_path):
    course = make_course(tmp_path / "broken", {"one.md": "---\ntitle: One\n---\n\n![missing](nope.png)\n\nText.\n",
                                               "two.md": "---\ntitle: Two\n---\n\nFine.\n"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port), "--output", str(tmp_path / "out")],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            used = None
            for line in process.stdout:
                if "using" in line:
                    used = int(line.rsplit(" ", 1)[1])
                if "serving" in line:
                    break
            assert used and used != port
            assert wait_for(lambda: is_up(used))
            assert "[image.missing]" in raw_get(used, "/one/")[2]
            assert "Fine." in raw_get(used, "/two/")[2] and "lectern-problems" not in raw_get(used, "/two/")[2]
            assert (tmp_path / "out" / "two" / "index.html").exists()
            assert not (course / "Public").exists()
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_open_pages_reload_after_a_rebuild_and_show_then_drop_an_error(server, browser):
    from browser import chrome, firefox
    course, port = server
    driver = chrome() if browser == "chromium" else firefox()
    # The problems panel's text while it is shown (None when absent or hidden), and the lesson's
    # text; a page caught between unloading and loading has neither yet.
    script = ("const panel = document.getElementById('lectern-problems');"
              "const shown = panel && panel.getClientRects().length > 0 && getComputedStyle(panel).visibility !== 'hidden';"
              "const main = document.querySelector('main');"
              "return [shown ? panel.innerText : null, main ? main.innerText : ''];")

    def state():
        try:
            value = driver.execute_script(script)
        except Exception:
            value = None
        return value if isinstance(value, list) and len(value) == 2 else [None, ""]

    try:
        driver.get("http://127.0.0.1:%d/one/" % port)
        assert wait_for(lambda: "First version." in state()[1], 15)
        assert state()[0] is None
        lesson = course / "Content" / "one.md"
        lesson.write_text(lesson.read_text().replace("First version.", "Reloaded version.") + "\n![missing](nope.png)\n")
        problems = wait_for(lambda: state()[0], 15)
        assert problems and "does not exist in Content/" in problems
        assert wait_for(lambda: "Reloaded version." in state()[1], 15)
        lesson.write_text(lesson.read_text().replace("![missing](nope.png)", "Fixed now."))
        assert wait_for(lambda: "Fixed now." in state()[1], 15)
        assert state()[0] is None
        assert driver.execute_script("return document.querySelectorAll('script:not([src])').length") == 0
    finally:
        driver.quit()


def test_a_save_made_while_the_first_build_runs_is_not_lost(lectern, tmp_path):
    lessons = {"l%03d.md" % i: "---\ntitle: Lesson %d\n---\n\n## Part\n\n%s\n" % (i, "Words. " * 300) for i in range(300)}
    course = make_course(tmp_path / "big", lessons)
    port = free_port()
    process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.3)
        (course / "Content" / "l150.md").write_text(lessons["l150.md"] + "\nSaved early.\n")
        page = course / "Public" / "l150" / "index.html"
        assert wait_for(lambda: page.exists() and "Saved early." in page.read_text(), seconds=60)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_stopping_serve_leaves_no_lock_file_beside_the_site(lectern, tmp_path, stop):
    course = make_course(tmp_path / "stopped", {"one.md": "---\ntitle: One\n---\n\nText.\n"})
    port = free_port()
    process = subprocess.Popen([lectern, "serve", str(course), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: is_up(port))
        assert (course / ".Public.lectern-lock").exists()
        process.send_signal(stop)
        assert process.wait(timeout=10) == -stop
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert not (course / ".Public.lectern-lock").exists()
    assert (course / "Public" / "one" / "index.html").exists()
