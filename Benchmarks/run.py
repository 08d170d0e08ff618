#!/usr/bin/env python3
"""Times a release `lectern build` of a synthetic course (median of several runs, peak
memory) beside Debian's cmark-gfm converting the same markdown concatenated.
Usage: Benchmarks/run.py [LESSONS=1000] [RUNS=5]"""
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def timed(command, stdout=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main():
    lessons = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    if shutil.which("cmark-gfm") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "cmark-gfm"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "lectern"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/lectern"
    work = pathlib.Path(tempfile.mkdtemp(prefix="lectern-bench-"))
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_course.py"), str(lessons), str(work)], check=True)
    sources = sorted((work / "Content").glob("*.md"))
    combined = work / "all.md"
    combined.write_text("\n\n".join(p.read_text() for p in sources))
    size = combined.stat().st_size

    build_times, peak = [], 0
    for _ in range(runs):
        seconds, peak = timed([binary, "build", str(work)])
        build_times.append(seconds)
    cmark_times = [timed(["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
                          "--smart", str(combined)])[0] for _ in range(runs)]
    build, cmark = statistics.median(build_times), statistics.median(cmark_times)
    print("lessons:              %d (%.1f MB of markdown)" % (lessons, size / 1e6))
    print("lectern build:        %.3f s median of %d (%.0f lessons/s)" % (build, runs, lessons / build))
    print("peak memory:          %.0f MB" % (peak / 1024))
    print("cmark-gfm, one input: %.3f s median of %d" % (cmark, runs))
    print("ratio:                %.1fx cmark-gfm (goal: 1.5x or less)" % (build / cmark))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
