"""Spans of text no rule may change: the URLs in it.

A URL is an identifier: a space after a dot in `https://example.com/خبر.التقى`, a Persian ی
respelled Arabic in a slug (`/الخارجیة-الإیرانیة`), a presentation form mapped to its letter,
and the link leads elsewhere or nowhere. The cleaners whose rules reach into a word
(`punctuation`, `arabic`) apply them to the text between the URLs; what a URL says about the
language of its line (a Persian slug) still counts.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable

from newsclean.patterns import lazy

# What a scheme is written with, and a Latin letter that starts a word (not glued to a letter,
# digit or `_` before it).
_SCHEME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "+.-")
_SCHEME_CLASS = re.escape("".join(sorted(_SCHEME_CHARACTERS)))
_WORD_START = r"[A-Za-z](?<!\w[A-Za-z])"
# From the scheme or `www.` to the next space, angle bracket or quote, matched from the letter
# `url_spans` found it starts at; `url_spans` then takes off a bracket it did not open and the
# marks that end a sentence after it.
URL = lazy(rf"""{_WORD_START}(?:[{_SCHEME_CLASS}]*://|(?<=w)ww\.)[^\s<>"'«»“”]+""")


def holds_urls(text: str) -> bool:
    """Whether ``text`` may hold a URL (found at memory speed)."""
    return "://" in text or "www." in text


def protection_for(text: str) -> Callable[[Callable[[str], str]], Callable[[str], str]]:
    """`keeping_urls` for a text that may hold URLs; for one that cannot, each fix as it is."""
    return keeping_urls if holds_urls(text) else _as_it_is


def _as_it_is(fix: Callable[[str], str]) -> Callable[[str], str]:
    return fix


def keeping_urls(fix: Callable[[str], str]) -> Callable[[str], str]:
    """``fix`` applied to the text between the URLs of what it is given; the URLs stay as
    they are.

    >>> keeping_urls(str.upper)("see https://example.com/a.b and www.example.org/x.")
    'SEE https://example.com/a.b AND www.example.org/x.'
    """

    def fix_keeping_urls(text: str) -> str:
        if not holds_urls(text):
            return fix(text)
        pieces: list[str] = []
        copied = 0
        for start, end in url_spans(text):
            pieces += (fix(text[copied:start]) if start > copied else "", text[start:end])
            copied = end
        pieces.append(fix(text[copied:]) if copied < len(text) or not pieces else "")
        return "".join(pieces)

    return fix_keeping_urls


def url_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each URL in ``text``. A closing bracket the URL did not open ends it
    (`(https://example.com/x)از`, `[متن](https://example.com)`); one it opened is its own
    (`https://ar.wikipedia.org/wiki/مصر_(دولة)`).

    >>> text = "(https://example.com/x)از و https://ar.wikipedia.org/wiki/مصر_(دولة)."
    >>> [text[start:end] for start, end in url_spans(text)]
    ['https://example.com/x', 'https://ar.wikipedia.org/wiki/مصر_(دولة)']
    """
    # Found from their `://` and `www.` at memory speed (the rest of a block is never scanned;
    # each is searched for again only once passed, so many of one and few of the other stay
    # linear), then matched from the first letter of the scheme that starts a word.
    spans: list[tuple[int, int]] = []
    search = _Search(text)
    scheme, www = text.find("://"), text.find("www.")
    while scheme >= 0 or www >= 0:
        hit = scheme if www < 0 or 0 <= scheme < www else www
        url = search.url_through(hit)
        if url is not None:
            start, end = url.span()
            if ")" in url.group() or "]" in url.group():
                end = _before_a_bracket_it_did_not_open(text, start, end)
            spans.append((start, start + len(text[start:end].rstrip(_ENDS_A_SENTENCE))))
        if 0 <= scheme < search.floor:
            scheme = text.find("://", search.floor)
        if 0 <= www < search.floor:
            www = text.find("www.", search.floor)
    return spans


class _Search:
    """What `url_spans` has learnt of a text as it goes: where a URL still to be found may
    start (``floor``), and a run of scheme characters (`xwww.xwww.xwww.`) that no scheme
    ending in `://` can start in (``dead_until``), so no run is read twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.floor = 0
        self.dead_until = 0

    def url_through(self, hit: int) -> re.Match[str] | None:
        """The URL whose `://` or `www.` is at ``hit``. The scheme characters before it are
        one run; from any letter of it that starts a word the scheme pattern reaches the same
        `://` or fails alike, so it is tried from the first (`_www.https://`: from the `h`,
        not the `w` glued to `_`); a `www.` can also start a URL by itself."""
        text = self.text
        start = hit
        while start > self.floor and text[start - 1] in _SCHEME_CHARACTERS:
            start -= 1
        first = _STARTS_A_WORD.search(text, max(start, self.dead_until), hit + 1)
        url = None
        if first is not None:
            url = URL.match(text, first.start())
            if url is None:
                after_the_run = _NOT_A_SCHEME_CHARACTER.search(text, first.start())
                self.dead_until = after_the_run.start() if after_the_run else len(text)
        if url is None and (first is None or first.start() < hit):
            url = URL.match(text, hit)
        self.floor = url.end() if url is not None else hit + 3
        return url


_NOT_A_SCHEME_CHARACTER = lazy(f"[^{_SCHEME_CLASS}]")
_STARTS_A_WORD = lazy(_WORD_START)


def _before_a_bracket_it_did_not_open(text: str, start: int, end: int) -> int:
    opened = {")": 0, "]": 0}
    for index in range(start, end):
        character = text[index]
        if character in "([":
            opened[")" if character == "(" else "]"] += 1
        elif character in ")]":
            if not opened[character]:
                return index
            opened[character] -= 1
    return end


# The marks that may follow a URL at the end of a sentence, not its own.
_ENDS_A_SENTENCE = ".,،؛:;!?؟"
