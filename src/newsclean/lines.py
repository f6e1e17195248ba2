"""Line gating: a cleaner whose rules stay within a line runs them on the lines a scan flags.

Most lines of scraped news need nothing from a given cleaner. One scan for what its rules
react to, with a pattern that opens with a character class or a literal so the scan runs in
C, finds the few that do; the rest are copied, never looked at again.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def clean_flagged_lines(
    text: str,
    flag: re.Pattern[str] | str,
    clean_line: Callable[[str], str],
    *,
    unless: Callable[[re.Match[str]], bool] | None = None,
) -> str:
    """``text`` with ``clean_line`` applied to each line in which ``flag`` finds a match.

    ``flag`` is a pattern or a literal string (found by `str.find`, faster still). Lines end
    at LF and are passed without it; a match flags the line it starts on, or the line that
    ends with the LF it starts on. A pattern may match text that needs nothing, as its group
    ``fine``, to keep its scan in step (a pair of quotes spaced right): the scan goes on after
    it; so may a match for which ``unless`` is true, for what a pattern cannot tell cheaply.
    When no line changes, ``text`` itself comes back: nothing is copied.

    >>> clean_flagged_lines("a\\nb!\\nc", re.compile("!"), str.upper)
    'a\\nB!\\nc'
    >>> clean_flagged_lines("a \\nb\\nc ", re.compile("\\n(?<= \\n)"), str.strip)
    'a\\nb\\nc '
    >>> clean_flagged_lines("a  b\\nc d", "  ", lambda line: line.replace("  ", " "))
    'a b\\nc d'
    """
    find = _finder(flag, unless)
    pieces: list[str] = []
    copied = 0  # text before this is in pieces; when not 0 it is the index of a line end
    found = find(text, 0)
    while found >= 0:
        start = text.rfind("\n", copied, found) + 1
        end = text.find("\n", found)
        if end < 0:
            end = len(text)
        line = text[start:end]
        cleaned = clean_line(line)
        if cleaned != line:  # a line that needs nothing is left where it is, in the text
            pieces.append(text[copied:start])
            pieces.append(cleaned)
            copied = end
        if end >= len(text):
            break  # (a search from past the end starts at the end again: an empty match would loop)
        found = find(text, end + 1)  # the rest of a flagged line is not looked at
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)


def _finder(flag: re.Pattern[str] | str, unless: Callable[[re.Match[str]], bool] | None = None) -> Callable[[str, int], int]:
    """A function giving the position of the next match from a position, or -1."""
    if isinstance(flag, str):
        return lambda text, position: text.find(flag, position)

    def find(text: str, position: int) -> int:
        match = flag.search(text, position)
        while match is not None and (match.lastgroup == "fine" or (unless is not None and unless(match))):
            match = flag.search(text, match.end())
        return -1 if match is None else match.start()

    return find
