"""Nothing lost under faults and bad input: each failure is one file's, with a clear message."""

import errno
import io
import os
import stat
import subprocess
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsclean import io as newsclean_io
from newsclean.cli import app
from newsclean.decoding import TextSource
from newsclean.errors import BinaryFileError, InputError, UndecodableError
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES
from tests.strategies import scraped_text

DIRTY = "قال  المتحدث ، إن /p> الاجتماع |\n|\n"
CLEAN = "قال المتحدث، إن الاجتماع\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    return lambda *args: CliRunner().invoke(app, list(args), catch_exceptions=False)


def make_files(folder, count=4):
    paths = []
    for index in range(count):
        path = folder / f"{index}.txt"
        path.write_text(DIRTY)
        paths.append(path)
    return paths


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_a_failing_disk_leaves_the_file_intact_and_the_batch_goes_on(run, tmp_path, monkeypatch, code):
    paths = make_files(tmp_path)
    real_fsync, calls = os.fsync, []

    def failing_fsync(fd):
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            calls.append(fd)
        if len(calls) == 2 and not stat.S_ISDIR(os.fstat(fd).st_mode):  # the second file's data
            raise OSError(code, os.strerror(code))
        return real_fsync(fd)

    monkeypatch.setattr(newsclean_io.os, "fsync", failing_fsync)
    result = run("clean", "-i", "-j", "1", *map(str, paths))
    assert result.exit_code == 2
    assert f"{paths[1]}: {os.strerror(code)}; file left as it was" in result.stderr
    assert paths[1].read_text() == DIRTY
    assert [p.read_text() for p in paths if p != paths[1]] == [CLEAN] * 3
    assert sorted(os.listdir(tmp_path)) == sorted([".git", *(p.name for p in paths)])


def test_a_fifo_and_a_device_are_refused_and_the_batch_goes_on(run, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = make_files(tmp_path, 1)[0]
    result = run("clean", "-i", str(fifo), "/dev/null", str(good))
    assert result.exit_code == 2
    assert f"{fifo}: not a regular file" in result.stderr and "/dev/null: not a regular file" in result.stderr
    assert good.read_text() == CLEAN


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_reported(run, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = make_files(folder, 1)[0]
    folder.chmod(0o555)
    try:
        result = run("clean", "-i", str(path))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2 and "Permission denied" in result.stderr
    assert path.read_text() == DIRTY


def test_a_file_replaced_while_it_is_cleaned_ends_whole(tmp_path):
    # Another writer renames its finished copy over the path mid-clean: its version stays,
    # whole, and the cleaning reports the change instead of overwriting it.
    path = tmp_path / "a.txt"
    path.write_text(DIRTY * 20_000)
    replacement = "نسخة أخرى كاملة\n" * 1000
    done = threading.Event()

    def replace_midway():
        staged = tmp_path / "staged"
        staged.write_text(replacement)
        os.replace(staged, path)
        done.set()

    chunks = newsclean_io.TextSource.chunks

    def slow_chunks(self):
        for index, chunk in enumerate(chunks(self)):
            if index == 1 and not done.is_set():
                replace_midway()
            yield chunk

    original = newsclean_io.TextSource.chunks
    newsclean_io.TextSource.chunks = slow_chunks
    try:
        with pytest.raises(InputError, match="changed while it was cleaned"):
            newsclean_io.clean_path(path, mode="in-place")
    finally:
        newsclean_io.TextSource.chunks = original
    assert path.read_text() == replacement  # the other writer's version stays whole
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_two_processes_on_the_same_tree_do_not_corrupt_files(tmp_path):
    paths = make_files(tmp_path, 40)
    command = [sys.executable, "-m", "newsclean", "clean", "-i", "-q", "-j", "1", str(tmp_path)]
    first, second = subprocess.Popen(command), subprocess.Popen(command)
    assert first.wait(timeout=120) in (0, 2) and second.wait(timeout=120) in (0, 2)
    assert all(p.read_text() == CLEAN for p in paths)
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in paths)


@given(st.binary(max_size=400), st.sampled_from(list(PROFILES)), st.booleans())
def test_fuzz_decode_clean_encode_raises_only_domain_errors(data, profile, markdown):
    """The whole path from bytes to bytes: only 'binary' or 'undecodable' may stop it."""
    import io

    pipeline = Pipeline.from_profile(profile)
    try:
        source = TextSource("fuzz", io.BytesIO(data))
        cleaned = "".join(pipeline.stream(source.chunks(), markdown=markdown)).encode("utf-8")
    except (BinaryFileError, UndecodableError, InputError):  # (InputError: an encoding that cannot be told)
        return
    again = "".join(pipeline.stream([cleaned.decode("utf-8")], markdown=markdown)).encode("utf-8")
    assert again == cleaned


def _paragraph(text: str) -> bool:
    # One line of text; a rule line is left out, since a repeated rule is kept once on purpose.
    return "\n" not in text and "\r" not in text and bool(text.strip(" -=_*~#\t\u00a0"))


@given(st.lists(scraped_text.filter(_paragraph), min_size=2, max_size=5))
def test_cleaning_never_joins_two_paragraphs(paragraphs):
    news = Pipeline.from_profile("news")
    surviving = [p for p in paragraphs if news.clean(p).strip()]
    out = news.clean("\n\n".join(paragraphs))
    assert out.count("\n\n") >= len(surviving) - 1


# A lone dash or bar on a line is layout debris by design; everything else here is prose.
LATIN = st.text(alphabet=st.sampled_from(list("abcdefghij ABC.,;:!?()0123456789/@\n")), max_size=120)


@given(LATIN)
def test_latin_prose_urls_and_numbers_come_out_byte_for_byte_apart_from_spacing(text):
    out = Pipeline.from_profile("news").clean(text)
    assert out.split() == text.split()


def test_a_file_deleted_while_it_is_cleaned_is_reported_and_not_recreated(run, tmp_path, monkeypatch):
    doomed, good = make_files(tmp_path, 2)
    chunks = newsclean_io.TextSource.chunks

    def deleting_chunks(self):
        for chunk in chunks(self):
            if self.path == str(doomed) and doomed.exists():
                doomed.unlink()
            yield chunk

    monkeypatch.setattr(newsclean_io.TextSource, "chunks", deleting_chunks)
    result = run("clean", "-i", "-j", "1", str(doomed), str(good))
    assert result.exit_code == 2
    assert f"{doomed}: changed while it was cleaned, left as it is now; run newsclean on it again" in result.stderr
    assert not doomed.exists() and good.read_text() == CLEAN
    assert sorted(os.listdir(tmp_path)) == [".git", good.name]


def _bytes_to_clean_bytes(data: bytes, profile: str, markdown: bool = False) -> bytes:
    import io

    try:
        source = TextSource("fuzz", io.BytesIO(data))
    except InputError:  # (these fuzz finds were decoded as windows-1256 before guesses needed words)
        source = TextSource("fuzz", io.BytesIO(data), "windows-1256" if _fits(data, "cp1256") else "latin-1")
    return "".join(Pipeline.from_profile(profile).stream(source.chunks(), markdown=markdown)).encode("utf-8")


def _fits(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


@pytest.mark.parametrize(("data", "profile"), [
    (b"\x01\rP>", "news"),  # a fragment after a lone CR
    (b"\xc2\x95\xd8?", "news"),  # ? -> ؟ completing a false windows-1256 run
    (b"\x01\x01\x01\x020\x01*0\x01\x01\x01\x02\x01\xf9", "search"),  # İ lowercased out of NFC
    (b"\t\t0\xff\xa2", "search"),  # a mark on a tatweel between digits
    (b"\xf0\x9dA", "search"),  # a ZWNJ stranded by diacritic stripping
    (b"a\x9d\xf0", "search"),
    (b"<p|", "news"),  # a cut tag that a dangling bar kept from the line's end
    ("ء ? ".encode(), "news"),  # a ? 'standing alone' only before the line's trailing space (CI)
    ("ك ?? \r\n".encode(), "news"),
    ('الـَـعربية!!!"الـَـعربية"'.encode(), "news"),  # a quote after !!! (thorough profile)
])
def test_fuzz_findings_stay_fixed(data, profile):
    cleaned = _bytes_to_clean_bytes(data, profile)
    assert _bytes_to_clean_bytes(cleaned, profile) == cleaned


@pytest.mark.parametrize(("text", "expected"), [
    ("<p |", ""),
    ("</di |", ""),
    ("text <br |", "text\n"),
    ("| p> text", "text\n"),
    ("<p\u00a0|", ""),
    ("<p\u00a0", ""),
    ("\u00a0p> text", "text\n"),
])
def test_a_cut_tag_beside_what_other_cleaners_strip_at_the_edge_goes_in_one_cleaning(text, expected):
    # Spaces of any kind and dangling bars go later in the pipeline; the tag beside them is at
    # the line's edge already, or the second cleaning would find it there.
    news = Pipeline.from_profile("news")
    assert news.clean(text) == expected
    assert news.clean(expected) == expected


def test_workers_run_only_a_few_files_ahead_of_a_slow_reader(tmp_path, monkeypatch):
    # The output of -j is spooled in file order: to a reader that stops reading, workers
    # spooled the whole batch to disk. Now they stay at most AHEAD tasks each ahead of it.
    import tempfile
    import time

    from newsclean import batch
    from newsclean.discovery import InputFile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "spool"))
    (tmp_path / "spool").mkdir()
    items = []
    for index in range(200):
        path = tmp_path / f"{index:03}.txt"
        path.write_text("قال  المتحدث\n", "utf-8")
        items.append((InputFile(path, named=True), None))
    outcomes = batch.run(items, batch.Job(Pipeline(), "stdout"), io.BytesIO(), jobs=2)
    next(outcomes)
    time.sleep(1.0)  # the reader is slow: 200 small files would all be done by now
    (spool,) = (tmp_path / "spool").iterdir()
    assert len(list(spool.iterdir())) <= (2 * batch.AHEAD + 1) * batch.CHUNK  # (+ the one being read)
    assert sum(1 for _ in outcomes) == 199
