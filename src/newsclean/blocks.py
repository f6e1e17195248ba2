"""Text cut into lines and blocks as it streams: what the pipeline cleans, a block at a time.

A block is a run of non-blank lines (a paragraph), cut at a line boundary when it grows past
``Sizes.block``; the blank lines after it are its gap. A line too long to hold is cut before a
space. Joining every block and gap gives back the input. The Markdown code shares the line
splitter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from newsclean.patterns import lazy, scan
from newsclean.tables.invisible import (
    BIDI_CONTROLS,
    IMPLICIT_MARKS,
    OTHER_CONTROLS,
    SEPARATING_CONTROLS,
    ZERO_WIDTH,
)
from newsclean.tables.unicode_spaces import UNICODE_SPACES

T = TypeVar("T")


@dataclass(frozen=True)
class Sizes:
    """How much text the pipeline holds at a time, in characters. Memory is bounded by these,
    never by the file; tests pass small ones to reach the cuts."""

    # A block (a paragraph) is cut at a line boundary when it grows past this.
    block: int = 1 << 16
    # A line longer than this (a file with no line breaks at all) is cut before a space; the
    # pieces are joined again without a break.
    line: int = 1 << 18
    # Blocks are cleaned a batch at a time, each cleaner over the whole batch before the next
    # one runs: its patterns stay in the CPU's caches (5-7% faster than block by block). A
    # batch holds the blocks that one run of input completed, up to about this many
    # characters, so it never waits for more input.
    batch: int = 1 << 18
    # How much of a document is read to tell its language before its first block is cleaned.
    sample: int = 1 << 16
    # Blank lines are held until the text after them shows what they separate, up to this
    # many characters; a longer run is handed on in pieces (500 MB of blank lines took 1 GB).
    gap: int = 1 << 16


SIZES = Sizes()


class CleanedBlock(NamedTuple):
    """A block as the cleaners left it, with what the joining of blocks needs to know."""

    original: str
    cleaned: str
    gap: str  # the blank lines after it, as read
    ends_line: bool  # whether its last line ended (a block cut from a long line did not)


_LINE_END = lazy(r"\r\n|\r|\n")
_BLANK_LINE = lazy(f"[ \\t\\r\\n{UNICODE_SPACES}]*")
# Lines that may clean to nothing but a blank line; a block is never cut next to one, so a
# blank line it turns into is seen by `whitespace` exactly as in the whole document.
_MAY_TURN_BLANK = lazy(
    f"[ \\t\\r\\n{UNICODE_SPACES}{re.escape(ZERO_WIDTH + BIDI_CONTROLS + IMPLICIT_MARKS + OTHER_CONTROLS + SEPARATING_CONTROLS)}\\u200c\\u200d]*"
)


def iter_lines(chunks: Iterable[str], sizes: Sizes = SIZES) -> Iterator[str]:
    """Split a stream of text chunks into lines that keep their line end (LF, CRLF or CR).

    >>> list(iter_lines(["a\\r", "\\nb\\rc", "\\n", "d"]))
    ['a\\r\\n', 'b\\r', 'c\\n', 'd']
    """
    for run in iter_runs(chunks, sizes):
        yield from split_lines(run)


def iter_runs(chunks: Iterable[str], sizes: Sizes = SIZES) -> Iterator[str]:
    """Split a stream of text chunks into runs of whole lines, with their line ends.

    A run ends where a chunk's last line ends; the text after it waits for the next chunk.
    A line too long to hold is cut (see `Sizes.line`) and its pieces come as runs of their own.

    >>> list(iter_runs(["a\\nb", "c\\nd\\ne"]))
    ['a\\n', 'bc\\nd\\n', 'e']
    """
    partial: list[str] = []  # the start of a line that has not ended yet
    size = 0
    for chunk in chunks:
        if partial and partial[-1].endswith("\r"):
            size -= len(partial[-1])
            chunk = partial.pop() + chunk
        ended = _end_of_last_line(chunk)
        if ended:
            partial.append(chunk[:ended])
            yield "".join(partial)
            partial.clear()
            size = 0
        rest = chunk[ended:]
        if rest:
            partial.append(rest)
            size += len(rest)
            if size > sizes.line and not rest.endswith("\r"):
                line = "".join(partial)
                cut = _safe_cut(line, sizes.line)
                yield line[:cut]
                partial[:] = [line[cut:]]
                size = len(line) - cut
    if partial:
        yield "".join(partial)


def _end_of_last_line(chunk: str) -> int:
    """Where the last line that ends in ``chunk`` ends; 0 if none does.

    A CR that ends the chunk may be the first half of a CRLF: it does not end a line yet.
    """
    end = len(chunk) - 1 if chunk.endswith("\r") else len(chunk)
    return max(chunk.rfind("\n", 0, end), chunk.rfind("\r", 0, end)) + 1


def split_lines(run: str) -> list[str]:
    """The lines of ``run``, each with its line end (the last one may have none)."""
    if "\r" not in run:
        lines = run.split("\n")  # the common case, split at C speed
        rest = lines.pop()
        ended = [line + "\n" for line in lines]
        return [*ended, rest] if rest else ended
    lines = []
    start = 0
    for match in _LINE_END.finditer(run):
        lines.append(run[start : match.end()])
        start = match.end()
    if start < len(run):
        lines.append(run[start:])
    return lines


def _safe_cut(line: str, limit: int) -> int:
    """Where to cut a line too long to hold: before a space that follows a word, so that
    the space opens the next piece and no cleaner merges or splits a word at the cut."""
    cut = line.rfind(" ", len(line) - limit // 2)
    while cut > 0 and line[cut - 1].isspace():
        cut = line.rfind(" ", len(line) - limit // 2, cut)
    if cut > 0:
        return cut
    # Never between a letter and its marks, looking back no further than a run of marks can
    # hold (30, UAX #15): a line made only of marks or joiners is cut at the limit anyway
    # (walking back over all of it, for every piece, took 73 s on 30 MB of ZWNJs).
    end = len(line)
    cut = end
    while cut > max(1, end - _MAX_MARKS_LOOKED_AT) and (unicodedata.combining(line[cut - 1]) or line[cut - 1] in "\u200c\u200d"):
        cut -= 1
    return cut if cut > max(1, end - _MAX_MARKS_LOOKED_AT) else end


_MAX_MARKS_LOOKED_AT = 32


def _may_cut_before(line: str) -> bool:
    return not _MAY_TURN_BLANK.fullmatch(line)


def _is_blank(line: str) -> bool:
    # isspace() is false at the first letter, so a line of text costs almost nothing here.
    return not line or (line.isspace() and _BLANK_LINE.fullmatch(line) is not None)


def iter_blocks(runs: Iterable[str], sizes: Sizes = SIZES) -> Iterator[tuple[str, str]]:
    """Group lines into ``(block, gap)`` pairs.

    ``runs`` are lines, or runs of whole lines as `iter_runs` gives them. ``block`` is a run
    of non-blank lines with their line ends; ``gap`` is the blank lines after it. Joining
    every block and gap gives back the input.

    >>> list(iter_blocks(["\\n", "a\\n", "b\\n", "\\n", " \\n", "c"]))
    [('', '\\n'), ('a\\nb\\n', '\\n \\n'), ('c', '')]
    >>> list(iter_blocks(["\\na\\nb\\n\\n \\nc"]))
    [('', '\\n'), ('a\\nb\\n', '\\n \\n'), ('c', '')]
    """
    for batch in block_batches(runs, sizes):
        yield from batch


def block_batches(runs: Iterable[str], sizes: Sizes = SIZES) -> Iterator[list[tuple[str, str]]]:
    """The blocks of `iter_blocks` in lists: those a run completes, `Sizes.batch` characters
    or so at a time. The block still open after a run waits for the next, never a batch."""
    blocks = _Blocks(sizes)
    for run in runs:
        yield from grouped_by_size(blocks.add(run), sizes.batch, lambda block_and_gap: len(block_and_gap[0]))
    if blocks.body or blocks.gap:
        yield list(blocks.flush())


def grouped_by_size(items: Iterable[T], size: int, length: Callable[[Any], int] = len) -> Iterator[list[T]]:
    """``items`` in lists, each closed as soon as the lengths of its items add up to ``size``.

    >>> list(grouped_by_size(["ab", "c", "def", "g"], 3))
    [['ab', 'c'], ['def'], ['g']]
    """
    group: list[T] = []
    total = 0
    for item in items:
        group.append(item)
        total += length(item)
        if total >= size:
            yield group
            group, total = [], 0
    if group:
        yield group


# In a run of whole lines: the blank lines that open it, and the blank lines after a line end.
# (`\n?+` is possessive: a CRLF is one line end, never a CR and then an empty line. The runs
# of blank lines are possessive too: nothing follows them to backtrack for, and the engine
# would otherwise keep a state per line, 50 MB for a chunk of blank lines.)
_BREAK = r"(?:\r\n?+|\n)"
_OPENING_BLANK_LINES = lazy(f"(?:[ \\t{UNICODE_SPACES}]*{_BREAK})++")
# The first line end opens with LF..CR as one range (VT and FF then fail the look-behinds):
# the engine scans for a range 1.4x as fast as for two characters.
_BLANK_LINES_AFTER = scan(
    f"(?P<end>[\\n-\\r](?:(?<=\\r)\\n?+|(?<=\\n)))(?:[ \\t{UNICODE_SPACES}]*{_BREAK})++"
)
# The same where no CR is: opening with a literal, it is scanned for faster still.
_BLANK_LINES_AFTER_LF = scan(f"(?P<end>\n)(?:[ \\t{UNICODE_SPACES}]*\n)++")


class _Blocks:
    """The block being gathered. A run of whole lines is split at its blank lines by one scan;
    a last line without an end, and a block that may be cut at `Sizes.block`, go line by
    line, by the same rules."""

    def __init__(self, sizes: Sizes = SIZES) -> None:
        self.block_chars, self.gap_chars = sizes.block, sizes.gap
        self.body: list[str] = []
        self.gap: list[str] = []
        self.size = 0
        self.gap_size = 0
        self.last = ""  # the last line of text seen

    def add(self, run: str) -> Iterator[tuple[str, str]]:
        if not run.endswith(("\n", "\r")):
            for line in split_lines(run):
                yield from self._add_line(line)
            return
        position = 0
        opening = _OPENING_BLANK_LINES.match(run)
        if opening:
            yield from self._add_gap(opening.group())
            position = opening.end()
        blank_lines = _BLANK_LINES_AFTER if "\r" in run else _BLANK_LINES_AFTER_LF
        for blank in blank_lines.finditer(run, position):
            yield from self._add_text(run[position : blank.end("end")])
            yield from self._add_gap(run[blank.end("end") : blank.end()])
            position = blank.end()
        if position < len(run):
            yield from self._add_text(run[position:])

    def _add_text(self, lines: str) -> Iterator[tuple[str, str]]:
        """Add non-blank whole lines, all at once unless the block may be cut among them."""
        content_end = len(lines) - (2 if lines.endswith("\r\n") else 1)
        last_start = max(lines.rfind("\n", 0, content_end), lines.rfind("\r", 0, content_end)) + 1
        size_before_last = (0 if self.gap else self.size) + last_start
        if size_before_last >= self.block_chars:
            for line in split_lines(lines):
                yield from self._add_line(line)
            return
        if self.gap:
            yield from self.flush()
        self.body.append(lines)
        self.size += len(lines)
        self.last = lines[last_start:]

    def _add_gap(self, blank_lines: str) -> Iterator[tuple[str, str]]:
        self.gap.append(blank_lines)
        self.gap_size += len(blank_lines)
        if self.gap_size >= self.gap_chars:
            yield from self.flush()  # the rest of the run follows as blocks with no text

    def _add_line(self, line: str) -> Iterator[tuple[str, str]]:
        if _is_blank(line):
            yield from self._add_gap(line)
            return
        if self.gap or (self.size >= self.block_chars and _may_cut_before(self.last) and _may_cut_before(line)):
            yield from self.flush()
        self.body.append(line)
        self.size += len(line)
        self.last = line

    def flush(self) -> Iterator[tuple[str, str]]:
        yield "".join(self.body), "".join(self.gap)
        self.body, self.gap, self.size, self.gap_size = [], [], 0, 0
