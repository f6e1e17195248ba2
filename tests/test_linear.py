"""No input can hang a cleaner: lines built from each cleaner's own trigger characters, 128 KB
and 512 KB long, are cleaned in time that grows linearly, and not far below the cleaner's
throughput on real text (ratios measured in the same run, never a time: machines are shared)."""

import gc
import time
from pathlib import Path

import pytest

from newsclean.registry import REGISTRY

REAL = "".join(path.read_text("utf-8") for path in sorted((Path(__file__).parents[1] / "samples").glob("*.txt")))

# What each cleaner reacts to, as runs and alternations (the adversarial lines that were
# quadratic or worse are among them: '<p' * 8192 took 11 s, '<p|' * 2730 35 s).
TRIGGERS = {
    "mojibake": ["Ø§", "Ã", "Ù", "\u00a0", "Ø", "Ã©Ø"],
    "invisible": ["\u200e ", "\u200f", "\u064b\u064c", "\u200c", "\u200c\u200d", "\u200b", "\x1b[", "\x1b[3", "ی\u200e"],
    "html": ["<", "&", "<p", "<p|", "</", "</di", "/p>", "p>", "|p>", "<a ", "<a href=", "<script", "<!--",
             "&amp;", "&amp;amp", "&#", "<p |", "/p/p>>", "الوسم <b> ", "&lt;b&gt; ", "<span\nالوسم <b> "],
    "arabic": ["\u0640", "ب\u0640", "\u0640\u064e", "\u064e\u064f", "ی", "ک", "ە", "ال", "آ", "https://a.com/ی ", "www.", "://"],
    "separators": ["|", "| ", "-", "- ", "-|", "•", "=", "<p|", " | "],
    "punctuation": ['"', '" ', ' "', "“”", "”", "(", "( ", "!!", "؟!", "..", ". ", "ق.", "?? ", ";)", "،", "،،",
                    "https://a.com/خبر. ", "www.", "://", "ق(نص)", "ق.[1]", "ق[1]"],
    "whitespace": [" ", "  |", "\t", "\u00a0", " \u00a0", "\r\n", "\r", "a\t", "1.\t"],
}
CASES = [(name, piece) for name, pieces in TRIGGERS.items() for piece in pieces]


def seconds(clean, text: str, repeat: int = 2) -> float:
    # (The best of a few runs, the garbage collector off: the suite leaves a large heap behind,
    # whose collections would be timed with the cleaner.)
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            clean(text)
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def test_every_cleaner_has_triggers():
    assert set(TRIGGERS) == set(REGISTRY)


@pytest.mark.parametrize(("name", "piece"), CASES, ids=[f"{name}-{piece!r}" for name, piece in CASES])
def test_a_cleaner_is_linear_on_runs_of_its_own_triggers(name, piece):
    assert_linear(REGISTRY[name].function, piece)


# A line one rule fixes, then one run of scheme characters that holds many a `www.` but no URL
# (`xwww.` 8000 times after `قال ، ` took 9 s in punctuation, 18 s in arabic: each `www.` read
# the run from its start).
URL_RUNS = [(name, lead, piece) for name, lead in (("arabic", "قال ی "), ("punctuation", "قال ، "))
            for piece in ("xwww.", "_www.", "1www.", "x.www.:/")]


@pytest.mark.parametrize(("name", "lead", "piece"), URL_RUNS, ids=[f"{name}-{piece!r}" for name, _, piece in URL_RUNS])
def test_a_run_of_scheme_characters_is_read_once(name, lead, piece):
    assert_linear(REGISTRY[name].function, piece, lead)


def assert_linear(clean, piece: str, lead: str = "") -> None:
    # (Sizes past the CPU's caches: between 64 and 256 KB a linear rule could look worse.)
    small, large = lead + piece * (131072 // len(piece)), lead + piece * (524288 // len(piece))
    normal = len(REAL) / seconds(clean, REAL)
    small_time, large_time = seconds(clean, small), seconds(clean, large)
    # Four times the text in at most ten times the time (a quadratic rule takes sixteen);
    # below 0.1 s the clock and the regex engine's own growth steps (one near 256 Ki
    # characters) say little, and that is no hang: a quadratic rule here takes seconds.
    assert large_time < 10 * small_time or large_time < 0.1, (small_time, large_time)
    # And no slower than a thousandth of the cleaner's throughput on real articles.
    assert len(large) / large_time > normal / 1000 or large_time < 0.01, (normal, len(large) / large_time)
