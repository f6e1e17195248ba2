"""The registry of cleaners and the profiles: where a cleaner is added.

Registry order is the order cleaners run in, whatever order a user names them in. A cleaner is
a pure ``str -> str`` function with keyword-only options; a rule that reaches across blocks
(a rule line repeated after a blank line, the blank lines themselves) is its hook here, which
the pipeline calls.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsclean.blocks import CleanedBlock
from newsclean.cleaners.arabic import normalize_arabic
from newsclean.cleaners.html import strip_html
from newsclean.cleaners.invisible import remove_invisible
from newsclean.cleaners.mojibake import fix_mojibake
from newsclean.cleaners.punctuation import fix_punctuation
from newsclean.cleaners.separators import dedupe_separators, drop_repeated_rule
from newsclean.cleaners.whitespace import fix_whitespace, join_blocks
from newsclean.errors import UsageError


@dataclass(frozen=True)
class Cleaner:
    name: str
    function: Callable[..., str]
    summary: str
    # For a cleaner whose rule reaches across blank lines: (last line so far, block) -> block.
    across_blocks: Callable[[str, str], str] | None = None
    # For the cleaner that owns the blank lines between blocks: joins the cleaned blocks and
    # their gaps into ``(original, cleaned)`` pieces that start at a line (else: as read).
    joins_blocks: Callable[[Iterable[CleanedBlock]], Iterator[tuple[str, str]]] | None = None

    @property
    def options(self) -> dict[str, Any]:
        """Keyword-only options with their defaults, as the config file names them."""
        parameters = inspect.signature(self.function).parameters.values()
        return {p.name: p.default for p in parameters if p.kind is p.KEYWORD_ONLY}


REGISTRY: dict[str, Cleaner] = {
    cleaner.name: cleaner
    for cleaner in [
        Cleaner(
            "mojibake",
            fix_mojibake,
            "repair UTF-8 that was read as windows-1252, latin-1 or windows-1256",
        ),
        Cleaner(
            "invisible",
            remove_invisible,
            "zero-width, bidi and control characters out; ZWNJ between letters kept; NFC",
        ),
        Cleaner(
            "html",
            strip_html,
            "strip HTML tags, cut-off tag fragments, comments and scripts; decode entities",
        ),
        Cleaner(
            "arabic",
            normalize_arabic,
            "Arabic and Persian letters, digits, presentation forms, tatweel, doubled diacritics",
        ),
        Cleaner(
            "separators",
            dedupe_separators,
            "collapse separator runs, drop dangling and orphan bars, keep one of a repeated rule",
            across_blocks=drop_repeated_rule,
        ),
        Cleaner(
            "punctuation",
            fix_punctuation,
            "Arabic-script punctuation and its spacing; Latin text left as it is",
        ),
        Cleaner(
            "whitespace",
            fix_whitespace,
            "LF line ends, one space between words, no trailing spaces, one blank line at most",
            joins_blocks=join_blocks,
        ),
    ]
}

@dataclass(frozen=True)
class Profile:
    cleaners: tuple[str, ...]
    summary: str
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


_NEWS = ("mojibake", "invisible", "html", "arabic", "separators", "punctuation", "whitespace")
_SEARCH_FOLDINGS = (
    "strip_diacritics",
    "normalize_alef",
    "alef_maksura",
    "teh_marbuta",
    "ascii_digits",
    "expand_ligatures",
    "collapse_repeats",
    "lowercase_latin",
)
PROFILES: dict[str, Profile] = {
    "news": Profile(_NEWS, "publishable text, spelling unchanged (the default)"),
    "search": Profile(
        _NEWS,
        "news, then folded for indexing and NLP: no diacritics, one alef, ي for ى, ه for ة, "
        "ASCII digits, ligatures expanded, letter repeats collapsed, Latin lowercased",
        {"arabic": dict.fromkeys(_SEARCH_FOLDINGS, True)},
    ),
    "minimal": Profile(
        ("mojibake", "invisible", "html", "whitespace"),
        "lossless repairs only: mojibake, HTML entities, invisible characters, whitespace",
        {"html": {"entities_only": True}},
    ),
}
DEFAULT_PROFILE = "news"


def select_cleaners(
    profile: str = DEFAULT_PROFILE,
    only: Iterable[str] = (),
    skip: Iterable[str] = (),
) -> list[str]:
    """Names of the cleaners to run, in registry order.

    >>> select_cleaners("news", only=["whitespace", "html", "invisible"], skip=["invisible"])
    ['html', 'whitespace']
    >>> select_cleaners("news", only=["whitespace", "invisible"])
    ['invisible', 'whitespace']
    """
    if profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}")
    only, skip = list(only), list(skip)
    check_names(only + skip)
    chosen = set(only) if only else set(PROFILES[profile].cleaners)
    return [name for name in REGISTRY if name in chosen and name not in skip]



def check_names(names: Iterable[str]) -> None:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise UsageError(
            f"unknown cleaner {', '.join(map(repr, unknown))}; "
            f"valid cleaners: {', '.join(REGISTRY)}"
        )



def bind_options(cleaner: Cleaner, options: Mapping[str, Any]) -> Callable[[str], str]:
    unknown = set(options) - set(cleaner.options)
    if unknown:
        valid = ", ".join(cleaner.options) or "none"
        raise UsageError(
            f"unknown option {', '.join(sorted(unknown))} for cleaner {cleaner.name!r}; "
            f"valid options: {valid}"
        )
    if not options:
        return cleaner.function
    bound = functools.partial(cleaner.function, **options)
    try:
        bound("")  # a bad option value fails here, once, rather than on the first file
    except (TypeError, ValueError) as error:
        raise UsageError(f"cleaner {cleaner.name!r}: {error}") from None
    return bound
