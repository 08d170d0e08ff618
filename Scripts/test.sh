#!/usr/bin/env bash
# Runs the whole test suite: a warning-free build, the Swift tests, and the end-to-end
# and browser tests. Installs what it needs first (see Scripts/setup.sh).
# `--fast` is the quick lane for a working loop: the Swift and JavaScript tests, Lectern's own
# pandoc cases, the fuzz regressions and the end-to-end tests of build, check and serve.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=false
if [ "${1:-}" = "--fast" ]; then fast=true; shift; fi
# SwiftPM, the browsers and the tests all make scratch folders under $TMPDIR; one private
# folder for the whole run is removed at the end, so a run leaves nothing in /tmp.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lectern-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
# Nor anything in the repository: no bytecode caches, no pytest cache.
export PYTHONDONTWRITEBYTECODE=1
export PYTEST_ADDOPTS="-p no:cacheprovider${PYTEST_ADDOPTS:+ $PYTEST_ADDOPTS}"

Scripts/setup.sh --browser


echo "== swift build (warnings are errors)"
log="$scratch/build.log"
swift build 2>&1 | tee "$log"
if grep -E "^/.*(Sources|Tests)/.*: warning:" "$log"; then
  echo "The build printed warnings." >&2
  exit 1
fi
lectern="$(Scripts/build-release.sh)"

echo "== swift test"
swift test 2>&1 | tee "$log"
grep -q "Test run with .* passed" "$log"

echo "== fuzz regressions (Tests/Fuzz/regressions), replayed through the whole pipeline"
"$(swift build --show-bin-path)/LecternFuzz" Tests/Fuzz/regressions

echo "== JavaScript unit tests"
if command -v node >/dev/null; then
  node --test Tests/JavaScript
else
  echo "node is not installed: skipping the JavaScript unit tests (Tests/JavaScript)"
fi

if $fast; then
  echo "== pandoc agreement: Lectern's cases (Tests/tools/pandoc-golden)"
  .venv/bin/python Tests/tools/pandoc_conformance.py "$lectern" Tests/tools/pandoc-golden --minimum 100
  echo "== end-to-end tests of build, check and serve"
  LECTERN_BIN="$lectern" .venv/bin/python -m pytest -q \
    Tests/Browser/test_build.py Tests/Browser/test_check.py Tests/Browser/test_hostile_input.py Tests/Browser/test_serve.py "$@"
  exit 0
fi

echo "== coverage-guided fuzzing of the whole pipeline (Scripts/fuzz.sh --debug, ${LECTERN_FUZZ_SECONDS:-60} s)"
Scripts/fuzz.sh --debug "${LECTERN_FUZZ_SECONDS:-60}"

echo "== code highlighting against pandoc's (agreement per language)"
.venv/bin/python Tests/tools/highlight_compare.py "$lectern"

echo "== pandoc agreement: Lectern's cases (Tests/tools/pandoc-golden), each against pandoc 3's output"
.venv/bin/python Tests/tools/pandoc_conformance.py "$lectern" Tests/tools/pandoc-golden --minimum 100
echo "== pandoc conformance: pandoc's own reader tests (../shared/pandoc-tests), one line per case"
.venv/bin/python Tests/tools/pandoc_conformance.py "$lectern" --minimum 90

echo "== end-to-end and browser tests"
LECTERN_BIN="$lectern" .venv/bin/python -m pytest -q Tests/Browser "$@"
