"""Line ends, spaces and blank lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsclean.lines import clean_flagged_lines
from newsclean.patterns import first_of, lazy, scan
from newsclean.tables.arabic import ARABIC_MARKS, DIGITS
from newsclean.tables.separators import BULLETS
from newsclean.tables.unicode_spaces import SPACES, UNICODE_SPACES

if TYPE_CHECKING:
    from newsclean.blocks import CleanedBlock

_SPACES = SPACES
_SPACE = f"[{_SPACES}]"
_CARRIAGE_RETURN = lazy(r"\r\n?")
_UNICODE_SPACE = lazy(f"[{UNICODE_SPACES}]")
# A tab after text, perhaps past spaces: a column starts there.
_TAB_AFTER_TEXT = lazy("\\S[^\\S\\t\\n]*\t")
_LIST_MARKER_AND_TAB = lazy(
    f"[ \\t]*(?:[{re.escape(BULLETS)}*\\-–]|[{DIGITS}]+[.)\\-]|\\([{DIGITS}]+\\))[^\\S\\t\\n]*\t"
)
# Indentation made of ASCII spaces and tabs is deliberate (Markdown, poetry, code); a leading
# run holding a no-break or other Unicode space is what scrapers leave before a paragraph.
_SCRAPED_INDENT = lazy(f"(?=[ \\t]*[{UNICODE_SPACES}]){_SPACE}+")
# Only runs that need a change match: two or more spaces, or one that is not a plain space.
# A plain space between words, the common case, fails the first test after the class. A run
# followed by a combining mark is the mark's base (a Quran edition sets the superscript alef
# and hamza of `فَٱدَّـٰرَ ٰٔتُمۡ` on a thin space): left as it is.
_INNER_RUN = scan(
    f"{_SPACE}(?:(?<! )|(?={_SPACE}))(?<=\\S{_SPACE}){_SPACE}*(?=\\S)(?![{ARABIC_MARKS}\u0300-\u036f])"
)
# Opening with a literal (not `\n{3,}`), it is scanned for faster than `in` finds "\n\n\n".
_BLANK_RUN = scan("\n\n\n+")
# Runs of two or more plain spaces inside a line; the scan for them is one for "  ".
_PLAIN_RUN = scan("  (?<=\\S  ) *(?=\\S)")


def fix_whitespace(text: str, *, hard_breaks: bool = False) -> str:
    """Normalize line ends, spaces and blank lines, keeping deliberate indentation.

    Scraped text mixes CRLF with LF, no-break and typographic spaces with plain ones, and
    leaves trailing spaces and runs of blank lines that make diffs noisy and search brittle.

    >>> fix_whitespace("خبر\\u00a0عاجل  اليوم \\r\\n\\r\\n\\r\\n\\u00a0 تفاصيل  الخبر")
    'خبر عاجل اليوم\\n\\nتفاصيل الخبر\\n'
    >>> fix_whitespace("0##1 \\tالحمد لله\\t\\n")  # tabs after text are columns: they stay
    '0##1\\tالحمد لله\\t\\n'
    >>> fix_whitespace("\\n\\n    code block\\n\\tindented\\n")
    '    code block\\n\\tindented\\n'
    >>> fix_whitespace("unchanged line\\n")
    'unchanged line\\n'

    With ``hard_breaks`` (Markdown), two or more spaces that end a line of text are
    Markdown's line break and stay, as two.
    """
    if "\r" in text:
        text = _CARRIAGE_RETURN.sub("\n", text)
    if text.endswith(" "):
        text += "\n"  # the last line is looked at like the others; one LF ends the text anyway
    # Two scans at C speed cost less than one pattern opening with every space: one for a tab,
    # a Unicode space or a space ending a line, whose lines get every rule, and one for "  ":
    # the lines left after the first hold plain spaces only, and need only the collapse of
    # plain runs.
    for flag, fix in _PASSES_KEEPING_HARD_BREAKS if hard_breaks else _PASSES:
        text = clean_flagged_lines(text, flag, fix)
    text = _BLANK_RUN.sub("\n\n", text)
    if text.endswith("\n") and not text.endswith("\n\n") and not text.startswith("\n"):
        return text  # a paragraph as the pipeline hands it on: nothing to copy
    text = text.strip("\n")
    return text + "\n" if text else ""


def _fix_line(line: str) -> str:
    if _UNICODE_SPACE.search(line):
        # Matched at the start, not searched for from a `^`: the engine tries a `^` everywhere.
        indent = _SCRAPED_INDENT.match(line)
        if indent:
            line = line[indent.end() :]
    body = line.rstrip(_SPACES)
    if "\t" in line and _has_columns(body):
        return _keeping_columns(line, body)
    return _INNER_RUN.sub(" ", body)


def _has_columns(line: str) -> bool:
    # A tab after a list's bullet or number (`•\tیک`, `1.\tژنتیک`, pasted from a word
    # processor) is that marker's space, unless more columns follow (`(۱)\t#\tمتن`).
    marker = _LIST_MARKER_AND_TAB.match(line)
    return _TAB_AFTER_TEXT.search(line, marker.end() if marker else 0) is not None


def _keeping_columns(line: str, body: str) -> str:
    """A line whose tabs after text lay out columns (a table's cells, a poem's hemistichs, an
    index and its text), cleaned: as spaces they would run the columns together. Each tab
    stays, the spaces around it go; the tabs that end it stay too (its last cells are empty)."""
    ending = "\t" * line.count("\t", len(body))
    return _INNER_RUN.sub(_tabs_or_a_space, body) + ending


def _tabs_or_a_space(run: re.Match[str]) -> str:
    return "\t" * run.group().count("\t") or " "


def _collapse_plain_runs(line: str) -> str:
    return _PLAIN_RUN.sub(" ", line.rstrip(" "))


_PASSES = (
    # (A line end is rare where a space is not: the scan stops at each LF and looks back.)
    (first_of((f"\\t{UNICODE_SPACES}", ""), ("\n", "(?<= \n)")), _fix_line),
    ("  ", _collapse_plain_runs),
)


def _keeping_hard_breaks(fix: Callable[[str], str]) -> Callable[[str], str]:
    # Markdown's hard line break: two or more spaces ending a line of text stay, as two.
    # Where no line follows, Markdown ignores them; keeping them there too makes the rule
    # independent of what follows, so cleaning twice gives what cleaning once gave.
    def fix_keeping_hard_breaks(line: str) -> str:
        text = line.rstrip(_SPACES)
        run = line[len(text) :]
        hard_break = len(run) >= 2 and not run.strip(" ") and text and not text[-1].isspace()
        return fix(text + "\t" * run.count("\t")) + ("  " if hard_break else "")  # (a row's last tabs)

    return fix_keeping_hard_breaks


_PASSES_KEEPING_HARD_BREAKS = tuple((flag, _keeping_hard_breaks(fix)) for flag, fix in _PASSES)


def join_blocks(blocks: Iterable[CleanedBlock]) -> Iterator[tuple[str, str]]:
    """The blank lines between blocks, as `fix_whitespace` treats them in a whole text (the
    pipeline's hook for this cleaner): no blank line at the start or the end, one where the
    input had one or more, one final newline. A block cut from a line too long to hold joins
    the next one without a break. Yields ``(original, cleaned)`` pieces that each start at a
    line: a line end is written with its line, a blank line is owed until text follows it.
    """
    started = line_open = blank_owed = False
    original: list[str] = []
    output: list[str] = []
    for block in blocks:
        original += (block.original, block.gap)
        text = block.cleaned.strip("\n")
        if text:
            output += ("\n", text) if blank_owed else (text,)
            started, blank_owed, line_open = True, False, not block.ends_line
            if block.ends_line:
                output.append("\n")
        if started and block.gap:
            if line_open:
                output.append("\n")
                line_open = False
            blank_owed = True
        if not line_open:
            yield "".join(original), "".join(output)
            original.clear()
            output.clear()
    if line_open:
        output.append("\n")
    if original or output:
        yield "".join(original), "".join(output)
