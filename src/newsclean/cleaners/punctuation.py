"""Punctuation and its spacing in Arabic-script text; Latin text is never touched."""

from __future__ import annotations

import re

from newsclean.language import is_other_language
from newsclean.lines import clean_flagged_lines
from newsclean.patterns import first_of, lazy, scan
from newsclean.protect import keeping_urls
from newsclean.tables.arabic import DIGITS, TATWEEL
from newsclean.tables.punctuation import (
    ARABIC_DOMAIN_SUFFIXES,
    ARABIC_WORD_CHARACTER,
    CLOSING,
    GLUED_SUFFIXES,
    LATIN_TO_ARABIC_MARKS,
    NO_SPACE_AFTER,
    NO_SPACE_BEFORE,
    OPENING,
    QUOTE_SETS,
    REPEATABLE,
    SPACE_AFTER,
    WIKIPEDIA_NOTES,
)
from newsclean.tables.unicode_spaces import SPACES, SPACES_BUT_TAB, UNICODE_SPACES

_LETTER = f"[{ARABIC_WORD_CHARACTER}]"
_DIGIT = f"[{DIGITS}]"
_LETTER_OR_DIGIT = f"[{ARABIC_WORD_CHARACTER}{DIGITS}]"
_SPACE = f"[{SPACES_BUT_TAB}]"
_HAS_ARABIC = lazy(_LETTER)
# `;)` and `:-(` are faces, not marks.
_EMOTICON = "[;:]-?[()DPp](?![A-Za-z])"
# Question marks standing alone between spaces hold the place of what was lost upstream
# (`بعد از ?? روز`: digits the encoding dropped), or are a question on their own: they stay.
# Spaces that only end the line do not make one stand alone (`حالك ? ` is `حالك ?` once the
# trailing space goes, and must be cleaned the same the first time).
# What `whitespace` takes off a line's end, tabs included (and where it keeps the tabs that end
# a row of columns, a line's end all the same): a rule reads it as the end, or cleaning twice
# would find what cleaning once left (`قال ?\t` is `قال ?` the second time).
_TO_THE_LINE_END = f"[{SPACES}]*(?:\\r|$)"
_STANDING_ALONE = f"\\?+{_SPACE}(?!{_TO_THE_LINE_END})"
# A mark ends the word before it only if what follows is a space, the end, a letter or a mark:
# `سلام ?q=1` is a query string, not a question.
# Each pattern is a scan from its mark; the Arabic-script context is then checked by a short
# look-behind.
# The run of marks must end the word (a space, the end, a letter or a quote after it): glued to
# a number after it (`رمضان ..2019`), the space is what keeps two words apart. Marks spaced
# apart (`. .`, `.. ..`) are the author's ellipsis: left as they are.
_SPACE_BEFORE_MARK = scan(
    f"{_SPACE}(?<={_LETTER_OR_DIGIT}{_SPACE}){_SPACE}*(?!{_EMOTICON}|{_STANDING_ALONE})"
    f"(?=[{NO_SPACE_BEFORE}]+(?:\\s|$|{_LETTER}|[\"'«“”‘]))(?![{NO_SPACE_BEFORE}]+{_SPACE}+[{NO_SPACE_BEFORE}])",
    re.MULTILINE,
)
# Each rule below is written as the class of the mark it starts from and the rest of it, so
# that the gate (`_NEEDS_A_LOOK`) is made of the rules themselves.
_AFTER_OPENING = f"(?<![;:]\\()(?<![;:]-\\(){_SPACE}+(?={_LETTER_OR_DIGIT})"
_SPACE_AFTER_OPENING = scan(f"([{NO_SPACE_AFTER}]){_AFTER_OPENING}")
_SPACED_MARK = scan(f"[{NO_SPACE_BEFORE}](?<={_SPACE}.)")
_NO_SPACE_AFTER_MARK = scan(f"[{NO_SPACE_AFTER}]")  # every opening bracket is one
_LATIN_MARKS = re.escape("".join(LATIN_TO_ARABIC_MARKS))
_AFTER_LATIN_MARK = (
    f"(?<={_LETTER}[{_LATIN_MARKS}])(?!{_EMOTICON})(?={_SPACE}*(?:{_LETTER}|[{CLOSING}\"])|{_TO_THE_LINE_END})"
)
_LATIN_MARK = scan(f"[{_LATIN_MARKS}]{_AFTER_LATIN_MARK}", re.MULTILINE)
_REPEATABLE = f"[{REPEATABLE}.]"


def becomes_an_arabic_mark(text: str, index: int) -> bool:
    """Whether the Latin `,` `;` or `?` at ``index`` is one `fix_punctuation` turns into its
    Arabic twin (`،` `؛` `؟`), a right-to-left character: `invisible`, which runs first, reads
    the direction of a bidi mark's neighbours as they will be."""
    return _LATIN_MARK.match(text, index) is not None

# (Where look-arounds follow a class, the one that fails most often comes first.)
# After a word, or after the quote or bracket that closes one (`"تاريخي"!!!`).
_MARK_CLUSTER = scan(
    f"{_REPEATABLE}(?={_REPEATABLE})(?:(?<={_LETTER}{_REPEATABLE})|(?<={_LETTER}[{CLOSING}\"”“]{_REPEATABLE}))"
    f"{_REPEATABLE}+"
)
_SAME_MARK_RUN = lazy(f"([{REPEATABLE}])\\1+")
_DOT_RUN = lazy(r"\.{2,}")
_DOMAIN_SUFFIX = f"(?<=\\.)(?:{'|'.join(ARABIC_DOMAIN_SUFFIXES)})(?!{_LETTER})"
# A mark or a closing bracket glued to the next word (`البلدين.التقى`), but not the dot of an
# abbreviation, written after a word of one letter (`ق.ظ`, `ص.ب`, `د.محمد`, `هـ.ش`), nor a suffix that
# Persian and Kurdish write after a bracket or quote (`(کتاب)ها`, `(الترقی)ی`, `(خۆیبوون)دا`).
# (The letter may show its joining form, by a tatweel or a ZWJ: `هـ.ش` and `ه‍.ق` date Persian
# years.)
_JOINING_FORM = f"[{TATWEEL}\u200d]"
_ONE_LETTER_WORD_AND_DOT = (
    f"(?:(?<!{_LETTER}{_LETTER}\\.)(?<={_LETTER}\\.)"
    f"|(?<!{_LETTER}{_LETTER}{_JOINING_FORM}\\.)(?<={_LETTER}{_JOINING_FORM}\\.))"
)
_SUFFIX = f"(?:{'|'.join(sorted(GLUED_SUFFIXES, key=len, reverse=True))})(?!{_LETTER})"
_GLUED_AFTER_REST = (
    f"(?={_LETTER})(?!{_DOMAIN_SUFFIX})(?:(?<!\\.)|(?!{_ONE_LETTER_WORD_AND_DOT}))(?!(?<=[{CLOSING}]){_SUFFIX})"
)
_GLUED_AFTER = scan(f"[{SPACE_AFTER}{CLOSING}]{_GLUED_AFTER_REST}")
_GLUED_SUFFIX = lazy(_SUFFIX)
# A one-letter proclitic (و ف ب ل ك) is written glued to the quote or bracket it opens.
_PROCLITIC = "وفبلك"
# So is a prefix that a tatweel holds apart (لـ"داعش", الـ"نص"): the tatweel says it is glued.
_ALONE = f"(?<!{_LETTER})"
_AFTER_A_WORD = f"(?<={_LETTER})(?<!{TATWEEL})(?<!{_ALONE}[{_PROCLITIC}])"
_WORD_ENDS_HERE = lazy(_AFTER_A_WORD)
# An opening bracket glued to the word or the mark before it (`كلمة(تفسير)`, `قال:«نص»`),
# unless it holds a suffix of a few letters (`واژه(ها)`: the word's plural, not an aside) or a
# reference (`الشمس.[1]`, `مرة.[2][3]`, `[۳]`, `[a]`, `[الف]`, `قیطریه[نیازمند منبع]`:
# Wikipedia, and what is copied from it, glues a footnote's number and its inline notes to what
# they mark; tweets glue a range of verses to their sura, `الحاقة[١٣-٣٧]`), or makes a face
# with the mark (`:(`, which the rule for the space after an opening leaves too).
_REFERENCE = f"(?<=\\[)(?:[{DIGITS}]{{1,4}}(?:[-–][{DIGITS}]{{1,4}})?|{_LETTER}{{1,3}}|[A-Za-z]|{'|'.join(WIKIPEDIA_NOTES)})\\]"
_GLUED_BEFORE_REST = (
    f"(?!{_REFERENCE})(?!(?<=\\(){_LETTER}{{1,3}}\\))(?:(?<={_LETTER}[{SPACE_AFTER}][{OPENING}])(?<![;:]\\()"
    f"|(?<={_LETTER}[{OPENING}])(?<!{TATWEEL}[{OPENING}])(?<!{_ALONE}[{_PROCLITIC}][{OPENING}]))"
)
_GLUED_BEFORE = scan(f"[{OPENING}]{_GLUED_BEFORE_REST}")


def fix_punctuation(text: str) -> str:
    """Space and choose punctuation the Arabic-script way, only where the text is Arabic script.

    Scraped Arabic and Persian news mixes Latin and Arabic marks and spaces them at random.
    Latin text, numbers, URLs, times and abbreviations stay exactly as they are; quote styles
    are never swapped.

    >>> fix_punctuation("قال ، إن البلدين.التقى ( نص ) هل حضر? رائع!!!")
    'قال، إن البلدين. التقى (نص) هل حضر؟ رائع!'
    >>> fix_punctuation('قال"نص"هنا و ”نص ”')
    'قال "نص" هنا و ”نص”'
    >>> fix_punctuation('دعا "المجلس" إلى دعم "الخطة "الجديدة" فورا')  # no sure pairs: stays
    'دعا "المجلس" إلى دعم "الخطة "الجديدة" فورا'
    >>> fix_punctuation("e.g. U.S. 3.14 1,000 10:30 example.com ?q=1 C++ ... ( text ) !!!")
    'e.g. U.S. 3.14 1,000 10:30 example.com ?q=1 C++ ... ( text ) !!!'
    """
    return clean_flagged_lines(text, _NEEDS_A_LOOK, _fix_line_keeping_urls)


def _fix_line(line: str) -> str:
    # The marks first: where a quote goes depends on the marks before it, as they will stay
    # (`عن .."وطني"`: the space goes from before the dots, then the quote is spaced from them).
    return _fix_quotes(_fix_marks(line))


_fix_line_keeping_urls = keeping_urls(_fix_line)  # (`https://example.com/خبر.التقى` stays)


def _fix_quotes(line: str) -> str:
    if not _HAS_ARABIC.search(line):
        return line
    for quotes in QUOTE_SETS:
        if _QUOTES_OF[quotes].search(line):
            line = _fix_quote_pairs(line, quotes)
    return line


# What may stand on the outer side of a quote, and what on its inner side.
_OUTSIDE_BEFORE = frozenset(" \t" + UNICODE_SPACES + "([{«")
_OUTSIDE_AFTER = frozenset(" \t" + UNICODE_SPACES + ")]}».,،؛:!?؟;")
_SPACES = SPACES_BUT_TAB
OPENS, CLOSES = "opens", "closes"
_BEFORE = "[" + re.escape("".join(sorted(_OUTSIDE_BEFORE))) + "]"
_AFTER = "[" + re.escape("".join(sorted(_OUTSIDE_AFTER))) + "]"
# The lines worth a look hold a quote whose side its spacing does not show: glued on both
# sides or spaced on both (the line's edge counts as a space). Only such a quote is ever moved;
# a line whose quotes all show their side is left as it is. Built from the sets `_side` uses.
# (A line end is written `\\n` here: verbose mode drops a literal one outside a class, and
# `(?=<LF>|$)` became an empty look-ahead that flagged every opening quote.)
_QUOTE_REST = f"""(?:
        (?<=[^\\n]["“”])(?<!{_BEFORE}["“”])(?=[^\\n])(?!{_AFTER})    # glued on both sides
      | (?:(?<={_BEFORE}["“”])|(?<![^\\n]["“”]))(?:(?={_AFTER})|(?=\\n|$))  # spaced on both
    )"""
# A run of marks that `_collapse_repeats` changes: after a word (or the quote or bracket that
# closes one), holding the same mark twice in a row, or four dots. (`..` and `...` stay, and so
# does a run of different marks, `.؟!`: the gate passes them by.)
_REPEATED = "|".join(f"{mark}(?<={mark}{mark})" for mark in map(re.escape, REPEATABLE)) + "|\\.(?<=\\.{4})"
_RUN_TO_COLLAPSE = f"(?:(?<={_LETTER}.)|(?<={_LETTER}[{CLOSING}\"”“].))(?={_REPEATABLE}*?(?:{_REPEATED}))"
# Where the rules may find work: the lines holding a match of one of them, found in one scan
# from the marks (a few in a hundred characters of news: a line with none is never looked at
# again). Each branch is its rule, but for two: the space before a mark is found from the mark
# (a space is everywhere; what follows the word is checked by the rule), and a run of marks only
# where collapsing changes it.
_RULES_FROM_THEIR_MARKS = (
    ('"“”', f"(?x:{_QUOTE_REST})"),
    (NO_SPACE_BEFORE, f"(?<={_LETTER_OR_DIGIT}{_SPACE}.|{_SPACE}{_SPACE}.)"),
    (NO_SPACE_AFTER, _AFTER_OPENING),
    (f"{REPEATABLE}.", _RUN_TO_COLLAPSE),
    (_LATIN_MARKS, _AFTER_LATIN_MARK),
    (f"{SPACE_AFTER}{CLOSING}", _GLUED_AFTER_REST),
    (OPENING, _GLUED_BEFORE_REST),
)
_NEEDS_A_LOOK = first_of(*_RULES_FROM_THEIR_MARKS, flags=re.MULTILINE)
_QUOTES_OF = {quotes: lazy(f"[{quotes}]") for quotes in QUOTE_SETS}


def _fix_quote_pairs(line: str, quotes: str) -> str:
    """Space the pairs of ``quotes`` in ``line`` (one set: ``"`` or ``“”``) where one of a pair is
    ambiguous, glued on both sides or spaced on both; a quote whose side its spacing shows is
    never moved. Quotes pair in turn, opening then closing: when a quote's spacing says the
    other side from its turn (one nested or missing), nothing on the line is sure, and it stays.
    """
    positions = [found.start() for found in _QUOTES_OF[quotes].finditer(line)]
    if not positions or len(positions) % 2:
        return line
    sides = [_side(line, index) for index in positions]
    turns = [OPENS, CLOSES] * (len(positions) // 2)
    if any(side is not None and side != turn for side, turn in zip(sides, turns, strict=False)):
        return line
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), left to right
    for pair in range(0, len(positions), 2):
        opening, closing = positions[pair], positions[pair + 1]
        content = line[opening + 1 : closing].strip(_SPACES)
        if not content or not (_HAS_ARABIC.match(content[0]) or _HAS_ARABIC.match(content[-1])):
            continue  # Latin or empty quotes are not this cleaner's
        if sides[pair] is None:
            edits.append(_opening_edit(line, opening))
        if sides[pair + 1] is None:
            edits.append(_closing_edit(line, closing))
    for start, end, replacement in reversed(edits):
        line = line[:start] + replacement + line[end:]
    return line


def _side(line: str, index: int) -> str | None:
    """The side a quote's spacing shows: space (or the line's edge) on one side only."""
    outside_before = index == 0 or line[index - 1] in _OUTSIDE_BEFORE
    outside_after = index + 1 == len(line) or line[index + 1] in _OUTSIDE_AFTER
    if outside_before != outside_after:
        return OPENS if outside_before else CLOSES
    return None


def _after_a_word_and_marks(line: str, index: int) -> bool:
    # The marks after a word, one or a run (`!!!`, which the marks' rule makes one `!` later),
    # Latin ones too (`,` becomes `،` later): the quote must be spaced the same either way, or
    # a second cleaning would differ.
    start = index
    while start > 0 and (line[start - 1] in SPACE_AFTER or line[start - 1] in LATIN_TO_ARABIC_MARKS):
        start -= 1
    return start < index and _HAS_ARABIC.match(line, start - 1) is not None if start > 0 else False


def _opening_edit(line: str, index: int) -> tuple[int, int, str]:
    if line[index + 1] in _SPACES:  # spaced on both sides: the inner space goes
        end = index + 1
        while end < len(line) and line[end] in _SPACES:
            end += 1
        return index + 1, end, ""
    # Glued on both sides: a space after the word or the mark before (قال:"نص"), unless it is
    # a proclitic (و"نص").
    spaced = _after_a_word_and_marks(line, index) or _WORD_ENDS_HERE.match(line, index) is not None
    return (index, index, " " if spaced else "")


def _closing_edit(line: str, index: int) -> tuple[int, int, str]:
    if line[index - 1] in _SPACES:
        start = index
        while start > 0 and line[start - 1] in _SPACES:
            start -= 1
        return start, index, ""
    glued_to_a_word = _HAS_ARABIC.match(line, index + 1) is not None and not _GLUED_SUFFIX.match(line, index + 1)
    return (index + 1, index + 1, " " if glued_to_a_word else "")


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
    if any(map(line.__contains__, LATIN_TO_ARABIC_MARKS)):
        line = _LATIN_MARK.sub(_to_arabic_mark, line)
    line = _GLUED_AFTER.sub(_SpaceAfter(line), line)
    return _GLUED_BEFORE.sub(_space_before, line) if opening else line


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


class _SpaceAfter:
    """The replacement for a mark or closing bracket glued to the next word, in ``line``: a
    space after it. Uyghur, Kurdish and Urdu write a word's suffix after its closing quote or
    bracket (`«مۇقىمسىزلىق»نى`), more than a list of suffixes could hold: in a line of theirs a
    closing bracket stays glued. (Whether the line is theirs is read once, at the first closing
    bracket: read at each, a line of `(نص)ق` took time growing with its square.)"""

    def __init__(self, line: str) -> None:
        self.line = line
        self.other_language: bool | None = None

    def __call__(self, match: re.Match[str]) -> str:
        mark = match.group()
        if mark in _CLOSING:
            if self.other_language is None:
                self.other_language = is_other_language(self.line)
            if self.other_language:
                return mark
        return mark + " "


_CLOSING = frozenset(CLOSING.replace("\\", ""))


def _space_before(match: re.Match[str]) -> str:
    return " " + match.group()


def _to_arabic_mark(match: re.Match[str]) -> str:
    return LATIN_TO_ARABIC_MARKS[match.group()]


def _collapse_repeats(match: re.Match[str]) -> str:
    cluster = _SAME_MARK_RUN.sub(r"\1", match.group())
    return _DOT_RUN.sub(_shorten_dots, cluster)


def _shorten_dots(match: re.Match[str]) -> str:
    # `...` is an ellipsis and four or more one too long; `..` stays: Gulf papers write it
    # for a pause inside a sentence, and a full stop there would end it.
    return match.group() if len(match.group()) == 2 else "..."
