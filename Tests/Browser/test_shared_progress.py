"""One learner record for every page of a course, in Chromium and in Firefox (whose file://
pages each have a storage of their own), from disk (also under safe mode's policy) and over
http under a sub-path; and the site's quizzes, search and deck keys in Firefox."""
import time

import pytest

from browser import chrome, firefox, serve
from conftest import make_course, run

LESSONS = {
    "one.md": "---\ntitle: One\n---\n\n## Start\n\nA short lesson.\n",
    "two.md": "---\ntitle: Two\n---\n\n## Middle\n\nAnother lesson about gradient descent.\n",
    "deck.md": ("---\ntitle: Deck\n---\n\n## First slide\n\nWords.\n\n## Check\n\n"
                "::: {.quiz #q}\n1. Pick yes.\n   - [x] yes\n   - [ ] no\n:::\n\n## Last slide\n\nDone.\n"),
}
RIGHT = "\ue014"


@pytest.fixture(params=["chromium", "firefox"])
def browser(request):
    driver = chrome() if request.param == "chromium" else firefox()
    yield driver
    driver.quit()


@pytest.fixture(params=["file", "http", "file-safe"])
def site(request, lectern, tmp_path):
    """The course from disk, over http, and from disk with `safe: true`, whose pages carry a
    Content-Security-Policy that the shared record's frame must work under."""
    course = make_course(tmp_path / "c", LESSONS)
    if request.param == "file-safe":
        with open(course / "Content" / "course.yml", "a") as config:
            config.write("safe: true\n")
    assert run(lectern, "build", str(course)).returncode == 0
    public = course / "Public"
    if request.param.startswith("file"):
        yield lambda page: (public / (page + "index.html")).as_uri()
    else:
        with serve(public, prefix="/deep/course/") as base:
            yield lambda page: base + page


def wait(driver, script, expected=True, timeout=10):
    deadline = time.time() + timeout
    value = None
    while time.time() < deadline:
        value = driver.execute_script(script)
        if value == expected:
            return value
        time.sleep(0.1)
    raise AssertionError("%s gave %r, not %r" % (script, value, expected))


def settled(driver):
    """Waits until the page has merged the shared record in."""
    wait(driver, "var done = false; window.LecternStore.ready(function () { done = true; }); return done;")


def answer(driver, correct):
    """Picks the right (or a wrong) option of the page's first quiz and checks it."""
    driver.execute_script("""
        var quiz = document.querySelector('.quiz');
        quiz.querySelector('.quiz-choice[data-correct="' + arguments[0] + '"] input').click();
        quiz.querySelector('.quiz-check').click();""", "true" if correct else "false")


def test_completing_a_lesson_shows_on_the_home_page_and_on_another_lesson(site, browser):
    browser.get(site("one/"))
    settled(browser)
    browser.execute_script("document.querySelector('.mark-complete').click()")
    wait(browser, "return document.querySelector('.lesson-meta .lesson-status').getAttribute('data-status')", "completed")
    browser.get(site(""))
    settled(browser)
    wait(browser, "return document.querySelector('.lesson-card[data-lesson=one] .lesson-status').getAttribute('data-status')",
         "completed")
    browser.get(site("two/"))
    settled(browser)
    assert browser.execute_script("return window.LecternStore.record.lessons.one.completed") is True
    # The course contents beside the other lesson show it done.
    wait(browser, "return document.querySelector('.course-nav a[data-lesson=one] .nav-status').getAttribute('data-status')",
         "completed")
    assert browser.execute_script("return document.querySelector('.progress-notice').hidden") is True


def test_a_quiz_answered_on_the_page_shows_on_the_deck(site, browser):
    browser.get(site("deck/"))
    settled(browser)
    answer(browser, correct=True)
    wait(browser, "return document.querySelector('.quiz .quiz-question').classList.contains('quiz-correct')")
    browser.get(site("deck/slides/") + "#/3")
    wait(browser, "return !!document.querySelector('.quiz.quiz-ready')")
    assert browser.execute_script("return document.querySelector('.quiz .quiz-question').classList.contains('quiz-correct')")
    assert "Score 1/1" in browser.execute_script("return document.querySelector('.quiz .quiz-status').textContent")


def test_the_theme_choice_follows_the_learner(site, browser):
    browser.get(site("one/"))
    settled(browser)
    before = browser.execute_script("return document.documentElement.getAttribute('data-theme')")
    browser.execute_script("document.querySelector('.theme-toggle').click()")
    chosen = browser.execute_script("return document.documentElement.getAttribute('data-theme')")
    assert chosen in ("dark", "light") and chosen != before
    browser.get(site("two/"))
    wait(browser, "return document.documentElement.getAttribute('data-theme')", chosen)


def test_quiz_search_and_deck_keys_in_firefox(site):
    driver = firefox()
    try:
        driver.get(site("deck/"))
        settled(driver)
        answer(driver, correct=False)
        assert driver.execute_script("return document.querySelector('.quiz .quiz-question').classList.contains('quiz-incorrect')")
        driver.type_into("#site-search-input", "gradient")
        wait(driver, "var p = document.querySelector('.search-popup'); return !p.hidden && p.textContent.indexOf('Two') >= 0")
        driver.get(site("deck/slides/"))
        wait(driver, "return document.querySelector('.deck-number').textContent.trim().indexOf('1 /') === 0")
        driver.type_into("body", RIGHT)
        wait(driver, "return document.querySelector('.deck-number').textContent.trim().indexOf('2 /') === 0")
    finally:
        driver.quit()


def test_a_page_that_cannot_reach_the_shared_record_says_so(lectern, tmp_path):
    course = make_course(tmp_path / "c", LESSONS)
    assert run(lectern, "build", str(course)).returncode == 0
    (course / "Public" / "assets" / "store.html").unlink()
    driver = firefox()
    try:
        driver.get((course / "Public" / "one" / "index.html").as_uri())
        wait(driver, "return !document.querySelector('.progress-notice').hidden", timeout=8)
        text = driver.execute_script("return document.querySelector('.progress-notice').textContent")
        assert "Export and Import" in text
        # The page still works on its own storage.
        driver.execute_script("document.querySelector('.mark-complete').click()")
        wait(driver, "return document.querySelector('.lesson-meta .lesson-status').getAttribute('data-status')", "completed")
    finally:
        driver.quit()
