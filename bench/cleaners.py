#!/usr/bin/env python3
"""Throughput of each cleaner alone and of each profile, on the generated news corpus.

    python bench/cleaners.py                 # builds a 20 MB corpus with shared/corpus/make_corpus.py
    python bench/cleaners.py --size-mb 50
    python bench/cleaners.py --corpus DIR    # every *.txt under DIR

Each figure is the median of --repeat runs, taken in alternation so that a noisy neighbour
slows every row alike. Baselines measured in the same run: the empty pipeline (splitting text
into blocks and joining it again, the floor any cleaner pays) and UTF-8 encoding of the text.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES, REGISTRY

MAKE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "make_corpus.py"


def load_corpus(args: argparse.Namespace) -> str:
    folder = args.corpus
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--size-mb", str(args.size_mb), "--out", str(folder)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    files = sorted(Path(folder).rglob("*.txt"))
    return "".join(path.read_text("utf-8", errors="replace") for path in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, help="folder of .txt files (default: build one)")
    parser.add_argument("--size-mb", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    text = load_corpus(args)
    megabytes = len(text.encode("utf-8")) / 1e6
    rows = {
        "baseline: utf-8 encode": lambda: text.encode("utf-8"),
        "baseline: empty pipeline": lambda: Pipeline([]).clean(text),
        **{f"cleaner {name}": _runner(Pipeline([name]), text) for name in REGISTRY},
        **{f"profile {name}": _runner(Pipeline.from_profile(name), text) for name in PROFILES},
    }
    timings: dict[str, list[float]] = {row: [] for row in rows}
    for _ in range(args.repeat):
        for row, run in rows.items():
            started = time.perf_counter()
            run()
            timings[row].append(time.perf_counter() - started)

    floor = statistics.median(timings["baseline: empty pipeline"])
    print(f"corpus: {megabytes:.1f} MB, median of {args.repeat} alternating runs")
    print(f"{'':28} {'MB/s':>8} {'x empty pipeline time':>22}")
    for row, seconds in timings.items():
        median = statistics.median(seconds)
        print(f"{row:28} {megabytes / median:8.1f} {median / floor:22.2f}")


def _runner(pipeline: Pipeline, text: str):
    return lambda: pipeline.clean(text)


if __name__ == "__main__":
    main()
