"""Which language an Arabic-script text is written in: Arabic, Persian, or other.

Letter shares alone mislead: Arabic typed on a Persian keyboard writes every ي as ی, and old
Persian text uses Arabic ي and ك throughout. The classifier weighs stronger evidence first —
letters only Persian has, the commonest function words of each language (matched whatever
yeh and kaf they are typed with), ZWNJ, teh marbuta — and falls back to the letter shares
only when a text holds none of it.
"""

from __future__ import annotations

import re

from newsclean.tables.arabic import ARABIC_LETTER, PERSIAN_ONLY_LETTERS, WORDS, ZWNJ

ARABIC, PERSIAN, OTHER = "ar", "fa", "other"
LANGUAGES = (ARABIC, PERSIAN)

_LETTER = f"[{ARABIC_LETTER}]"
_ANY_LETTER = re.compile(_LETTER)
_PERSIAN_LETTER = re.compile(f"[{PERSIAN_ONLY_LETTERS}]")
_ZWNJ_IN_WORD = re.compile(f"(?<={_LETTER}){ZWNJ}(?={_LETTER})")


_EITHER_KEYBOARD = {"ي": "[يی]", "ی": "[يی]", "ك": "[كک]", "ک": "[كک]"}


def fold_keyboards(word: str) -> str:
    """A pattern for ``word`` typed with either yeh and either kaf."""
    return "".join(_EITHER_KEYBOARD.get(character, re.escape(character)) for character in word)


def _word_pattern(words: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(sorted(map(fold_keyboards, words), key=len, reverse=True))
    return re.compile(f"(?<!{_LETTER})(?:{alternatives})(?!{_LETTER})")


_ARABIC_WORD = _word_pattern(WORDS["arabic_words"])
_PERSIAN_WORD = _word_pattern(WORDS["persian_words"])
_PERSIAN_YEH_KEHEH = re.compile("[یک]")
_ARABIC_YEH_KAF = re.compile("[يكى]")


def evidence(text: str) -> tuple[int, int]:
    """``(arabic, persian)`` scores of ``text``; both 0 when it carries no evidence.

    >>> evidence("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة")
    (8, 0)
    >>> evidence("او گفت که این کار را می کند")
    (0, 15)
    """
    persian = (
        3 * len(_PERSIAN_LETTER.findall(text))
        + 2 * len(_PERSIAN_WORD.findall(text))
        + 2 * len(_ZWNJ_IN_WORD.findall(text))
    )
    arabic = 2 * len(_ARABIC_WORD.findall(text)) + 2 * text.count("ة")
    return arabic, persian


def quick_guess(text: str) -> str | None:
    """The language when letters alone settle it cheaply, else None.

    Two teh marbuta and no Persian-only letter or ZWNJ is Arabic; two of those and no teh
    marbuta is Persian. Everything else needs the word evidence.
    """
    teh_marbuta = text.count("ة")
    persian = len(_PERSIAN_LETTER.findall(text)) + text.count(ZWNJ)
    if teh_marbuta >= 2 and not persian:
        return ARABIC
    if persian >= 2 and not teh_marbuta:
        return PERSIAN
    return None


def weigh(text: str, default: str | None = None) -> str | None:
    """The language the word evidence of ``text`` points to; ``default`` on a tie."""
    arabic, persian = evidence(text)
    if arabic == persian:
        return default
    return ARABIC if arabic > persian else PERSIAN


def classify(text: str) -> str:
    """``"ar"``, ``"fa"`` or ``"other"`` (no Arabic-script letters).

    >>> classify("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة")
    'ar'
    >>> classify("به گزارش خبرگزاري فارس، رئيس جمهور گفت")
    'fa'
    >>> classify("Breaking news")
    'other'
    """
    if not _ANY_LETTER.search(text):
        return OTHER
    language = quick_guess(text) or weigh(text)
    if language:
        return language
    persian_letters = len(_PERSIAN_YEH_KEHEH.findall(text))
    return PERSIAN if persian_letters > len(_ARABIC_YEH_KAF.findall(text)) else ARABIC


def is_mixed(text: str) -> bool:
    """True if ``text`` carries evidence of both languages, so its paragraphs may differ."""
    arabic, persian = evidence(text)
    return arabic > 0 and persian > 0


def describe(text: str) -> str:
    """The language of a document for `newsclean detect`: ``ar``, ``fa``, ``other``, or both
    (``ar+fa``, the larger first) when its paragraphs differ.

    >>> describe("قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\\nاو گفت که این کتاب است")
    'ar+fa'
    """
    overall = classify(text)
    if overall == OTHER or not is_mixed(text):
        return overall
    counts = {ARABIC: 0, PERSIAN: 0}
    for line in text.splitlines():
        language = quick_guess(line) or weigh(line)
        if language:
            counts[language] += 1
    if not all(counts.values()):
        return overall
    return "+".join(sorted(counts, key=lambda language: -counts[language]))
