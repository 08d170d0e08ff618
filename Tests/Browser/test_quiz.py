"""Quizzes in Chromium: every question kind, feedback, retry, saved state, edits, keyboard, axe."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium_axe_python import Axe

from browser import chrome, serve
from conftest import make_course, run, unavailable

QUIZ = """---
title: Quiz lesson
---

## Practice

::: {.quiz #all title="Every kind" pass=4 shuffle=true}

::: question
Pick the data problem.

- [ ] A slow laptop
  > Hardware is rarely the cause.
- [x] A renamed column
:::

::: question
Pick every monitoring signal.

- [x] Input drift
- [x] Prediction drift
- [ ] Font size
:::

::: question
Models can fail silently.

- [x] True
- [ ] False
:::

::: question
The table of names and types is the [schema]{.blank accept="data schema"}.

::: hint
It starts with an s.
:::

::: explanation
A schema lists fields and their types.
:::
:::

::: question
Three quarters as a percentage is [75]{.blank type=number tolerance=0.5}.
:::

::: {.question type=order}
Order the rollout.

1. Shadow
2. Canary
3. Everyone
:::

:::

::: {.quiz #paged title="Paged" mode=paged}
1. First?
   - [x] yes
   - [ ] no
2. Second?
   - [ ] no
   - [x] yes
:::
"""


@pytest.fixture()
def quiz_site(lectern, tmp_path):
    course = make_course(tmp_path / "quiz", {"quiz.md": QUIZ})
    result = run(lectern, "build", str(course))
    assert result.returncode == 0, result.stderr
    with serve(course / "Public") as base:
        yield course, base + "quiz/"


@pytest.fixture()
def driver():
    browser = chrome()
    yield browser
    browser.quit()


def question(driver, quiz, number):
    return driver.find_element(By.ID, "quiz-%s-q%d" % (quiz, number) if not quiz.startswith("quiz") else "%s-q%d" % (quiz, number))


def check(q):
    q.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    return q.find_element(By.CSS_SELECTOR, ".quiz-result").text


def choose(q, text):
    for choice in q.find_elements(By.CSS_SELECTOR, ".quiz-choice"):
        if choice.find_element(By.TAG_NAME, "label").text == text:
            choice.find_element(By.TAG_NAME, "input").click()
            return
    raise AssertionError(text)


def retry(q):
    q.find_element(By.CSS_SELECTOR, ".quiz-retry").click()


def status(driver, quiz):
    return driver.find_element(By.CSS_SELECTOR, "#quiz-%s .quiz-status" % quiz).text


def order(q, labels):
    for wanted_index, label in enumerate(labels):
        for _ in range(5):
            items = q.find_elements(By.CSS_SELECTOR, ".quiz-order li")
            texts = [item.find_element(By.CSS_SELECTOR, ".quiz-order-text").text for item in items]
            at = texts.index(label)
            if at == wanted_index:
                break
            items[at].find_element(By.CSS_SELECTOR, ".quiz-up").click()


def test_every_kind_wrong_then_right_then_saved(lectern, quiz_site, driver):
    course, url = quiz_site
    driver.get(url)
    answers = driver.find_element(By.CSS_SELECTOR, "#quiz-all .quiz-answer-key")
    assert not answers.is_displayed(), "the no-script answer key is hidden once the script runs"

    single = question(driver, "all", 1)
    choose(single, "A slow laptop")
    assert check(single).startswith("Not quite")
    feedback = single.find_element(By.CSS_SELECTOR, ".quiz-feedback")
    assert feedback.is_displayed() and "Hardware" in feedback.text
    retry(single)
    choose(single, "A renamed column")
    assert check(single) == "Correct."

    multiple = question(driver, "all", 2)
    choose(multiple, "Input drift")
    assert check(multiple).startswith("Not quite")
    retry(multiple)
    choose(multiple, "Prediction drift")
    assert check(multiple) == "Correct."

    truefalse = question(driver, "all", 3)
    choose(truefalse, "False")
    assert check(truefalse).startswith("Not quite")
    retry(truefalse)
    choose(truefalse, "True")
    assert check(truefalse) == "Correct."

    fill = question(driver, "all", 4)
    fill.find_element(By.CSS_SELECTOR, ".quiz-hint-button").click()
    assert fill.find_element(By.CSS_SELECTOR, ".quiz-hint").is_displayed()
    blank = fill.find_element(By.CSS_SELECTOR, ".quiz-blank")
    blank.send_keys("table")
    assert check(fill).startswith("Not quite")
    assert not fill.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()
    retry(fill)
    blank.clear()
    blank.send_keys("  Data  Schema ")
    assert check(fill) == "Correct."
    assert fill.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()

    numeric = question(driver, "all", 5)
    box = numeric.find_element(By.CSS_SELECTOR, ".quiz-blank")
    box.send_keys("70")
    assert check(numeric).startswith("Not quite")
    retry(numeric)
    box.clear()
    box.send_keys("75.4")
    assert check(numeric) == "Correct."

    ordering = question(driver, "all", 6)
    order(ordering, ["Everyone", "Shadow", "Canary"])
    assert check(ordering).startswith("Not quite")
    retry(ordering)
    order(ordering, ["Shadow", "Canary", "Everyone"])
    assert check(ordering) == "Correct."
    assert status(driver, "all") == "Score 6/6 · Passed"

    driver.refresh()
    assert status(driver, "all") == "Score 6/6 · Passed"
    assert question(driver, "all", 4).find_element(By.CSS_SELECTOR, ".quiz-blank").get_attribute("value") == "  Data  Schema "
    assert question(driver, "all", 1).find_element(By.CSS_SELECTOR, ".quiz-result").text == "Correct."

    lesson = course / "Content" / "quiz.md"
    lesson.write_text(lesson.read_text().replace("[schema]{.blank", "[schema definition]{.blank"))
    assert run(lectern, "build", str(course)).returncode == 0
    driver.refresh()
    assert status(driver, "all") == "Score 0/6"
    assert question(driver, "all", 1).find_element(By.CSS_SELECTOR, ".quiz-result").text == ""


def test_paged_quiz_by_keyboard_alone(quiz_site, driver):
    _, url = quiz_site
    driver.get(url)
    assert status(driver, "paged") == "Question 1 of 2 · Score 0/2"
    first = question(driver, "paged", 1)
    second = question(driver, "paged", 2)
    assert first.is_displayed() and not second.is_displayed()
    radio = first.find_element(By.CSS_SELECTOR, ".quiz-choice input")
    driver.execute_script("arguments[0].focus()", radio)
    actions = ActionChains(driver)
    actions.send_keys(Keys.SPACE).perform()
    assert radio.is_selected()
    for _ in range(10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element.get_attribute("class") == "quiz-check":
            break
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert first.find_element(By.CSS_SELECTOR, ".quiz-result").text == "Correct."
    for _ in range(10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element.get_attribute("class") == "quiz-next":
            break
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert second.is_displayed() and not first.is_displayed()
    assert status(driver, "paged") == "Question 2 of 2 · Score 1/2"


def test_quiz_page_has_no_serious_axe_violations(quiz_site, driver):
    _, url = quiz_site
    driver.get(url)
    question(driver, "all", 1).find_element(By.CSS_SELECTOR, ".quiz-check").click()
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)


def test_shuffled_order_is_stable_for_a_learner(quiz_site, driver):
    _, url = quiz_site
    driver.get(url)
    labels = lambda: [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#quiz-all .quiz-choice label, #quiz-all .quiz-order-text")]
    first = labels()
    driver.refresh()
    assert labels() == first
    driver.execute_script("localStorage.clear()")


def test_pandoc_reads_the_quiz_as_an_answer_key(tmp_path):
    import re
    import shutil
    import subprocess
    if shutil.which("pandoc") is None:
        unavailable("pandoc is not installed")
    source = "::: quiz\n1. Which?\n   - [ ] wrong\n     > no\n   - [x] right\n   - [x] also right\n:::\n"
    html = subprocess.run(["pandoc", "-f", "markdown", "-t", "html5"], input=source, capture_output=True, text=True).stdout
    assert len(re.findall(r'<input type="checkbox"', html)) == 3
    assert len(re.findall(r'checked=""', html)) == 2
