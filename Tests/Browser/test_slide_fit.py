"""Slides fit the 1280×720 canvas: long lists, tall images and wide code are scaled down
until every box lies inside the slide, on screen and on paper; `?print` gives one page per
slide. Also the fitting classes `.r-stretch` and `.scrollable`."""
import base64
import re
import struct
import time
import zlib

import pytest

from browser import chrome, firefox
from conftest import make_course, run


def png(width, height):
    """A real PNG of the given size (one colour)."""
    raw = b"".join(b"\x00" + b"\x4a\x7a\xd0" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


LECTURE = """---
title: Fitting
---

## A short slide

Just one line.

## A long list

%s

## A tall image

Some words above.

![A tall figure](tall.png)

## Wide code

```python
%s
```

## Columns with an image

:::: {.columns}
::: {.column width="50%%"}
![Wide](wide.png)
:::
::: {.column width="50%%"}
%s
:::
::::

## Stretched {.stretchy}

Above the picture.

![](wide.png){.r-stretch}

## Long but scrollable {.scrollable}

%s
""" % ("\n".join("- Point number %d with a few more words to fill the line" % i for i in range(20)),
       "\n".join("value_%d = compute(%d) + compute(%d) * 2  # step %d" % (i, i, i + 1, i) for i in range(18)),
       "\n".join("- Reason %d" % i for i in range(14)),
       "\n".join("- Item %d" % i for i in range(40)))


STEPS = """---
title: Steps
---

## Ordered steps

::: {.fragment fragment-index=2}
Later
:::

::: {.fragment fragment-index=1}
Sooner
:::

::: {.fragment fragment-index=1}
Together with sooner
:::

## Stacked

::: {.r-stack}
![](wide.png){width=50%}

![](tall.png){width=10%}
:::

## Columns in turn

:::: {.columns}
::: {.column width="50%"}
Left
:::

. . .

::: {.column width="50%"}
Right
:::
::::

## Night {data-background-color="#102030"}

Light words on a dark slide.
"""


@pytest.fixture(scope="module")
def fit_course(lectern, tmp_path_factory):
    root = tmp_path_factory.mktemp("fit")
    notes = "---\ntitle: Notes\n---\n\n" + "".join(
        "## Slide %d\n\nA point.\n\n%s" % (i, "::: notes\nSay this about slide %d, at some length.\n:::\n\n" % i if i % 2 else "")
        for i in range(6))
    grid = "---\ntitle: Grid\n---\n\n# Part A\n\n## A1\n\nText.\n\n## A2\n\nText.\n\n# Part B\n\n## B1\n\nText.\n"
    course = make_course(root / "course", {"fit.md": LECTURE, "notes.md": notes, "steps.md": STEPS, "grid.md": grid},
                         modules=[("Module", ["fit.md", "notes.md", "steps.md", "grid.md"])])
    (course / "Content" / "tall.png").write_bytes(png(600, 1800))
    (course / "Content" / "wide.png").write_bytes(png(1600, 900))
    result = run(lectern, "build", str(course))
    assert result.returncode == 0, result.stderr
    return course / "Public" / "fit" / "slides" / "index.html"


OUTSIDE = """
const slide = arguments[0] ? document.querySelectorAll('.deck-canvas > .slide')[arguments[0] - 1]
                           : document.querySelector('.slide.is-current');
const s = slide.getBoundingClientRect();
const boxes = [...slide.querySelectorAll('.slide-body *')]
  .filter(e => e.getClientRects().length && !e.closest('.notes') && !e.closest('.fragment:not(.is-visible)'))
  .map(e => [e.tagName, e.getBoundingClientRect()]).filter(([t, r]) => r.width > 0 && r.height > 0);
const outside = boxes.filter(([t, r]) => r.bottom > s.bottom + 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.left < s.left - 1)
  .map(([t, r]) => t + ' bottom+' + Math.round(r.bottom - s.bottom) + ' right+' + Math.round(r.right - s.right));
const body = slide.querySelector('.slide-body');
return {outside, count: boxes.length, zoom: body.style.zoom || '1', overfull: slide.classList.contains('is-overfull'),
        scrolls: slide.scrollHeight > slide.clientHeight, title: (slide.querySelector('h1, h2') || {}).textContent};
"""


def open_slide(driver, deck, number, settle=0.4):
    """Opens slide `number` of a deck freshly, as a reload after a jump does."""
    driver.get(deck + "#/%d" % number)
    driver.execute_script("location.reload()")
    time.sleep(settle)


def slide_count(driver):
    return driver.execute_script("return document.querySelectorAll('.deck-canvas > .slide').length")


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_every_slide_fits_the_canvas(fit_course, browser):
    driver = chrome(width=1280, height=752) if browser == "chromium" else firefox(width=1280, height=752)
    try:
        driver.get(fit_course.as_uri())
        time.sleep(0.5)
        total = slide_count(driver)
        assert total == 8
        seen = {}
        for number in range(1, total + 1):
            open_slide(driver, fit_course.as_uri(), number)
            result = driver.execute_script(OUTSIDE, 0)
            seen[result["title"]] = result
            if result["title"] == "Long but scrollable":
                assert result["scrolls"] and result["zoom"] == "1", result
                continue
            assert result["count"] > 0 and result["outside"] == [], result
        assert seen["A short slide"]["zoom"] == "1"
        for title in ("A long list", "A tall image", "Wide code", "Columns with an image"):
            assert 0.3 < float(seen[title]["zoom"]) < 1, (title, seen[title])
    finally:
        driver.quit()


def test_an_r_stretch_image_takes_the_height_left(fit_course):
    driver = chrome(width=1280, height=752)
    try:
        open_slide(driver, fit_course.as_uri(), 7, 0.5)
        sizes = driver.execute_script("""
            const slide = document.querySelector('.slide.is-current'), img = slide.querySelector('img.r-stretch');
            const s = slide.getBoundingClientRect(), r = img.getBoundingClientRect();
            return {title: slide.querySelector('h2').textContent, slideBottom: s.bottom, imgBottom: r.bottom, height: r.height,
                    ratio: r.width / r.height, natural: img.naturalWidth / img.naturalHeight};""")
        assert sizes["title"] == "Stretched"
        assert sizes["imgBottom"] <= sizes["slideBottom"] + 1
        assert sizes["slideBottom"] - sizes["imgBottom"] < 140, "the image reaches down to the slide's padding"
        assert abs(sizes["ratio"] - sizes["natural"]) < 0.02, "aspect ratio kept"
    finally:
        driver.quit()


def test_print_gives_one_fitted_page_per_slide(fit_course):
    driver = chrome(width=1280, height=752)
    try:
        driver.get(fit_course.as_uri() + "?print")
        time.sleep(0.8)
        total = slide_count(driver)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        time.sleep(0.3)
        for number in range(1, total + 1):
            result = driver.execute_script(OUTSIDE, number)
            assert result["outside"] == [], result
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
            "printBackground": True, "preferCSSPageSize": True})["data"])
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == total
    finally:
        driver.quit()


def test_a_handout_puts_slides_beside_their_notes_several_to_a_page(fit_course):
    driver = chrome(width=1280, height=752)
    try:
        driver.get(fit_course.as_uri().replace("fit/slides", "notes/slides") + "?handout")
        time.sleep(0.8)
        items = driver.execute_script("""
            return [...document.querySelectorAll('.handout-item')].map(item => {
              const frame = item.querySelector('.handout-frame').getBoundingClientRect();
              const slide = item.querySelector('.slide').getBoundingClientRect();
              return {notes: item.querySelector('.handout-notes').textContent.trim(), frame: frame.width, slide: slide.width,
                      avoid: getComputedStyle(item).breakInside};
            });""")
        assert len(items) == 7
        assert all(abs(i["slide"] - i["frame"]) < 3 for i in items), items
        assert all(i["avoid"] == "avoid" for i in items)
        assert sum(1 for i in items if i["notes"]) == 3
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
            "printBackground": True, "preferCSSPageSize": True})["data"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        # Items never split, so no page holds notes alone; several fit a page.
        assert 1 <= pages <= 3
    finally:
        driver.quit()


VISIBLE = "return [...document.querySelectorAll('.slide.is-current .slide-body p')].filter(p => getComputedStyle(p).visibility !== 'hidden').map(p => p.textContent)"


def test_fragment_indices_stacks_and_pauses_between_columns(fit_course):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver = chrome(width=1280, height=752)
    steps = fit_course.as_uri().replace("fit/slides", "steps/slides")
    try:
        open_slide(driver, steps, 2, 0.5)
        seen = [sorted(driver.execute_script(VISIBLE))]
        for _ in range(2):
            ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
            time.sleep(0.3)
            seen.append(sorted(driver.execute_script(VISIBLE)))
        assert seen == [[], ["Sooner", "Together with sooner"], ["Later", "Sooner", "Together with sooner"]]
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
        time.sleep(0.3)
        boxes = driver.execute_script(
            "return [...document.querySelectorAll('.slide.is-current .r-stack img')].map(i => i.getBoundingClientRect())")
        assert len(boxes) == 2
        a, b = boxes
        assert a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
        time.sleep(0.3)
        assert driver.execute_script(VISIBLE) == ["Left"]
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
        time.sleep(0.3)
        assert driver.execute_script(VISIBLE) == ["Left", "Right"]
        widths = driver.execute_script(
            "return [...document.querySelectorAll('.slide.is-current .column')].map(c => Math.round(c.getBoundingClientRect().top))")
        assert widths[0] == widths[1], "the columns stay side by side"
    finally:
        driver.quit()


def test_sections_make_a_two_dimensional_deck(fit_course):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver = chrome(width=1280, height=752)
    deck = fit_course.as_uri().replace("fit/slides", "grid/slides")
    try:
        open_slide(driver, deck, 2)
        title = lambda: driver.execute_script("return document.querySelector('.slide.is-current').querySelector('h1, h2').textContent")
        visited = [title()]
        for key in (Keys.ARROW_RIGHT, Keys.ARROW_LEFT, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT, Keys.ARROW_UP):
            ActionChains(driver).send_keys(key).perform()
            time.sleep(0.2)
            visited.append(title())
        assert visited == ["Part A", "Part B", "Part A", "A1", "A2", "Part B", "A2"]
    finally:
        driver.quit()


def test_a_dark_background_gets_light_text_on_screen_and_on_paper(fit_course):
    driver = chrome(width=1280, height=752)
    steps = fit_course.as_uri().replace("fit/slides", "steps/slides")
    try:
        open_slide(driver, steps, 5)
        looks = driver.execute_script("""
            const slide = document.querySelector('.slide.is-current');
            return {title: slide.querySelector('h2').textContent, dark: slide.classList.contains('has-dark-background'),
                    text: getComputedStyle(slide.querySelector('p')).color, ground: getComputedStyle(slide).backgroundColor};""")
        assert looks["title"] == "Night" and looks["dark"]
        assert looks["ground"] == "rgb(16, 32, 48)" and looks["text"] == "rgb(241, 243, 246)"
        driver.get(steps + "?print")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        adjust = driver.execute_script(
            "const s = document.querySelectorAll('.deck-canvas > .slide')[4]; return getComputedStyle(s).printColorAdjust")
        assert adjust == "exact", "backgrounds print even when the browser leaves them out"
    finally:
        driver.quit()
