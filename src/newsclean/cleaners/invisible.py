"""Invisible characters: zero-width marks, bidi controls, control codes; NFC."""

import functools
import re
import unicodedata

from newsclean.cleaners.punctuation import becomes_an_arabic_mark
from newsclean.lines import clean_flagged_lines
from newsclean.patterns import lazy, one_or_more, scan
from newsclean.tables.arabic import ARABIC_LETTER, ARABIC_MARKS, JOINS_THE_NEXT_LETTER, ZWNJ
from newsclean.tables.invisible import (
    BIDI_CONTROLS,
    EMOJI,
    IMPLICIT_MARKS,
    OTHER_CONTROLS,
    SEPARATING_CONTROLS,
    ZERO_WIDTH,
    ZWJ,
)
from newsclean.tables.separators import PIPES
from newsclean.tables.unicode_spaces import UNICODE_SPACES

_GOES = re.escape(ZERO_WIDTH + BIDI_CONTROLS + OTHER_CONTROLS)
_REMOVED_CHARACTER = f"[{_GOES}]"
_REMOVED = scan(one_or_more(_REMOVED_CHARACTER))
# ANSI terminal escapes (colours, cursor moves) from text copied off a terminal; the pattern
# is ftfy's `remove_terminal_escapes`.
_TERMINAL_ESCAPE = lazy("\x1b\\[[0-9;]*[A-Za-z]")
_SEPARATING = lazy(f"[{re.escape(SEPARATING_CONTROLS)}]")
# After a character: fails only if it is a plain Persian ZWNJ, between two letters.
_UNLESS_PLAIN_ZWNJ = f"(?:(?<!{ZWNJ})|(?<![^\\W\\d_]{ZWNJ})|(?![^\\W\\d_]))"
# Runs of joiners; the plain ZWNJ stays as it is, so it is not even matched.
_JOINER_RUN = scan(f"[{ZWNJ}{ZWJ}]{_UNLESS_PLAIN_ZWNJ}[{ZWNJ}{ZWJ}]*")
# Before a ZWNJ a letter, perhaps with marks on it; after it, a letter (a mark cannot sit on
# a ZWNJ). Removing the marks later must not leave the ZWNJ beside nothing.
_LETTER = lazy("[^\\W\\d_]")
_LETTER_WITH_MARKS_BEFORE = lazy(f"[^\\W\\d_][{ARABIC_MARKS}]*$")
_EMOJI_CHAR = lazy(f"[{EMOJI}]")
_MAX_NON_STARTERS = 30


@functools.lru_cache(maxsize=1)
def _long_mark_run() -> re.Pattern[str]:
    """Runs of more than 30 characters that combine with the one before them (canonical
    combining class above 0, from the interpreter's Unicode database). Built on first use:
    it takes 20 ms, and most texts are in NFC already."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x1F000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in ranges)
    return lazy(f"[{marks}][{marks}]{{{_MAX_NON_STARTERS},}}")
# The lines worth a look hold a character that goes, a ZWJ, or a ZWNJ that is not the plain
# Persian one between two letters (most ZWNJs in Persian text are: those lines are skipped).
_NEEDS_A_LOOK = scan(f"[{_GOES}{IMPLICIT_MARKS}{re.escape(SEPARATING_CONTROLS)}{ZWNJ}{ZWJ}]{_UNLESS_PLAIN_ZWNJ}")
_IMPLICIT_MARKS = scan(one_or_more(f"[{IMPLICIT_MARKS}]"))
_MARK_DIRECTION = {"\u200e": "L", "\u200f": "R", "\u061c": "R"}
_SPACES_AND_MARKS = frozenset(" \t" + UNICODE_SPACES + IMPLICIT_MARKS)


def remove_invisible(text: str) -> str:
    """Remove invisible characters that scrapers leave, keep the ones a language needs, NFC.

    Zero-width spaces, soft hyphens, stray BOMs, bidi controls and control codes break search
    and tokenization without showing. A ZWNJ between letters is Persian spelling and stays
    (repeats collapse to one); a ZWJ inside an emoji sequence builds one glyph and stays.

    >>> remove_invisible("\\u200fقال\\u200b المتحدث\\u202e 2024\\u202c\\x07")
    'قال المتحدث 2024'
    >>> remove_invisible("قال\\u200f\\u200f (CNN)\\u200e و\\u200fالمتحدث")  # marks with a job stay
    'قال\\u200f (CNN)\\u200e والمتحدث'
    >>> remove_invisible("می\\u200c\\u200cخواهد \\u200c")
    'می\\u200cخواهد '
    >>> remove_invisible("👩\\u200d💻 می\\u200cروم")
    '👩\\u200d💻 می\\u200cروم'
    """
    return nfc(clean_flagged_lines(text, _NEEDS_A_LOOK, _remove_from_line))


def _remove_from_line(line: str) -> str:
    if "\x1b" in line:
        line = _TERMINAL_ESCAPE.sub("", line)  # (removing the ESC alone would leave `[31m`)
    line = _REMOVED.sub("", line)
    line = _SEPARATING.sub(" ", line)
    line = _IMPLICIT_MARKS.sub(_keep_marks_with_a_job, line)
    return _JOINER_RUN.sub(_keep_meaningful_joiners, line)


def _keep_marks_with_a_job(match: re.Match[str]) -> str:
    """One mark of a run of implicit marks, unless the letters on either side (past spaces,
    marks and joiners) have one direction, where it can change nothing. At the line's start a
    mark sets the paragraph's direction (an RLM opening an Arabic line does nothing, one opening
    a Latin line makes it right to left); at its end it acts only on a neutral before it."""
    mark, text = match.group()[0], match.string
    if _stands_for_a_non_joiner(text, match.start(), match.end()):
        return ZWNJ
    before = _direction_before(text, match.start()) or _MARK_DIRECTION[mark]
    after = _direction_after(text, match.end()) or before
    return "" if before == after != "neutral" else mark


def _stands_for_a_non_joiner(text: str, start: int, end: int) -> bool:
    """Whether the marks from ``start`` to ``end`` stand inside a word, after a letter that
    joins the next: Persian writers type an LRM or an RLM where the ZWNJ of `می‌شود` goes (one
    article of the shared corpus spells a name `ولی‌پور` with a ZWNJ, an LRM and two LRMs).
    Removed, the mark would join letters its writer kept apart (`بهدليل`); a ZWNJ keeps them
    apart in the standard way. After a letter that joins nothing (`و`, `ا`) it can go."""
    index = start - 1
    while index >= 0 and _ARABIC_MARK.fullmatch(text[index]):
        index -= 1
    return index >= 0 and _JOINS_THE_NEXT.fullmatch(text[index]) is not None and _is_arabic_letter(text[end : end + 1])


# How far to look past spaces, marks and joiners for a letter: a real neighbour is a character
# or two away; a mark with only more of them around it for longer is kept (and the walk from
# each mark stays short, so a line of marks costs a bounded amount per mark).
_LOOK_PAST = 16


def _direction_before(text: str, end: int) -> str | None:
    """The direction of the character before ``end`` past spaces, marks and joiners, or None
    at the line's start (or a CR), also past bars that dangle there."""
    index, stop = end - 1, max(end - 1 - _LOOK_PAST, -1)
    while index > stop and _passed_over(text[index]):
        index -= 1
    if index < 0 or text[index] == "\r" or _dangles(text, index, -1):
        return None
    return _direction_at(text, index) if index > stop else "neutral"


def _direction_after(text: str, start: int) -> str | None:
    index, stop = start, min(start + _LOOK_PAST, len(text))
    while index < stop and _passed_over(text[index]):
        index += 1
    if index == len(text) or text[index] == "\r" or _dangles(text, index, 1):
        return None
    return _direction_at(text, index) if index < stop else "neutral"


def _dangles(text: str, index: int, step: int) -> bool:
    """Whether a bar at ``index`` dangles at the line's edge, bars, spaces and marks all the
    way (within the usual look) to the start (``step`` -1) or the end (1): `separators` takes it
    away, and a mark beside it is at the edge already (else a second cleaning, finding the mark
    alone, would remove it then)."""
    if index < 0 or index >= len(text) or text[index] not in PIPES:
        return False
    stop = index + step * _LOOK_PAST
    while 0 <= index < len(text) and index != stop and (text[index] in PIPES or _passed_over(text[index])):
        index += step
    return index < 0 or index == len(text) or text[index] == "\r"


def _passed_over(character: str) -> bool:
    # Spaces; marks (on a letter they take its side, after a mark they sit on nothing and a
    # cleaner may take them away); joiners and other characters the bidi algorithm ignores.
    # (Other implicit marks are decided on their own neighbours.)
    return (
        character in _SPACES_AND_MARKS
        or unicodedata.combining(character) > 0
        or unicodedata.bidirectional(character) == "BN"
    )


def _direction_at(text: str, index: int) -> str:
    # (A Latin `?` after an Arabic word becomes `؟` with `punctuation`: its direction then.)
    return "R" if becomes_an_arabic_mark(text, index) else _strong(text[index])


def _strong(character: str) -> str:
    kind = unicodedata.bidirectional(character)
    return "L" if kind == "L" else "R" if kind in ("R", "AL") else "neutral"


def nfc(text: str) -> str:
    """``text`` in Unicode normalization form C, normalized line by line where needed.

    A run of more than 30 combining marks gets a COMBINING GRAPHEME JOINER after each 30, as
    UAX #15's stream-safe format does: normalizing sorts a run of marks, in time that grows
    with the square of its length (a line of 256 Ki marks took 52 s); no script puts 30 on
    one letter.

    >>> nfc("a" + "\u0301" * 31) == "á" + "\u0301" * 29 + "\u034f\u0301"
    True
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    # Line by line: few lines need it, and normalizing one (or scanning it for long runs of
    # marks, a class of 900 characters) costs far more than checking it.
    return "\n".join([_nfc_line(line) for line in text.split("\n")])


def _nfc_line(line: str) -> str:
    if unicodedata.is_normalized("NFC", line):
        return line
    if _long_mark_run().search(line):
        line = _long_mark_run().sub(_stream_safe, line)
    return unicodedata.normalize("NFC", line)


def _stream_safe(match: re.Match[str]) -> str:
    run = match.group()
    return "\u034f".join(run[start : start + _MAX_NON_STARTERS] for start in range(0, len(run), _MAX_NON_STARTERS))


def _keep_meaningful_joiners(match: re.Match[str]) -> str:
    run, text, start = match.group(), match.string, match.start()
    before = text[start - 1 : start]
    after = text[match.end() : match.end() + 1]
    # A ZWNJ between two letters is Persian spelling (`می<ZWNJ>خواهد`): one is enough.
    if ZWNJ in run and _LETTER.fullmatch(after) and _LETTER_WITH_MARKS_BEFORE.search(text, max(start - 8, 0), start):
        return ZWNJ
    # A ZWJ between two emoji builds one glyph (woman, ZWJ, laptop).
    if run == ZWJ and _EMOJI_CHAR.fullmatch(before) and _EMOJI_CHAR.fullmatch(after):
        return ZWJ
    if run == ZWJ and _shows_a_joining_form(before, after):
        return ZWJ
    return ""


def _shows_a_joining_form(before: str, after: str) -> bool:
    """Whether a ZWJ between ``before`` and ``after`` changes how a letter is drawn: at a word's
    edge beside an Arabic-script letter it shows the letter's joining form (the abbreviations
    `ه‍.ش` and `ه‍.ق` of Persian years, which the Persian standard writes so), and after a
    virama it asks for a half form (Devanagari `क्‍ष`). Between two letters that join anyway it
    changes nothing, and goes."""
    if before and unicodedata.combining(before) == _VIRAMA:
        return True
    at_a_word_end = _is_arabic_letter(before) and not _is_letter_or_mark(after)
    at_a_word_start = _is_arabic_letter(after) and not _is_letter_or_mark(before)
    return at_a_word_end or at_a_word_start


def _is_arabic_letter(character: str) -> bool:
    return bool(character) and _ARABIC_LETTER.fullmatch(character) is not None


def _is_letter_or_mark(character: str) -> bool:
    return bool(character) and _LETTER_OR_MARK.fullmatch(character) is not None


_VIRAMA = 9  # the canonical combining class of a virama
_ARABIC_LETTER = lazy(f"[{ARABIC_LETTER}]")
_JOINS_THE_NEXT = lazy(f"[{JOINS_THE_NEXT_LETTER}]")
_ARABIC_MARK = lazy(f"[{ARABIC_MARKS}]")
_LETTER_OR_MARK = lazy(f"[^\\W\\d_]|[{ARABIC_MARKS}]")
