"""Slide decks in Chromium: keys and hash, fragments, overview, speaker view both ways on http and
file://, print one page per slide, axe, and small screens."""
import base64
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from browser import chrome, serve, text_at
from conftest import make_course, run

DECK = """---
title: Deck test
author: A. Lecturer
footer: Deck footer text
---

# Part one

## First

Opening text.

. . .

After a pause.

::: notes
Say hello first.
:::

## Second

::: incremental
- alpha
- beta
:::

# Part two

## Third

:::::: {.columns}
::: {.column width="50%"}
Left
:::
::: {.column width="50%"}
Right
:::
::::::
"""


@pytest.fixture(params=["http", "file"])
def deck(request, lectern, tmp_path):
    course = make_course(tmp_path / "deck", {"talk.md": DECK})
    offline = request.param == "file"
    assert run(lectern, "build", str(course), *(["--offline"] if offline else [])).returncode == 0
    public = course / "Public"
    if offline:
        yield (public / "talk" / "slides" / "index.html").as_uri()
    else:
        with serve(public) as base:
            yield base + "talk/slides/"


@pytest.fixture()
def driver():
    browser = chrome(1280, 820)
    yield browser
    browser.quit()


def number(driver):
    return driver.find_element(By.CSS_SELECTOR, ".deck-number").text


def press(driver, *keys):
    for key in keys:
        ActionChains(driver).send_keys(key).perform()


def visible_fragments(driver):
    return len(driver.find_elements(By.CSS_SELECTOR, ".slide.is-current .fragment.is-visible"))


def test_keys_hash_and_fragments(deck, driver):
    driver.get(deck)
    assert number(driver) == "1 / 6"
    assert "Deck footer text" in driver.find_element(By.CSS_SELECTOR, ".deck-footer").text
    press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert number(driver) == "3 / 6" and driver.current_url.endswith("#/3")
    assert visible_fragments(driver) == 0
    press(driver, Keys.SPACE)
    assert number(driver) == "3 / 6" and visible_fragments(driver) == 1
    press(driver, Keys.PAGE_DOWN)
    assert number(driver) == "4 / 6" and visible_fragments(driver) == 0
    press(driver, Keys.ARROW_DOWN)
    assert visible_fragments(driver) == 1
    texts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".slide.is-current li.fragment.is-visible")]
    assert texts == ["alpha"]
    press(driver, Keys.ARROW_DOWN)
    assert visible_fragments(driver) == 2
    press(driver, Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_UP)
    assert number(driver) == "3 / 6" and visible_fragments(driver) == 1
    press(driver, Keys.END)
    assert number(driver) == "6 / 6"
    press(driver, Keys.HOME)
    assert number(driver) == "1 / 6"
    press(driver, "5", Keys.ENTER)
    assert number(driver) == "5 / 6"
    driver.get(deck.split("#")[0] + "#/4")
    driver.refresh()
    assert number(driver) == "4 / 6"


def test_overview_and_click_to_jump(deck, driver):
    driver.get(deck)
    press(driver, "o")
    assert "deck-overview" in driver.find_element(By.TAG_NAME, "body").get_attribute("class")
    slides = driver.find_elements(By.CSS_SELECTOR, ".deck-canvas > .slide")
    assert all(slide.is_displayed() for slide in slides)
    driver.execute_script("arguments[0].click()", slides[5])
    assert "deck-overview" not in driver.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert number(driver) == "6 / 6"


def test_speaker_view_follows_and_drives(deck, driver):
    driver.get(deck)
    main = driver.current_window_handle
    press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    press(driver, "s")
    WebDriverWait(driver, 5).until(lambda d: len(d.window_handles) == 2)
    speaker = [handle for handle in driver.window_handles if handle != main][0]
    driver.switch_to.window(speaker)
    position = lambda: text_at(driver, ".speaker-position")
    WebDriverWait(driver, 5).until(lambda d: position() == "Slide 3 of 6")
    assert "Say hello first." in text_at(driver, ".speaker-notes-body")
    # "First" has a pause: what comes next is its second step, then the next slide.
    assert text_at(driver, ".speaker-frame-next h2") == "First"
    assert text_at(driver, ".speaker-next-label").lower() == "next: step 1 of 1"
    driver.switch_to.window(main)
    press(driver, Keys.ARROW_DOWN)
    driver.switch_to.window(speaker)
    WebDriverWait(driver, 5).until(lambda d: text_at(d, ".speaker-frame-next h2") == "Second")
    assert re.match(r"\d\d:\d\d", driver.find_element(By.CSS_SELECTOR, ".speaker-elapsed").text)
    driver.switch_to.window(main)
    press(driver, Keys.ARROW_DOWN)
    driver.switch_to.window(speaker)
    WebDriverWait(driver, 5).until(lambda d: position() == "Slide 4 of 6")
    press(driver, Keys.END)
    driver.switch_to.window(main)
    WebDriverWait(driver, 5).until(lambda d: number(d) == "6 / 6")


def test_print_mode_yields_one_page_per_slide(deck, driver):
    driver.get(deck.split("#")[0] + "?print")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 6
    driver.get(deck.split("#")[0] + "?handout")
    assert any(n.is_displayed() and "Say hello first." in n.text for n in driver.find_elements(By.CSS_SELECTOR, ".handout-notes"))


def test_deck_accessibility_and_lesson_links(deck, driver):
    driver.get(deck)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)
    driver.find_element(By.CSS_SELECTOR, ".deck-back").click()
    link = driver.find_element(By.LINK_TEXT, "Slides")
    assert "slides" in link.get_attribute("href")


@pytest.mark.parametrize("size", [(1280, 720), (375, 667)])
def test_deck_fits_the_window(deck, size):
    driver = chrome(*size)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 600})
        driver.get(deck)
        rect = driver.execute_script("var r = document.querySelector('.slide.is-current').getBoundingClientRect();"
                                     "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];")
        assert rect[0] >= -1 and rect[1] >= -1 and rect[2] <= rect[4] + 1 and rect[3] <= rect[5] + 1
        driver.find_element(By.CSS_SELECTOR, ".deck-next").click()
        assert number(driver) == "2 / 6"
    finally:
        driver.quit()


def test_slides_seen_count_toward_progress(deck, driver):
    driver.get(deck)
    press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    seen = driver.execute_script("var r = JSON.parse(localStorage.getItem('lectern:v1:test-course'));"
                                 "return r.lessons['talk'].slidesSeen;")
    assert seen == [0, 1, 2]


def test_seed_lecture_deck(lectern, seed_course, driver):
    course, text = seed_course
    assert run(lectern, "build", str(course)).returncode == 0
    page = (course / "Public" / "lecture" / "slides" / "index.html").read_text()
    level_two = len(re.findall(r"^## ", text, re.M))
    level_one = len(re.findall(r"^# ", text, re.M))
    assert page.count('class="slide slide-content') == level_two
    assert page.count('class="slide slide-section') == level_one
    canvas = page.split('<div class="deck-canvas">', 1)[1].split("</main>", 1)[0]
    visible = re.sub(r"<[^>]+>", "", canvas)
    for artefact in [":::", "{width", "{target", "{.", "{#", "title:"]:
        assert artefact not in visible, artefact
    with serve(course / "Public") as base:
        driver.get(base + "lecture/slides/")
        titles = driver.execute_script("return Array.from(document.querySelectorAll('.slide h2')).map(h => h.textContent)")
        driver.get(base + "lecture/slides/#/%d" % (titles.index("Recall") + 3))
        left, right = driver.find_elements(By.CSS_SELECTOR, ".slide.is-current .column")
        assert left.rect["x"] < right.rect["x"] and abs(left.rect["y"] - right.rect["y"]) < 5


def test_click_zones(deck, driver):
    driver.get(deck)
    viewport = driver.find_element(By.CSS_SELECTOR, ".deck-viewport")
    width = driver.execute_script("return innerWidth")
    ActionChains(driver).move_to_element_with_offset(viewport, int(width * 0.3), 0).click().perform()
    assert number(driver) == "2 / 6"
    ActionChains(driver).move_to_element_with_offset(viewport, -int(width * 0.4), 0).click().perform()
    assert number(driver) == "1 / 6"


def test_quiz_state_is_shared_between_page_and_deck(lectern, tmp_path, driver):
    lesson = "---\ntitle: Shared\n---\n\n## Question slide\n\n::: {.quiz #shared}\n1. Pick yes.\n   - [x] yes\n   - [ ] no\n:::\n"
    course = make_course(tmp_path / "shared", {"shared.md": lesson})
    assert run(lectern, "build", str(course)).returncode == 0
    with serve(course / "Public") as base:
        driver.get(base + "shared/")
        driver.find_element(By.CSS_SELECTOR, ".quiz-choice input[value='0']").click()
        driver.find_element(By.CSS_SELECTOR, ".quiz-check").click()
        driver.get(base + "shared/slides/#/2")
        result = driver.find_element(By.CSS_SELECTOR, ".slide.is-current .quiz-result")
        assert result.text == "Correct."
        assert driver.find_element(By.CSS_SELECTOR, ".slide.is-current .quiz-choice input[value='0']").is_selected()


PANES = """
const frame = document.querySelector('.speaker-frame-current'), pane = document.querySelector('.speaker-current');
const copy = frame.querySelector('.slide'), next = document.querySelector('.speaker-frame-next .slide');
const boxes = ['.speaker-bar', '.speaker-frame-current', '.speaker-frame-next', '.speaker-notes']
  .map(s => document.querySelector(s).getBoundingClientRect());
const overlaps = boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
const f = frame.getBoundingClientRect(), c = copy.getBoundingClientRect();
return {frame: f.width, pane: pane.getBoundingClientRect().width, copyWidth: c.width, copyHeight: c.height, frameHeight: f.height,
        heading: copy.querySelector('h1, h2').textContent, next: next ? next.querySelector('h1, h2').textContent : null,
        overlaps, notes: parseFloat(getComputedStyle(document.querySelector('.speaker-notes-body')).fontSize),
        elapsed: document.querySelector('.speaker-elapsed').textContent};
"""


def test_presenter_view_in_one_window_fills_its_panes(deck, driver):
    driver.set_window_size(1400, 900)
    driver.get(deck.split("#")[0] + "?presenter#/4")
    time.sleep(0.6)
    view = driver.execute_script(PANES)
    assert view["frame"] >= 0.9 * view["pane"], view
    assert abs(view["copyWidth"] - view["frame"]) < 3 and abs(view["copyHeight"] - view["frameHeight"]) < 3, view
    # "Second" is an incremental list: what comes next is its next item.
    assert view["heading"] == "Second" and view["next"] == "Second"
    assert not view["overlaps"], view
    driver.find_elements(By.CSS_SELECTOR, ".speaker-zoom")[1].click()
    assert driver.execute_script(PANES)["notes"] > view["notes"]
    # The presenter drives the deck from the same window.
    press(driver, Keys.END)
    WebDriverWait(driver, 5).until(lambda d: text_at(d, ".speaker-position") == "Slide 6 of 6")
    driver.find_element(By.CSS_SELECTOR, ".speaker-pause").click()
    paused = driver.execute_script(PANES)["elapsed"]
    time.sleep(1.2)
    assert driver.execute_script(PANES)["elapsed"] == paused
