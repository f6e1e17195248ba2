"""Separator debris: runs of bars and bullets, dangling and orphan separators, repeated rules."""

from __future__ import annotations

import re
import unicodedata

from newsclean.patterns import lazy, scan
from newsclean.tables.separators import BULLETS, DASHES, PIPES, RULE_CHARACTERS
from newsclean.tables.unicode_spaces import UNICODE_SPACES

_DASHES = re.escape(DASHES)
_SPACES = f" \\t{UNICODE_SPACES}"  # the spaces `whitespace` will turn into plain ones
_SP = f"[{_SPACES}]"
_SEPARATOR = f"[{re.escape(PIPES + BULLETS)}]"
_ANY = re.escape(PIPES + BULLETS + DASHES)
# What makes a line worth a look: a bar or bullet, a dash standing alone before another
# separator or the line's end (`أبوظبي - سكاي نيوز` is text; `- | -` and `- - -` are not),
# three rule characters in a row.
_CANDIDATE = scan(
    f"([{re.escape(PIPES + BULLETS + DASHES + RULE_CHARACTERS)}])(?:"
    f"(?<=[{re.escape(PIPES + BULLETS)}])"
    f"|(?<=[{_DASHES}])(?<!\\S.)(?={_SP}*(?:[{_ANY}\\r\\n]|$))"
    f"|(?<=[{re.escape(RULE_CHARACTERS)}])\\1\\1"
    ")"
)
_RULE = lazy(f"{_SP}*([{re.escape(RULE_CHARACTERS)}])\\1{{2,}}{_SP}*\\r?")
# Tokens of a separator-only line: a run of bars or bullets, or a dash standing alone.
_ONLY_SEPARATORS = lazy(f"{_SP}*(?:(?:{_SEPARATOR}+|[{_DASHES}])(?:{_SP}+|$))+\\r?")
_TABLE_DELIMITER = lazy(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*\r?"
)
_TABLE_ROW = lazy(f"{_SP}*\\|.*[^\\s{_ANY}].*\\|{_SP}*\\r?")
_RUN = lazy(f"({_SEPARATOR})(?:{_SP}*\\1)+")
# (The look-behinds and the branches that say where a match may start come after the class.)
_DASH_RUN = scan(f"([{_DASHES}])(?<!\\S.)(?:{_SP}+\\1)+(?!\\S)")
_PIPE = f"[{re.escape(PIPES)}]"
_DANGLING_END = scan(
    f"[{_SPACES}{re.escape(PIPES)}](?:(?<={_SP}){_SP}*{_PIPE}+|(?<={_PIPE}){_PIPE}*){_SP}*(?=\\r?$)"
)
_DANGLING_START = lazy(f"^({_SP}*)[{re.escape(PIPES)}]+{_SP}*")
_ASCII_OPERAND = lazy(r"[!-~]")


def _in_a_face(text: str, start: int) -> bool:
    """Whether the bar at ``start`` is (part of) the mouth of a face: `:|`, `:-|`, `=||`, a
    straight face in tweets, neither collapsed nor dropped at the line's end."""
    while start > 0 and text[start - 1] in PIPES:
        start -= 1
    before = text[max(0, start - 2) : start]
    return before[-1:] in (":", ";", "=") or (before[-1:] == "-" and before[:1] in (":", ";", "="))


# Strokes of an ASCII picture: a bar beside them is drawn, not left over.
_DRAWING = frozenset("\\/_^~<>")
# What lies between a separator and its neighbour: spaces, and what an emoji is built with.
_PASSED_OVER = " \t" + UNICODE_SPACES + "\ufe0f\u200d"


def _in_an_ornament(text: str, start: int, end: int) -> bool:
    """Whether the separators from ``start`` to ``end`` touch, past spaces, a symbol (an emoji,
    a dingbat, box drawing: `♡ • • •`, `❥✿•┈┈• •°`, `💕 |`) or an ASCII picture's stroke: a
    tweet's ornament or a drawing, which scraped debris never is."""
    before = text[:start].rstrip(_PASSED_OVER)[-1:]
    after = text[end:].lstrip(_PASSED_OVER)[:1]
    return any(character in _DRAWING or unicodedata.category(character) == "So" for character in before + after)


def _drop_dangling(match: re.Match[str]) -> str:
    bars, text = match.group(), match.string
    if bars[0] in PIPES and _in_a_face(text, match.start()):
        return bars
    return bars if _in_an_ornament(text, match.start(), match.end()) else ""


def _drop_dangling_start(match: re.Match[str]) -> str:
    return match.group() if _in_an_ornament(match.string, match.end(1), match.end()) else match.group(1)


def dedupe_separators(text: str) -> str:
    """Collapse separator runs, drop dangling and orphan separators, keep one of a repeated rule.

    Scraped pages leave breadcrumb bars (`أخبار | | | سياسة`), a bar dangling at the end of a
    line, lines that hold nothing but a bar, and the same rule line twice. Markdown tables,
    list bullets, rules, `a || b`, `1990 - 2000` and `--flag` are left as they are.

    >>> dedupe_separators("ناشر | وكالة أنباء فارس |\\n|\\n")
    'ناشر | وكالة أنباء فارس\\n'
    >>> dedupe_separators("أخبار | | | سياسة\\n-----\\n\\n-----\\n")
    'أخبار | سياسة\\n-----\\n\\n'
    >>> dedupe_separators("| a | b |\\n|---|:---:|\\n• item\\nif (a || b)\\n")
    '| a | b |\\n|---|:---:|\\n• item\\nif (a || b)\\n'
    """
    lines = _candidate_lines(text)
    if not lines:
        return text
    in_table = _table_rows(text, lines)
    kept: list[str] = []
    position = 0
    last_rule = None  # the rule seen last, while only blank lines have followed it
    for start, end in lines:
        between = text[position:start]
        if between.strip():
            last_rule = None  # a line of text stands between
        kept.append(between)
        position = end
        line = text[start:end]
        body = line.rstrip("\r\n")
        if start in in_table:
            kept.append(line)
            last_rule = None
            continue
        kind, body = _classify(body)
        if kind == "rule":
            if body.strip() != last_rule:
                kept.append(body + line[len(line.rstrip("\r\n")) :])
            last_rule = body.strip()
        elif kind == "text":
            kept.append(body + line[len(line.rstrip("\r\n")) :])
            last_rule = None
    kept.append(text[position:])
    return "".join(kept)


def _candidate_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines (with their line end) that hold a separator or a rule.

    Only these lines are looked at, so text without separators costs one scan.
    """
    lines: list[tuple[int, int]] = []
    hint = _CANDIDATE.search(text)
    while hint is not None:
        floor = lines[-1][1] if lines else 0
        start = max(text.rfind("\n", floor, hint.start()), text.rfind("\r", floor, hint.start()), floor - 1) + 1
        lines.append((start, _end_of_line(text, hint.start())))
        hint = _CANDIDATE.search(text, lines[-1][1])  # the rest of the line is not scanned
    return lines


def _end_of_line(text: str, position: int) -> int:
    """Where the line holding ``position`` ends, its line end (LF, CRLF or CR) included."""
    # Two searches for one character each run at memory speed; a pattern for the three line
    # ends would test every character against a class.
    lf = text.find("\n", position)
    cr = text.find("\r", position, len(text) if lf < 0 else lf)
    if cr >= 0:
        return cr + 2 if text.startswith("\n", cr + 1) else cr + 1
    return len(text) if lf < 0 else lf + 1


def _table_rows(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Starts of the lines of Markdown tables: header, delimiter row, body rows."""
    table: set[int] = set()
    for index, (start, end) in enumerate(lines):
        body = text[start:end].rstrip("\r\n")
        if "|" not in body:
            continue
        if _TABLE_ROW.fullmatch(body) and _all_cells_filled(body):
            table.add(start)
        if _TABLE_DELIMITER.fullmatch(body):
            table.add(start)
            if index and lines[index - 1][1] == start and "|" in text[lines[index - 1][0] : start]:
                table.add(lines[index - 1][0])
            following = index + 1
            while (
                following < len(lines)
                and lines[following][0] == lines[following - 1][1]
                and "|" in text[lines[following][0] : lines[following][1]].strip()
            ):
                table.add(lines[following][0])
                following += 1
    return table


def _classify(body: str) -> tuple[str, str]:
    """``("rule" | "text" | "debris", cleaned line)``; cleaning may reveal a rule or debris."""
    while True:
        if _RULE.fullmatch(body):
            return "rule", body
        if not body.strip():
            return "text", body
        if _ONLY_SEPARATORS.fullmatch(body):
            return "debris", ""
        cleaned = _clean_line(body)
        if cleaned == body:
            return "text", body
        body = cleaned


def drop_repeated_rule(previous_line: str, block: str) -> str:
    """Drop the rule lines that open ``block`` when the text before it ended with the same rule.

    The pipeline calls this across blank lines, which separate its blocks.

    >>> drop_repeated_rule("-----", "-----\\n-----\\nنص\\n")
    'نص\\n'
    >>> drop_repeated_rule("نص", "-----\\n")
    '-----\\n'
    """
    rule = previous_line.strip()
    if not _RULE.fullmatch(rule):
        return block
    lines = block.splitlines(keepends=True)
    opening = 0
    while opening < len(lines) and lines[opening].strip() in (rule, ""):
        opening += 1
    return "".join(lines[opening:])


def _all_cells_filled(row: str) -> bool:
    # `| a | b |` alone is a table row; `| | نص | |` is a breadcrumb's debris.
    return all(cell.strip() for cell in row.strip()[1:-1].split("|"))


def _clean_line(line: str) -> str:
    line = _RUN.sub(_collapse_run, line)
    line = _DASH_RUN.sub(_collapse_dash_run, line)
    line = _DANGLING_END.sub(_drop_dangling, line)
    return _DANGLING_START.sub(_drop_dangling_start, line)


def _collapse_dash_run(match: re.Match[str]) -> str:
    return match.group() if _in_an_ornament(match.string, match.start(), match.end()) else match.group(1)


def _collapse_run(match: re.Match[str]) -> str:
    run, text = match.group(), match.string
    if _in_a_face(text, match.start()) or _in_an_ornament(text, match.start(), match.end()):
        return run
    if run == "||":  # `a || b` in code-like text is an operator, not debris
        before = text[: match.start()].rstrip()[-1:]
        after = text[match.end() :].lstrip()[:1]
        if _ASCII_OPERAND.fullmatch(before) and _ASCII_OPERAND.fullmatch(after):
            return run
    return match.group(1)
