"""How newsclean's patterns are made fast, each idiom named once.

**Compiled when first used** (`lazy`). The cleaners and the language code hold about 110
patterns, and compiling them all took 40 ms of every start; a hook on clean files or
`echo x | newsclean clean` uses a handful. A lazy pattern compiles on its first use and then costs what a compiled one costs.

**Found by a scan** (`scan`). The regular-expression engine finds a pattern that opens with one
literal or one character class by scanning for that character in C, and tries the rest only
where it finds one; a pattern that opens with a group, an alternation, a look-around or a
repeat (`X+`, `X{2,}`) is tried at every position, several times slower over long text. So a
scan opens with the class of the characters its rule reacts to and checks their context with
look-arounds after it (`X(?<=Y X)`, not `(?<=Y)X`), and a run of a class is written `X X*`
(`one_or_more`). Several scans whose classes differ are made one (`first_of`): it opens with
the union of their classes, and a look-behind sends each character on to the rest of its own.

**Characters mapped** (`char_map`). A few characters are replaced fastest by `str.replace`
for each one the text holds, a large sparse table by a character class; `str.translate` is the
slowest of the three on Arabic text.

`tests/test_patterns.py` checks that every scan opens so, that `one_or_more` matches what `X+`
matches, and that `char_map` gives what `str.translate` gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

# Every pattern made by `scan`, for the test that checks how each opens.
SCANS: list[re.Pattern[str]] = []


class _Lazy:
    """A pattern compiled on first use. Its methods are then looked up in the instance's own
    dictionary, as fast as a compiled pattern's."""

    def __init__(self, source: str, flags: int) -> None:
        self.__dict__["_source"] = (source, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(*self.__dict__["_source"])
        for attribute in dir(compiled):
            if not attribute.startswith("__"):
                self.__dict__[attribute] = getattr(compiled, attribute)
        self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.__dict__['_source'][0]!r})"


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _Lazy(source, flags))


def scan(source: str, flags: int = 0) -> re.Pattern[str]:
    """A lazy pattern that must open with one literal or one character class (see above)."""
    pattern = lazy(source, flags)
    SCANS.append(pattern)
    return pattern


def first_of(*openings_and_rests: tuple[str, str], flags: int = 0) -> re.Pattern[str]:
    """One scan matching where any of the scans ``[opening]rest`` matches, and as it would:
    ``(?:[opening1]rest1|[opening2]rest2|...)``, which the engine tries at every position (it
    scans only for a union of literals), opening with the union of the classes instead. Each
    ``opening`` is a class's contents (no brackets, no leading ``^``); a rest must not refer
    to a group by number.

    >>> [found.span() for found in first_of(("ab", "c"), ("c", "a")).finditer("acbca")]
    [(0, 2), (2, 4)]
    """
    if any(opening.startswith("^") for opening, _ in openings_and_rests):
        raise ValueError("an opening is a class's contents, not a negated class")
    union = "".join(opening for opening, _ in openings_and_rests)
    branches = "|".join(f"(?<=[{opening}])(?:{rest})" for opening, rest in openings_and_rests)
    return scan(f"[{union}](?:{branches})", flags)


def one_or_more(character_class: str) -> str:
    """``X X*``, which matches what ``X+`` does, but opens with ``X`` alone.

    >>> one_or_more("[ab]")
    '[ab][ab]*'
    """
    return f"{character_class}{character_class}*"


def char_map(table: dict[str, str]) -> Callable[[str], str]:
    """A function applying ``table`` (character -> replacement) to a text.

    Measured on the corpus: for a few characters, `str.replace` per character that occurs
    runs at about 760 MB/s where a character class with a dict runs at 67 and `str.translate`
    at 39; for a large sparse map (presentation forms) the character class wins.
    """
    if len(table) > _SMALL_MAP:
        pattern = lazy(f"[{re.escape(''.join(table))}]")
        return lambda text: pattern.sub(lambda match: table[match.group()], text)
    if any(key in value for key in table for value in table.values()):
        raise ValueError("a small map must not feed its own keys: replacements run one by one")
    pairs = tuple(table.items())

    def replace_each(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return replace_each


_SMALL_MAP = 32
