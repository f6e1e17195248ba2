"""Arabic and Persian characters, each language spelled the way it spells itself."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from operator import itemgetter

from newsclean.cleaners.invisible import nfc
from newsclean.lines import clean_flagged_lines
from newsclean.language import ARABIC, PERSIAN, by_letter_shares, quick_guess, weigh
from newsclean.tables.arabic import (
    ALEF_MAKSURA,
    ALEF_VARIANTS,
    ARABIC_LETTER,
    ARABIC_SCRIPT,
    ARABIC_YEH_FOR_PERSIAN,
    DIACRITICS,
    EXPANDED_LIGATURES,
    HEH_VARIANTS,
    OTHER_MARKS,
    PRESENTATION_FORMS,
    TATWEEL,
    TEH_MARBUTA,
    TO_ARABIC,
    TO_ASCII_DIGITS,
    TO_PERSIAN,
    WORDS,
)
from newsclean.tables.markup import SGML_FIELD_NAME

LANG_CHOICES = ("auto", ARABIC, PERSIAN)

_SCRIPT = re.compile(f"[{ARABIC_SCRIPT}]")
_LETTER = f"[{ARABIC_LETTER}]"
_LETTER_CHAR = re.compile(_LETTER)
# The letters as a set, for walking over a word: a membership test costs a fifth of a match.
_LETTERS = frozenset(filter(_LETTER_CHAR.fullmatch, map(chr, range(0x600, 0x900))))
_MARK = f"[{DIACRITICS}{OTHER_MARKS}]"
_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"


def _char_map(table: dict[str, str]) -> Callable[[str], str]:
    """A function applying ``table`` (character -> replacement) to a text.

    Measured on the corpus: for a few characters, `str.replace` per character that occurs
    runs at about 760 MB/s where a character class with a dict runs at 67 and `str.translate`
    at 39; for a large sparse map (presentation forms) the character class wins.
    """
    if len(table) > _SMALL_MAP:
        pattern = re.compile(f"[{re.escape(''.join(table))}]")
        return lambda text: pattern.sub(lambda match: table[match.group()], text)
    if any(key in value for key in table for value in table.values()):
        raise ValueError("a small map must not feed its own keys: replacements run one by one")
    pairs = tuple(table.items())

    def replace_each(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return replace_each


_SMALL_MAP = 32


# Presentation forms and heh variants map the same in both languages: one scan for both.
_HEH_TABLE = str.maketrans(HEH_VARIANTS)
_LANGUAGE_NEUTRAL = _char_map(
    {**{form: base.translate(_HEH_TABLE) for form, base in PRESENTATION_FORMS.items()}, **HEH_VARIANTS}
)
_LIGATURES = _char_map(EXPANDED_LIGATURES)
_TO_ARABIC = _char_map(TO_ARABIC)
_TO_PERSIAN = _char_map(TO_PERSIAN)
_PERSIAN_YEH = _char_map(ARABIC_YEH_FOR_PERSIAN)
_ALEF = _char_map(ALEF_VARIANTS)
_MAKSURA = _char_map(ALEF_MAKSURA)
_TEH_MARBUTA = _char_map(TEH_MARBUTA)
_ASCII_DIGITS = _char_map(TO_ASCII_DIGITS)


# Proclitics a ى word may carry.
_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "")
# The words Arabic ends with ى, without their ى, with each proclitic they may carry.
_MAKSURA_STEMS = frozenset(
    proclitic + word[:-1] for proclitic in _PROCLITICS for word in WORDS["alef_maksura_words"]
)
_FINAL_PERSIAN_YEH = re.compile(f"ی(?!{_LETTER})")
_CANONICAL_LETTERS = str.maketrans("یک", "يك")


def _final_yeh(match: re.Match) -> str:
    # A final ی stands for ى in the words Arabic spells so (with any proclitic), else for ي.
    word = _word_before(match.string, match.start()).translate(_CANONICAL_LETTERS)
    return "ى" if word in _MAKSURA_STEMS else "ي"


# Both open with the tatweel itself, so the scan for them is a fast literal search.
# (Marks on a tatweel between digits, which medial presentation forms of marks decompose to,
# go with it.)
_TATWEEL_BETWEEN_DIGITS = re.compile(f"{TATWEEL}(?<={_DIGIT}{TATWEEL})(?:{TATWEEL}|{_MARK})*(?={_DIGIT})")
_TATWEEL_AFTER_LETTER = re.compile(f"{TATWEEL}(?<=(?:{_LETTER}|{_MARK}){TATWEEL}){TATWEEL}*")
_LETTER_AFTER_MARKS = re.compile(f"{_MARK}*{_LETTER}")
_PREFIX_WORD = re.compile("[وف]?(?:ال|لل|بال|[كک]ال|[بلكک])|[وف]|ه")
# A pattern that opens with a repeat (`[...]+`, `[...]{2,}`) is tried at every position;
# one that opens with a single class is found by a scan in C, three to four times faster.
_MARK_CLUSTER = re.compile(f"{_MARK}{_MARK}+")
_MARKS = re.compile(f"{_MARK}{_MARK}*")
# The lines `_fix_letters` may change: a presentation form, a heh variant, a tatweel, two marks
# in a row. One scan, opening with a class, for what were three.
_LETTERS_NEED_A_LOOK = re.compile(
    f"[{re.escape(''.join(PRESENTATION_FORMS) + ''.join(HEH_VARIANTS))}{TATWEEL}{DIACRITICS}{OTHER_MARKS}]"
    f"(?:(?<!{_MARK})|(?={_MARK}))"
)
_REPEATED_LETTER = re.compile(f"({_LETTER})\\1{{2,}}")
_UPPER = "A-Z\u00c0-\u00de\u0100-\u024f"
# Runs of upper-case Latin letters, and the field tags of a TREC/SGML record (`<DOCNO>`,
# `</TEXT>`), which stay: `html` keeps a record's fields by their upper case, and would strip
# a `<title>` on the next cleaning.
_LATIN_UPPER_OR_FIELD_TAG = re.compile(f"[<{_UPPER}](?:(?<=<)/?{SGML_FIELD_NAME}>|(?<!<)[{_UPPER}]*)")


def normalize_arabic(
    text: str,
    *,
    lang: str = "auto",
    strip_diacritics: bool = False,
    normalize_alef: bool = False,
    alef_maksura: bool = False,
    teh_marbuta: bool = False,
    ascii_digits: bool = False,
    expand_ligatures: bool = False,
    collapse_repeats: bool = False,
    lowercase_latin: bool = False,
) -> str:
    """Normalize Arabic and Persian characters, never turning one language into the other.

    Scraped text carries letters typed on the other language's keyboard, presentation forms
    from PDFs, tatweel stretching and doubled diacritics. Each paragraph (line) is spelled
    the way its language spells: `ی`/`ک` become `ي`/`ك` in Arabic (`ى` at the end of the words
    Arabic writes so), `ي`/`ك`/`ى` become `ی`/`ک` in Persian. The keyword options are the
    `search` profile's foldings, all off by default.

    >>> normalize_arabic("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة علی الأرض")
    'المتحدث باسم الخارجية الإيرانية في الأيام المقبلة على الأرض'
    >>> normalize_arabic("ﻗﺎﻝ الـــعـــالم ﻻ 1990ـ2000")
    'قال العالم لا 1990-2000'
    >>> normalize_arabic("او می\\u200cگوید که این کتاب است")
    'او می\\u200cگوید که این کتاب است'
    """
    if lang not in LANG_CHOICES:
        raise ValueError(f"lang must be one of {', '.join(LANG_CHOICES)}, not {lang!r}")
    if _SCRIPT.search(text):
        # Everything that does not depend on the language comes first, so the language is
        # decided on text that cleaning will not change again.
        if expand_ligatures:
            text = _LIGATURES(text)  # (its letters and the presentation forms' are apart)
        text = clean_flagged_lines(text, _LETTERS_NEED_A_LOOK, _fix_letters)
        if collapse_repeats:
            text = _REPEATED_LETTER.sub(r"\1", text)
        folded = strip_diacritics or normalize_alef or alef_maksura or teh_marbuta
        text = _spell(text, lang, folded)
        text = _fold(text, strip_diacritics, normalize_alef, alef_maksura, teh_marbuta, collapse_repeats)
        if ascii_digits:
            text = _ASCII_DIGITS(text)
    if lowercase_latin:
        # Lowercasing can decompose (İ becomes i and a combining dot): put the text back in NFC.
        text = nfc(_LATIN_UPPER_OR_FIELD_TAG.sub(_lower_unless_a_tag, text))
    return text


def _lower_unless_a_tag(match: re.Match) -> str:
    run = match.group()
    return run if run.startswith("<") else run.lower()


def _fix_letters(line: str) -> str:
    line = _LANGUAGE_NEUTRAL(line)
    if TATWEEL in line:
        line = _fix_tatweel(line)
    return _MARK_CLUSTER.sub(_dedupe_marks, line)


def _fix_tatweel(text: str) -> str:
    text = _TATWEEL_BETWEEN_DIGITS.sub("-", text)
    return _TATWEEL_AFTER_LETTER.sub(_drop_tatweel, text)


def _drop_tatweel(match: re.Match) -> str:
    # Kept (one of them): the tatweel that holds a proclitic apart from a quote, a number or a
    # Latin word (لـ"جيش", الـ 6, بـ2000), and the one of the Hijri era mark هـ.
    text, start, end = match.string, match.start(), match.end()
    if _LETTER_AFTER_MARKS.match(text, end):
        return ""  # stretching inside a word (marks on the tatweel count for nothing)
    return TATWEEL if _PREFIX_WORD.fullmatch(_word_before(text, start)) else ""


def _word_before(text: str, end: int) -> str:
    # Walk back over the letters: a word is short, the text before it may not be.
    start = end
    while start > 0 and text[start - 1] in _LETTERS:
        start -= 1
    return text[start:end]


def _dedupe_marks(match: re.Match) -> str:
    # One of each mark on a letter, in canonical order (by combining class, as NFC orders them).
    unique = dict.fromkeys(match.group())
    return "".join(sorted(unique, key=unicodedata.combining))


def _spell(text: str, lang: str, folded: bool) -> str:
    if lang != "auto":
        return _SPELLERS[lang](text)
    if not _LETTER_CHAR.search(text):
        return text  # digits alone do not tell the language
    quick = quick_guess(text, folded=folded)
    if quick:
        return _SPELLERS[quick](text)
    # Each paragraph (line) on its own evidence. One with none of its own (a name, a number)
    # follows its block's evidence or, where that ties, the letters of all such lines, which
    # point the same way again once they are spelled.
    lines = text.splitlines(keepends=True)
    languages = [weigh(line, None, folded=folded) for line in lines]
    if None in languages:
        default = weigh(text, None, folded=folded) or by_letter_shares(
            "".join(line for line, language in zip(lines, languages) if language is None)
        )
        languages = [language or default for language in languages]
    # A run of lines in one language is spelled at once (spellers keep to their line anyway):
    # a call per line cost more than the spelling.
    runs = itertools.groupby(zip(lines, languages), key=itemgetter(1))
    return "".join(_SPELLERS[language]("".join(line for line, _ in run)) for language, run in runs)


def _spell_arabic(text: str) -> str:
    text = _TO_ARABIC(text)
    if "ی" in text:
        text = _FINAL_PERSIAN_YEH.sub(_final_yeh, text)
        text = _PERSIAN_YEH(text)
    return text


def _spell_persian(text: str) -> str:
    return _TO_PERSIAN(text)


_SPELLERS = {ARABIC: _spell_arabic, PERSIAN: _spell_persian}


def _fold(text: str, diacritics: bool, alef: bool, maksura: bool, teh: bool, repeats: bool) -> str:
    if diacritics:
        text = _MARKS.sub("", text)
    if alef:
        text = _ALEF(text)
    if maksura:
        text = _MAKSURA(text)
    if teh:
        text = _TEH_MARBUTA(text)
    if repeats:
        text = _REPEATED_LETTER.sub(r"\1", text)
    return text
