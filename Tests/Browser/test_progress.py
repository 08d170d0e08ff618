"""Learner progress in Chromium: statuses, dashboard, robust storage, export/import, tabs."""
import json
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import chrome, serve, text_at
from conftest import make_course, run

LESSONS = {
    "a/one.md": "---\ntitle: One\nduration: 10\n---\n\n## Start\n\nShort lesson.\n",
    "a/two.md": "---\ntitle: Two\nduration: 20\n---\n\n## Body\n\n" + "Long text. " * 800 + "\n",
    "b/three.md": "---\ntitle: Three\nduration: 30\n---\n\n::: {.quiz #q}\n1. Pick yes.\n   - [x] yes\n   - [ ] no\n:::\n",
}
MODULES = [("First", ["a/one.md", "a/two.md"]), ("Second", ["b/three.md"])]


def build(lectern, root, course_id="progress-test", offline=False):
    course = make_course(root, LESSONS, MODULES)
    yml = course / "Content" / "course.yml"
    yml.write_text(yml.read_text().replace("title: Test Course", "title: Test Course\nid: %s" % course_id))
    args = ["build", str(course)] + (["--offline"] if offline else [])
    assert run(lectern, *args).returncode == 0
    return course / "Public"


@pytest.fixture(params=["http", "file"])
def site(request, lectern, tmp_path):
    public = build(lectern, tmp_path / "c", offline=request.param == "file")
    if request.param == "file":
        yield lambda page: (public / (page + "index.html" if page else "index.html")).as_uri()
    else:
        with serve(public) as base:
            yield lambda page: base + page


@pytest.fixture()
def driver(tmp_path):
    browser = chrome(downloads=tmp_path / "downloads")
    yield browser
    browser.quit()


def card_status(driver, lesson):
    return driver.find_element(By.CSS_SELECTOR, '.lesson-card[data-lesson="%s"] .lesson-status' % lesson).text


def overall(driver):
    # Read in one step: every change to the record draws the label anew, and an element found
    # in one call may be gone by the next.
    return driver.execute_script("return document.querySelector('.course-progress .progress-label').textContent")


def test_statuses_dashboard_and_continue(site, driver):
    driver.get(site(""))
    assert card_status(driver, "a/one") == "Not Started"
    assert overall(driver) == "0 of 3 lessons completed · 60 min left"
    # A first visit offers the first lesson.
    start = driver.find_element(By.CSS_SELECTOR, ".continue a")
    assert start.is_displayed() and start.text == "Start the course: One"

    driver.get(site("a/two/"))
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "In Progress"
    driver.get(site(""))
    assert card_status(driver, "a/two") == "In Progress"
    link = driver.find_element(By.CSS_SELECTOR, ".continue a")
    assert link.text.endswith("Two")

    driver.get(site("a/one/"))
    button = driver.find_element(By.CSS_SELECTOR, ".mark-complete")
    button.click()
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "Completed ✓"
    assert driver.find_element(By.CSS_SELECTOR, ".next-prompt").is_displayed()
    driver.get(site(""))
    assert card_status(driver, "a/one") == "Completed ✓"
    assert overall(driver) == "1 of 3 lessons completed · 50 min left"
    assert driver.find_element(By.CSS_SELECTOR, '.module-progress[data-module="1"] .progress-label').text == "1 of 2 lessons completed"

    driver.get(site("a/one/"))
    driver.find_element(By.CSS_SELECTOR, ".mark-complete").click()
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "In Progress"


def test_reading_to_the_end_and_passing_the_quiz_completes(site, driver):
    driver.get(site("a/two/"))
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    WebDriverWait(driver, 5).until(lambda d: text_at(d, ".lesson-meta .lesson-status") == "Completed ✓")
    driver.get(site("b/three/"))
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    time.sleep(0.6)
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "In Progress"
    driver.find_element(By.CSS_SELECTOR, ".quiz-choice input[value='0']").click()
    driver.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    WebDriverWait(driver, 5).until(lambda d: text_at(d, ".lesson-meta .lesson-status") == "Completed ✓")
    driver.get(site(""))
    assert "Quiz 1/1 ✓" in driver.find_element(By.CSS_SELECTOR, '.lesson-card[data-lesson="b/three"]').text


@pytest.mark.parametrize("stored, words", [("{broken", "could not be read"),
                                           ('{"version": 7, "course": "progress-test", "lessons": {}}', "newer version")])
def test_unreadable_records_are_set_aside_with_a_notice(site, driver, stored, words):
    driver.get(site(""))
    # Without its link to the shared record, the open page cannot repair what is written next.
    driver.execute_script("document.querySelector('iframe.lectern-store').remove();"
                          "localStorage.setItem('lectern:v1:progress-test', arguments[0])", stored)
    driver.get(site(""))
    notice = driver.find_element(By.CSS_SELECTOR, ".progress-notice")
    assert notice.is_displayed() and words in notice.text
    backups = driver.execute_script("return Object.keys(localStorage).filter(k => k.indexOf(':backup:') > 0)"
                                    ".map(k => localStorage.getItem(k))")
    assert backups == [stored]
    assert card_status(driver, "a/one") == "Not Started"
    driver.get(site("a/one/"))
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "In Progress"


def test_storage_unavailable_still_works_for_the_visit(site, driver):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"})
    driver.get(site("a/one/"))
    notice = driver.find_element(By.CSS_SELECTOR, ".progress-notice")
    assert notice.is_displayed() and "not being saved" in notice.text
    driver.find_element(By.CSS_SELECTOR, ".mark-complete").click()
    assert driver.find_element(By.CSS_SELECTOR, ".lesson-meta .lesson-status").text == "Completed ✓"
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


import contextlib


@contextlib.contextmanager
def origin(transport, folder, offline_links):
    """Yields url(page) for a folder served over http, or opened from file:// (one origin for all files)."""
    if transport == "file":
        yield lambda page: (folder / (page + "index.html" if not page or page.endswith("/") else page)).as_uri()
    else:
        with serve(folder, prefix="/site/") as base:
            yield lambda page: base + page


@pytest.mark.parametrize("transport", ["http", "file"])
def test_two_courses_on_one_origin_do_not_collide(lectern, tmp_path, driver, transport):
    offline = transport == "file"
    root = tmp_path / "both"
    root.mkdir()
    (root / "one").symlink_to(build(lectern, tmp_path / "one", course_id="course-one", offline=offline))
    (root / "two").symlink_to(build(lectern, tmp_path / "two", course_id="course-two", offline=offline))
    with origin(transport, root, offline) as url:
        driver.get(url("one/a/one/"))
        driver.find_element(By.CSS_SELECTOR, ".mark-complete").click()
        driver.get(url("two/"))
        assert card_status(driver, "a/one") == "Not Started"
        driver.get(url("one/"))
        assert card_status(driver, "a/one") == "Completed ✓"


@pytest.mark.parametrize("transport", ["http", "file"])
def test_export_reset_import_restores_the_dashboard(lectern, tmp_path, driver, transport):
    public = build(lectern, tmp_path / "c", offline=transport == "file")
    with origin(transport, public, transport == "file") as url:
        driver.get(url("a/one/"))
        driver.find_element(By.CSS_SELECTOR, ".mark-complete").click()
        driver.get(url("a/two/"))
        driver.get(url(""))
        before = [card_status(driver, id) for id in ("a/one", "a/two", "b/three")] + [overall(driver)]
        driver.find_element(By.CSS_SELECTOR, ".progress-export").click()
        exported = tmp_path / "downloads" / "progress-progress-test.json"
        WebDriverWait(driver, 10).until(lambda d: exported.exists())
        assert json.loads(exported.read_text())["course"] == "progress-test"

        driver.find_element(By.CSS_SELECTOR, ".progress-reset").click()
        driver.switch_to.alert.accept()
        assert card_status(driver, "a/one") == "Not Started"
        driver.find_element(By.CSS_SELECTOR, ".progress-import").send_keys(str(exported))
        WebDriverWait(driver, 5).until(lambda d: text_at(d, ".progress-message") == "Progress imported.")
        after = [card_status(driver, id) for id in ("a/one", "a/two", "b/three")] + [overall(driver)]
        assert after == before

        foreign = tmp_path / "foreign.json"
        foreign.write_text(json.dumps({"version": 1, "course": "someone-else", "lessons": {}}))
        driver.find_element(By.CSS_SELECTOR, ".progress-import").send_keys(str(foreign))
        WebDriverWait(driver, 5).until(lambda d: "another course" in (text_at(d, ".progress-message") or ""))
        assert [card_status(driver, id) for id in ("a/one", "a/two", "b/three")] + [overall(driver)] == before


@pytest.mark.parametrize("transport", ["http", "file"])
def test_open_tabs_stay_in_step(lectern, tmp_path, driver, transport):
    public = build(lectern, tmp_path / "c", offline=transport == "file")
    with origin(transport, public, transport == "file") as url:
        driver.get(url(""))
        home = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(url("a/one/"))
        driver.find_element(By.CSS_SELECTOR, ".mark-complete").click()
        driver.switch_to.window(home)
        WebDriverWait(driver, 5).until(lambda d: card_status(d, "a/one") == "Completed ✓")
        assert overall(driver).startswith("1 of 3")


def test_dashboard_screenshot_on_request(lectern, tmp_path):
    import os
    import shutil
    from conftest import ROOT
    folder = os.environ.get("LECTERN_SCREENSHOTS")
    if not folder:
        pytest.skip("set LECTERN_SCREENSHOTS=DIR to save screenshots")
    course = tmp_path / "sample"
    shutil.copytree(ROOT / "Content", course / "Content")
    assert run(lectern, "build", str(course)).returncode == 0
    browser = chrome(width=1280, height=1400)
    try:
        with serve(course / "Public") as base:
            for page in ("foundations/why-ml-systems-differ/", "foundations/framing-problems/", "design/system-architecture/"):
                browser.get(base + page)
            browser.get(base + "foundations/why-ml-systems-differ/")
            browser.find_element(By.CSS_SELECTOR, ".mark-complete").click()
            browser.get(base + "foundations/framing-problems/")
            browser.find_element(By.CSS_SELECTOR, ".mark-complete").click()
            browser.get(base + "design/system-architecture/")
            browser.get(base)
            os.makedirs(folder, exist_ok=True)
            browser.save_screenshot(os.path.join(folder, "dashboard-half-done.png"))
    finally:
        browser.quit()


def random_value(rng, depth=0):
    """A random JSON value: the shapes a damaged or hand-edited record can hold."""
    kinds = ["null", "true", "number", "string", "list", "object"] if depth < 3 else ["null", "number", "string"]
    kind = rng.choice(kinds)
    if kind == "null":
        return None
    if kind == "true":
        return rng.choice([True, False])
    if kind == "number":
        return rng.choice([0, -1, 1.5, 3, 1e308, 2 ** 53])
    if kind == "string":
        return rng.choice(["", "x", "2026-01-01T00:00:00Z", "true", "<b>", "a/one"])
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["0", "1", "hash", "answers", "x", "a/one"]): random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def damaged_record(seed):
    """A version-1 record for the test course in which some fields, at any depth, have a random shape."""
    import random
    rng = random.Random(seed)
    lesson = {"firstVisit": "2026-01-01T00:00:00Z", "lastVisit": "2026-01-02T00:00:00Z", "read": 0.5,
              "slidesSeen": [1], "marked": None, "markedAt": None, "completed": False, "completedAt": None}
    quiz = {"hash": "stale", "answers": {"0": ["0"]}, "checked": {"0": False}, "attempts": {"0": 1},
            "best": 0, "passed": False, "total": 1, "updated": "2026-01-01T00:00:00Z"}
    record = {"version": 1, "course": "progress-test", "seed": 5, "updated": "2026-01-02T00:00:00Z", "last": "a/one",
              "lessons": {"a/one": dict(lesson), "b/three": dict(lesson)}, "quizzes": {"b/three/q": dict(quiz)}}
    for container in [record, record["lessons"], record["lessons"]["a/one"], record["lessons"]["b/three"],
                      record["quizzes"], record["quizzes"]["b/three/q"]]:
        for key in list(container):
            if key not in ("version", "course") and rng.random() < 0.35:
                container[key] = random_value(rng)
    return record


def test_random_damage_to_the_stored_record_never_breaks_a_page(lectern, tmp_path, driver):
    public = build(lectern, tmp_path / "c")
    with serve(public) as base:
        for seed in range(24):
            stored = json.dumps(damaged_record(seed))
            driver.get(base)
            driver.execute_script("document.querySelector('iframe.lectern-store').remove();"
                                  "localStorage.clear(); localStorage.setItem('lectern:v1:progress-test', arguments[0])",
                                  stored)
            driver.get_log("browser")
            for page in ["", "a/one/", "a/one/slides/", "search/?q=lesson", "b/three/"]:
                driver.get(base + page)
                WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
            driver.get(base)
            # The dashboard is drawn again when the shared record arrives; read it in one step.
            WebDriverWait(driver, 5).until(lambda d: d.execute_script(
                "var label = document.querySelector('.course-progress .progress-label');"
                "return label && /lessons completed/.test(label.textContent);"), stored)
            driver.get(base + "b/three/")
            quiz_class = lambda d: d.find_element(By.CSS_SELECTOR, ".quiz").get_attribute("class")
            WebDriverWait(driver, 5).until(lambda d: "quiz-ready" in quiz_class(d), stored)
            driver.execute_script("document.querySelector('.quiz-choice[data-correct=\"true\"] input').click();"
                                  "document.querySelector('.quiz-check').click();")
            WebDriverWait(driver, 5).until(lambda d: "quiz-passed" in quiz_class(d), stored)
            errors = [entry["message"] for entry in driver.get_log("browser")
                      if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
            assert errors == [], (seed, stored, errors)
