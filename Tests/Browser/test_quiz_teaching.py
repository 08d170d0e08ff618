"""Quizzes that teach: an empty check costs nothing, a wrong answer gives feedback and a hint
but not the explanation, ordering never starts solved, focus and keys behave, paged quizzes
end with a summary, and a lesson with an unpassed quiz asks before it is marked complete."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chrome, serve
from conftest import make_course, run

LESSON = """---
title: Teaching
---

## Practice

::: {.quiz #rules title="Rules" attempts=2}

::: question
Which one breaks a pipeline?

- [ ] A slow laptop
  > Speed is not the problem here.
- [x] A renamed column

::: hint
Think about the data, not the machine.
:::

::: explanation
A renamed column breaks every step that reads it by name.
:::
:::

::: question
The list of fields and types is the [schema]{.blank}.
:::

::: {.question type=order}
Put them in order.

1. First
2. Second
:::

:::

::: {.quiz #pages title="Pages" mode=paged}
1. One?
   - [x] yes
   - [ ] no
2. Two?
   - [ ] no
   - [x] yes
:::
"""


@pytest.fixture()
def page(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"teach.md": LESSON})
    assert run(lectern, "build", str(course)).returncode == 0
    driver = chrome()
    with serve(course / "Public") as base:
        driver.get(base + "teach/")
        yield driver
    driver.quit()


def question(driver, quiz, number):
    return driver.find_element(By.ID, "quiz-%s-q%d" % (quiz, number))


def result(q):
    return q.find_element(By.CSS_SELECTOR, ".quiz-result").text


def test_an_empty_check_is_refused_and_costs_no_attempt(page):
    first = question(page, "rules", 1)
    first.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert result(first) == "Choose an answer first."
    assert page.switch_to.active_element == first.find_element(By.CSS_SELECTOR, ".quiz-result")
    assert not first.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()
    # Two attempts are still left: a wrong answer can be retried.
    first.find_element(By.XPATH, ".//label[text()='A slow laptop']/../input").click()
    first.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert result(first).startswith("Not quite")
    assert first.find_element(By.CSS_SELECTOR, ".quiz-retry").is_displayed()


def test_a_wrong_answer_teaches_through_feedback_and_a_hint_and_the_explanation_waits(page):
    first = question(page, "rules", 1)
    wrong = first.find_element(By.XPATH, ".//label[text()='A slow laptop']/../input")
    wrong.click()
    first.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert "Speed is not the problem" in first.find_element(By.CSS_SELECTOR, ".quiz-feedback").text
    assert first.find_element(By.CSS_SELECTOR, ".quiz-hint").is_displayed()
    assert not first.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()
    # The last attempt used up: now the explanation shows.
    first.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    first.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert "no attempts are left" in result(first)
    assert first.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()


def test_the_focus_lands_on_the_result_and_enter_checks_a_blank(page):
    second = question(page, "rules", 2)
    blank = second.find_element(By.CSS_SELECTOR, ".quiz-blank")
    blank.send_keys("schema", Keys.ENTER)
    assert result(second) == "Correct."
    assert page.switch_to.active_element == second.find_element(By.CSS_SELECTOR, ".quiz-result")


def test_ordering_never_starts_solved_and_its_controls_say_what_they_move(page):
    for _ in range(50):
        page.execute_script("localStorage.clear()")
        page.refresh()
        positions = page.execute_script(
            "return Array.from(document.querySelectorAll('#quiz-rules-q3 .quiz-order li')).map(li => li.dataset.position)")
        assert positions != sorted(positions), positions
    items = question(page, "rules", 3).find_elements(By.CSS_SELECTOR, ".quiz-order li")
    top, bottom = items[0], items[-1]
    text = top.find_element(By.CSS_SELECTOR, ".quiz-order-text").text
    assert top.find_element(By.CSS_SELECTOR, ".quiz-up").get_attribute("aria-label") == "Move “%s” up" % text
    assert not top.find_element(By.CSS_SELECTOR, ".quiz-up").is_enabled()
    assert not bottom.find_element(By.CSS_SELECTOR, ".quiz-down").is_enabled()


def test_only_a_paged_quiz_has_a_pager_and_it_ends_with_a_summary(page):
    assert not page.find_element(By.CSS_SELECTOR, "#quiz-rules .quiz-pager").is_displayed()
    previous = page.find_element(By.CSS_SELECTOR, "#quiz-pages .quiz-previous")
    assert previous.is_displayed() and not previous.is_enabled()
    assert float(previous.value_of_css_property("opacity")) < 0.6
    one = question(page, "pages", 1)
    one.find_element(By.CSS_SELECTOR, ".quiz-choice input").click()
    one.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    page.find_element(By.CSS_SELECTOR, "#quiz-pages .quiz-next").click()
    two = question(page, "pages", 2)
    two.find_element(By.XPATH, ".//label[text()='no']/../input").click()
    two.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    summary = page.find_element(By.CSS_SELECTOR, "#quiz-pages .quiz-summary")
    assert "You answered 1 of 2 correctly" in summary.text and "Not passed yet" in summary.text
    assert "Correct" in summary.text and "Not correct" in summary.text
    summary.find_element(By.XPATH, ".//button[text()='Review question 1']").click()
    assert one.is_displayed() and not two.is_displayed()


def test_marking_a_lesson_with_an_unpassed_quiz_complete_asks_first(page):
    button = page.find_element(By.CSS_SELECTOR, ".mark-complete")
    button.click()
    alert = page.switch_to.alert
    assert "not passed" in alert.text
    alert.dismiss()
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.switch_to.alert.accept()
    assert button.get_attribute("aria-pressed") == "true"
