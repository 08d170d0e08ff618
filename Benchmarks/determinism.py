#!/usr/bin/env python3
"""Builds the synthetic course (Benchmarks/generate_course.py) RUNS times with a release
lectern and hashes every output file; exits 1 unless every build gives the same set of
hashes. Lessons are parsed and rendered on all cores, so this is where shared state in a
library would show.
Usage: Benchmarks/determinism.py [LESSONS=1000] [RUNS=20] [LECTERN_BINARY]"""
import hashlib
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def tree_hashes(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main():
    lessons = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    binary = sys.argv[3] if len(sys.argv) > 3 else str(ROOT / ".build/release/lectern")
    with tempfile.TemporaryDirectory(prefix="lectern-determinism-") as folder:
        course = pathlib.Path(folder) / "course"
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/generate_course.py"), str(lessons), str(course)], check=True)
        seen = {}
        for run in range(runs):
            output = pathlib.Path(folder) / ("out%d" % run)
            subprocess.run([binary, "build", str(course), "--output", str(output), "--quiet"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            hashes = tree_hashes(output)
            key = hashlib.sha256(repr(sorted(hashes.items())).encode()).hexdigest()
            seen.setdefault(key, []).append(run)
            if len(seen) == 1 and run:
                subprocess.run(["rm", "-rf", str(output)], check=True)
        print("%d builds of %d lessons (%d files each): %d distinct output%s" % (
            runs, lessons, len(hashes), len(seen), "" if len(seen) == 1 else "s"))
        if len(seen) != 1:
            first, *others = seen.values()
            print("builds %s differ from builds %s" % (others, first))
            sys.exit(1)


if __name__ == "__main__":
    main()
