"""End-to-end: `lectern build` on the sample course, on the seed lecture, and on broken input."""
import re
import shutil
import subprocess

import pytest

from conftest import make_course, run, unavailable
from site_crawl import crawl


def test_sample_course_builds_clean_and_strict(lectern, sample_copy):
    result = run(lectern, "build", str(sample_copy), "--strict")
    assert result.returncode == 0, result.stderr
    broken, external, inline = crawl(sample_copy / "Public")
    assert broken == []
    assert external == []
    assert inline == 0


def test_offline_build_links_open_from_files(lectern, sample_copy):
    result = run(lectern, "build", str(sample_copy), "--offline")
    assert result.returncode == 0, result.stderr
    broken, _, _ = crawl(sample_copy / "Public", offline=True)
    assert broken == []


def test_seed_lecture_has_no_markup_artefacts(lectern, seed_course):
    course, text = seed_course
    result = run(lectern, "build", str(course))
    assert result.returncode == 0, result.stderr
    page = (course / "Public" / "lecture" / "index.html").read_text()
    body = page.split("<main", 1)[1]
    for artefact in [":::", "{width", "{target", "{.", "{#", "title: ", "footer: "]:
        assert artefact not in body, artefact
    text_only = re.sub(r"<[^>]+>", "", body)
    assert not re.search(r"(?<![\\(\[])\$(?![\d ])", text_only.replace("\\(", "").replace("\\)", ""))
    assert body.count('class="column" style="width:50%;"') == 2
    figures = re.findall(r"<figure>.*?</figure>", body, re.S)
    assert len(figures) >= 5 and all("<figcaption" in figure for figure in figures)
    assert 'target="new"' in body


def test_seed_lecture_heading_ids_match_pandoc(lectern, seed_course):
    if shutil.which("pandoc") is None:
        unavailable("pandoc is not installed")
    course, text = seed_course
    run(lectern, "build", str(course))
    page = (course / "Public" / "lecture" / "index.html").read_text()
    body = page.split('<div class="lesson-body">', 1)[1].split('<div class="lesson-complete">', 1)[0]
    ours = re.findall(r'<h[1-6] id="([^"]+)"', body)
    theirs_html = subprocess.run(["pandoc", "-f", "markdown", "-t", "html5"], input=text, capture_output=True,
                                 text=True).stdout
    theirs = re.findall(r'<h[1-6]\s[^>]*?\bid="([^"]+)"', theirs_html, re.S)
    assert ours == theirs


@pytest.mark.parametrize("body, location", [
    ("Text.\n\n![gone](gone.png)\n", "lesson.md:7:1: error: image 'gone.png' does not exist"),
    ("Text.\n\n:::\n", "lesson.md:7:1: error: closing ':::' has no fenced div"),
    ("::: {.a b=}\nx\n:::\n\n::: {.c d}\ny\n:::\n", "lesson.md:9:9: error: malformed attribute list"),
])
def test_broken_input_is_located_and_writes_nothing(lectern, tmp_path, body, location):
    course = make_course(tmp_path / "c", {"lesson.md": "---\ntitle: T\n---\n\n" + body})
    result = run(lectern, "build", str(course))
    assert result.returncode == 1
    assert "Content/" + location in result.stderr
    assert not (course / "Public").exists()


def test_invalid_yaml_points_into_the_lesson(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"lesson.md": "---\ntitle: T\ntags: [a, b\nlevel: beginner\n---\n\nBody.\n"})
    result = run(lectern, "build", str(course))
    assert result.returncode == 1
    assert "Content/lesson.md:4:6: error: invalid YAML" in result.stderr


def test_new_course_builds_with_a_lone_binary_outside_the_repository(lectern, tmp_path):
    lone = tmp_path / "bin" / "lectern"
    lone.parent.mkdir()
    shutil.copy(lectern, lone)
    course = tmp_path / "fresh"
    created = subprocess.run([str(lone), "new", str(course), "--title", "Fresh Course"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    built = subprocess.run([str(lone), "build", "--strict"], cwd=course, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "0 warnings" in built.stderr
    broken, external, inline = crawl(course / "Public")
    assert (broken, external, inline) == ([], [], 0)
    assert "Fresh Course" in (course / "Public" / "index.html").read_text()
    again = subprocess.run([str(lone), "new", str(course)], capture_output=True, text=True)
    assert again.returncode == 1 and "not touching it" in again.stderr
