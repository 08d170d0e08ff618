#!/usr/bin/env bash
# Coverage-guided fuzzing of the whole pipeline (parse, analyse, validate, page, deck, home and
# search pages through the templates, printed diagnostics) with libFuzzer, which ships with the
# Swift toolchain. The seed corpus is every markdown input of the tests and the sample course.
# A crash is saved under .build/fuzz-crashes/; replay it with
# `swift build --product LecternFuzz && .build/debug/LecternFuzz FILE`, and keep it as a
# regression in Tests/Fuzz/regressions/ (the first byte of an input picks safe mode when odd).
# `--debug` builds the target unoptimised: in under a minute rather than nearly three, with
# the assertions of Lectern and its dependencies on, at about half the runs per second. The
# test suite's minute of fuzzing uses it; long runs are worth the optimised build.
# Usage: Scripts/fuzz.sh [--debug] [SECONDS=60] [extra libFuzzer options]
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release
if [ "${1:-}" = "--debug" ]; then configuration=debug; shift; fi
seconds=${1:-60}
shift || true
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
library=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -1)
if [ -z "$library" ]; then
  echo "libFuzzer (libclang_rt.fuzzer_no_main) is not in the Swift toolchain at $toolchain" >&2
  exit 1
fi
echo "== building the fuzz target (.build/fuzz, $configuration)"
LECTERN_FUZZ="$library" swift build -c "$configuration" --product LecternFuzz --scratch-path .build/fuzz 2>&1 | tail -1
work=$(mktemp -d "${TMPDIR:-/tmp}/lectern-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/crashes"
find Content Tests -name '*.md' -size -64k | while read -r file; do
  cp "$file" "$work/corpus/$(echo "$file" | tr '/' '_')"
done
echo "== fuzzing for $seconds s from $(ls "$work/corpus" | wc -l) seed inputs"
status=0
SWIFT_BACKTRACE=enable=no ".build/fuzz/$configuration/LecternFuzz" "$work/corpus" -max_total_time="$seconds" -max_len=8192 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/crashes/" "$@" \
  > "$work/log" 2>&1 || status=$?
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|ERROR|Fatal error|SUMMARY" "$work/log" || true
if [ "$status" -ne 0 ] || [ -n "$(ls "$work/crashes")" ]; then
  mkdir -p .build/fuzz-crashes
  cp "$work"/crashes/* .build/fuzz-crashes/ 2>/dev/null || true
  tail -30 "$work/log" >&2
  echo "the fuzzer found a failure (exit $status); inputs in .build/fuzz-crashes/" >&2
  exit 1
fi
