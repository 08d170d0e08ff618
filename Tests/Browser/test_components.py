"""Lesson components as a learner meets them: the sample lesson that uses them all is free of
axe findings at every impact level in both themes on a desk and on a phone; tabs work by
keyboard and read as sections without scripts; panels sit side by side and stack on phones;
pandoc reads the same markdown without leaving syntax behind."""
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

from browser import chrome
from conftest import ROOT, make_course, run, unavailable

LESSON = "foundations/why-ml-systems-differ/"


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_components_lesson_has_no_axe_findings_at_all(sample_server, dark, width):
    driver = chrome(width=width, dark=dark)
    try:
        driver.get(sample_server + LESSON)
        assert driver.find_elements(By.CSS_SELECTOR, ".cards .card") and driver.find_elements(By.CSS_SELECTOR, ".tab-list")
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        assert violations == [], axe.report(violations)
    finally:
        driver.quit()


def test_tabs_follow_the_arrow_keys(sample_server):
    driver = chrome()
    try:
        driver.get(sample_server + LESSON)
        tabs = driver.find_elements(By.CSS_SELECTOR, ".tabset [role=tab]")
        panels = driver.find_elements(By.CSS_SELECTOR, ".tabset [role=tabpanel]")
        assert len(tabs) == 2 and tabs[0].get_attribute("aria-selected") == "true"
        assert panels[0].is_displayed() and not panels[1].is_displayed()
        tabs[0].send_keys(Keys.ARROW_RIGHT)
        assert driver.switch_to.active_element == tabs[1] and tabs[1].get_attribute("aria-selected") == "true"
        assert panels[1].is_displayed() and not panels[0].is_displayed()
        tabs[1].send_keys(Keys.HOME)
        assert tabs[0].get_attribute("aria-selected") == "true" and tabs[1].get_attribute("tabindex") == "-1"
        tabs[0].send_keys(Keys.ARROW_LEFT)
        assert tabs[1].get_attribute("aria-selected") == "true"
    finally:
        driver.quit()


def test_without_scripts_tabs_are_titled_sections_and_callouts_still_fold(sample_server):
    driver = chrome()
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(sample_server + LESSON)
        panels = driver.find_elements(By.CSS_SELECTOR, ".tabset .tab-panel")
        assert len(panels) == 2 and all(panel.is_displayed() for panel in panels)
        assert [p.find_element(By.CSS_SELECTOR, ".tab-title").text for p in panels] == ["Infrastructure", "People"]
    finally:
        driver.quit()


def test_panels_sit_side_by_side_and_stack_on_a_phone(sample_server):
    for width, side_by_side in ((1280, True), (375, False)):
        driver = chrome(width=width)
        try:
            driver.get(sample_server + LESSON)
            boxes = driver.find_elements(By.CSS_SELECTOR, ".comparison .comparison-panel")
            tops = [box.rect["y"] for box in boxes]
            assert (tops[0] == tops[1]) is side_by_side, (width, tops)
        finally:
            driver.quit()


def test_a_folded_callout_opens_on_its_title(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"a.md": "---\ntitle: A\n---\n\n::: {.callout-tip collapse=\"true\" title=\"Why\"}\nHidden reason.\n:::\n"})
    assert run(lectern, "build", str(course)).returncode == 0
    driver = chrome()
    try:
        driver.get((course / "Public" / "a" / "index.html").as_uri())
        body = driver.find_element(By.XPATH, "//details[contains(@class, 'callout')]/p")
        assert not body.is_displayed()
        driver.find_element(By.CSS_SELECTOR, "details.callout summary").click()
        assert body.is_displayed() and body.text == "Hidden reason."
    finally:
        driver.quit()


def test_pandoc_reads_the_components_without_leaving_syntax(tmp_path):
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        try:
            import pypandoc
            pandoc = pypandoc.get_pandoc_path()
        except ImportError:
            unavailable("pandoc is not installed")
    source = (ROOT / "Content" / "foundations" / "why-ml-systems-differ.md").read_text()
    html = subprocess.run([pandoc, "-f", "markdown", "-t", "html5"], input=source, capture_output=True, text=True).stdout
    text = re.sub(r"<[^>]+>", "", html)
    assert ":::" not in text and "{." not in text and 'title="' not in text
    for word in ("Quick decision", "Very high impact", "Infrastructure", "Budget for the work around the model"):
        assert word in text
