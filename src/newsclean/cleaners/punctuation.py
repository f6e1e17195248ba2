"""Punctuation and its spacing in Arabic-script text; Latin text is never touched."""

from __future__ import annotations

import re

from newsclean.lines import clean_flagged_lines
from newsclean.tables.arabic import TATWEEL
from newsclean.tables.unicode_spaces import UNICODE_SPACES
from newsclean.tables.punctuation import (
    ARABIC_DOMAIN_SUFFIXES,
    ARABIC_LETTER,
    CLOSING,
    NO_SPACE_AFTER,
    NO_SPACE_BEFORE,
    OPENING,
    REPEATABLE,
    SPACE_AFTER,
    TO_ARABIC,
)

_LETTER = f"[{ARABIC_LETTER}]"
_SPACE = f"[ \\t{UNICODE_SPACES}]"
_HAS_ARABIC = re.compile(_LETTER)
# A mark ends the word before it only if what follows is a space, the end, a letter or a mark:
# `سلام ?q=1` is a query string, not a question.
# Each pattern starts from a character class, so the scan for it runs in C; the Arabic-script
# context is then checked by a short look-behind.
_SPACE_BEFORE_MARK = re.compile(
    f"{_SPACE}(?<={_LETTER}{_SPACE}){_SPACE}*"
    f"(?=[{NO_SPACE_BEFORE}](?:\\s|$|{_LETTER}|[{NO_SPACE_BEFORE}\"'«“‘]))",
    re.MULTILINE,
)
_SPACE_AFTER_OPENING = re.compile(f"([{NO_SPACE_AFTER}]){_SPACE}+(?={_LETTER})")
_SPACED_MARK = re.compile(f"[{NO_SPACE_BEFORE}](?<={_SPACE}.)")
_NO_SPACE_AFTER_MARK = re.compile(f"[{NO_SPACE_AFTER}]")  # every opening bracket is one
_LATIN_MARKS = re.escape("".join(TO_ARABIC))
_LATIN_MARK = re.compile(
    f"[{_LATIN_MARKS}](?<={_LETTER}[{_LATIN_MARKS}])(?={_SPACE}*(?:{_LETTER}|[{CLOSING}\"]|\\r|$))",
    re.MULTILINE,
)
_REPEATABLE = f"[{REPEATABLE}.]"
# (Where look-arounds follow a class, the one that fails most often comes first.)
_MARK_CLUSTER = re.compile(f"{_REPEATABLE}(?={_REPEATABLE})(?<={_LETTER}{_REPEATABLE}){_REPEATABLE}+")
_SAME_MARK_RUN = re.compile(f"([{REPEATABLE}])\\1+")
_DOT_RUN = re.compile(r"\.{2,}")
_DOMAIN_SUFFIX = f"(?<=\\.)(?:{'|'.join(ARABIC_DOMAIN_SUFFIXES)})(?!{_LETTER})"
# A mark or a closing bracket glued to the next word (`البلدين.التقى`, `"نص"هنا`).
_GLUED_AFTER = re.compile(f"[{SPACE_AFTER}{CLOSING}](?={_LETTER})(?!{_DOMAIN_SUFFIX})")
# A one-letter proclitic (و ف ب ل ك) is written glued to the quote or bracket it opens.
_PROCLITIC = "وفبلك"
# So is a prefix that a tatweel holds apart (لـ"داعش", الـ"نص"): the tatweel says it is glued.
_ALONE = f"(?<!{_LETTER})"
_AFTER_A_WORD = f"(?<={_LETTER})(?<!{TATWEEL})(?<!{_ALONE}[{_PROCLITIC}])"
_WORD_ENDS_HERE = re.compile(_AFTER_A_WORD)
# An opening bracket glued to the word or the mark before it (`كلمة(تفسير)`, `قال:“نص”`).
_GLUED_BEFORE = re.compile(
    f"[{OPENING}](?:(?<={_LETTER}[{SPACE_AFTER}][{OPENING}])"
    f"|(?<={_LETTER}[{OPENING}])(?<!{TATWEEL}[{OPENING}])(?<!{_ALONE}[{_PROCLITIC}][{OPENING}]))"
)
_QUOTED = re.compile(r'"([^"\n]*)"')
# Where the rules may find work. Each rule's match is seen from its mark, so the scan opens
# with one character class (marks are a few in a hundred characters of news); a line with no
# such mark is never looked at again. The rules are sorted by the character they need before
# the mark and the one after it, each branch opening with that character's class: the engine
# drops a branch on one test, and a mark ending a sentence fails them all in a few.
_NEEDS_A_LOOK = re.compile(
    f"[{NO_SPACE_BEFORE}{NO_SPACE_AFTER}{REPEATABLE}.](?:"
    f"(?<={_SPACE}[{NO_SPACE_BEFORE}]|{_LETTER}[{_LATIN_MARKS}{OPENING}]|[{SPACE_AFTER}][{OPENING}])"
    f"|(?={_SPACE}(?<=[{NO_SPACE_AFTER}].)|{_REPEATABLE}(?<={_REPEATABLE}.)"
    f"|{_LETTER}(?<=[{SPACE_AFTER}{CLOSING}].))"
    ")"
)
# Pairs of straight quotes, scanned in step as `_QUOTED` pairs them: a pair glued to a word
# on either side or with a space inside needs a look, one spaced right is `fine`. The inside
# of a pair is read once, possessively: trying the closing rules at each of its characters
# cost more than the whole scan.
_QUOTES_NEED_A_LOOK = re.compile(
    f'"(?P<opening>(?<={_LETTER}")|(?={_SPACE}))?[^"\n]*+"'
    f'(?:(?<={_SPACE}")|(?={_LETTER})|(?(opening)|(?P<fine>)))'
)


def fix_punctuation(text: str) -> str:
    """Space and choose punctuation the Arabic-script way, only where the text is Arabic script.

    Scraped Arabic and Persian news mixes Latin and Arabic marks and spaces them at random.
    Latin text, numbers, URLs, times and abbreviations stay exactly as they are; quote styles
    are never swapped.

    >>> fix_punctuation("قال ، إن البلدين.التقى ( نص ) هل حضر? رائع!!!")
    'قال، إن البلدين. التقى (نص) هل حضر؟ رائع!'
    >>> fix_punctuation('قال"نص "هنا')
    'قال "نص" هنا'
    >>> fix_punctuation("e.g. U.S. 3.14 1,000 10:30 example.com ?q=1 C++ ... ( text ) !!!")
    'e.g. U.S. 3.14 1,000 10:30 example.com ?q=1 C++ ... ( text ) !!!'
    """
    text = clean_flagged_lines(text, _QUOTES_NEED_A_LOOK, _fix_quotes)
    return clean_flagged_lines(text, _NEEDS_A_LOOK, _fix_marks)


def _fix_quotes(line: str) -> str:
    # A line with an odd number of straight quotes has no sure pairs: its quotes stay.
    if line.count('"') % 2 or not _HAS_ARABIC.search(line):
        return line
    return _QUOTED.sub(_fix_quoted, line)


def _fix_marks(line: str) -> str:
    if not _HAS_ARABIC.search(line):
        return line
    # A rule whose mark the line lacks is not run: a check costs a third of a pass or less.
    # Replacements are functions, not templates: a `\1` template is parsed on every call.
    if _SPACED_MARK.search(line):
        line = _SPACE_BEFORE_MARK.sub("", line)
    opening = _NO_SPACE_AFTER_MARK.search(line)  # (no rule here adds or removes one)
    if opening:
        line = _SPACE_AFTER_OPENING.sub(_first_group, line)
    line = _MARK_CLUSTER.sub(_collapse_repeats, line)
    if any(map(line.__contains__, TO_ARABIC)):
        line = _LATIN_MARK.sub(_to_arabic_mark, line)
    line = _GLUED_AFTER.sub(_space_after, line)
    return _GLUED_BEFORE.sub(_space_before, line) if opening else line


def _first_group(match: re.Match) -> str:
    return match.group(1)


def _space_after(match: re.Match) -> str:
    return match.group() + " "


def _space_before(match: re.Match) -> str:
    return " " + match.group()


def _fix_quoted(match: re.Match) -> str:
    inner = match.group(1)
    content = inner.strip(" \t" + UNICODE_SPACES)
    if not content or not (_HAS_ARABIC.match(content[0]) or _HAS_ARABIC.match(content[-1])):
        return match.group()
    text, start, end = match.string, match.start(), match.end()
    before = " " if _WORD_ENDS_HERE.match(text, start) else ""
    after = " " if end < len(text) and _HAS_ARABIC.match(text[end]) else ""
    return f'{before}"{content}"{after}'


def _to_arabic_mark(match: re.Match) -> str:
    return TO_ARABIC[match.group()]


def _collapse_repeats(match: re.Match) -> str:
    cluster = _SAME_MARK_RUN.sub(r"\1", match.group())
    return _DOT_RUN.sub(_shorten_dots, cluster)


def _shorten_dots(match: re.Match) -> str:
    # `..` is a doubled full stop, `...` an ellipsis, four or more an ellipsis too long.
    return "." if len(match.group()) == 2 else "..."
