"""Line gating: a cleaner whose rules stay within a line runs them on the lines a scan flags.

Most lines of scraped news need nothing from a given cleaner. One scan for what its rules
react to, with a pattern that opens with a character class or a literal so the scan runs in
C, finds the few that do; the rest are copied, never looked at again.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def clean_flagged_lines(text: str, flag: re.Pattern, clean_line: Callable[[str], str]) -> str:
    """``text`` with ``clean_line`` applied to each line in which ``flag`` finds a match.

    Lines end at LF and are passed without it; a flag never matches a line end. A flag may
    match text that needs nothing, as its group ``fine``, to keep its scan in step (a pair of
    quotes that is spaced right): the scan goes on after it.

    >>> clean_flagged_lines("a\\nb!\\nc", re.compile("!"), str.upper)
    'a\\nB!\\nc'
    """
    pieces: list[str] = []
    copied = 0  # text before this is in pieces; when not 0 it is the index of a line end
    for match in flag.finditer(text):
        if match.start() < copied or match.lastgroup == "fine":
            continue  # on a line already cleaned, or nothing to do
        start = text.rfind("\n", copied, match.start()) + 1
        end = text.find("\n", match.end())
        if end < 0:
            end = len(text)
        pieces.append(text[copied:start])
        pieces.append(clean_line(text[start:end]))
        copied = end
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)
