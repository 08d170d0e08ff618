"""axe (WCAG 2.1 A/AA and best-practice rules, every impact level) over every page type and
state of the sample course, in light and dark, on a desk and on a phone: no finding at all."""
import time

import pytest
from selenium_axe_python import Axe

from browser import chrome

LESSON = "foundations/data-quality/"
STATES = {
    "home": ("", None),
    "lesson": (LESSON, None),
    "lesson-after-an-answer": (LESSON, "var input = document.querySelector('.quiz .quiz-choice input');"
                                       "input.click(); input.closest('.quiz-question').querySelector('.quiz-check').click();"),
    "search-results": ("search/?q=model", None),
    "not-found": ("404.html", None),
    "deck": (LESSON + "slides/", None),
    "deck-overview": (LESSON + "slides/", "document.querySelector('.deck-overview-button').click();"),
    "presenter-view": (LESSON + "slides/?presenter", None),
}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_nothing(sample_server, state, dark, width):
    page, action = STATES[state]
    driver = chrome(width=width, dark=dark)
    try:
        driver.get(sample_server + page)
        expected = "rgb(19, 22, 27)" if dark else "rgb(255, 255, 255)"
        if not page.endswith("slides/") and "presenter" not in page:
            assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == expected
        if action:
            driver.execute_script(action)
        if state == "search-results":
            deadline = time.time() + 10
            while not driver.find_elements("css selector", ".search-page-results li") and time.time() < deadline:
                time.sleep(0.1)
        time.sleep(0.3)
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        assert violations == [], axe.report(violations)
    finally:
        driver.quit()
