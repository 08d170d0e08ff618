#!/usr/bin/env python3
"""Build benchmark: for synthetic courses of each size (Benchmarks/generate_course.py), times
a clean release `lectern build` and Debian's cmark-gfm converting the same markdown as one
input, alternately in the same run; reports their ratio on disk and with everything in
memory, the peak RSS of lectern itself, a rebuild over the existing output, what creating
the same files costs the file system alone, the cost of typesetting math (a math-heavy
course against its twin with the formulas as code) and of highlighting code (the course,
and a code-heavy twin, against the same blocks unlabelled), and the latency of
`lectern serve` from saving one lesson to its new page on disk (20 edits: median and worst).
Usage: Benchmarks/run.py [SIZES=1000,5000] [RUNS=5]"""
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "--smart"]


def timed(command):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one process, measured on that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s" % " ".join(command))
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def settle(course):
    """Waits until the previous output's background removal is done, so runs do not overlap."""
    deadline = time.time() + 60
    while any(p.name.startswith(".Public.lectern-") for p in course.iterdir()) and time.time() < deadline:
        time.sleep(0.05)


def filesystem_floor(site, target):
    """Seconds one thread takes to create the folders and files of a built site (same names
    and sizes) in `target`: what the file system alone costs for this output."""
    shutil.rmtree(target, ignore_errors=True)
    files = [(p.relative_to(site), p.stat().st_size) for p in sorted(site.rglob("*")) if p.is_file()]
    folders = sorted({f.parent for f, _ in files if str(f.parent) != "."}, key=lambda p: len(p.parts))
    start = time.perf_counter()
    target.mkdir()
    for folder in folders:
        (target / folder).mkdir(exist_ok=True)
    for relative, size in files:
        descriptor = os.open(target / relative, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(descriptor, b"x" * size)
        os.close(descriptor)
    seconds = time.perf_counter() - start
    shutil.rmtree(target)
    return seconds


def serve_latency(binary, course, edits=20):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([binary, "serve", str(course), "--port", str(port), "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = course / "Public" / "l0500" / "index.html"
        deadline = time.time() + 120
        while not page.exists() and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(1.5)
        lesson = course / "Content" / "l0500.md"
        original = lesson.read_text()
        latencies = []
        for edit in range(edits):
            marker = "Edited %d-%d." % (os.getpid(), edit)
            start = time.perf_counter()
            lesson.write_text(original + "\n" + marker + "\n")
            while marker not in page.read_text(errors="replace"):
                if time.perf_counter() - start > 30:
                    sys.exit("serve did not rebuild within 30 s")
                time.sleep(0.001)
            latencies.append(time.perf_counter() - start)
            time.sleep(0.3)
        lesson.write_text(original)
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=10)


def in_memory(work, twins):
    """Runs `twins(work)` in /dev/shm where there is one, so file system noise does not hide
    what is measured."""
    memory = pathlib.Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        work = pathlib.Path(tempfile.mkdtemp(prefix="lectern-bench-", dir=memory))
    try:
        return twins(work)
    finally:
        if work.parent == memory:
            shutil.rmtree(work, ignore_errors=True)


def twin_times(binary, lessons, runs, work, variants):
    """Median build time of each course variant ({name: generator flags}), timed alternately."""
    courses = {}
    for name, flags in variants.items():
        courses[name] = work / ("%s-%d" % (name, lessons))
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_course.py"), str(lessons), str(courses[name])]
                       + flags, check=True)
    times = {name: [] for name in variants}
    for _ in range(runs):
        for name, course in courses.items():
            shutil.rmtree(course / "Public", ignore_errors=True)
            settle(course)
            times[name].append(timed([binary, "build", str(course)])[0])
    return {name: statistics.median(values) for name, values in times.items()}


def math_overhead(binary, lessons, runs, work, formulas=40):
    """A math-heavy course (FORMULAS per lesson) against its twin with the same formulas
    written as code spans: what typesetting math costs."""
    times = in_memory(work, lambda w: twin_times(binary, lessons, runs, w, {
        "math": ["--math", str(formulas)], "code": ["--math", str(formulas), "--math-as-code"]}))
    return times["math"], times["code"], formulas


def code_overhead(binary, lessons, runs, work, blocks=0):
    """The benchmark course (with BLOCKS more code blocks per lesson in six languages) against
    its twin with the same blocks unlabelled (plain): what highlighting costs."""
    extra = ["--code", str(blocks)] if blocks else []
    times = in_memory(work, lambda w: twin_times(binary, lessons, runs, w, {
        "highlighted": extra, "plain": extra + ["--code-plain"]}))
    return times["highlighted"], times["plain"], blocks


def memory_times(binary, course, combined, runs, work):
    """The clean build and cmark-gfm again, alternately, with the course, the markdown and the
    output in memory: what the two programs cost without the file system. On ext4, creating
    thousands of files right after thousands were deleted (each run removes the last output)
    spends most of its kernel time looking for inodes that were not recently freed."""
    def twins(memory):
        if memory == work:
            return None
        copy = memory / course.name
        shutil.copytree(course / "Content", copy / "Content")
        markdown = memory / combined.name
        shutil.copyfile(combined, markdown)
        builds, cmarks = [], []
        for _ in range(runs):
            shutil.rmtree(copy / "Public", ignore_errors=True)
            settle(copy)
            builds.append(timed([binary, "build", str(copy)])[0])
            cmarks.append(timed(CMARK + [str(markdown)])[0])
        return statistics.median(builds), statistics.median(cmarks)
    return in_memory(work, twins)


def measure(binary, lessons, runs, work):
    course = work / ("c%d" % lessons)
    subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_course.py"), str(lessons), str(course)], check=True)
    combined = work / ("all%d.md" % lessons)
    combined.write_text("\n\n".join(p.read_text() for p in sorted((course / "Content").glob("*.md"))))
    builds, cpus, cmarks, rebuilds, floors, peak = [], [], [], [], [], 0
    for run in range(runs):
        if run > 0:
            floors.append(filesystem_floor(course / "Public", work / "floor"))
        shutil.rmtree(course / "Public", ignore_errors=True)
        settle(course)
        seconds, cpu, rss = timed([binary, "build", str(course)])
        builds.append(seconds)
        cpus.append(cpu)
        peak = max(peak, rss)
        cmarks.append(timed(CMARK + [str(combined)])[0])
        settle(course)
        seconds, _, rss = timed([binary, "build", str(course)])
        rebuilds.append(seconds)
        peak = max(peak, rss)
    build, cmark = statistics.median(builds), statistics.median(cmarks)
    result = {"lessons": lessons, "megabytes": combined.stat().st_size / 1e6, "build": build, "cmark": cmark,
              "floor": statistics.median(floors) if floors else 0.0,
              "ratio": build / cmark, "cpu_over_wall": statistics.median(cpus) / build, "peak_mib": peak / 1024,
              "rebuild": statistics.median(rebuilds), "memory": memory_times(binary, course, combined, runs, work)}
    if lessons == 1000:
        result["serve"] = serve_latency(binary, course)
        result["math"] = math_overhead(binary, lessons, runs, work)
        result["code"] = code_overhead(binary, lessons, runs, work)
        result["code_heavy"] = code_overhead(binary, lessons, runs, work, blocks=6)
    return result


def main():
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "1000,5000").split(",")]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    if shutil.which("cmark-gfm") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "cmark-gfm"], check=True)
    binary = subprocess.run([str(ROOT / "Scripts/build-release.sh")], check=True, stdout=subprocess.PIPE,
                            text=True).stdout.strip()
    work = pathlib.Path(tempfile.mkdtemp(prefix="lectern-bench-"))
    try:
        results = [measure(binary, n, runs, work) for n in sizes]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for r in results:
        print("%d lessons (%.1f MB of markdown), median of %d:" % (r["lessons"], r["megabytes"], runs))
        print("  lectern build, clean:   %.3f s (%.0f lessons/s), CPU/wall %.2f" % (r["build"], r["lessons"] / r["build"], r["cpu_over_wall"]))
        print("  cmark-gfm, one input:   %.3f s" % r["cmark"])
        print("  ratio:                  %.1fx cmark-gfm (goal: 3x or less)" % r["ratio"])
        if r["memory"]:
            build, cmark = r["memory"]
            print("  in memory (/dev/shm):   %.3f s vs cmark-gfm %.3f s: %.1fx" % (build, cmark, build / cmark))
        print("  file system floor:      %.3f s (one thread creating the same folders and files)" % r["floor"])
        print("  rebuild over output:    %.3f s (%.2fx the clean build; goal 1.1x)" % (r["rebuild"], r["rebuild"] / r["build"]))
        print("  peak RSS of lectern:    %.0f MiB" % r["peak_mib"])
        if "code" in r:
            highlighted, plain, _ = r["code"]
            print("  code highlighting: %.3f s vs %.3f s unlabelled (+%.0f%%; goal: 15%% or less)"
                  % (highlighted, plain, 100 * (highlighted / plain - 1)))
            highlighted, plain, blocks = r["code_heavy"]
            print("  code-heavy course (%d more blocks/lesson, six languages): %.3f s vs %.3f s unlabelled (+%.0f%%)"
                  % (blocks, highlighted, plain, 100 * (highlighted / plain - 1)))
        if "math" in r:
            with_math, as_code, formulas = r["math"]
            print("  math, %d formulas/lesson: %.3f s vs %.3f s as code spans (+%.0f%%; goal: 10%% or less)"
                  % (formulas, with_math, as_code, 100 * (with_math / as_code - 1)))
        if "serve" in r:
            ms = sorted(1000 * s for s in r["serve"])
            print("  serve, edit to disk:    median %.0f ms, worst %.0f ms over %d edits (goal: 100 ms on average)"
                  % (statistics.median(ms), ms[-1], len(ms)))
    if len(results) > 1:
        first, last = results[0], results[-1]
        print("growth %d -> %d lessons: %.2fx time for %.0fx lessons"
              % (first["lessons"], last["lessons"], last["build"] / first["build"], last["lessons"] / first["lessons"]))


if __name__ == "__main__":
    main()
