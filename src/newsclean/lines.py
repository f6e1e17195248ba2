"""Line gating: a cleaner whose rules stay within a line runs them on the lines a scan flags.

Most lines of scraped news need nothing from a given cleaner. One scan for what its rules
react to, with a pattern that opens with a character class or a literal so the scan runs in
C, finds the few that do; the rest are copied, never looked at again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def clean_flagged_lines(text: str, flag: re.Pattern | str, clean_line: Callable[[str], str]) -> str:
    """``text`` with ``clean_line`` applied to each line in which ``flag`` finds a match.

    ``flag`` is a pattern or a literal string (found by `str.find`, faster still). Lines end
    at LF and are passed without it; a match flags the line it starts on. A pattern may match
    text that needs nothing, as its group ``fine``, to keep its scan in step (a pair of
    quotes spaced right): the scan goes on after it.

    >>> clean_flagged_lines("a\\nb!\\nc", re.compile("!"), str.upper)
    'a\\nB!\\nc'
    >>> clean_flagged_lines("a  b\\nc d", "  ", lambda line: line.replace("  ", " "))
    'a b\\nc d'
    """
    pieces: list[str] = []
    copied = 0  # text before this is in pieces; when not 0 it is the index of a line end
    for found in _flagged(text, flag):
        if found < copied:
            continue  # on a line already cleaned
        start = text.rfind("\n", copied, found) + 1
        end = text.find("\n", found)
        if end < 0:
            end = len(text)
        pieces.append(text[copied:start])
        pieces.append(clean_line(text[start:end]))
        copied = end
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)


def _flagged(text: str, flag: re.Pattern | str) -> Iterator[int]:
    if isinstance(flag, str):
        found = text.find(flag)
        while found >= 0:
            yield found
            found = text.find(flag, text.find("\n", found) + 1 or len(text))
        return
    for match in flag.finditer(text):
        if match.lastgroup != "fine":
            yield match.start()
