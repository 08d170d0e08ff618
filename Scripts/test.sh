#!/usr/bin/env bash
# Runs the whole test suite: a warning-free build, the Swift tests, and the end-to-end
# and browser tests. Installs what it needs first (see Scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --browser

echo "== swift build (warnings are errors)"
log=$(mktemp)
swift build 2>&1 | tee "$log"
if grep -E "^/.*(Sources|Tests)/.*: warning:" "$log"; then
  echo "The build printed warnings." >&2
  exit 1
fi
swift build -c release --product lectern 2>&1 | tail -1

echo "== swift test"
swift test 2>&1 | tee "$log"
grep -q "Test run with .* passed" "$log"

echo "== JavaScript unit tests"
if command -v node >/dev/null; then
  node --test Tests/JavaScript
else
  echo "node is not installed: skipping the JavaScript unit tests (Tests/JavaScript)"
fi

echo "== code highlighting against pandoc's (agreement per language)"
.venv/bin/python Tests/tools/highlight_compare.py "$(swift build -c release --show-bin-path)/lectern"

echo "== pandoc agreement: Lectern's cases (Tests/tools/pandoc-golden), each against pandoc 3's output"
.venv/bin/python Tests/tools/pandoc_conformance.py "$(swift build -c release --show-bin-path)/lectern" Tests/tools/pandoc-golden --minimum 100
echo "== pandoc conformance: pandoc's own reader tests (../shared/pandoc-tests), one line per case"
.venv/bin/python Tests/tools/pandoc_conformance.py "$(swift build -c release --show-bin-path)/lectern" --minimum 90

echo "== end-to-end and browser tests"
LECTERN_BIN="$(swift build -c release --show-bin-path)/lectern" .venv/bin/python -m pytest -q Tests/Browser "$@"
