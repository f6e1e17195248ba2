"""Markdown-safe cleaning: only what a CommonMark parser renders as prose is cleaned.

A real parser (markdown-it-py, CommonMark with GFM tables and strikethrough) says which source
lines hold inline content: paragraphs, headings and table cells. Of each such line only the
body is cleaned; its container markers (block quote `>`, list markers, indentation, heading
`#`s) stay. Inside the body, what the parser reads as syntax rather than text is held aside
while the cleaners run and put back byte for byte: code spans, raw HTML of every kind, autolinks,
link destinations and titles, reference labels, entity and numeric character references,
backslash escapes, attribute blocks (`{#id}`), MDX expressions, table bars and hard breaks.
Everything else (front matter, code blocks, HTML blocks, reference definitions, thematic
breaks, setext underlines, table delimiter rows, blank lines, and regions between
`<!-- newsclean: off -->` and `<!-- newsclean: on -->`) is copied as it is.

Cleaning never creates or destroys syntax: the document is parsed again after cleaning, and a
paragraph whose cleaning changed the parse (a new emphasis, code span, link, list item,
heading, ...) is put back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_OFF = re.compile(r"[ \t]*<!--\s*newsclean:\s*off\s*-->[ \t]*\r?\n?")
_ON = re.compile(r"[ \t]*<!--\s*newsclean:\s*on\s*-->[ \t]*\r?\n?")
# What opens a line of a paragraph, heading or table row and is no part of its text: spaces,
# block quote markers, list markers (a bullet, or a number and `.` or `)`, before a space), the
# `#`s of an ATX heading. Taking more than the parser would (a `2.` that is text) only leaves
# it as it is.
_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)))*[ \t]*")
# Lines end as CommonMark says (2.1): LF, CR LF or CR; not at the other characters that
# `str.splitlines` takes for line ends (VT, FF, NEL, ...), which are text here.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_LINE_END = re.compile(r"(?:\r\n|\r|\n)?$")

# Inline syntax that must come back byte for byte, each branch a construct of the spec.
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_INLINE = re.compile(
    rf"""(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)                       # code span (6.1)
      | <{_TAG_NAME}{_ATTRIBUTE}*\s*/?>                         # open tag (6.6)
      | </{_TAG_NAME}\s*>                                       # closing tag
      | <!--(?:>|->|[\s\S]*?-->)                                # comment
      | <\?[\s\S]*?\?>                                          # processing instruction
      | <![A-Za-z][^>]*>                                        # declaration
      | <!\[CDATA\[[\s\S]*?\]\]>                                # CDATA
      | <[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^<>\s]*>                 # URI autolink (6.5)
      | <[A-Za-z0-9.!\#$%&'*+/=?^_`{{|}}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?
          (?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?)*>  # email autolink
      | \]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*\)  # destination, title
      | \]\[[^\]]*\]                                            # reference label
      | &(?:\#[0-9]{{1,7}}|\#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});  # entity (6.2)
      | \\[!-/:-@\[-`{{-~]                                      # backslash escape (2.4)
      | \{{[^{{}}\n]*\}}                                          # {{#id}} attributes, MDX expression
    """,
    re.VERBOSE,
)
_TABLE_BAR = re.compile(r"(?<!\\)\|")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_FIRST_PLACEHOLDER = 0xE000
_MAX_SPANS = 0xF8FF - 0xE000 + 1
# Token kinds whose content is source, not text, and must parse the same.
_VERBATIM_CONTENT = {"code_inline", "code_block", "fence", "html_block", "html_inline"}


@dataclass
class _Prose:
    """Lines ``start`` to ``end`` (exclusive) of a paragraph, heading or table row."""

    start: int
    end: int
    table: bool


def clean_markdown(text: str, clean_prose: Callable[[str], str]) -> str:
    """``text`` with ``clean_prose`` applied to its prose only; see the module's docstring.

    >>> clean_markdown("قال  المتحدث `a  b` &amp; <b>x</b>\\n\\n    code  \\n", lambda s: " ".join(s.split(" ")).replace("  ", " "))
    'قال المتحدث `a  b` &amp; <b>x</b>\\n\\n    code  \\n'
    """
    lines = _LINE.findall(text)
    verbatim = _verbatim_lines(lines)
    tokens = _parse(lines, verbatim)
    blocks = [block for block in _prose_blocks(tokens) if not any(verbatim[block.start : block.end])]
    cleaned = list(lines)
    changed: dict[int, list[str]] = {}
    for index, block in enumerate(blocks):
        new = _clean_block(lines[block.start : block.end], block.table, clean_prose)
        if new is not None and new != lines[block.start : block.end]:
            changed[index] = new
            cleaned[block.start : block.end] = new
    if changed:
        cleaned = _keep_the_structure(lines, cleaned, verbatim, tokens, blocks, changed)
    result = "".join(cleaned)
    ended = _end_of_file(result)
    if ended != result and _signature(_parse(_LINE.findall(ended), verbatim)) != _signature(tokens):
        return result  # (the file ends inside code whose last lines are blank: they stay)
    return ended


def _parse(lines: list[str], verbatim: list[bool]) -> list[Token]:
    # Verbatim lines are parsed as blank: front matter is no Markdown, and a region switched
    # off must not open a construct that reaches the lines after it.
    return _PARSER.parse("".join("\n" if skip else line for line, skip in zip(lines, verbatim + [False] * len(lines))))


def _verbatim_lines(lines: list[str]) -> list[bool]:
    """Front matter and the regions switched off: never parsed, never cleaned."""
    verbatim = [False] * len(lines)
    first = 0  # front matter opens the file, on its first line
    if lines and lines[first].rstrip("\r\n") in _FRONT_MATTER:
        closing = _FRONT_MATTER[lines[first].rstrip("\r\n")]
        end = next((i for i in range(first + 1, len(lines)) if lines[i].rstrip() in closing), None)
        if end is not None:
            verbatim[first : end + 1] = [True] * (end + 1 - first)
    off = False
    for i, line in enumerate(lines):
        if _OFF.fullmatch(line):
            off = True
        verbatim[i] = verbatim[i] or off
        if off and _ON.fullmatch(line):
            off = False
    return verbatim


def _prose_blocks(tokens: list[Token]) -> Iterator[_Prose]:
    """The line ranges of inline content, one a paragraph, heading or table row."""
    in_table = False
    last_row = None
    for token in tokens:
        if token.type == "table_open":
            in_table = True
        elif token.type == "table_close":
            in_table = False
        if token.type != "inline" or token.map is None:
            continue
        start, end = token.map
        if in_table:
            if (start, end) != last_row:  # a row's cells share its line
                last_row = (start, end)
                yield _Prose(start, end, True)
            continue
        yield _Prose(start, end, False)


def _clean_block(lines: list[str], table: bool, clean_prose: Callable[[str], str]) -> list[str] | None:
    """The block's lines with their bodies cleaned, or None when that cannot be done safely
    (the cleaners joined or split lines, or lost a held span)."""
    prefixes, bodies, ends = [], [], []
    for number, line in enumerate(lines):
        prefix = _PREFIX.match(line).group()
        end = _LINE_END.search(line).group()
        body = line[len(prefix) : len(line) - len(end)]
        if number < len(lines) - 1 and _HARD_BREAK.search(body):
            # A hard break inside a paragraph is syntax; at its end it is only trailing space.
            body = body.rstrip(" ") + "\ue000" if body.endswith(" ") else body
        prefixes.append(prefix)
        bodies.append(body)
        ends.append(end)
    held = protect_inline("\n".join(bodies), table=table)
    if held is None:
        return None
    masked, spans = held
    cleaned = restore_inline(clean_prose(masked + "\n").rstrip("\n"), spans)
    if cleaned is None:
        return None
    new_bodies = cleaned.split("\n")
    if len(new_bodies) != len(bodies):
        return None
    out = []
    for prefix, old, new, end in zip(prefixes, bodies, new_bodies, ends):
        if old.endswith("\ue000"):
            new = new.replace("\ue000", "") + "  "  # a hard break takes two spaces
        out.append(prefix + new + end if new else prefix.rstrip(" \t") + end)
    return out


def _keep_the_structure(
    lines: list[str],
    cleaned: list[str],
    verbatim: list[bool],
    tokens: list[Token],
    blocks: list[_Prose],
    changed: dict[int, list[str]],
) -> list[str]:
    """``cleaned``, with every block whose cleaning changed the parse put back as it was."""
    expected = _signature(tokens)
    for _ in range(len(changed) + 1):
        found = _signature(_parse(cleaned, verbatim))
        line = _first_difference(expected, found)
        if line is None:
            return cleaned
        culprit = next((i for i in changed if blocks[i].start <= line < blocks[i].end), None)
        if culprit is None:  # the difference shows after the block that made it: the nearest before
            before = [i for i in changed if blocks[i].start <= line]
            culprit = max(before, key=lambda i: blocks[i].start) if before else next(iter(changed))
        block = blocks[culprit]
        cleaned[block.start : block.end] = lines[block.start : block.end]
        del changed[culprit]
        if not changed:
            return cleaned
    return list(lines)


def _signature(tokens: list[Token]) -> list[tuple[Any, ...]]:
    """What the parse says of the document's structure, with the line each item is on: every
    token but text, with its content where that is source (code, HTML)."""
    signature = []
    line = 0
    for token in tokens:
        if token.map is not None:
            line = token.map[0]
        for item in token.children if token.type == "inline" and token.children else [token]:
            if item.type == "text" or item.type == "inline":
                continue
            attributes = tuple(sorted((k, v) for k, v in item.attrs.items() if k != "alt"))
            content = item.content if item.type in _VERBATIM_CONTENT else None
            signature.append((line, item.type, item.tag, item.nesting, item.markup, item.info, attributes, content))
    return signature


def _first_difference(expected: list[tuple[Any, ...]], found: list[tuple[Any, ...]]) -> int | None:
    for old, new in zip(expected, found):
        if old != new:
            return min(old[0], new[0])
    if len(expected) != len(found):
        shorter = expected if len(expected) < len(found) else found
        longer = found if shorter is expected else expected
        return longer[len(shorter)][0]
    return None


def _end_of_file(text: str) -> str:
    """One final newline and no blank lines after the last block."""
    body = text.rstrip(" \t\r\n")
    if not body:
        return text
    return body + ("\r\n" if text[len(body) :].startswith("\r\n") else "\n")


def protect_inline(text: str, *, table: bool = False) -> tuple[str, list[str]] | None:
    """Swap inline syntax for placeholders (and, in a table row, its bars).

    None when ``text`` already holds private-use characters, which could pass for ours (a
    hard break's placeholder, U+E000 at a line's end, is the caller's own).

    >>> protect_inline("قال `a  b` في [رابط](https://x.com/a?b=1)")
    ('قال \\ue001 في [رابط\\ue002', ['\\ue000', '`a  b`', '](https://x.com/a?b=1)'])
    """
    if _PRIVATE_USE.search(text.replace("\ue000\n", "\n").removesuffix("\ue000")):
        return None
    spans: list[str] = ["\ue000"]  # the hard break's placeholder stands for itself

    def hold(match: re.Match) -> str:
        if len(spans) == _MAX_SPANS:
            return match.group()
        spans.append(match.group())
        return chr(_FIRST_PLACEHOLDER + len(spans) - 1)

    masked = _INLINE.sub(hold, text)
    if table:
        masked = _TABLE_BAR.sub(hold, masked)
    return masked, spans


def restore_inline(text: str, spans: list[str]) -> str | None:
    """Put the spans back; None if the cleaners lost, doubled or reordered a placeholder."""
    found = [ord(match.group()) - _FIRST_PLACEHOLDER for match in _PRIVATE_USE.finditer(text)]
    if [number for number in found if number] != list(range(1, len(spans))):
        return None
    return _PRIVATE_USE.sub(lambda match: spans[ord(match.group()) - _FIRST_PLACEHOLDER], text)
