"""The registry of cleaners, the profiles, and the streaming pipeline that applies them.

Text streams through in blocks: a block is a run of non-blank lines (a paragraph), cut at a line
boundary when it grows past ``Sizes.block``. Cleaners see one block at a time, and blocks go
through them a batch at a time (``Sizes.batch``), so memory is bounded by the batch size and
the longest line, never by the file. The blank lines between
blocks are the pipeline's business: with `whitespace` on they are normalized here, exactly as
`fix_whitespace` does on a whole document; without it they pass through.
"""

from __future__ import annotations

import copy
import difflib
import functools
import inspect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from newsclean.cleaners.arabic import FOLDINGS_THAT_HIDE_EVIDENCE, normalize_arabic
from newsclean.cleaners.html import strip_html
from newsclean.cleaners.invisible import remove_invisible
from newsclean.cleaners.mojibake import fix_mojibake
from newsclean.cleaners.punctuation import fix_punctuation
from newsclean.cleaners.separators import dedupe_separators, drop_repeated_rule
from newsclean.cleaners.whitespace import fix_whitespace
from newsclean.errors import UsageError
from newsclean.language import document_language
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


@dataclass(frozen=True)
class Cleaner:
    name: str
    function: Callable[..., str]
    summary: str
    # For a cleaner whose rule reaches across blank lines: (last line so far, block) -> block.
    across_blocks: Callable[[str, str], str] | None = None

    @property
    def options(self) -> dict[str, Any]:
        """Keyword-only options with their defaults, as the config file names them."""
        parameters = inspect.signature(self.function).parameters.values()
        return {p.name: p.default for p in parameters if p.kind is p.KEYWORD_ONLY}


# Registry order is the order cleaners run in, whatever order a user names them in.
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
# Options that Markdown needs on top of a profile's: its hard line breaks are trailing spaces.


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
    _check_names(only + skip)
    chosen = set(only) if only else set(PROFILES[profile].cleaners)
    return [name for name in REGISTRY if name in chosen and name not in skip]


def pipeline_for(
    profile: str = DEFAULT_PROFILE,
    *,
    only: str | Iterable[str] = (),
    skip: str | Iterable[str] = (),
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Pipeline:
    """The pipeline for these arguments, built once and reused (building one costs 5x the
    cleaning of a short text). ``only`` and ``skip`` take a list of names or a comma-separated
    string; ``options`` maps a cleaner's name to a dict of its options."""
    options = dict(options or {})
    for name, value in options.items():
        if name not in REGISTRY:
            raise TypeError(
                f"unexpected argument {name!r}; expected only=, skip= or a cleaner's name "
                f"({', '.join(REGISTRY)}) with a dict of its options"
            )
        if not isinstance(value, Mapping):
            raise TypeError(f"{name}= takes a dict of the cleaner's options, not {value!r}")
    frozen = tuple(sorted((name, tuple(sorted(value.items()))) for name, value in options.items()))
    return _cached_pipeline(profile, _name_list(only), _name_list(skip), frozen)


@functools.lru_cache(maxsize=64)
def _cached_pipeline(
    profile: str, only: tuple[str, ...], skip: tuple[str, ...], options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
) -> Pipeline:
    return Pipeline.from_profile(profile, only=only, skip=skip, options={name: dict(value) for name, value in options})


def _name_list(names: str | Iterable[str]) -> tuple[str, ...]:
    # A string is a comma-separated list ("whitespace" was read as its letters).
    if isinstance(names, str):
        return tuple(name.strip() for name in names.split(",") if name.strip())
    return tuple(names)


def _check_names(names: Iterable[str]) -> None:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise UsageError(
            f"unknown cleaner {', '.join(map(repr, unknown))}; "
            f"valid cleaners: {', '.join(REGISTRY)}"
        )


class Pipeline:
    """Cleaners composed once, applied to text or to a stream of text chunks.

    >>> Pipeline(["whitespace"]).clean("a  b\\r\\n\\r\\n\\r\\nc")
    'a b\\n\\nc\\n'
    """

    def __init__(
        self,
        names: Sequence[str] = PROFILES[DEFAULT_PROFILE].cleaners,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        explain: bool = False,
        sizes: Sizes = SIZES,
    ) -> None:
        options = dict(options or {})
        self.sizes = sizes
        _check_names([*names, *options])
        self.changes: Counter[str] | None = Counter() if explain else None
        # The `arabic` cleaner takes the document's language for lines too short to tell,
        # unless the user fixed a language or a default.
        arabic_options = options.get("arabic", {})
        self._language_open = arabic_options.get("lang", "auto") == "auto" and "default_lang" not in arabic_options
        self.folds = any(arabic_options.get(name) for name in FOLDINGS_THAT_HIDE_EVIDENCE)
        names = [name for name in REGISTRY if name in names]
        self._use([(name, _bind(REGISTRY[name], options.get(name, {}))) for name in names])

    def _use(self, steps: list[tuple[str, Callable[[str], str]]]) -> None:
        """Run these steps; what follows from which cleaners run is derived here, once."""
        self.steps = steps
        self.names = [name for name, _ in steps]
        self.normalizes_layout = "whitespace" in self.names
        self.across_blocks = _across_blocks(self.names)
        self.hints_language = "arabic" in self.names and self._language_open
        self._hinted_steps: dict[str, list[tuple[str, Callable[[str], str]]]] = {}

    @classmethod
    def from_profile(
        cls,
        profile: str = DEFAULT_PROFILE,
        *,
        only: Iterable[str] = (),
        skip: Iterable[str] = (),
        options: Mapping[str, Mapping[str, Any]] | None = None,
        explain: bool = False,
        sizes: Sizes = SIZES,
    ) -> Pipeline:
        names = select_cleaners(profile, only, skip)
        merged = {name: dict(value) for name, value in PROFILES[profile].options.items()}
        for name, value in (options or {}).items():
            merged[name] = {**merged.get(name, {}), **value}
        return cls(names, {name: merged[name] for name in names if name in merged}, explain=explain, sizes=sizes)

    def upto(self, count: int) -> Pipeline:
        """The pipeline of this one's first ``count`` cleaners, with the same options."""
        prefix = copy.copy(self)
        prefix._use(self.steps[:count])
        prefix.changes = None
        return prefix

    def steps_for(self, document_language: str | None) -> list[tuple[str, Callable[[str], str]]]:
        """The steps for a document whose language (from a sample of it) is known, or not."""
        if document_language is None or not self.hints_language:
            return self.steps
        if document_language not in self._hinted_steps:
            self._hinted_steps[document_language] = [
                (name, functools.partial(cast(Callable[..., str], step), default_lang=document_language) if name == "arabic" else step)
                for name, step in self.steps
            ]
        return self._hinted_steps[document_language]

    def clean(self, text: str, *, markdown: bool = False) -> str:
        """Clean a whole text; the same result as streaming it in any chunks."""
        return "".join(self.stream([text], markdown=markdown))

    def clean_block(self, block: str, steps: Sequence[tuple[str, Callable[[str], str]]] | None = None) -> str:
        return self.clean_blocks([block], steps)[0]

    def clean_blocks(
        self, blocks: list[str], steps: Sequence[tuple[str, Callable[[str], str]]] | None = None
    ) -> list[str]:
        """Each block cleaned on its own, one cleaner over all of them at a time."""
        for name, function in steps or self.steps:
            cleaned = [function(block) for block in blocks]
            if self.changes is not None:
                self._count_changes(name, blocks, cleaned)
            blocks = cleaned
        return blocks

    def _count_changes(self, name: str, before: list[str], after: list[str]) -> None:
        assert self.changes is not None
        for old, new in zip(before, after, strict=True):
            if old != new:
                self.changes[name] += _changed_lines(old, new)

    def stream(self, chunks: Iterable[str], *, markdown: bool = False) -> Iterator[str]:
        """Yield cleaned text for a stream of text chunks (split anywhere, even mid-line).

        With ``markdown``, code, front matter, tables and the other constructs that
        `newsclean.markdown` finds pass through byte for byte; only the prose is cleaned.
        """
        for _, cleaned in self.stream_pairs(chunks, markdown=markdown):
            yield cleaned

    def stream_pairs(self, chunks: Iterable[str], *, markdown: bool = False) -> Iterator[tuple[str, str]]:
        """Yield ``(original, cleaned)`` pieces: joined, each side gives back the input and
        the output of `stream`. Pieces start at the start of a line on both sides (unless a
        line was too long to hold), so a diff can be made a piece at a time."""
        if markdown:
            # A Markdown document is parsed whole: what is prose depends on all of it.
            text = "".join(chunks)
            yield text, self._clean_markdown(text)
            return
        batches = _block_batches(iter_runs(chunks, self.sizes), self.sizes)
        language = None
        if self.hints_language:
            sample, batches = _sample(batches, self.sizes.sample)
            language = self._document_language(sample)
        cleaned = self._clean_blocks(batches, self.steps_for(language))
        yield from self._join_normalized(cleaned) if self.normalizes_layout else self._join_verbatim(cleaned)

    def _document_language(self, sample: str) -> str | None:
        """The language of a document from a sample, as the `arabic` cleaner will see it: after
        the cleaners before it (a mark or a tag they remove may join two words)."""
        for name, step in self.steps:
            if name == "arabic":
                break
            sample = step(sample)
        return document_language(sample, folded=self.folds)

    def _clean_markdown(self, text: str) -> str:
        # Imported here: the parser costs 28 ms to import, which a run on text files (a
        # pre-commit hook on a few .txt files) should not pay.
        from newsclean.markdown import clean_markdown

        language = self._document_language(text[: self.sizes.sample]) if self.hints_language else None
        steps = self.steps_for(language)
        return clean_markdown(text, lambda prose: self.clean_block(prose, steps))

    def _clean_blocks(
        self, batches: Iterable[list[tuple[str, str]]], steps: Sequence[tuple[str, Callable[[str], str]]]
    ) -> Iterator[tuple[str, str, str, bool]]:
        """Yield ``(block, cleaned block, gap, whether the block ended its last line)``."""
        last_line = ""
        for batch in batches:
            for (block, gap), cleaned in zip(batch, self.clean_blocks([block for block, _ in batch], steps), strict=False):
                cleaned = self._continue(last_line, cleaned)
                last_line = _last_line(cleaned) or last_line
                yield block, cleaned, gap, bool(gap) or block.endswith(("\n", "\r"))

    @staticmethod
    def _join_verbatim(blocks: Iterable[tuple[str, str, str, bool]]) -> Iterator[tuple[str, str]]:
        for block, cleaned, gap, _ in blocks:
            yield block + gap, cleaned + gap

    @staticmethod
    def _join_normalized(blocks: Iterable[tuple[str, str, str, bool]]) -> Iterator[tuple[str, str]]:
        # Mirrors fix_whitespace on the whole text: no blank line at the start or the end,
        # one blank line where the input had one or more, one final newline. A block cut
        # from a line too long to hold joins the next one without a break. A line end is
        # written with its line; a blank line is owed until text follows it.
        started = line_open = blank_owed = False
        original: list[str] = []
        output: list[str] = []
        for block, cleaned, gap, ends_line in blocks:
            original += (block, gap)
            text = cleaned.strip("\n")
            if text:
                output += ("\n", text) if blank_owed else (text,)
                started, blank_owed, line_open = True, False, not ends_line
                if ends_line:
                    output.append("\n")
            if started and gap:
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

    def _continue(self, last_line: str, block: str) -> str:
        for join in self.across_blocks:
            block = join(last_line, block)
        return block


def _across_blocks(names: Iterable[str]) -> list[Callable[[str, str], str]]:
    return [join for name in names if (join := REGISTRY[name].across_blocks) is not None]


def _sample(
    batches: Iterator[list[tuple[str, str]]], size: int
) -> tuple[str, Iterator[list[tuple[str, str]]]]:
    """The text of the first batches, up to ``size`` characters, and all the batches again.
    (The batches read ahead are held: a sample costs at most ``size`` characters of memory.)"""
    held: list[list[tuple[str, str]]] = []
    length = 0
    for batch in batches:
        held.append(batch)
        length += sum(len(block) + len(gap) for block, gap in batch)  # (a file of blank lines too)
        if length >= size:
            break
    text = "".join(block for batch in held for block, _ in batch)
    return text, itertools.chain(held, batches)


def _last_line(text: str) -> str:
    text = text.rstrip()
    return text[text.rfind("\n") + 1 :]


def _bind(cleaner: Cleaner, options: Mapping[str, Any]) -> Callable[[str], str]:
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


def _changed_lines(before: str, after: str) -> int:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(old) == len(new):
        return sum(a != b for a, b in zip(old, new, strict=False))
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


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
    for batch in _block_batches(runs, sizes):
        yield from batch


def _block_batches(runs: Iterable[str], sizes: Sizes = SIZES) -> Iterator[list[tuple[str, str]]]:
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
