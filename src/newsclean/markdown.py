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
# Blocks first; the inline content of a paragraph is parsed only where cleaning changed it
# (inline parsing is half the parser's time).
_BLOCK_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])

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
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")

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
# A table's bars with the spaces that pad its columns: the author's alignment stays.
_TABLE_BAR = re.compile(r"[ \t]*(?<!\\)\|[ \t]*")
# Held spans become characters of the Supplementary Private Use Area-A, which no cleaner
# touches and real text almost never holds (65,534 of them: enough for any document).
_PRIVATE_USE = re.compile("[\U000F0000-\U000FFFFD]")
_FIRST_PLACEHOLDER = 0xF0000
_MAX_SPANS = 0xFFFFD - 0xF0000 + 1
_HARD_BREAK = chr(_FIRST_PLACEHOLDER)  # span 0: a hard break's spaces, held at a line's end
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
    if _end_of_file(text) == text and not _may_need_cleaning(lines, verbatim, clean_prose):
        return text
    tokens, env = _parse(lines, verbatim)
    blocks = [block for block in _prose_blocks(tokens) if not any(verbatim[block.start : block.end])]
    cleaned = list(lines)
    changed: dict[int, list[str]] = {}
    for index, (block, new) in enumerate(zip(blocks, _clean_blocks(lines, blocks, clean_prose), strict=False)):
        if new is not None and new != lines[block.start : block.end]:
            changed[index] = new
            cleaned[block.start : block.end] = new
    if changed:
        cleaned = _keep_the_structure(lines, cleaned, verbatim, (tokens, env), blocks, changed)
    result = "".join(cleaned)
    ended = _end_of_file(result)
    if ended != result and _signature(_parse(_LINE.findall(ended), verbatim)[0]) != _signature(tokens):
        return result  # (the file ends inside code whose last lines are blank: they stay)
    return ended


def _parse(lines: list[str], verbatim: list[bool]) -> tuple[list[Token], dict[str, Any]]:
    """The block tokens of a document and its environment (the reference definitions).
    Verbatim lines are parsed as blank: front matter is no Markdown, and a region switched off
    must not open a construct that reaches the lines after it."""
    env: dict[str, Any] = {}
    source = "".join("\n" if skip else line for line, skip in zip(lines, verbatim + [False] * len(lines), strict=False))
    return _BLOCK_PARSER.parse(source, env), env


def _inline_signature(token: Token, env: dict[str, Any]) -> list[tuple[Any, ...]]:
    children: list[Token] = []
    _PARSER.inline.parse(token.content, _PARSER, env, children)
    return _signature(children)


def _may_need_cleaning(lines: list[str], verbatim: list[bool], clean_prose: Callable[[str], str]) -> bool:
    """False when no line could change: the parse, which costs more than the cleaning, is
    then not needed. Every run of lines outside front matter, switched-off regions and fenced
    code is cleaned as if it were one paragraph; the prose the parser finds lies within those
    runs, so a document none of whose runs changes has nothing to clean. (A line the parser
    would put in another paragraph may be spelled by other evidence there; at worst such a
    line is left as it is.)"""
    runs: list[str] = []
    run: list[str] = []
    fence = None
    for line, skip in zip([*lines, ""], [*verbatim, True], strict=False):
        opening = _FENCE.match(line)
        if fence is not None:
            closing = opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)
            if closing and not line[opening.end() :].strip():  # type: ignore[union-attr]
                fence = None
            skip = True
        elif opening and not (opening.group(1)[0] == "`" and "`" in line[opening.end() :]):
            fence = opening.group(1)
            skip = True
        if skip or not line.strip():
            if run:
                runs.append("\n".join(_split(run)[1]))
            run = []
        else:
            run.append(line)
    # All the runs at once, a blank line apart: a call per run cost more than the cleaning.
    text = "\n\n".join(runs)
    return _clean_bodies(text, False, clean_prose) != text


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


def _clean_blocks(lines: list[str], blocks: list[_Prose], clean_prose: Callable[[str], str]) -> list[list[str] | None]:
    """Each block's lines cleaned (None where that cannot be done safely). The blocks go
    through the cleaners together, a blank line apart, as paragraphs of one text: a call per
    block cost more than the cleaning. If that fails as a whole, each block goes alone."""
    spans = [_HARD_BREAK]
    masked, parts = [], []
    for block in blocks:
        prefixes, bodies, ends = _split(lines[block.start : block.end])
        held = protect_inline("\n".join(bodies), spans, table=block.table)
        if held is None:
            break
        masked.append(held[0])
        parts.append((prefixes, bodies, ends))
    else:
        restored = restore_inline(clean_prose("\n\n".join(masked) + "\n").rstrip("\n"), spans)
        pieces = restored.split("\n") if restored is not None else []
        if len(pieces) == sum(len(bodies) + 1 for _, bodies, _ in parts) - 1:
            out: list[list[str] | None] = []
            for prefixes, bodies, ends in parts:
                out.append(_reassemble(prefixes, bodies, pieces[: len(bodies)], ends))
                pieces = pieces[len(bodies) + 1 :]
            return out
    return [_clean_block(lines[block.start : block.end], block.table, clean_prose) for block in blocks]


def _clean_block(lines: list[str], table: bool, clean_prose: Callable[[str], str]) -> list[str] | None:
    """The block's lines with their bodies cleaned, or None when that cannot be done safely
    (the cleaners joined or split lines, or lost a held span)."""
    prefixes, bodies, ends = _split(lines)
    cleaned = _clean_bodies("\n".join(bodies), table, clean_prose)
    if cleaned is None:
        return None
    new_bodies = cleaned.split("\n")
    if len(new_bodies) != len(bodies):
        return None
    return _reassemble(prefixes, bodies, new_bodies, ends)


def _reassemble(prefixes: list[str], bodies: list[str], new_bodies: list[str], ends: list[str]) -> list[str]:
    out = []
    for prefix, old, new, end in zip(prefixes, bodies, new_bodies, ends, strict=False):
        if old.endswith(_HARD_BREAK):
            new = new.replace(_HARD_BREAK, "") + "  "  # a hard break takes two spaces
        out.append(prefix + new + end if new else prefix.rstrip(" \t") + end)
    return out


def _split(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Each line's container prefix, body and line end; a hard break inside the block (two
    spaces or more at a line's end) is syntax, and its spaces are held as ``_HARD_BREAK``."""
    prefixes, bodies, ends = [], [], []
    for number, line in enumerate(lines):
        prefix = _PREFIX.match(line).group()  # type: ignore[union-attr]  # (it matches anything)
        end = _LINE_END.search(line).group()  # type: ignore[union-attr]
        body = line[len(prefix) : len(line) - len(end)]
        if number < len(lines) - 1 and body.endswith("  "):
            body = body.rstrip(" ") + _HARD_BREAK  # (at the block's end they are only trailing space)
        prefixes.append(prefix)
        bodies.append(body)
        ends.append(end)
    return prefixes, bodies, ends


def _clean_bodies(text: str, table: bool, clean_prose: Callable[[str], str]) -> str | None:
    held = protect_inline(text, [_HARD_BREAK], table=table)
    if held is None:
        return None
    masked, spans = held
    return restore_inline(clean_prose(masked + "\n").rstrip("\n"), spans)


def _keep_the_structure(
    lines: list[str],
    cleaned: list[str],
    verbatim: list[bool],
    parsed: tuple[list[Token], dict[str, Any]],
    blocks: list[_Prose],
    changed: dict[int, list[str]],
) -> list[str]:
    """``cleaned``, with every block whose cleaning changed the parse put back as it was.

    The blocks of the cleaned document are compared with the original's; where they agree,
    the inline content of each changed block is parsed in both and compared."""
    tokens, env = parsed
    expected = _signature(tokens)
    for _ in range(len(changed) + 1):
        found_tokens, found_env = _parse(cleaned, verbatim)
        line = _first_difference(expected, _signature(found_tokens))
        if line is not None:
            culprits = [_culprit(line, blocks, changed)]
        else:
            culprits = _inline_culprits(tokens, env, found_tokens, found_env, blocks, changed)
            if not culprits:
                return cleaned
        for culprit in culprits:
            block = blocks[culprit]
            cleaned[block.start : block.end] = lines[block.start : block.end]
            del changed[culprit]
        if not changed:
            return cleaned
    return list(lines)


def _culprit(line: int, blocks: list[_Prose], changed: dict[int, list[str]]) -> int:
    inside = next((i for i in changed if blocks[i].start <= line < blocks[i].end), None)
    if inside is not None:
        return inside
    # The difference shows after the block that made it: the nearest one before.
    before = [i for i in changed if blocks[i].start <= line]
    return max(before, key=lambda i: blocks[i].start) if before else next(iter(changed))


def _inline_culprits(
    tokens: list[Token],
    env: dict[str, Any],
    found_tokens: list[Token],
    found_env: dict[str, Any],
    blocks: list[_Prose],
    changed: dict[int, list[str]],
) -> list[int]:
    """The changed blocks whose inline content parses differently (the block tokens agree, so
    the two token lists run in step)."""
    by_line = {line: i for i in changed for line in range(blocks[i].start, blocks[i].end)}
    culprits = set()
    for old, new in zip(tokens, found_tokens, strict=False):
        if old.type != "inline" or old.map is None or old.map[0] not in by_line:
            continue
        if _inline_signature(old, env) != _inline_signature(new, found_env):
            culprits.add(by_line[old.map[0]])
    return sorted(culprits)


def _signature(tokens: list[Token]) -> list[tuple[Any, ...]]:
    """What the parse says of the document's structure, with the line each item is on: every
    token but text, with its content where that is source (code, HTML)."""
    signature = []
    line = 0
    for token in tokens:
        if token.map is not None:
            line = token.map[0]
        for item in token.children if token.type == "inline" and token.children else [token]:
            if item.type in ("text", "text_special", "inline"):
                continue
            attributes = tuple(sorted((k, v) for k, v in item.attrs.items() if k != "alt"))
            content = item.content if item.type in _VERBATIM_CONTENT else None
            signature.append((line, item.type, item.tag, item.nesting, item.markup, item.info, attributes, content))
    return signature


def _first_difference(expected: list[tuple[Any, ...]], found: list[tuple[Any, ...]]) -> int | None:
    for old, new in zip(expected, found, strict=False):
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


def protect_inline(text: str, spans: list[str] | None = None, *, table: bool = False) -> tuple[str, list[str]] | None:
    """Swap inline syntax for placeholders (and, in a table row, its bars), adding the spans
    to ``spans`` (a new list by default; several texts may share one).

    None when ``text`` already holds characters that could pass for placeholders.

    >>> masked, spans = protect_inline("قال `a  b` في [رابط](https://x.com/a?b=1)")
    >>> masked == "قال \U000f0001 في [رابط\U000f0002", spans[1:]
    (True, ['`a  b`', '](https://x.com/a?b=1)'])
    """
    if _PRIVATE_USE.search(text.replace(_HARD_BREAK + "\n", "\n").removesuffix(_HARD_BREAK)):
        return None
    spans = spans if spans is not None else [_HARD_BREAK]  # (span 0 stands for itself)

    def hold(match: re.Match[str]) -> str:
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
