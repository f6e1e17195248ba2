"""Markdown-safe cleaning: what to leave byte for byte, and how to hold inline spans aside.

Block constructs are found line by line as the text streams: front matter, fenced and
indented code, tables, setext underlines and thematic breaks, reference definitions, and HTML
that the author wrote on purpose (a line that starts with a tag and is a complete element).
Inline code spans, link and image destinations and autolinks inside prose are swapped for
private-use placeholders while the cleaners run, then put back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

_BLANK = re.compile(r"[ \t]*\r?\n?")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_INDENTED = re.compile(r"(?: {4}|\t)")
_TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?\n?")
_STANDALONE = re.compile(
    r"""[ ]{0,3}(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*                # setext underline, break
      | [ ]{0,3}\[[^\]]+\]:[ \t]*\S.*                                # reference definition
      | [ \t]*(?:<!--.*-->                                           # HTML written on purpose
               |<([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>.*</\1[ \t]*>
               |<[A-Za-z][A-Za-z0-9-]*\b[^<>]*/?>)[ \t]*""",
    re.VERBOSE,
)
_INLINE = re.compile(
    r"""(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)                                        # code span
      | \]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)  # destination
      | <(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>           # autolink""",
    re.VERBOSE | re.DOTALL,
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_FIRST_PLACEHOLDER = 0xE000
_MAX_SPANS = 0xF8FF - 0xE000 + 1


def iter_markdown_blocks(
    lines: Iterable[str],
    block_chars: int = 1 << 16,
    may_cut_before: Callable[[str], bool] = lambda line: True,
) -> Iterator[tuple[str, str, bool]]:
    """Group lines into ``(block, blank lines after it, protected)``: prose paragraphs, and
    runs of lines that must stay byte for byte. A block longer than ``block_chars`` is cut
    before a line that ``may_cut_before`` allows.

    >>> for block in iter_markdown_blocks(["نص\\n", "```\\n", "a  b\\n", "\\n", "```\\n", "\\n", "بعد"]):
    ...     print(block)
    ('نص\\n', '', False)
    ('```\\na  b\\n\\n```\\n', '\\n', True)
    ('بعد', '', False)
    """
    body: list[str] = []
    gap: list[str] = []
    body_protected = False
    size = 0
    for line, protected in classify_lines(lines):
        if not protected and _BLANK.fullmatch(line):
            gap.append(line)
            continue
        too_long = size >= block_chars and may_cut_before(line) and may_cut_before(body[-1])
        if gap or (body and (protected != body_protected or too_long)):
            yield "".join(body), "".join(gap), body_protected
            body, gap, size = [], [], 0
        body.append(line)
        body_protected = protected
        size += len(line)
    if body or gap:
        yield "".join(body), "".join(gap), body_protected


def classify_lines(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with True if it belongs to a construct that must stay byte for byte."""
    state = _LineState()
    for line in lines:
        yield from state.feed(line)
    yield from state.finish()


class _LineState:
    def __init__(self) -> None:
        self.first = True
        self.closing: tuple[str, ...] | None = None  # end of the front matter we are in
        self.fence: str | None = None  # the fence that opened the code block we are in
        self.in_table = False
        self.held: str | None = None  # a line with a bar: a table header if a delimiter follows
        self.previous = "blank"  # "blank", "prose" or "code"

    def feed(self, line: str) -> Iterator[tuple[str, bool]]:
        bare = line.rstrip("\r\n")
        if self.first and not _BLANK.fullmatch(line):
            # Front matter opens the file; blank lines before it are let pass, since the
            # cleaned file loses them and must still read the same way.
            self.first = False
            if bare in _FRONT_MATTER:
                self.closing = _FRONT_MATTER[bare]
                yield line, True
                return
        if self.closing is not None:
            if bare.rstrip() in self.closing:
                self.closing = None
            yield line, True
            return
        if self.fence is not None:
            self._close_fence(bare)
            yield line, True
            return
        if self.held is not None:
            held, self.held = self.held, None
            if "|" in line and "-" in line and _TABLE_DELIMITER.fullmatch(line):
                self.in_table = True
                yield held, True
                yield line, True
                return
            yield held, False
        yield from self._classify(line, bare)

    def finish(self) -> Iterator[tuple[str, bool]]:
        if self.held is not None:
            yield self.held, False

    def _close_fence(self, bare: str) -> None:
        closing = _FENCE.match(bare)
        if (
            closing
            and closing.group(1)[0] == self.fence[0]
            and len(closing.group(1)) >= len(self.fence)
            and not bare[closing.end() :].strip()
        ):
            self.fence = None

    def _classify(self, line: str, bare: str) -> Iterator[tuple[str, bool]]:
        blank = bool(_BLANK.fullmatch(line))
        if self.in_table and "|" in line and not blank:
            yield line, True
            return
        self.in_table = False
        opening = _FENCE.match(bare)
        if opening:
            self.fence = opening.group(1)
            self.previous = "code"
            yield line, True
        elif blank:
            self.previous = "blank"
            yield line, False
        elif _INDENTED.match(line) and self.previous != "prose":
            self.previous = "code"
            yield line, True
        elif _STANDALONE.fullmatch(bare):
            self.previous = "code"
            yield line, True
        elif "|" in line:
            self.previous = "prose"
            self.held = line
        else:
            self.previous = "prose"
            yield line, False


def _structural_lines(text: str) -> set[str]:
    return {
        line
        for line in text.splitlines()
        if _FENCE.match(line) or _STANDALONE.fullmatch(line) or ("|" in line and "-" in line and _TABLE_DELIMITER.fullmatch(line))
    }


def creates_structure(before: str, after: str) -> bool:
    """True if cleaning turned prose into Markdown structure (a fence, a rule, a table row...).

    Cleaning `/p> ```` leaves a fence that would swallow the text after it; such a paragraph
    is kept as it was, so that cleaning twice still gives what cleaning once gave.

    >>> creates_structure("/p> ```\\nنص\\n", "```\\nنص\\n")
    True
    >>> creates_structure("نص  |\\n", "نص\\n")
    False
    """
    return not _structural_lines(after) <= _structural_lines(before)


def protect_inline(text: str) -> tuple[str, list[str]] | None:
    """Swap inline code, link destinations and autolinks for placeholders.

    None when ``text`` already holds private-use characters, which could pass for ours.

    >>> protect_inline("قال `a  b` في [رابط](https://x.com/a?b=1)")
    ('قال \\ue000 في [رابط\\ue001', ['`a  b`', '](https://x.com/a?b=1)'])
    """
    if _PRIVATE_USE.search(text):
        return None
    spans: list[str] = []

    def hold(match: re.Match) -> str:
        if len(spans) == _MAX_SPANS:
            return match.group()
        spans.append(match.group())
        return chr(_FIRST_PLACEHOLDER + len(spans) - 1)

    return _INLINE.sub(hold, text), spans


def restore_inline(text: str, spans: list[str]) -> str | None:
    """Put the spans back; None if the cleaners lost, doubled or reordered a placeholder."""
    found = [ord(match.group()) - _FIRST_PLACEHOLDER for match in _PRIVATE_USE.finditer(text)]
    if found != list(range(len(spans))):
        return None
    return _PRIVATE_USE.sub(lambda match: spans[ord(match.group()) - _FIRST_PLACEHOLDER], text)
