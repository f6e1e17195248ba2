"""Stray HTML: whole tags, tags cut in half by an extractor, comments, scripts, entities."""

from __future__ import annotations

import functools
import html.entities
import re
import string
from collections.abc import Callable

from newsclean.cleaners.invisible import remove_invisible
from newsclean.lines import clean_flagged_lines
from newsclean.patterns import lazy, scan
from newsclean.tables.loader import load_word_lists
from newsclean.tables.markup import (
    CLOSING_QUOTES_AND_BRACKETS,
    OPENING_QUOTES_AND_BRACKETS,
    SGML_FIELD_NAME,
    WORDS_NAMING_A_TAG,
)
from newsclean.tables.separators import PIPES
from newsclean.tables.unicode_spaces import UNICODE_SPACES

_ELEMENTS = load_word_lists("html_elements.json", ("block", "cell", "inline", "with_content"))
_BLOCK = _ELEMENTS["block"] | _ELEMENTS["with_content"]
_CELL = _ELEMENTS["cell"]
_ALL = frozenset().union(*_ELEMENTS.values())
_NAME = "(?:" + "|".join(sorted(_ALL, key=len, reverse=True)) + ")"
# Prefixes of element names, for closing tags cut short at the end of a line (`</di`).
_NAME_PREFIXES = _ALL | {name[:cut] for name in _ALL for cut in range(2, len(name))}

_HINT = scan(r"[<>&]")
_INDENTED_TAG = lazy(r"[ \t]+</?[A-Za-z]")
# In a TREC/SGML record, the tags of its fields (`<DOCNO>`, `</TEXT>`) need nothing: their
# `<` and `>` are passed over. A `>` ends such a tag if a name and `<` or `</` come before it;
# a look-behind has a fixed width, so there is one per name length (a `>` after a longer name
# is looked at, which costs a look and changes nothing). Each pattern opens with its bracket,
# a literal the engine scans for several times faster than for a class.
_OPENING_PAST_SGML_FIELDS = scan(rf"<(?!/?{SGML_FIELD_NAME}>)")
_FIELD_NAMES = ["[A-Z]" + "[A-Z0-9]" * length for length in range(16)]  # SGML_FIELD_NAME, by length
_CLOSING_PAST_SGML_FIELDS = scan(
    ">(?:(?<![A-Z0-9]>)|" + "".join(f"(?<!<{name}>)(?<!</{name}>)" for name in _FIELD_NAMES) + ")"
)
_HINTS_PAST_SGML_FIELDS = ("&", _OPENING_PAST_SGML_FIELDS, _CLOSING_PAST_SGML_FIELDS)
_ENTITY = lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPED_TAG_ALONE = lazy(rf"(?<!\S)&lt;/?{_NAME}&gt;(?![^\s.,،؛:!?؟)\]»\"'])", re.IGNORECASE)
_AMPERSAND_CHAIN = lazy(r"&(?:amp;)+(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_COMMENT_OPENING = lazy("<!--")
# (Attributes end at the next bracket: `[^>]*` would scan to the line's end from each of
# a thousand unclosed `<script`.)
_SCRIPT_OR_STYLE_TAG = lazy(r"<(script|style)\b[^<>]*>", re.IGNORECASE)
_CLOSING_TAG_END = lazy(r"\s*>")
# Attribute values may hold anything but angle brackets; a tag may span lines.
_ATTRIBUTES = r"""(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*"""
# A tag's attributes as HTML writes them: ASCII names, each with a value or none. `a<b && c>d`
# and `a<b و b>c` are comparisons, not a `<b>` tag with attributes `&&` or `و`.
_ATTRIBUTE = r"""[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s<>"'=`]+))?"""
_TAG = rf"""</?{_NAME}(?=[\s/>])(?:(?:\s+|(?<=["'])){_ATTRIBUTE})*\s*(?:/\s*)?>"""
_QUOTED_ATTRIBUTES = r"""(?:[ \t]+[\w-]+=(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s<>"']+))*"""
_TAG_RUN = lazy(rf"{_TAG}(?:[ \t]*{_TAG})*", re.IGNORECASE)
_UPPER_CASE_TAG = lazy(rf"</?({SGML_FIELD_NAME})>")
_UPPER_CASE_TAG_RUN = lazy(rf"(?:</?{SGML_FIELD_NAME}>)+")
_SPACE_BETWEEN_TAGS = lazy(r">[ \t]+<")
_TAG_NAME = lazy(rf"</?({_NAME})", re.IGNORECASE)
# A tag written about: named by the word before it (`الوسم <div>`), or set off in quotes or
# brackets (`«</div>»`). Its line is prose about markup, and keeps every tag it holds.
_ANY_TAG = rf"</?{_NAME}\b[^<>\n]*>"
_NAMED_TAG = lazy(
    rf"(?<![^\W\d_])(?:{'|'.join(WORDS_NAMING_A_TAG)})[ \t]+{_ANY_TAG}"
    rf"|[{re.escape(OPENING_QUOTES_AND_BRACKETS)}]{_ANY_TAG}[{re.escape(CLOSING_QUOTES_AND_BRACKETS)}]",
    re.IGNORECASE,
)
_SCRIPT_OR_STYLE = lazy(r"<(?:script|style)\b", re.IGNORECASE)
_TAG_ACROSS_LINES = lazy(rf"</?{_NAME}(?=\s){_ATTRIBUTES}\n", re.IGNORECASE)
# What any tag across lines starts with: `<`, a letter, no `<` or `>` up to the line end.
_MAY_CROSS_LINES = scan(r"<[/A-Za-z][^<>\n]*\n")
# Pieces of tags that an extractor cut: `/p>` anywhere, `br/>` after no letter, `p>` opening
# a line, `<p` / `<br /` / `</di` ending one (`<p` not after a Latin letter or digit: `a<b` at
# a line's end compares), and `</p` standing alone. Each branch starts from
# a literal or a line start, and names are checked against the element list afterwards.
_SOME_NAME = "[a-z][a-z0-9]{0,9}"
# What a cut opening piece does not follow: `a<b` compares.
_LATIN_WORD_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_")
_NOT_AFTER_A_LATIN_WORD = f"(?<![{''.join(sorted(_LATIN_WORD_CHARACTERS))}])"
# What other cleaners remove at the edges of a line: spaces of any kind (`whitespace`) and
# dangling bars (`separators`). A piece of a tag beside them is at the edge already; else the
# second cleaning would find it there and remove it then.
_EDGE_CHARACTERS = " \t" + UNICODE_SPACES + PIPES
_EDGE = f"[{re.escape(_EDGE_CHARACTERS)}]*"
# This pattern cannot open with one class (it takes the spaces before a piece with it), so the
# engine tries it at every position: the look-ahead turns most positions down at once, 2.6x
# faster over long lines, and faster still without the case folding of each character.
_FRAGMENT = lazy(
    rf"""(?-i:(?={_EDGE}[/<a-zA-Z]))(?P<before>[ \t]*)(?:
        (?<!<)/(?P<closing>{_SOME_NAME})[ \t]*>
      | (?<![\w<])(?P<self_closing>{_SOME_NAME})[ \t]*/>
      | ^(?P<edge>{_EDGE})(?P<opening>{_SOME_NAME}){_QUOTED_ATTRIBUTES}(?:[ \t]*/)?>(?![\d=])
      | {_NOT_AFTER_A_LATIN_WORD}<(?P<head>{_SOME_NAME}){_QUOTED_ATTRIBUTES}(?:[ \t]+[\w-]+=["']?[^"'<>\n]*)?[ \t]*/?(?={_EDGE}$)
      | </(?P<cut>{_SOME_NAME})(?={_EDGE}$)
      | (?<!\S)</(?P<alone>{_SOME_NAME})(?=\s)
    )[ \t]*""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def strip_html(text: str, *, entities_only: bool = False) -> str:
    """Remove stray HTML that scrapers leave: tags, cut tags, comments, scripts, entities.

    With ``entities_only`` (the `minimal` profile), only the entities are decoded.

    Only real HTML element names count, so `a < b`, `<3`, `<Ahmed>`, `<<عنوان>>` and
    `<https://example.com>` stay; in a TREC/SGML record (`<DOC>`, `<DOCNO>`) its upper-case
    fields stay too, `<TITLE>` included. Entities are decoded (repeatedly, for
    `&amp;quot;`), while a bare ampersand as in `AT&T` stays.

    >>> strip_html("والمتكامل”. /p> وخلال هذا اللقاء")
    'والمتكامل”. وخلال هذا اللقاء'
    >>> strip_html('<p>قال <a href="/x">المتحدث</a>&nbsp;إن</p>')
    'قال المتحدث إن'
    >>> strip_html("a < b, x > y, AT&T, أكتوبر/تشرين, <Ahmed>")
    'a < b, x > y, AT&T, أكتوبر/تشرين, <Ahmed>'
    """
    # Substring tests run at memory speed, faster than any pattern.
    if not ("<" in text or ">" in text or "&" in text):
        return text
    if entities_only:
        decoded = _until_stable(_decode_entities, text)
        # Entities decode to any character, zero-width and control ones included: tidy those.
        return text if decoded == text else remove_invisible(decoded)
    cleaned = _strip_tags(text)
    # An entity decoded on a line can complete what only the whole block shows (`&lt;a` on one
    # line, `>` on the next: a tag across lines); the next cleaning would strip it, so this one
    # does. Each pass only shortens the text.
    for _ in range(_MAX_PASSES):
        if cleaned == text or not _needs_the_whole_block(cleaned):
            break
        text, cleaned = cleaned, _strip_tags(cleaned)
    return cleaned


def _needs_the_whole_block(text: str) -> bool:
    return "<" in text and (
        "<!--" in text
        or _SCRIPT_OR_STYLE.search(text) is not None
        or _holds_a_tag_across_lines(text)
    )


def _holds_a_tag_across_lines(text: str) -> bool:
    return _MAY_CROSS_LINES.search(text) is not None and _TAG_ACROSS_LINES.search(text) is not None


def _strip_tags(text: str) -> str:
    """One pass of `strip_html` over a block. What may span lines is handled on the whole
    block, each behind a cheap check; tags, fragments and entities line by line, only on the
    lines that hold <, > or &."""
    original, replace_tags = text, _replace_tags
    if "<" in text:
        if "<!--" in text:
            text = _without_spans(text, _COMMENT_OPENING, lambda opening: "-->")
        if _SCRIPT_OR_STYLE.search(text):
            text = _without_spans(text, _SCRIPT_OR_STYLE_TAG, lambda opening: f"</{opening.group(1).lower()}")
        if _is_sgml_record(text):
            replace_tags = _replace_tags_keeping_sgml
        if _holds_a_tag_across_lines(text):
            text = _TAG_RUN.sub(_unless_named(replace_tags, text), text)
        if text != original:
            # Removed tags bring marks and joiners next to new neighbours (rare: only comments,
            # scripts and split tags come off here; the lines tidy their own).
            text = remove_invisible(text)
    clean_line = _line_cleaner(replace_tags)
    hints = _HINTS_PAST_SGML_FIELDS if replace_tags is _replace_tags_keeping_sgml else "<>&"
    for hint in hints:  # a line that holds several is clean after the first pass
        text = clean_flagged_lines(text, hint, clean_line)
    return text


@functools.lru_cache(maxsize=2)
def _line_cleaner(replace_tags: Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    strip_line = _line_stripper(replace_tags)

    def clean_line(line: str) -> str:
        if "\r" in line:  # a lone CR ends a line too (`whitespace` makes it one later)
            return "\r".join(clean_line(piece) for piece in line.split("\r"))
        decoded = _decode_entities(line)
        cleaned = decoded if _names_a_tag(decoded) else _until_stable(strip_line, line)
        if cleaned == line:
            return line
        if _INDENTED_TAG.match(line):
            # The page's source indentation before a tag: a browser collapses it.
            cleaned = cleaned.lstrip(" \t")
        return remove_invisible(cleaned)

    return clean_line


def _names_a_tag(line: str) -> bool:
    """Whether ``line`` (its entities decoded) writes about a tag: a tutorial's `استخدم الوسم
    <div> لتقسيم الصفحة، ثم أغلقه بـ </div>`, which stripping would cut to nonsense."""
    return "<" in line and _NAMED_TAG.search(line) is not None


class _LinesNamingATag:
    """Whether the line of ``text`` at a position names a tag, each line looked at once (a line
    of a thousand tags asks a thousand times)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, bool] = {}

    def __call__(self, position: int) -> bool:
        start = self.text.rfind("\n", 0, position) + 1
        if start not in self.known:
            end = self.text.find("\n", position)
            line = self.text[start : end if end >= 0 else len(self.text)]
            self.known[start] = _names_a_tag(_decode_entities(line))
        return self.known[start]


def _unless_named(replace_tags: Callable[[re.Match[str]], str], text: str) -> Callable[[re.Match[str]], str]:
    names_a_tag = _LinesNamingATag(text)

    def replace_unless_named(match: re.Match[str]) -> str:
        return match.group() if names_a_tag(match.start()) else replace_tags(match)

    return replace_unless_named


def _until_stable(strip: Callable[[str], str], text: str) -> str:
    # Each pass only shortens the text, so this ends; usually after one pass that changes.
    # Text without <, > or & is stable: no pass finds anything in it. Pieces that stand
    # behind each other at a line's edge, and chains of &amp;, go in one pass; what only a
    # new pass uncovers mid-line (`/p/p>>`) is bounded, so no line costs more than a few passes.
    for _ in range(_MAX_PASSES):
        cleaned = strip(text)
        if cleaned == text or not _HINT.search(cleaned):
            return cleaned
        text = cleaned
    return text


_MAX_PASSES = 8


def _decode_entities(text: str) -> str:
    if "&" not in text:
        return text
    if "&amp;" in text:
        text = _AMPERSAND_CHAIN.sub("&", text)  # `&amp;amp;quot;` is `&quot;` encoded twice over
    if "&lt;" not in text:
        return _ENTITY.sub(_decode_entity, text)
    # A tag escaped on its own between words (`استخدم &lt;div&gt; أو`) was text on the page,
    # a tag written about: decoded, the next cleaning would strip it. It stays as written.
    # One glued to words (`&lt;p&gt;نص&lt;/p&gt;`) is markup escaped twice, and goes.
    pieces: list[str] = []
    copied = 0
    for alone in _ESCAPED_TAG_ALONE.finditer(text):
        pieces += (_ENTITY.sub(_decode_entity, text[copied : alone.start()]), alone.group())
        copied = alone.end()
    pieces.append(_ENTITY.sub(_decode_entity, text[copied:]))
    return "".join(pieces)


@functools.lru_cache(maxsize=2)
def _line_stripper(replace_tags: Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    def strip_line(line: str) -> str:
        line = _decode_entities(line)
        if "<" in line:
            line = _TAG_RUN.sub(replace_tags, line)
        if "<" in line or ">" in line:
            line = _FRAGMENT.sub(_replace_fragment, line)
            line = _peel_line_end(_peel_line_start(line))
        return line

    return strip_line


def _without_spans(text: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], str]) -> str:
    """``text`` without each span from an ``opening`` to the ``closing`` it names (comments,
    scripts and styles with their content). Found by plain searches, in one pass: once no
    closing follows, no later opening can have one either, so nothing is scanned twice."""
    pieces, copied, position = [], 0, 0
    folded = text.lower()
    names_a_tag = _LinesNamingATag(text)
    while (found := opening.search(text, position)) is not None:
        if names_a_tag(found.start()):
            position = found.end()  # (`الوسم <script> ... الوسم </script>`: written about)
            continue
        end = folded.find(closing(found), found.end())
        if end < 0:
            break
        end += len(closing(found))
        if closing(found) != "-->":  # a closing tag may hold spaces before its `>`
            tail = _CLOSING_TAG_END.match(text, end)
            if tail is None:
                position = found.end()
                continue
            end = tail.end()
        pieces.append(text[copied : found.start()])
        copied = position = end
    pieces.append(text[copied:])
    return "".join(pieces)


# A pass removes the cut tag at each edge of a line; behind it may stand another (`<p<p<p`,
# `p>p>` scraped many times over), which one pass per piece would find in time quadratic in
# the line. These loops take them off one after the other, looking only at the edge.
_HEAD_AT_END = lazy(
    rf"""<(?P<head>{_SOME_NAME}){_QUOTED_ATTRIBUTES}(?:[ \t]+[\w-]+=["']?[^"'<>\n]*)?[ \t]*/?[ \t]*"""
    rf"|</(?P<cut>{_SOME_NAME})",
    re.IGNORECASE,
)
_OPENING_AT_START = lazy(rf"(?P<opening>{_SOME_NAME}){_QUOTED_ATTRIBUTES}(?:[ \t]*/)?>(?![\d=])[ \t]*", re.IGNORECASE)


def _peel_line_end(line: str) -> str:
    # Positions, not new strings, until the end: each piece costs its own length.
    edge_start = end = len(line.rstrip(_EDGE_CHARACTERS))
    while True:
        start = line.rfind("<", 0, end)
        match = _HEAD_AT_END.fullmatch(line, start, end) if start >= 0 else None
        if match is None or not _known(match) or _compares(line, start, match):
            break
        end = start
        while end > 0 and line[end - 1] in _EDGE_CHARACTERS:
            end -= 1  # (bars and spaces between two pieces are the edge too)
    return line if end == edge_start else _rebuild_end(line, end, edge_start)


def _compares(line: str, start: int, match: re.Match[str]) -> bool:
    # `a<b` at a line's end compares: an opening piece after a Latin letter or digit is no
    # tag. (A closing one, `</di`, is: no comparison is written so.)
    return match.lastgroup == "head" and start > 0 and line[start - 1] in _LATIN_WORD_CHARACTERS


def _rebuild_end(line: str, end: int, edge_start: int) -> str:
    # What stood between the pieces: bars stay (for `separators` to drop, or to keep in a
    # table), spaces go; what stood after the last piece stays as it was.
    between = "".join(c for c in line[end:edge_start] if c in PIPES)
    return line[:end].rstrip(" \t") + between + line[edge_start:]


def _peel_line_start(line: str) -> str:
    start = len(line) - len(line.lstrip(_EDGE_CHARACTERS))
    kept, position = [line[:start]], start
    while (match := _OPENING_AT_START.match(line, position)) is not None and _known(match):
        position = match.end()
        edge_end = position
        while edge_end < len(line) and line[edge_end] in _EDGE_CHARACTERS:
            edge_end += 1
        kept.append(line[position:edge_end])
        position = edge_end
    if position == start:
        return line
    edge = "".join(kept)
    return (edge if edge.strip(" \t" + UNICODE_SPACES) else "") + line[position:]


def _known(match: re.Match[str]) -> bool:
    name = match.group(match.lastgroup or 0).lower()
    return name in (_NAME_PREFIXES if match.lastgroup == "cut" else _ALL)


def _decode_entity(match: re.Match[str]) -> str:
    entity = match.group()
    if entity[1] == "#":
        number = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
        if number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
            return entity
        character = chr(number)
    else:
        named = html.entities.html5.get(entity[1:])
        if named is None:
            return entity
        character = named
    return " " if character == "\u00a0" else character


def _is_sgml_record(text: str) -> bool:
    # TREC/SGML corpora wrap articles in upper-case fields (<DOC>, <DOCNO>, <TEXT>); their
    # <TITLE> and <TIME> are fields of the same record, not HTML left behind.
    return any(match.group(1).lower() not in _ALL for match in _UPPER_CASE_TAG.finditer(text))


def _replace_tags_keeping_sgml(match: re.Match[str]) -> str:
    if _UPPER_CASE_TAG_RUN.fullmatch(match.group()):
        return match.group()
    return _replace_tags(match)


def _replace_tags(match: re.Match[str]) -> str:
    # A run of tags where a line already starts or ends adds no break and no space.
    if _at_line_start(match.string, match.start()) or _at_line_end(match.string, match.end()):
        return ""
    run = match.group()
    names = {name.lower() for name in _TAG_NAME.findall(run)}
    if names & _BLOCK:
        return "\n"
    if names & _CELL or _SPACE_BETWEEN_TAGS.search(run):
        return " "
    return ""


def _replace_fragment(match: re.Match[str]) -> str:
    name = match.group(match.lastgroup or 0).lower()
    known = _NAME_PREFIXES if match.lastgroup == "cut" else _ALL
    if name not in known:
        return match.group()
    text, start, end = match.string, match.start(), match.end()
    if _at_line_start(text, start, _EDGE_CHARACTERS) or _at_line_end(text, end, _EDGE_CHARACTERS):
        # Bars at the edge stay, for `separators` to drop (or to keep, in a table).
        edge = match.group("edge") or ""
        return edge if edge.strip(" \t" + UNICODE_SPACES) else ""
    if match.group("before") or text[end - 1] in " \t":
        return " "
    glued_between_words = text[start - 1].isalnum() and text[end].isalnum()
    return " " if glued_between_words else ""


def _at_line_start(text: str, index: int, edge: str = " \t") -> bool:
    while index > 0 and text[index - 1] in edge:
        index -= 1
    return index == 0 or text[index - 1] in "\r\n"


def _at_line_end(text: str, index: int, edge: str = " \t") -> bool:
    while index < len(text) and text[index] in edge:
        index += 1
    return index == len(text) or text[index] in "\r\n"
