"""`lectern check` formats and exit codes, and builds that are killed half-way."""
import hashlib
import json
import pathlib
import re
import signal
import subprocess
import time

import pytest

from conftest import ROOT, make_course, run

BROKEN = {
    "a.md": "---\ntitle: A\nlevl: beginner\n---\n\n::: {.box}\nnever closed\n",
    "b.md": "---\ntitle: B\n---\n\nSee [a](a.md#nowhere).\n\n:::\n",
}


def test_sample_course_checks_clean_with_strict(lectern):
    result = run(lectern, "check", str(ROOT), "--strict")
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stderr


def test_json_format_matches_the_documented_shape(lectern, tmp_path):
    course = make_course(tmp_path / "c", BROKEN)
    result = run(lectern, "check", str(course), "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["errors"] == 2 and document["warnings"] == 2
    for item in document["diagnostics"]:
        assert set(item) >= {"severity", "id", "message", "file", "line", "column", "notes"}
        assert item["severity"] in ("error", "warning", "note")
        assert item["file"].startswith("Content/")
    ids = [item["id"] for item in document["diagnostics"]]
    assert ids == ["metadata.unknown-key", "div.unclosed", "link.missing-anchor", "div.stray-close"]
    documented = (ROOT / "docs" / "diagnostics.md").read_text()
    for key in ("severity", "id", "message", "file", "line", "column", "endLine", "endColumn", "notes"):
        assert any(form % key in documented for form in ("`%s`", "`diagnostics[].%s`", "`diagnostics[].%s[]`")), key


def test_github_format_is_workflow_commands(lectern, tmp_path):
    course = make_course(tmp_path / "c", BROKEN)
    result = run(lectern, "check", str(course), "--format", "github")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[\w.-]+::\S.*$")
    assert len(lines) == 4 and all(pattern.match(line) for line in lines), lines
    assert lines[1].startswith("::warning file=Content/a.md,line=6,col=1,title=div.unclosed::")


def test_strict_fails_on_warnings_only(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"a.md": "---\ntitle: A\nduraton: 5\n---\n"})
    assert run(lectern, "check", str(course)).returncode == 0
    assert run(lectern, "check", str(course), "--strict").returncode == 1


def test_usage_errors_exit_64(lectern, tmp_path):
    assert run(lectern, "check", "--format", "xml").returncode == 64
    assert run(lectern, "build", "--no-such-flag").returncode == 64
    course = make_course(tmp_path / "c", {"a.md": "---\ntitle: A\n---\n"})
    result = run(lectern, "build", str(course), "--output", str(course / "Content"))
    assert result.returncode == 64
    assert "refusing" in result.stderr


def digest(folder):
    files = sorted(p for p in pathlib.Path(folder).rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_killed_builds_leave_the_previous_site_identical(lectern, tmp_path):
    paragraph = "Words about data pipelines and models in production. " * 40 + "\n\n"
    lessons = {"l%03d.md" % i: "---\ntitle: L%d\n---\n\n" % i + ("## Part\n\n" + paragraph) * 30 for i in range(300)}
    course = make_course(tmp_path / "big", lessons)
    started = time.monotonic()
    assert run(lectern, "build", str(course)).returncode == 0
    duration = time.monotonic() - started
    before = digest(course / "Public")
    (course / "Content" / "l000.md").write_text("---\ntitle: Changed\n---\n\nChanged.\n")
    # The site a finished build of the changed course writes (builds are deterministic).
    assert run(lectern, "build", str(course), "--output", str(tmp_path / "complete")).returncode == 0
    complete = digest(tmp_path / "complete")
    assert complete != before
    for step in range(8):
        process = subprocess.Popen([lectern, "build", str(course)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (step + 1) / 10)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = digest(course / "Public")
        assert after == before or after == complete, "a half-written site"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_the_previous_site_and_nothing_beside_it(lectern, tmp_path, stop):
    paragraph = "Words about data pipelines and models in production. " * 40 + "\n\n"
    lessons = {"l%03d.md" % i: "---\ntitle: L%d\n---\n\n" % i + ("## Part\n\n" + paragraph) * 30 for i in range(300)}
    course = make_course(tmp_path / "big", lessons)
    assert run(lectern, "build", str(course)).returncode == 0
    before = digest(course / "Public")
    (course / "Content" / "l000.md").write_text("---\ntitle: Changed\n---\n\nChanged.\n")
    process = subprocess.Popen([lectern, "build", str(course)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = course / (".Public.lectern-new-%d" % process.pid)
    # Stopped while it writes the new site beside the old one.
    while not (staging / "l150").exists() and process.poll() is None:
        time.sleep(0.001)
    process.send_signal(stop)
    assert process.wait(timeout=10) == -stop, "the build finished before it was stopped"
    assert digest(course / "Public") == before
    # The unfinished site is removed in the background.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and sorted(p.name for p in course.iterdir()) != ["Content", "Public"]:
        time.sleep(0.05)
    assert sorted(p.name for p in course.iterdir()) == ["Content", "Public"]


def diagnostic_lines(text):
    return sorted(line for line in text.splitlines() if re.match(r"^(Content|Templates|\(built-in theme\))/.*: (error|warning): ", line))


def test_check_and_build_report_the_same_diagnostics_template_errors_included(lectern, tmp_path):
    course = make_course(tmp_path / "c", BROKEN)
    (course / "Templates").mkdir()
    (course / "Templates" / "home.mustache").write_text("<h1>{{course.title}}</h1>\n{{#modules}}\n<p>{{title}}</p>\n")
    (course / "Templates" / "lesson.mustache").write_text("{{< layout}}{{$main}}{{> nowhere}}{{/main}}{{/layout}}\n")
    checked, built = run(lectern, "check", str(course)), run(lectern, "build", str(course))
    assert checked.returncode == built.returncode == 1
    lines = diagnostic_lines(checked.stderr)
    assert lines == diagnostic_lines(built.stderr)
    assert any("Templates/home.mustache:" in line and "[template.syntax]" in line for line in lines), lines
    assert any("Templates/lesson.mustache:1:" in line and "[template.missing-partial]" in line for line in lines), lines
    assert len(lines) == 6 and not (course / "Public").exists()


def test_a_link_out_of_content_is_judged_alike_by_check_and_by_the_built_page(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"intro.md": "---\ntitle: Intro\n---\n\nIntro.\n",
                                          "unit/deep/x.md": "---\ntitle: X\n---\n\n[up](../../intro.md) [out](../../../intro.md)\n"})
    result = run(lectern, "check", str(course))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and "Content/unit/deep/x.md:5:22:" in warnings[0] and "[link.outside]" in warnings[0]
    assert run(lectern, "build", str(course)).returncode == 0
    page = (course / "Public" / "unit" / "deep" / "x" / "index.html").read_text()
    href = re.search(r'<a href="([^"]+)">up</a>', page).group(1)
    assert href == "../../../intro/"
    # What cannot be checked is written as the author wrote it.
    assert re.search(r'<a href="([^"]+)">out</a>', page).group(1) == "../../../intro.md"
    assert (course / "Public" / "unit" / "deep" / "x" / href / "index.html").resolve() == \
        (course / "Public" / "intro" / "index.html").resolve()


def test_a_link_to_a_draft_is_a_warning_naming_the_draft_unless_drafts_are_built(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"a.md": "---\ntitle: A\n---\n\nSee [b](b.md).\n",
                                          "b.md": "---\ntitle: Bee lesson\ndraft: true\n---\n\nSoon.\n"})
    result = run(lectern, "build", str(course))
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and "Content/a.md:5:5:" in warnings[0] and "'Bee lesson'" in warnings[0] \
        and "[link.draft]" in warnings[0]
    assert not (course / "Public" / "b").exists()
    assert run(lectern, "build", str(course), "--strict").returncode == 1
    drafts = run(lectern, "build", str(course), "--drafts", "--strict")
    assert drafts.returncode == 0, drafts.stderr
    assert (course / "Public" / "b" / "index.html").exists()


def test_build_reports_one_summary_line_when_piped_a_progress_line_on_a_terminal_and_steps_when_verbose(lectern, tmp_path):
    lessons = {"l%d.md" % i: "---\ntitle: L%d\n---\n\n## Part\n\nText.\n" % i for i in range(40)}
    course = make_course(tmp_path / "c", lessons)
    piped = run(lectern, "build", str(course))
    assert piped.returncode == 0
    assert piped.stderr.count("\n") == 1 and re.match(r"^built 40 lessons, \d+ files in [\d.]+ s \(0 errors, 0 warnings\)\n$", piped.stderr)
    assert run(lectern, "build", str(course), "--quiet").stderr == ""
    verbose = run(lectern, "build", str(course), "--verbose").stderr
    for step in ("read course", "analyse lessons", "validate", "load theme", "render", "publish"):
        assert re.search(r"^  %s +\d+\.\d{3} s$" % step, verbose, re.M), verbose
    terminal = subprocess.run(["script", "-qec", "%s build %s" % (lectern, course), "/dev/null"],
                              capture_output=True, timeout=120)
    output = terminal.stdout.decode()
    assert terminal.returncode == 0
    assert re.search(r"\r\x1b\[Kanalysed \d+/40 lessons", output) and "\r\x1b[Kbuilt 40 lessons" in output, output
