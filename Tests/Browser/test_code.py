"""Highlighted code: colours without JavaScript, line numbers never copied, the copy button,
line steps on slides, nothing past a slide's edge, axe clean in light and dark."""
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

from browser import chrome, firefox, serve
from conftest import make_course, run

PYTHON = '''def greet(name):
    """Say hello."""
    return f"hello {name}\\n"  # <b>not bold</b>
'''

LONG = "x = " + " + ".join('"segment number %d"' % i for i in range(40))

LESSON = """---
title: Code
---

## Numbered

```{#greet .python .numberLines startFrom="7"}
%s```

## Steps

```{.java data-line-numbers="1|2-3|4"}
class A {
    int x = 1;
    int y = 2;
}
```

## Long line

```python
%s
```

Inline `SELECT * FROM t`{.sql} too.
""" % (PYTHON, LONG)


@pytest.fixture(scope="module")
def code_course(lectern, tmp_path_factory):
    root = tmp_path_factory.mktemp("code")
    course = make_course(root / "course", {"code.md": LESSON})
    result = run(lectern, "build", str(course), "--strict")
    assert result.returncode == 0, result.stderr
    return course


SELECTED = """
const pre = document.querySelector('#greet');
const range = document.createRange();
range.selectNodeContents(pre.querySelector('code'));
const selection = window.getSelection();
selection.removeAllRanges();
selection.addRange(range);
const text = selection.toString();
const first = pre.querySelector('.code-number');
const number = getComputedStyle(first, '::before').content;
return {text, number, n: first.dataset.n, width: first.getBoundingClientRect().width,
        lines: pre.querySelectorAll('.code-line').length};
"""


def check_numbers_are_shown_but_not_selected(driver):
    result = driver.execute_script(SELECTED)
    assert result["lines"] == 3
    # Chromium resolves the generated number, Firefox reports the rule; both draw it.
    assert result["number"] in ('"7"', "attr(data-n)") and result["n"] == "7" and result["width"] > 5, result
    assert result["text"].rstrip("\n") == PYTHON.rstrip("\n")


def test_tokens_are_coloured_without_javascript_and_numbers_are_not_copied_in_chromium(code_course):
    driver = chrome()
    try:
        driver.get((code_course / "Public" / "code" / "index.html").as_uri())
        check_numbers_are_shown_but_not_selected(driver)
        colours = driver.execute_script("""
            const colour = s => getComputedStyle(document.querySelector(s)).color;
            return {keyword: colour('#greet .hl-keyword'), string: colour('#greet .hl-string'),
                    comment: colour('#greet .hl-comment'), plain: colour('#greet code'),
                    inline: colour('p code .hl-keyword')};""")
        assert len({colours["keyword"], colours["string"], colours["comment"], colours["plain"]}) == 4, colours
        assert colours["inline"] == colours["keyword"]
        assert driver.find_element(By.ID, "greet-8").text.strip().startswith('"""Say hello')
        # Nothing of the comment's markup is interpreted.
        assert "<b>not bold</b>" in driver.find_element(By.ID, "greet").text
    finally:
        driver.quit()


def test_line_numbers_are_not_copied_in_firefox(code_course):
    driver = firefox()
    try:
        driver.get((code_course / "Public" / "code" / "index.html").as_uri())
        time.sleep(0.3)
        check_numbers_are_shown_but_not_selected(driver)
    finally:
        driver.quit()


def test_the_copy_button_puts_exactly_the_code_on_the_clipboard(code_course):
    with serve(code_course / "Public") as base:
        driver = chrome()
        try:
            origin = base.split("/course/")[0]
            driver.execute_cdp_cmd("Browser.grantPermissions", {
                "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
            driver.get(base + "code/")
            buttons = driver.find_elements(By.CSS_SELECTOR, ".code-block .code-copy")
            assert len(buttons) == 3
            assert buttons[0].get_attribute("aria-label") == "Copy code to the clipboard"
            buttons[0].click()
            time.sleep(0.3)
            copied = driver.execute_async_script(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")
            assert copied == PYTHON.rstrip("\n")
            assert buttons[0].get_attribute("textContent") == "Copied"
            live = driver.execute_script("return document.querySelector('.code-copy-status').textContent")
            assert live == "Copied"
        finally:
            driver.quit()


def slide_of(driver, course, selector):
    """The 1-based number of the first slide holding `selector`."""
    driver.get((course / "Public" / "code" / "slides" / "index.html").as_uri())
    index = driver.execute_script(
        "return [...document.querySelectorAll('.deck-canvas > .slide')].findIndex(s => s.querySelector(arguments[0]))", selector)
    assert index >= 0
    return index + 1


MARKED = "return [...document.querySelectorAll('.slide.is-current .code-line.is-marked')].map(l => l.dataset.line).join(',')"


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_line_steps_advance_on_a_slide_with_the_arrow_key(code_course, browser):
    driver = chrome() if browser == "chromium" else firefox()
    try:
        driver.get((code_course / "Public" / "code" / "slides" / "index.html").as_uri() + "#/%d" % slide_of(driver, code_course, "[data-line-steps]"))
        time.sleep(0.5)
        seen = [driver.execute_script(MARKED)]
        for _ in range(2):
            if browser == "chromium":
                ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
            else:
                driver.execute_script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}))")
            time.sleep(0.3)
            seen.append(driver.execute_script(MARKED))
        assert seen == ["1", "2,3", "4"]
        assert driver.execute_script("return document.querySelectorAll('.slide.is-current [data-line-steps]').length") == 1
    finally:
        driver.quit()


def test_a_long_code_line_stays_inside_a_1280x720_slide(code_course):
    driver = chrome(width=1280, height=748)
    try:
        driver.get((code_course / "Public" / "code" / "slides" / "index.html").as_uri() + "#/%d" % slide_of(driver, code_course, ".code-block:not([data-line-steps]):not(:has(.code-line))"))
        time.sleep(0.5)
        box = driver.execute_script("""
            const slide = document.querySelector('.slide.is-current');
            const pre = slide.querySelector('pre');
            const s = slide.getBoundingClientRect(), p = pre.getBoundingClientRect();
            return {scroll: pre.scrollWidth, client: pre.clientWidth, right: p.right, slideRight: s.right,
                    height: p.height, lineHeight: parseFloat(getComputedStyle(pre).lineHeight)};""")
        assert box["scroll"] <= box["client"] + 1, box
        assert box["right"] <= box["slideRight"] + 0.5, box
        assert box["height"] > 2 * box["lineHeight"], "the long line wraps"
    finally:
        driver.quit()


@pytest.mark.parametrize("dark", [False, True])
def test_highlighted_code_is_axe_clean(code_course, dark):
    with serve(code_course / "Public") as base:
        driver = chrome(dark=dark)
        try:
            driver.get(base + "code/")
            axe = Axe(driver)
            axe.inject()
            serious = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
            assert serious == [], axe.report(serious)
        finally:
            driver.quit()
