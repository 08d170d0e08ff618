"""Shared fixtures: the lectern binary, temporary courses and site crawling helpers."""
import os
import re
import pathlib
import shutil
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

try:
    # pandoc 3 from PyPI (pypandoc-binary) is the oracle some tests compare with.
    import pypandoc
    os.environ["PATH"] = os.path.dirname(pypandoc.get_pandoc_path()) + os.pathsep + os.environ.get("PATH", "")
except (ImportError, OSError):
    pass
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_configure(config):
    """Temporary folders of the run live in one folder that goes when the run ends, so the
    tests leave nothing behind in /tmp."""
    if not config.option.basetemp:
        config.lectern_tmp = tempfile.mkdtemp(prefix="lectern-tests-")
        config.option.basetemp = os.path.join(config.lectern_tmp, "pytest")
        # Browsers make their own scratch folders under TMPDIR and do not remove them all.
        scratch = os.path.join(config.lectern_tmp, "scratch")
        os.mkdir(scratch)
        os.environ["TMPDIR"] = scratch
        tempfile.tempdir = scratch


def pytest_unconfigure(config):
    folder = getattr(config, "lectern_tmp", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def lectern():
    binary = os.environ.get("LECTERN_BIN")
    if not binary:
        subprocess.run(["swift", "build", "--product", "lectern"], cwd=ROOT, check=True)
        binary = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip() + "/lectern"
    return binary


def run(lectern, *args, cwd=None):
    return subprocess.run([lectern, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def sample_site(lectern, tmp_path_factory):
    """The sample course, built once for every test that only reads it; its `Public/` folder."""
    course = tmp_path_factory.mktemp("sample") / "course"
    shutil.copytree(ROOT / "Content", course / "Content")
    result = run(lectern, "build", str(course))
    assert result.returncode == 0, result.stderr
    return course / "Public"


@pytest.fixture(scope="session")
def sample_server(sample_site):
    """The built sample course served under a sub-path; its base URL."""
    from browser import serve
    with serve(sample_site) as base:
        yield base


@pytest.fixture()
def sample_copy(tmp_path):
    """A copy of the repository's sample course in a temporary folder."""
    course = tmp_path / "course"
    shutil.copytree(ROOT / "Content", course / "Content")
    if (ROOT / "Templates").exists():
        shutil.copytree(ROOT / "Templates", course / "Templates")
    return course


def make_course(root, lessons, modules=None):
    """Writes a course whose lessons are {path: text}."""
    content = root / "Content"
    content.mkdir(parents=True, exist_ok=True)
    for path, text in lessons.items():
        file = content / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)
    paths = [p for p in lessons if p.endswith(".md")]
    modules = modules or [("Module", paths)]
    yml = "title: Test Course\nmodules:\n" + "".join(
        "  - title: %s\n    lessons: [%s]\n" % (title, ", ".join(items)) for title, items in modules)
    (content / "course.yml").write_text(yml)
    return root


def unavailable(reason):
    """Skips a test whose oracle or input is not on this machine; in CI, where the set-up
    installs everything, fails instead, so that a broken set-up cannot pass quietly."""
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI installs it)")
    pytest.skip(reason)


@pytest.fixture()
def seed_course(tmp_path):
    seeds = sorted(SEEDS.glob("001_*.txt"))
    if not seeds:
        unavailable("the seed lecture is not available beside the repository in %s" % SEEDS)
    text = seeds[0].read_text()
    lessons = {"lecture.md": text}
    for image in set(re.findall(r"\((graphics/[^)\s]+)\)", text)):
        lessons[image] = "x"
    return make_course(tmp_path / "seed", lessons), text
