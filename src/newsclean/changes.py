"""What cleaning changed, where, and which cleaner did it.

The pipeline runs its cleaners in order, so a change belongs to the first cleaner whose
addition to the pipeline makes it: the text is cleaned by the first k cleaners for each k,
and the lines that differ between k-1 and k are the k-th cleaner's work. The last of these
texts is exactly what `clean` writes. Each change is placed on the line of the original file
it came from, its columns mapped back through what earlier cleaners did to that line.

This costs a cleaning per cleaner and holds the file in memory: it is for reports (`--output-format
json|github`, `--report`), not for the cleaning itself.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from newsclean.blocks import split_lines
from newsclean.pipeline import Pipeline

Opcodes = list[tuple[str, int, int, int, int]]  # as difflib gives them
# A line's origin: its line in the original file (None: inserted), and the opcodes of each
# earlier cleaner's edits of it, to map its columns back.
Origin = tuple[int | None, list[Opcodes]]

SNIPPET_CONTEXT = 20  # characters shown on each side of a change in a snippet


@dataclass(frozen=True)
class Change:
    """One line changed by one cleaner."""

    cleaner: str
    line: int  # 1-based line of the original file the changed line came from (0: none, inserted)
    column: int  # 1-based column there of the first character changed
    before: str  # the line as the cleaner got it, with its line end
    after: str  # the line as the cleaner left it ("" and removed=True for a removed line)
    spans: tuple[tuple[int, int, int, int], ...]  # (before start, end, after start, end) of each difference
    removed: bool = False
    inserted: bool = False

    @property
    def kind(self) -> str:
        return "removed line" if self.removed else "inserted line" if self.inserted else "changed"

    def snippet(self) -> tuple[str, str]:
        """The part of the line around the changes, before and after."""
        if not self.spans:
            return self.before, self.after
        first, last = self.spans[0], self.spans[-1]
        start = max(0, first[0] - SNIPPET_CONTEXT)
        after_start = max(0, first[2] - (first[0] - start))
        return (
            self.before[start : last[1] + SNIPPET_CONTEXT],
            self.after[after_start : last[3] + SNIPPET_CONTEXT],
        )

    def as_report_item(self) -> dict[str, object]:
        """All of the change, for the review page: the whole lines and the spans."""
        return {
            "cleaner": self.cleaner,
            "line": self.line,
            "before": self.before,
            "after": self.after,
            "spans": [list(span) for span in self.spans],
            "kind": self.kind,
        }

    def as_record(self, path: str) -> dict[str, object]:
        before, after = self.snippet()
        return {
            "file": path,
            "line": self.line,
            "column": self.column,
            "cleaner": self.cleaner,
            "kind": self.kind,
            "before": before,
            "after": after,
        }


def changes(pipeline: Pipeline, text: str, *, markdown: bool = False) -> list[Change]:
    """Every change cleaning ``text`` makes, by cleaner, in the order the cleaners run."""
    if pipeline.clean(text, markdown=markdown) == text:
        return []  # (one cleaning, not one per cleaner, for a text that is clean)
    # Lines as an editor counts them (LF, CRLF or CR ends one), each with its end: a change of
    # line end is a change of its line.
    stages = [split_lines(text)]
    found: list[Change] = []
    # For each line of the latest stage: the original line it came from (None: inserted)
    # and, while it is that line, how its columns map back (a list of opcode tables).
    origin: list[Origin] = [(index, []) for index in range(len(stages[0]))]
    for count, name in enumerate(pipeline.names, start=1):
        after = split_lines(pipeline.upto(count).clean(text, markdown=markdown))
        before = stages[-1]
        if after != before:
            new_origin: list[Origin] = []
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
                if tag == "equal":
                    new_origin += origin[i1:i2]
                    continue
                found += _changes_of(name, before[i1:i2], after[j1:j2], origin[i1:i2], new_origin)
            origin = new_origin
        stages.append(after)
    return found


def _changes_of(
    name: str, old: list[str], new: list[str], origin: list[Origin], new_origin: list[Origin]
) -> Iterator[Change]:
    pairs = min(len(old), len(new))  # lines replaced pair up in order; the rest went or came
    for index in range(pairs):
        line, maps = origin[index]
        opcodes = _char_opcodes(old[index], new[index])
        spans = tuple((a1, a2, b1, b2) for tag, a1, a2, b1, b2 in opcodes if tag != "equal")
        column = _column_in_original(spans[0][0], maps) if spans else 0
        yield Change(name, _number(line), column + 1, old[index], new[index], spans)
        new_origin.append((line, [*maps, opcodes]))
    for index in range(pairs, len(old)):
        line, maps = origin[index]
        yield Change(name, _number(line), 1, old[index], "", ((0, len(old[index]), 0, 0),), removed=True)
    first_line = origin[0][0] if origin else None
    for index in range(pairs, len(new)):
        yield Change(name, _number(first_line), 1, "", new[index], ((0, 0, 0, len(new[index])),), inserted=True)
        new_origin.append((None, []))


def _number(line: int | None) -> int:
    return 0 if line is None else line + 1


def _column_in_original(column: int, maps: list[Opcodes]) -> int:
    """A column of a line as a later cleaner saw it, mapped back through what each earlier
    cleaner did to that line (a column inside a changed run maps to the run's start)."""
    for opcodes in reversed(maps):
        column = _mapped_back(column, opcodes)
    return column


def _mapped_back(column: int, opcodes: Opcodes) -> int:
    for tag, a1, _, b1, b2 in opcodes:
        if b1 <= column < b2:
            return a1 + (column - b1) if tag == "equal" else a1
    _, _, a2, _, b2 = opcodes[-1]
    return a2 + (column - b2)  # at or past the end of the line


def _char_opcodes(before: str, after: str) -> Opcodes:
    """The character edits from ``before`` to ``after``, as difflib's opcodes.

    What the two share at either end is cut first; a middle of the same length on both sides
    that differs at few places (letters respelled one for one, as the arabic cleaner does) is
    compared position by position; a plain insertion or deletion needs no matching. difflib's
    matcher on every long paragraph took four fifths of a report's time.
    """
    if before == after:
        return [("equal", 0, len(before), 0, len(after))] if before else []
    start = _common_prefix(before, after)
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]:
        end_before, end_after = end_before - 1, end_after - 1
    middle: Opcodes
    if end_before == start or end_after == start:
        # Characters taken from (or added to) a run of equal ones are the run's first: a
        # double space shows at its first space.
        longer, end = (before, end_before) if end_after == start else (after, end_after)
        while start > 0 and longer[start - 1] == longer[end - 1]:
            start, end, end_before, end_after = start - 1, end - 1, end_before - 1, end_after - 1
        tag = "delete" if end_after == start else "insert"
        middle = [(tag, 0, end_before - start, 0, end_after - start)]
    elif end_before - start == end_after - start and _few_differ(before[start:end_before], after[start:end_after]):
        middle = _positional(before[start:end_before], after[start:end_after])
    else:
        while start > 0 and before[start] == before[start - 1]:
            start -= 1  # (the run the edit begins in goes to the matcher whole)
        matcher = difflib.SequenceMatcher(None, before[start:end_before], after[start:end_after], autojunk=False)
        middle = list(matcher.get_opcodes())
    opcodes: Opcodes = [("equal", 0, start, 0, start)] if start else []
    opcodes += [(tag, a1 + start, a2 + start, b1 + start, b2 + start) for tag, a1, a2, b1, b2 in middle]
    if end_before < len(before):
        opcodes.append(("equal", end_before, len(before), end_after, len(after)))
    return opcodes


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):  # (stops at the shorter)
        if a != b:
            break
        length += 1
    return length


def _few_differ(before: str, after: str) -> bool:
    # Letters respelled one for one differ at a few places; text shifted by an edit differs
    # almost everywhere, and needs the matcher.
    return sum(a != b for a, b in zip(before, after, strict=True)) * 2 <= len(before)


def _positional(before: str, after: str) -> Opcodes:
    """Opcodes for two strings of one length, compared position by position."""
    opcodes: Opcodes = []
    position = 0
    while position < len(before):
        same = before[position] == after[position]
        end = position + 1
        while end < len(before) and (before[end] == after[end]) == same:
            end += 1
        opcodes.append(("equal" if same else "replace", position, end, position, end))
        position = end
    return opcodes


class Records:
    """Changes as records on stdout (`--output-format`): a JSON array, or GitHub workflow commands (annotations)."""

    def __init__(self, output_format: str) -> None:
        self.format = output_format
        self.count = 0

    def write(self, records: list[dict[str, Any]], out: BinaryIO) -> None:
        for record in records:
            if self.format == "json":
                opening = "[\n" if self.count == 0 else ",\n"
                out.write((opening + "  " + json.dumps(record, ensure_ascii=False)).encode("utf-8"))
            else:
                out.write(github_annotation(record).encode("utf-8"))
            self.count += 1

    def close(self, out: BinaryIO) -> None:
        if self.format == "json":
            out.write(b"[]\n" if self.count == 0 else b"\n]\n")


def github_annotation(record: dict[str, Any]) -> str:
    # https://docs.github.com/actions/reference/workflow-commands-for-github-actions: the
    # values escape %, CR and LF (and , and : in properties).
    def escaped(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    before, after = record["before"].rstrip("\r\n"), record["after"].rstrip("\r\n")
    message = f"{record['kind']}: {before!r} -> {after!r}"
    properties = f"file={escaped(record['file'], True)},line={record['line']},col={record['column']}"
    return f"::warning {properties},title={escaped('newsclean ' + record['cleaner'], True)}::{escaped(message)}\n"
