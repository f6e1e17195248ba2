#!/usr/bin/env python3
"""The newsclean benchmark: throughput against floors and peers, peak memory, parallel batches.

    pip install -e '.[bench]' && pip install --no-deps camel-tools==1.6.0 emoji six
    python bench/run.py                       # 20 MiB corpus, RSS at 100 and 1000 MiB, 200 files
    python bench/run.py --size-mb 50 --rss-mb 100 --repeat 5

Everything is measured in one run, in alternation, and each figure is the median of --repeat
runs; ratios are to newsclean's `news` profile (library call) measured in the same run, so a
noisy machine moves them less than the MB/s. The library and the peers are called once per
article, as people call them (hazm's normalizer is quadratic in its input: one call on a whole
corpus would measure the corpus size); the CLI cleans the articles joined in one file. Peers do
their closest equivalent on the same text; they do far less than `news` (no HTML, separators,
punctuation or language handling). Subprocesses run with bytecode caching on (a machine that
sets PYTHONDONTWRITEBYTECODE would otherwise compile newsclean from source at every start,
while the peers' wheels were compiled when installed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsclean.pipeline import Pipeline

MAKE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "make_corpus.py"
SED_SCRIPT = r"s/<[^>]*>//g; s/&nbsp;/ /g; s/ +/ /g; s/ \|$//"


def make_corpus(size_mb: int, folder: Path, files: int | None = None) -> Path:
    command = [sys.executable, str(MAKE_CORPUS), "--size-mb", str(size_mb), "--out", str(folder)]
    if files:
        command += ["--files", str(files)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return folder


def peers(texts: list[str]) -> dict[str, Callable[[], object]]:
    """The peers' closest equivalents, each called once per article and skipped (with a
    note) when not installed."""
    found: dict[str, Callable[[], object]] = {}
    try:
        from hazm import Normalizer

        normalizer = Normalizer()
        found["hazm Normalizer"] = lambda: [normalizer.normalize(text) for text in texts]
    except ImportError as error:
        print(f"  (hazm not installed: {error})", file=sys.stderr)
    try:
        from camel_tools.utils.charmap import CharMapper
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        arclean = CharMapper.builtin_mapper("arclean")

        def camel() -> list[str]:
            return [
                dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(arclean(text)))))
                for text in texts
            ]

        found["camel-tools arclean+normalize"] = camel
    except ImportError as error:
        print(f"  (camel-tools not installed: {error})", file=sys.stderr)
    try:
        from pyarabic import araby

        found["pyarabic tashkeel/tatweel/ligature"] = lambda: [
            araby.normalize_ligature(araby.strip_tatweel(araby.strip_tashkeel(text))) for text in texts
        ]
    except ImportError as error:
        print(f"  (pyarabic not installed: {error})", file=sys.stderr)
    try:
        import cleantext

        found["clean-text clean"] = lambda: [
            cleantext.clean(text, lower=False, to_ascii=False, no_line_breaks=False) for text in texts
        ]
    except ImportError as error:
        print(f"  (clean-text not installed: {error})", file=sys.stderr)
    try:
        import arabic_norm

        found["arabic-norm (Rust)"] = lambda: [arabic_norm.normalize(text) for text in texts]
    except ImportError as error:
        print(f"  (arabic-norm not installed: {error})", file=sys.stderr)
    return found


# Subprocesses cache bytecode as an installed tool does (see the module's docstring).
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def command(args: list[str], stdin: Path | None = None, *, check: bool = True) -> Callable[[], object]:
    """A run of ``args``, stdout to /dev/null; ``check=False`` for one whose exit code tells
    something (a --check exits 1 when files would change)."""

    def run() -> None:
        with open(stdin or os.devnull, "rb") as source, open(os.devnull, "wb") as sink:
            subprocess.run(args, stdin=source, stdout=sink, check=check, env=ENVIRONMENT)

    run()  # a first call, untimed: the bytecode caches are written, the files are in memory
    return run


def timed_rounds(rows: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    timings: dict[str, list[float]] = {row: [] for row in rows}
    for _ in range(repeat):
        for row, run in rows.items():
            started = time.perf_counter()
            run()
            timings[row].append(time.perf_counter() - started)
    return {row: statistics.median(seconds) for row, seconds in timings.items()}


def peak_rss_mb(args: list[str]) -> float:
    """Peak RSS of a command, measured in a process of its own (so maxima do not mix)."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True, env=ENVIRONMENT)
    return int(output.stdout) / 1024


def throughput(args: argparse.Namespace, work: Path) -> None:
    # Articles of about 5 KB, the size of a real one, each in a file of its own.
    folder = Path(args.corpus) if args.corpus else make_corpus(args.size_mb, work / "corpus", files=args.size_mb * 200)
    files = sorted(folder.rglob("*.txt"))
    texts = [path.read_text("utf-8", errors="replace") for path in files]
    corpus_file = work / "joined.txt"
    with open(corpus_file, "wb") as joined:
        for path in files:
            joined.write(path.read_bytes())
    megabytes = corpus_file.stat().st_size / 1e6
    news, search = Pipeline.from_profile("news"), Pipeline.from_profile("search")
    newsclean = [sys.executable, "-m", "newsclean", "clean", "-q", "-j", "1"]
    rows: dict[str, Callable[[], object]] = {
        "newsclean news (library)": lambda: [news.clean(text) for text in texts],
        "newsclean search (library)": lambda: [search.clean(text) for text in texts],
        "newsclean news (CLI, file)": command([*newsclean, str(corpus_file)]),
        "newsclean search (CLI, file)": command([*newsclean, "-p", "search", str(corpus_file)]),
        "floor: cat > /dev/null": command(["cat", str(corpus_file)]),
        "floor: LC_ALL=C sed -E, 4 substitutions": command(["env", "LC_ALL=C", "sed", "-E", SED_SCRIPT, str(corpus_file)]),
        **peers(texts),
    }
    medians = timed_rounds(rows, args.repeat)
    reference = medians["newsclean news (library)"]
    print(f"\nThroughput on {megabytes:.1f} MB, {len(texts)} articles (median of {args.repeat} alternating runs, load {os.getloadavg()[0]:.2f})")
    print(f"{'':42} {'MB/s':>8} {'time / news':>12}")
    for row, seconds in medians.items():
        print(f"{row:42} {megabytes / seconds:8.1f} {seconds / reference:12.2f}")
    targets(medians, megabytes)


def targets(medians: dict[str, float], megabytes: float) -> None:
    news = medians["newsclean news (library)"]
    print("\nTargets (news profile, library call):")
    print(f"  >= 25 MB/s on one core: {megabytes / news:.1f} MB/s")
    sed = medians["floor: LC_ALL=C sed -E, 4 substitutions"]
    print(f"  within 4x of the sed floor: {news / sed:.1f}x its time")
    if "hazm Normalizer" in medians:
        print(f"  >= 20x hazm's Normalizer: {medians['hazm Normalizer'] / news:.1f}x as fast")
    for row, seconds in medians.items():
        if row.startswith(("hazm", "camel", "pyarabic", "clean-text")):
            verdict = "faster" if news < seconds else "SLOWER"
            print(f"  vs {row}: {verdict}, {seconds / news:.2f}x as fast")


def memory(args: argparse.Namespace, work: Path) -> None:
    print("\nPeak RSS of the CLI (stdout to /dev/null, and in place)")
    for size in args.rss_mb:
        folder = make_corpus(size, work / f"rss-{size}")
        path = next(folder.rglob("*.txt"))
        to_stdout = peak_rss_mb([sys.executable, "-m", "newsclean", "clean", "-q", str(path)])
        in_place = peak_rss_mb([sys.executable, "-m", "newsclean", "clean", "-q", "-i", str(path)])
        print(f"  {size} MiB file: {to_stdout:.0f} MB to stdout, {in_place:.0f} MB in place")
        shutil.rmtree(folder)


def batches(args: argparse.Namespace, work: Path) -> None:
    folder = make_corpus(args.batch_mb, work / "batch", files=args.batch_files)
    rows = {
        f"-j {jobs}": command([sys.executable, "-m", "newsclean", "clean", "-q", "-j", str(jobs), str(folder)])
        for jobs in (1, 2)
    }
    medians = timed_rounds(rows, args.repeat)
    print(f"\n{args.batch_files}-file batch ({args.batch_mb} MiB) to stdout, median of {args.repeat}")
    for row, seconds in medians.items():
        print(f"  {row}: {seconds:.2f} s")
    print(f"  speed-up of 2 jobs: {medians['-j 1'] / medians['-j 2']:.2f}x (target >= 1.7x on 2 cores)")


def many_files(args: argparse.Namespace, work: Path) -> None:
    folder = make_corpus(args.many_mb, work / "many", files=args.many_files)
    peak = peak_rss_mb([sys.executable, "-m", "newsclean", "clean", "-q", "-i", "-j", "2", str(folder)])
    print(f"\n{args.many_files} small files ({args.many_mb} MiB) in place with 2 jobs: peak RSS {peak:.0f} MB per process")


REAL_MARKDOWN = Path(__file__).resolve().parents[1] / "tests" / "data" / "markdown"


def markdown(args: argparse.Namespace, work: Path) -> None:
    """Markdown mode on real Arabic and Persian Markdown, next to text mode on the same files,
    and a pre-commit-sized run (the files copied to --md-copies folders) through the CLI, on a
    tree never cleaned and on the same tree once cleaned (the steady state of a hook)."""
    texts = [path.read_text("utf-8") for path in sorted(REAL_MARKDOWN.glob("*.md")) if path.name != "SOURCES.md"]
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    news = Pipeline.from_profile("news")
    rows: dict[str, Callable[[], object]] = {
        "news, Markdown mode (library)": lambda: [news.clean(text, markdown=True) for text in texts],
        "news, text mode (library)": lambda: [news.clean(text) for text in texts],
    }
    medians = timed_rounds(rows, args.repeat)
    print(f"\nReal Markdown: {len(texts)} files, {megabytes:.2f} MB (median of {args.repeat})")
    for row, seconds in medians.items():
        print(f"  {row:34} {megabytes / seconds:6.2f} MB/s")
    tree, clean_tree = work / "markdown-tree", work / "markdown-clean"
    for copy in range(args.md_copies):
        shutil.copytree(REAL_MARKDOWN, tree / f"copy{copy}")
    shutil.copytree(tree, clean_tree)
    subprocess.run([sys.executable, "-m", "newsclean", "clean", "-q", "-i", str(clean_tree)], check=False)
    check = [sys.executable, "-m", "newsclean", "clean", "--check", "-q", "-j", "1"]
    runs = {"--check, tree never cleaned": [*check, str(tree)], "--check, tree already clean": [*check, str(clean_tree)]}
    timings: dict[str, list[float]] = {row: [] for row in runs}
    for _ in range(args.repeat):
        for row, arguments in runs.items():
            started = time.perf_counter()
            subprocess.run(arguments, stdout=subprocess.DEVNULL, check=False, env=ENVIRONMENT)
            timings[row].append(time.perf_counter() - started)
    files = len(list(tree.rglob("*.md")))
    for row, seconds in timings.items():
        print(f"  {row:34} {statistics.median(seconds):6.2f} s for {files} files")


def startup(args: argparse.Namespace, work: Path) -> None:
    """Start-up, as a hook or an editor pays it: newsclean next to black, per call."""
    one_line = work / "one-line.txt"
    one_line.write_text("x\n", "utf-8")
    python_line = work / "one-line.py"
    python_line.write_text("x = 1\n", "utf-8")
    rows = {
        "python -c pass": command([sys.executable, "-c", "pass"]),
        "newsclean --version": command(["newsclean", "--version"]),
        "echo x | newsclean clean": command(["newsclean", "clean"], one_line),
    }
    if shutil.which("black"):
        rows["black --version"] = command(["black", "--version"])
        rows["black -q -"] = command(["black", "-q", "-"], python_line)
    medians = timed_rounds(rows, max(10, args.repeat))
    print(f"\nstart-up, median of {max(10, args.repeat)} calls (load {os.getloadavg()[0]:.2f})")
    for row, seconds in medians.items():
        print(f"  {row}: {seconds * 1000:.0f} ms")
    if "black -q -" in medians:
        print(f"  newsclean clean / black -q -: {medians['echo x | newsclean clean'] / medians['black -q -']:.2f}x (target <= 1.0)")
        print(f"  newsclean --version / black --version: {medians['newsclean --version'] / medians['black --version']:.2f}x (target <= 0.6)")


def precommit(args: argparse.Namespace, work: Path) -> None:
    """A pre-commit-sized batch as pre-commit runs it: 500 files split into two processes of
    250 at once, with the default -j and with -j 1 (wall time and CPU)."""
    folder = make_corpus(5, work / "precommit", files=500)
    files = sorted(str(path) for path in folder.rglob("*.txt"))
    halves = [files[: len(files) // 2], files[len(files) // 2 :]]

    def both(jobs: list[str]) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        processes = [
            subprocess.Popen(["newsclean", "clean", "--check", "-q", *jobs, *half], stdout=subprocess.DEVNULL, env=ENVIRONMENT)
            for half in halves
        ]
        for process in processes:
            process.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return time.perf_counter() - started, cpu

    runs: dict[str, list[tuple[float, float]]] = {"default -j": [], "-j 1": []}
    for _ in range(max(5, args.repeat)):
        runs["default -j"].append(both([]))
        runs["-j 1"].append(both(["-j", "1"]))
    print(f"\npre-commit split: 2 x 250 files ({len(files)} files), median of {max(5, args.repeat)} (load {os.getloadavg()[0]:.2f})")
    medians = {}
    for row, measured in runs.items():
        wall, cpu = statistics.median(m[0] for m in measured), statistics.median(m[1] for m in measured)
        medians[row] = wall
        print(f"  {row}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  default / -j 1: {medians['default -j'] / medians['-j 1']:.2f}x by the clock (target <= 1.0)")


def clean_text(args: argparse.Namespace, work: Path) -> None:
    """Already-clean text against dirty text, through the CLI: a file that needs nothing
    should cost less than one that does."""
    dirty = work / "dirty.txt"
    source = Path(args.corpus) if args.corpus else make_corpus(min(args.size_mb, 10), work / "clean-corpus")
    dirty.write_text("".join(path.read_text("utf-8") for path in sorted(source.rglob("*.txt"))), "utf-8")
    tidy = work / "tidy.txt"
    with open(tidy, "wb") as out:
        subprocess.run(["newsclean", "clean", str(dirty)], stdout=out, check=True, env=ENVIRONMENT)
    rows = {
        "dirty": command(["newsclean", "clean", "-q", str(dirty)]),
        "already clean": command(["newsclean", "clean", "-q", str(tidy)]),
    }
    medians = timed_rounds(rows, args.repeat)
    sizes = {"dirty": dirty.stat().st_size / 1e6, "already clean": tidy.stat().st_size / 1e6}
    print(f"\nclean vs dirty text, news profile through the CLI, median of {args.repeat} (load {os.getloadavg()[0]:.2f})")
    for row, seconds in medians.items():
        print(f"  {row}: {sizes[row] / seconds:.1f} MB/s ({sizes[row]:.1f} MB in {seconds:.2f} s)")
    ratio = (sizes["already clean"] / medians["already clean"]) / (sizes["dirty"] / medians["dirty"])
    print(f"  already clean / dirty throughput: {ratio:.2f}x (target >= 2.0)")


REAL_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def review(args: argparse.Namespace, work: Path) -> None:
    """What --report adds to a --check: the real articles (three copies of the shared corpus,
    dirty as they were scraped), checked with and without the review page, in one process and
    in two."""
    tree = work / "review-tree"
    for copy in range(3):
        shutil.copytree(REAL_CORPUS, tree / f"copy{copy}", ignore=shutil.ignore_patterns("*.md"))
    files = list(tree.rglob("*.txt"))
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    check = ["newsclean", "clean", "--check", "-q", str(tree)]
    page = str(work / "review.html")
    rows: dict[str, Callable[[], object]] = {}
    for jobs in ("1", "2"):
        rows[f"--check -j {jobs}"] = command([*check, "-j", jobs], check=False)
        rows[f"--check --report -j {jobs}"] = command([*check, "-j", jobs, "--report", page], check=False)
    medians = timed_rounds(rows, args.repeat)
    print(f"\nreview page: {len(files)} real articles ({megabytes:.1f} MB), median of {args.repeat} (load {os.getloadavg()[0]:.2f})")
    for row, seconds in medians.items():
        print(f"  {row}: {seconds:.2f} s")
    for jobs in ("1", "2"):
        added = medians[f"--check --report -j {jobs}"] - medians[f"--check -j {jobs}"]
        print(f"  the page adds {added:.2f} s with -j {jobs}")


SECTIONS = {"review": review, "startup": startup, "precommit": precommit, "clean-text": clean_text, "throughput": throughput, "markdown": markdown, "batches": batches, "memory": memory, "files": many_files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="folder of .txt files to measure on (default: build one)")
    parser.add_argument("--size-mb", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rss-mb", type=lambda s: [int(x) for x in s.split(",") if x], default=[100, 1000])
    parser.add_argument("--batch-files", type=int, default=200)
    parser.add_argument("--batch-mb", type=int, default=20)
    parser.add_argument("--many-files", type=int, default=10_000)
    parser.add_argument("--many-mb", type=int, default=20)
    parser.add_argument("--md-copies", type=int, default=180, help="copies of the real Markdown files for the CLI run")
    parser.add_argument("--only", type=lambda s: s.split(","), default=list(SECTIONS), help=", ".join(SECTIONS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as scratch:
        for section in args.only:
            SECTIONS[section](args, Path(scratch))


if __name__ == "__main__":
    main()
