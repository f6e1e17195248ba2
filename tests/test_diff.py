"""The diff is made a piece at a time: it must apply to the original and give the cleaned text,
show what difflib shows when the whole text is one piece, and hold no more than a hunk."""

import itertools
import re
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import diff as diff_module
from newsclean.diff import patch_lines, unified_diff
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES
from tests.strategies import scraped_text

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def apply(diff: str, original: str) -> str:
    """Apply a unified diff to ``original``, checking every context and removed line."""
    old = patch_lines(original)
    lines = patch_lines(diff)
    assert not lines or (lines[0].startswith("--- ") and lines[1].startswith("+++ "))
    result, position, index = [], 0, 2
    while index < len(lines):
        header = _HUNK.fullmatch(lines[index])
        assert header, lines[index]
        start = int(header[1]) - (0 if header[2] == "0" else 1)
        result += old[position:start]
        position = start
        index += 1
        while index < len(lines) and not lines[index].startswith("@@"):
            line = lines[index]
            body = line[1:]
            if index + 1 < len(lines) and lines[index + 1] == "\\ No newline at end of file\n":
                body = body[:-1]
                index += 1
            if line[0] in " -":
                assert old[position] == body, (old[position], body)
                position += 1
            if line[0] in " +":
                result.append(body)
            index += 1
    return "".join(result + old[position:])


def diff_of(pipeline: Pipeline, text: str, chunks=None) -> str:
    return "".join(unified_diff(pipeline.stream_pairs(chunks or [text]), "a/x", "b/x"))


texts = st.lists(st.one_of(scraped_text, st.sampled_from(["\n", "\n\n\n", "  \r\n", "| \n"])), max_size=12).map("".join)


@given(texts, st.sampled_from(sorted(PROFILES)), st.lists(st.integers(1, 30), max_size=6))
def test_the_diff_applied_to_the_original_gives_the_cleaned_text(text, profile, cuts):
    pipeline = Pipeline.from_profile(profile)
    chunks, rest = [], text
    for cut in cuts:
        chunks, rest = chunks + [rest[:cut]], rest[cut:]
    diff = diff_of(pipeline, text, chunks + [rest])
    assert apply(diff, text) == pipeline.clean(text)
    assert (diff == "") == (pipeline.clean(text) == text)


@given(texts)
def test_pieces_that_both_end_lines_are_what_the_text_verbatim_gives(text):
    pairs = list(Pipeline(["html"]).stream_pairs([text]))
    assert "".join(old for old, _ in pairs) == text
    assert "".join(new for _, new in pairs) == Pipeline(["html"]).clean(text)


@given(st.lists(st.text("ab\n", max_size=8), max_size=6), st.lists(st.text("ab\n", max_size=8), max_size=6))
def test_one_piece_diffs_as_difflib_does(old, new):
    import difflib

    old, new = "\n".join(old) + "\n", "\n".join(new) + "\n"
    expected = "".join(difflib.unified_diff(patch_lines(old), patch_lines(new), "a/x", "b/x"))
    assert "".join(unified_diff([(old, new)], "a/x", "b/x")) == expected


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
def test_gnu_patch_applies_the_diff_of_each_real_article(tmp_path, real_corpus):
    news = Pipeline.from_profile("news")
    for text in itertools.islice(real_corpus.values(), 40):
        original = tmp_path / "x"
        original.write_bytes(text.encode("utf-8"))
        diff = diff_of(news, text)
        if not diff:
            continue
        subprocess.run(["patch", "-s", "--fuzz=0", str(original)], input=diff.encode(), check=True)
        assert original.read_bytes().decode("utf-8") == news.clean(text)


def test_memory_of_a_diff_is_bounded_by_a_hunk_not_the_file(monkeypatch):
    # 24 MB where every paragraph changes (one hunk over all of it, spooled to disk past
    # HUNK_SPOOL_CHARS): --diff on 50 MB took 425 MB.
    import tracemalloc

    monkeypatch.setattr(diff_module, "HUNK_SPOOL_CHARS", 1 << 18)
    paragraph = "قال  المتحدث في المؤتمر إن الوزير سيزور المنطقة |\n\n" * 40
    chunks = itertools.repeat(paragraph, 12_000)
    tracemalloc.start()
    try:
        size = sum(len(piece) for piece in unified_diff(Pipeline().stream_pairs(chunks), "a/x", "b/x"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 24_000_000
    assert peak < 16 * (1 << 20)
