"""Unified diffs made a piece at a time, so a diff of a large file needs no more memory than
its largest hunk's worth of spool (and a hunk's lines are spooled to disk past a limit).

The pipeline gives ``(original, cleaned)`` pieces that start on a line on both sides
(`Pipeline.stream_pairs`); each pair that differs is matched line by line on its own, and the
hunks are grouped across pieces with the usual three lines of context, as `diff -u` does.
"""

from __future__ import annotations

import difflib
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator

CONTEXT = 3
# A hunk's lines are held in memory up to this many characters, then on disk.
HUNK_SPOOL_CHARS = 1 << 20
_NO_NEWLINE = "\n\\ No newline at end of file\n"


def unified_diff(
    pairs: Iterable[tuple[str, str]], fromfile: str, tofile: str, context: int = CONTEXT
) -> Iterator[str]:
    """The unified diff of the joined originals and the joined cleaned texts of ``pairs``.

    >>> "".join(unified_diff([("a\\nb\\n", "a\\nc\\n")], "a/x", "b/x"))
    '--- a/x\\n+++ b/x\\n@@ -1,2 +1,2 @@\\n a\\n-b\\n+c\\n'
    """
    hunks = _Hunks(context)
    header = False
    for old, new in _at_line_starts(pairs):
        for text in hunks.add(old, new):
            if not header:
                yield f"--- {fromfile}\n+++ {tofile}\n"
                header = True
            yield text
    for text in hunks.close():
        if not header:
            yield f"--- {fromfile}\n+++ {tofile}\n"
            header = True
        yield text


def _at_line_starts(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Join pieces until both sides end a line: a pair is diffed on its own only then."""
    old_parts: list[str] = []
    new_parts: list[str] = []
    for old, new in pairs:
        old_parts.append(old)
        new_parts.append(new)
        if _ends_line(old_parts) and _ends_line(new_parts):
            yield "".join(old_parts), "".join(new_parts)
            old_parts.clear()
            new_parts.clear()
    if old_parts or new_parts:
        yield "".join(old_parts), "".join(new_parts)


def _ends_line(parts: list[str]) -> bool:
    last = next((part for part in reversed(parts) if part), "")
    return not last or last.endswith("\n")


def patch_lines(text: str) -> list[str]:
    """Lines as diff and patch see them: ended by LF alone (a CR stays in its line)."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


class _Hunks:
    """Hunks grouped across pieces: the equal lines since the last change are held as the few
    that can become context (the first and the last ``context`` of them), with their count."""

    def __init__(self, context: int) -> None:
        self.context = context
        self.old_line = self.new_line = 0  # lines of each side seen so far
        self.head: list[str] = []  # the first equal lines since the last change
        self.tail: deque[str] = deque(maxlen=context)  # the last of the rest
        self.equal = 0  # equal lines since the last change
        self.hunk: _Hunk | None = None

    def add(self, old: str, new: str) -> Iterator[str]:
        old_lines = patch_lines(old)
        if old == new:
            self._keep(old_lines)
            return
        new_lines = patch_lines(new)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                self._keep(old_lines[i1:i2])
            else:
                yield from self._change(old_lines[i1:i2], new_lines[j1:j2])

    def close(self) -> Iterator[str]:
        if self.hunk is not None:
            self.hunk.context(self.head)
            yield from self.hunk.lines()
            self.hunk = None

    def _keep(self, lines: list[str]) -> None:
        room = self.context - len(self.head)
        self.head += lines[:room]
        self.tail.extend(lines[room:][-self.context :])
        self.equal += len(lines)
        self.old_line += len(lines)
        self.new_line += len(lines)

    def _change(self, removed: list[str], added: list[str]) -> Iterator[str]:
        if self.hunk is not None and self.equal > 2 * self.context:
            self.hunk.context(self.head)
            yield from self.hunk.lines()
            self.hunk = None
        if self.hunk is None:
            leading = self._held()[-self.context :] if self.context else []
            self.hunk = _Hunk(self.old_line - len(leading), self.new_line - len(leading))
            self.hunk.context(leading)
        else:
            self.hunk.context(self._held())
        self.hunk.change(removed, added)
        self.head, self.equal = [], 0
        self.tail.clear()
        self.old_line += len(removed)
        self.new_line += len(added)

    def _held(self) -> list[str]:
        """The equal lines since the last change, when there are few; else the first and last
        ``context`` of them (all that any hunk can show)."""
        rest = self.equal - len(self.head)
        return self.head + (list(self.tail)[max(0, len(self.tail) - rest) :] if rest else [])


class _Hunk:
    def __init__(self, old_start: int, new_start: int) -> None:
        self.old_start, self.new_start = old_start, new_start
        self.old_count = self.new_count = 0
        self.body = tempfile.SpooledTemporaryFile(HUNK_SPOOL_CHARS, mode="w+", encoding="utf-8", newline="")

    def context(self, lines: list[str]) -> None:
        self._write(" ", lines)
        self.old_count += len(lines)
        self.new_count += len(lines)

    def change(self, removed: list[str], added: list[str]) -> None:
        self._write("-", removed)
        self._write("+", added)
        self.old_count += len(removed)
        self.new_count += len(added)

    def _write(self, prefix: str, lines: list[str]) -> None:
        for line in lines:
            self.body.write(prefix + (line if line.endswith("\n") else line + _NO_NEWLINE))

    def lines(self) -> Iterator[str]:
        old = _range(self.old_start, self.old_count)
        new = _range(self.new_start, self.new_count)
        yield f"@@ -{old} +{new} @@\n"
        self.body.seek(0)
        with self.body:
            while piece := self.body.read(1 << 16):
                yield piece


def _range(start: int, count: int) -> str:
    # As difflib and diff -u write it: one line is just its number, none is the line before.
    if count == 1:
        return f"{start + 1}"
    return f"{start + 1 if count else start},{count}"
