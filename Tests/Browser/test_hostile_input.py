"""`lectern build` against hostile and careless input: symbolic links out of the course, names
the site uses for itself, two builds into one folder, output folders that cannot be written,
course.yml errors that must not hide other findings, and builds that must not depend on how
lessons were scheduled across cores."""
import os
import pathlib
import subprocess
import sys

import pytest

from conftest import make_course, run

LESSON = "---\ntitle: %s\n---\n\n# %s\n\nText.\n"


def tree(folder):
    """Every path under `folder` with its kind and bytes, for comparing whole outputs."""
    entries = {}
    for base, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(base, name)
            relative = os.path.relpath(path, folder)
            if os.path.islink(path):
                entries[relative] = ("link", os.readlink(path))
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    entries[relative] = ("file", handle.read())
            else:
                entries[relative] = ("folder", None)
    return entries


def test_links_out_of_content_are_refused_with_their_location_and_nothing_is_published(lectern, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\n\nnot for the site\n")
    course = make_course(tmp_path / "c", {"a.md": LESSON % ("A", "A") + "\n![p](pw.txt)\n", "out.md": "x"})
    content = course / "Content"
    (content / "out.md").unlink()
    (content / "out.md").symlink_to(secret)
    (content / "pw.txt").symlink_to("/etc/passwd")
    (content / "etc").symlink_to("/etc")
    (content / "nowhere.png").symlink_to(tmp_path / "missing")
    # A pipe inside Content/ (directly or through a link) is not a file to publish: reading it would block.
    os.mkfifo(content / "pipe.txt")
    (content / "pipe-link.txt").symlink_to("pipe.txt")
    result = run(lectern, "build", str(course))
    assert result.returncode == 1
    for name, target in [("out.md", secret), ("pw.txt", "/etc/passwd"), ("etc", "/etc")]:
        assert "Content/%s:1:1: error: '%s' is a symbolic link to '%s', outside Content/" % (name, name, target) \
            in result.stderr
        assert "[content.link-outside]" in result.stderr
    assert "Content/nowhere.png:1:1: warning:" in result.stderr and "[content.link-broken]" in result.stderr
    assert not (course / "Public").exists()


def test_links_inside_content_are_published_as_plain_files_and_cycles_end(lectern, tmp_path):
    course = make_course(tmp_path / "c", {
        "a.md": LESSON % ("A", "A") + "\n[data](shared/data.csv) [again](alias/data.csv)\n",
        "shared/data.csv": "x,y\n1,2\n",
    })
    content = course / "Content"
    (content / "alias").symlink_to("shared")
    (content / "shared" / "up").symlink_to("..")
    (content / "b.md").symlink_to("a.md")
    with open(content / "course.yml", "a") as config:
        config.write("  - title: Two\n    lessons: [b.md]\n")
    result = run(lectern, "build", str(course))
    assert result.returncode == 0, result.stderr
    public = course / "Public"
    links = [path for path, (kind, _) in tree(public).items() if kind == "link"]
    assert links == []
    assert (public / "alias" / "data.csv").read_text() == "x,y\n1,2\n"
    assert (public / "b" / "index.html").is_file()
    assert not (public / "shared" / "up").exists()


def test_names_the_site_uses_for_itself_are_located_errors(lectern, tmp_path):
    course = make_course(tmp_path / "c", {
        "a.md": LESSON % ("A", "A"), "search.md": LESSON % ("S", "S"), "assets.md": LESSON % ("T", "T"),
        "index.html": "<p>mine</p>", "404.html": "<p>lost</p>", "assets/logo.png": "png", "a/index.html": "x",
    })
    result = run(lectern, "build", str(course))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "[content.reserved-name]" in line]
    assert any(line.startswith("Content/course.yml:4:1: error: lesson 'search.md'") for line in errors), errors
    assert any("lesson 'assets.md'" in line for line in errors), errors
    for name in ["index.html", "404.html", "assets/logo.png", "a/index.html"]:
        assert any(line.startswith("Content/%s:1:1: error:" % name) for line in errors), (name, errors)
    assert not (course / "Public").exists()
    assert "NSCocoaErrorDomain" not in result.stderr and "Error Domain" not in result.stderr


def test_two_builds_into_one_folder_take_turns_and_leave_one_whole_site(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"l%d.md" % n: LESSON % (n, n) for n in range(150)})
    builds = [subprocess.Popen([lectern, "build", str(course)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for _ in range(3)]
    outputs = [build.communicate(timeout=300) for build in builds]
    assert [build.returncode for build in builds] == [0, 0, 0], outputs
    assert not [line for _, err in outputs for line in err.splitlines() if "error:" in line]
    leftovers = [name for name in os.listdir(course) if name.startswith(".Public.lectern")]
    assert leftovers == [] or all("-old-" in name for name in leftovers)
    reference = make_course(tmp_path / "r", {"l%d.md" % n: LESSON % (n, n) for n in range(150)})
    assert run(lectern, "build", str(reference)).returncode == 0
    assert tree(course / "Public") == tree(reference / "Public")


def test_an_output_that_cannot_be_written_is_a_sentence_and_leaves_nothing(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"a.md": LESSON % ("A", "A")})
    (tmp_path / "file").write_text("not a folder")
    before = sorted(os.listdir(tmp_path))
    result = run(lectern, "build", str(course), "--output", str(tmp_path / "file" / "Public"))
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot write '%s" % (tmp_path / "file")), result.stderr
    assert result.stderr.rstrip().endswith("Not a directory")
    assert "Error Domain" not in result.stderr
    assert sorted(os.listdir(tmp_path)) == before
    assert sorted(os.listdir(course)) == ["Content"]


def test_course_yml_errors_do_not_hide_unlisted_lessons_or_lesson_errors(lectern, tmp_path):
    course = make_course(tmp_path / "c", {"a.md": LESSON % ("A", "A"), "b.md": "---\ntitle: [\n---\n"})
    config = course / "Content" / "course.yml"
    config.write_text("title: T\nlanguage: [x]\nmodules:\n  - title: M\n    lessons: [a.md, missing.md]\n")
    result = run(lectern, "check", str(course))
    assert result.returncode == 1
    assert "Content/course.yml:2:" in result.stderr
    assert "Content/course.yml:5:1: error: lesson 'missing.md' does not exist" in result.stderr
    assert "Content/b.md:1:1: warning: 'b.md' is not listed in course.yml" in result.stderr


@pytest.mark.parametrize("config", ["title: [T\nmodules:\n  - title: M\n    lessons: [a.md]\n", "title: T\nmodules: 3\n"])
def test_a_course_yml_without_a_readable_module_list_still_reports_every_lessons_errors(lectern, tmp_path, config):
    broken = "---\ntitle: B\n---\n\n::: quiz\n1. Q?\n   - [ ] a\n   - [ ] b\n:::\n\n[x](missing.md)\n"
    course = make_course(tmp_path / "c", {"a.md": LESSON % ("A", "A"), "b.md": broken})
    (course / "Content" / "course.yml").write_text(config)
    for command in ("check", "build"):
        result = run(lectern, command, str(course))
        assert result.returncode == 1
        assert "Content/course.yml:" in result.stderr
        assert "Content/b.md:6:1: error: quiz question has no correct option" in result.stderr
        assert "Content/b.md:11:1: error: link to 'missing.md'" in result.stderr
        # No lesson is called unlisted when the list itself cannot be read.
        assert "not listed in course.yml" not in result.stderr
    assert not (course / "Public").exists()


def test_builds_on_all_cores_are_byte_identical(lectern, tmp_path):
    """Lessons are parsed concurrently; a library's shared state would show as differences."""
    generator = pathlib.Path(__file__).resolve().parents[2] / "Benchmarks" / "generate_course.py"
    course = tmp_path / "course"
    subprocess.run([sys.executable, str(generator), "300", str(course)], check=True)
    outputs = []
    for run_number in range(4):
        output = tmp_path / ("out%d" % run_number)
        assert run(lectern, "build", str(course), "--output", str(output)).returncode == 0
        outputs.append(tree(output))
    assert len(outputs[0]) > 600
    assert all(output == outputs[0] for output in outputs[1:])
