"""The streaming pipeline: cleaners composed once, applied to text a batch of blocks at a time.

Text streams through in blocks (`newsclean.blocks`). Cleaners see one block at a time, and
blocks go through them a batch at a time (``Sizes.batch``), so memory is bounded by the batch
size and the longest line, never by the file. What reaches across blocks is the cleaners'
own, through the registry's hooks: a rule repeated after a blank line (`separators`), the
blank lines themselves (`whitespace`); without such a hook the gaps pass through as read.
"""

from __future__ import annotations

import copy
import difflib
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from newsclean.blocks import SIZES, CleanedBlock, Sizes, block_batches, iter_runs
from newsclean.cleaners.arabic import FOLDINGS_THAT_HIDE_EVIDENCE
from newsclean.language import document_language
from newsclean.registry import DEFAULT_PROFILE, PROFILES, REGISTRY, bind_options, check_names, select_cleaners

Batch = list[tuple[str, str]]  # blocks and their gaps, as `block_batches` gives them
Steps = Sequence[tuple[str, Callable[[str], str]]]  # (cleaner name, bound function), in order
# (Re-exported: the sizes are passed to a Pipeline.)
__all__ = ["SIZES", "Pipeline", "Sizes", "pipeline_for"]


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
        check_names([*names, *options])
        self.changes: Counter[str] | None = Counter() if explain else None
        # The `arabic` cleaner takes the document's language for lines too short to tell,
        # unless the user fixed a language or a default.
        arabic_options = options.get("arabic", {})
        self._language_open = arabic_options.get("lang", "auto") == "auto" and "default_lang" not in arabic_options
        self.folds = any(arabic_options.get(name) for name in FOLDINGS_THAT_HIDE_EVIDENCE)
        names = [name for name in REGISTRY if name in names]
        self._use([(name, bind_options(REGISTRY[name], options.get(name, {}))) for name in names])

    def _use(self, steps: list[tuple[str, Callable[[str], str]]]) -> None:
        """Run these steps; what follows from which cleaners run is derived here, once."""
        self.steps = steps
        self.names = [name for name, _ in steps]
        joiners = [join for name in self.names if (join := REGISTRY[name].joins_blocks) is not None]
        self.join_blocks = joiners[0] if joiners else _join_as_read
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

    def clean_block(self, block: str, steps: Steps | None = None) -> str:
        return self.clean_blocks([block], steps)[0]

    def clean_blocks(
        self, blocks: list[str], steps: Steps | None = None
    ) -> list[str]:
        """Each block cleaned on its own, one cleaner over all of them at a time: by ``steps``
        if given (none is none: the steps before `arabic`, when it comes first), else all."""
        for name, function in self.steps if steps is None else steps:
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
        batches = block_batches(iter_runs(chunks, self.sizes), self.sizes)
        work = self._hinted(batches) if self.hints_language else ((batch, self.steps, None) for batch in batches)
        yield from self.join_blocks(self._clean_blocks(work))

    def _hinted(self, batches: Iterator[Batch]) -> Iterator[tuple[Batch, Steps, list[str] | None]]:
        """The batches with the steps to run on each, the `arabic` step told the document's
        language. The steps before it do not depend on the language: the first batches go
        through them once, the language is read from what they make (what `arabic` will see),
        and the steps from `arabic` on follow. (Running them twice, on a sample and then on
        the text, cost a third of the cleaning of a 9 KB article.)"""
        first = self.names.index("arabic")
        before = self.steps[:first]
        held: list[tuple[Batch, list[str]]] = []
        text_length = held_length = 0
        for batch in batches:
            prepared = self.clean_blocks([block for block, _ in batch], before)
            held.append((batch, prepared))
            text_length += sum(map(len, prepared))
            held_length += sum(len(block) + len(gap) for block, gap in batch)  # (a file of blank lines)
            if text_length >= self.sizes.sample or held_length >= _HELD_FOR_A_SAMPLE * self.sizes.sample:
                break
        sample = _first_characters("".join(block for _, prepared in held for block in prepared), self.sizes.sample)
        steps = self.steps_for(document_language(sample, folded=self.folds))
        for batch, prepared in held:
            yield batch, steps[first:], prepared
        for batch in batches:
            yield batch, steps, None

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

    def _clean_blocks(self, work: Iterable[tuple[Batch, Steps, list[str] | None]]) -> Iterator[CleanedBlock]:
        """Each batch's blocks through its steps (from its blocks partly cleaned already, if
        given), then the cleaners' rules that reach across blocks."""
        last_line = ""
        for batch, steps, blocks in work:
            if blocks is None:
                blocks = [block for block, _ in batch]
            for (block, gap), cleaned in zip(batch, self.clean_blocks(blocks, steps), strict=True):
                cleaned = self._continue(last_line, cleaned)
                last_line = _last_line(cleaned) or last_line
                yield CleanedBlock(block, cleaned, gap, bool(gap) or block.endswith(("\n", "\r")))

    def _continue(self, last_line: str, block: str) -> str:
        for join in self.across_blocks:
            block = join(last_line, block)
        return block


def _join_as_read(blocks: Iterable[CleanedBlock]) -> Iterator[tuple[str, str]]:
    for block in blocks:
        yield block.original + block.gap, block.cleaned + block.gap


def _across_blocks(names: Iterable[str]) -> list[Callable[[str, str], str]]:
    return [join for name in names if (join := REGISTRY[name].across_blocks) is not None]


def _first_characters(text: str, size: int) -> str:
    """The first ``size`` characters of ``text``, cut at a line end: the same characters
    however the input was chunked (a sample that ended with a batch told one language for a
    file read at once and another for the same file through a pipe)."""
    if len(text) <= size:
        return text
    return text[: text.rfind("\n", 0, size) + 1 or size]


# How much text (blank lines counted) may be held to find a language sample's characters.
_HELD_FOR_A_SAMPLE = 4


def _last_line(text: str) -> str:
    text = text.rstrip()
    return text[text.rfind("\n") + 1 :]



def _changed_lines(before: str, after: str) -> int:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    if len(old) == len(new):
        return sum(a != b for a, b in zip(old, new, strict=False))
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")
