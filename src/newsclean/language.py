"""Which language an Arabic-script text is written in: Arabic, Persian, or other.

Letter shares alone mislead: Arabic typed on a Persian keyboard writes every ي as ی, and old
Persian text uses Arabic ي and ك throughout. The classifier weighs stronger evidence first —
letters only Persian has, the commonest function words of each language, ZWNJ inside words,
teh marbuta, diacritics, Persian digits — and falls back to the letter shares only when a text
holds none of it. Words both languages (or dialect Arabic) use, and names, are no evidence.

Kurdish, Urdu, Pashto, Sindhi, Uyghur and Malay (Jawi) are written in the same script with
letters of their own; a text whose words carry those is ``OTHER_ARABIC_SCRIPT``, and nobody respells it.

The `arabic` cleaner must decide the same way on its own output, or cleaning twice would differ
from cleaning once. So words are matched whatever yeh and kaf they are typed with (the cleaner
changes those), and in ``folded`` mode (the search foldings) also whatever alef, final heh or
teh marbuta and diacritics they carry, and teh marbuta stops counting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsclean.patterns import char_map, lazy, one_or_more, scan
from newsclean.tables.arabic import (
    ARABIC_LETTER,
    ARABIC_MARKS,
    DIACRITICS,
    OTHER_LANGUAGE_LETTERS,
    PERSIAN_DIGITS,
    PERSIAN_ONLY_LETTERS,
    TATWEEL,
    WORDS,
    ZWNJ,
)

ARABIC, PERSIAN, OTHER = "ar", "fa", "other"
# Kurdish, Urdu, Pashto, Sindhi, Uyghur, Malay: Arabic script, neither Arabic nor Persian.
OTHER_ARABIC_SCRIPT = "other-arabic-script"

_LETTER = f"[{ARABIC_LETTER}]"
_ANY_LETTER = lazy(_LETTER)
# پ and ژ are Persian's alone; Iraqi and Gulf Arabic write چ and گ too, so those weigh less.
_STRONG_PERSIAN_LETTERS = "پژ"
_WEAK_PERSIAN_LETTERS = "چگ"
_ZWNJ_IN_WORD = scan(f"{ZWNJ}(?<={_LETTER}{ZWNJ})(?={_LETTER})")
_PERSIAN_YEH_KEHEH = scan("[یک]")
_ARTICLE = scan(f"[اأإآٱ](?<!{_LETTER}.)ل")
_ARABIC_YEH_KAF = scan("[يكى]")

_WORD = scan(one_or_more(_LETTER))
_MARKS = lazy(f"[{DIACRITICS}]")
_ALL_MARKS = lazy(f"[{ARABIC_MARKS}]")
_OTHER_LANGUAGE_LETTER = lazy(f"[{OTHER_LANGUAGE_LETTERS}]")
# A word written with its vowels is Arabic (Persian writes at most tanween on adverbs: `اصلاً`).
_VOWELLED_WORD = scan(f"[\u064c-\u0652](?<={_LETTER}.)")  # (a scan from the vowel: letters are everywhere)
_PERSIAN_DIGIT = scan(f"[{PERSIAN_DIGITS}]")
_ASCII_DIGITS = char_map(dict(zip(PERSIAN_DIGITS, "0123456789", strict=True)))
# The least score that decides a language: one listed word, one teh marbuta, one ZWNJ.
_LEAST_EVIDENCE = 2
# Words of another Arabic-script language, as a share of a text's words, that make it one.
_OTHER_LANGUAGE_SHARE = 0.1


def _keyboard_view(text: str) -> str:
    """``text`` with one yeh and one kaf, whichever keyboard typed them, and no tatweel: the
    cleaner changes those, so evidence must not depend on them (a tatweel splits a word)."""
    return text.replace("ی", "ي").replace("ى", "ي").replace("ک", "ك").replace(TATWEEL, "")


def _folded_view(text: str) -> str:
    """In folded mode every alef, yeh, kaf and heh/teh marbuta variant is one letter and marks
    are gone: the search foldings cannot change this view, so they cannot change the decision.
    (A chain of replacements runs many times faster than `str.translate` here.)"""
    text = _MARKS.sub("", text)
    for variant in "أإآٱ":
        text = text.replace(variant, "ا")
    return _keyboard_view(text).replace("ة", "ه")


def _word_lists(view: Callable[[str], str]) -> tuple[frozenset[str], frozenset[str]]:
    # Words are compared letters only; folding merges some words of the two languages
    # (آن and أن): those tell nothing.
    def letters(word: str) -> str:
        return "".join(_WORD.findall(view(word)))

    arabic = {letters(word) for word in WORDS["arabic_words"]}
    persian = {letters(word) for word in WORDS["persian_words"]}
    shared = {letters(word) for word in WORDS["shared_words"]}
    return frozenset(arabic - persian - shared), frozenset(persian - arabic - shared)


_VIEWS = {False: _keyboard_view, True: _folded_view}
_WORD_LISTS = {folded: _word_lists(view) for folded, view in _VIEWS.items()}


def evidence(text: str, *, folded: bool = False, letters: bool = True) -> tuple[int, int]:
    """``(arabic, persian)`` scores of ``text``; both 0 when it carries no evidence. Without
    ``letters``, پ چ ژ گ do not count (in Kurdish or Urdu text they are that language's too).

    >>> evidence("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة")
    (8, 0)
    >>> evidence("او گفت که این کار را می کند")
    (0, 9)
    """
    text = _VIEWS[folded](text)
    # A word is a run of letters; set lookups count the listed ones at C speed.
    words = _WORD.findall(text)
    arabic_words, persian_words = _WORD_LISTS[folded]
    persian = 2 * sum(map(persian_words.__contains__, words)) + 2 * len(_ZWNJ_IN_WORD.findall(text))
    if letters:
        persian += 3 * _count(_STRONG_PERSIAN_LETTERS, text) + _count(_WEAK_PERSIAN_LETTERS, text)
    arabic = 2 * sum(map(arabic_words.__contains__, words))
    if not folded:
        # The foldings remove marks and change digits: in folded mode neither may count. Each
        # counts as one word at most: Persian articles quote vowelled verses of the Quran.
        arabic += 2 * text.count("ة") + 2 * _any(_VOWELLED_WORD, text)
        persian += 2 * _any(_PERSIAN_DIGIT, text)
    return arabic, persian


def _count(letters: str, text: str) -> int:
    # (`str.count` per letter runs at memory speed and builds no list of matches.)
    return sum(text.count(letter) for letter in letters)


def _any(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


def is_other_language(text: str) -> bool:
    """Whether ``text`` is Kurdish, Urdu, Pashto, Sindhi, Uyghur or Malay: one word in ten (and at
    least one) carries a letter of theirs, and those words outweigh its Arabic evidence. A stray
    one in a long Arabic line, or beside Arabic words and teh marbuta, does not count.

    >>> is_other_language("ئەو کەسەی لە شارەکە دەژی")
    True
    >>> is_other_language("پاکستان کے وزیراعظم نے کہا")
    True
    >>> is_other_language("قال المتحدث باسم الوزارة")
    False
    >>> is_other_language("هذه القضية ەي")
    False
    """
    if not _OTHER_LANGUAGE_LETTER.search(text):
        return False
    # Words whole: neither a tatweel nor a diacritic splits one (cleaning may take them away).
    words = _WORD.findall(_ALL_MARKS.sub("", text.replace(TATWEEL, "")))
    other_words = sum(1 for word in words if _OTHER_LANGUAGE_LETTER.search(word))
    if other_words < max(1, _OTHER_LANGUAGE_SHARE * len(words)):
        return False
    # (Diacritics do not count against them: Urdu and Kurdish write vowels too.)
    arabic_words = sum(map(_WORD_LISTS[False][0].__contains__, words)) + text.count("ة")
    return other_words > arabic_words


def quick_guess(text: str, *, folded: bool = False) -> str | None:
    """The language when letters alone settle it cheaply, else None.

    Two teh marbuta and no Persian-only letter or ZWNJ is Arabic; two of پ, ژ and ZWNJ, one in
    a hundred words at least, and no teh marbuta is Persian (چ and گ are Iraqi and Gulf Arabic
    too). Everything else needs the word evidence.

    >>> quick_guess("او می\u200cگوید که پدرش آمد")
    'fa'
    >>> quick_guess("قال الوزير ان الشركه ستفتح فرعا جديدا " * 200 + "پ\u200cپ") is None  # ة written ه
    True
    """
    if _none_one_or_two(text, PERSIAN_ONLY_LETTERS + ZWNJ) == 0:
        persian = 0
    else:
        persian = _none_one_or_two(text, "پژ" + ZWNJ)
        if not persian:
            return None  # only چ or گ: it takes the words to tell
    if folded:
        # Teh marbuta may be folded away; the definite article, with any alef, is not: a
        # quarter of Arabic words open with it, a few in a hundred Persian ones.
        articles = len(_ARTICLE.findall(text))
        if articles >= 3 and articles * 10 >= text.count(" ") and not persian:
            return ARABIC
        if persian >= 2 and articles * 25 < text.count(" "):
            return PERSIAN
        return None
    teh_marbuta = _none_one_or_two(text, "ة")
    if teh_marbuta >= 2 and not persian:
        return ARABIC
    if persian >= 2 and not teh_marbuta and _one_in_a_hundred_words(text, "پژ" + ZWNJ):
        return PERSIAN
    return None


def _one_in_a_hundred_words(text: str, characters: str) -> bool:
    """Whether ``characters`` occur once in a hundred words of ``text`` (600 characters) or
    more often. Two in a long text tell nothing: Arabic tweets that write ة as ه, a block of
    700 of them, held two stray ZWNJs and were spelled Persian whole. (Measured: the Persian
    articles of the shared corpus hold 2 to 16 in a hundred words, that block 0.03.) Counted
    against the length, which cleaning barely changes, so that a second cleaning decides the
    same; a text shorter than 1,200 characters needs only the two."""
    return 600 * sum(map(text.count, characters)) >= len(text)


def _none_one_or_two(text: str, characters: str) -> int:
    """How many of ``characters`` ``text`` holds, counted up to two: all the quick guess needs.
    (`str.find` runs at memory speed and stops early, faster than a pattern or a count.)"""
    found = 0
    for character in characters:
        first = text.find(character)
        if first >= 0:
            found += 1 if text.find(character, first + 1) < 0 else 2
            if found >= 2:
                return 2
    return found


def weigh(text: str, default: str | None, *, folded: bool = False, document: str | None = None) -> str | None:
    """The language the evidence of ``text`` points to; ``default`` when it does not.

    In a ``document`` of another Arabic-script language a line is Arabic or Persian only by
    two words of its own (a quoted verse), never by letters that language shares.
    """
    if is_other_language(text):
        return OTHER_ARABIC_SCRIPT
    within_another = document == OTHER_ARABIC_SCRIPT
    quick = None if within_another else quick_guess(text, folded=folded)
    if quick:
        return quick
    arabic, persian = evidence(text, folded=folded, letters=not within_another)
    least = 2 * _LEAST_EVIDENCE if within_another else _LEAST_EVIDENCE
    if arabic == persian or max(arabic, persian) < least:
        return default  # a name, a hashtag, one چ or گ: not enough to respell anything
    return ARABIC if arabic > persian else PERSIAN


def document_language(text: str, *, folded: bool = False) -> str | None:
    """The language of a document from a sample of it, when the evidence is clear: one side
    at least twice the other. The lines too short to tell take it.

    >>> document_language("ئەو کەسەی لە شارەکە دەژی\\nژووری دانیشتن")
    'other-arabic-script'
    >>> document_language("قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\\nأحمد")
    'ar'
    """
    if is_other_language(text):
        return OTHER_ARABIC_SCRIPT
    # Digits do not count here: cleaning turns a Persian line's digits Persian, which must not
    # make a document that told nothing tell Persian on the second cleaning.
    arabic, persian = evidence(_ASCII_DIGITS(text), folded=folded)
    if max(arabic, persian) < 2 * _LEAST_EVIDENCE or max(arabic, persian) < 2 * min(arabic, persian):
        return None
    return ARABIC if arabic > persian else PERSIAN


def classify(text: str, *, folded: bool = False) -> str:
    """``"ar"``, ``"fa"``, ``"other-arabic-script"`` (Kurdish, Urdu, ...) or ``"other"`` (no
    Arabic-script letters).

    >>> classify("المتحدث باسم الخارجیة الإیرانیة فی الأیام المقبلة")
    'ar'
    >>> classify("به گزارش خبرگزاري فارس، رئيس جمهور گفت")
    'fa'
    >>> classify("Breaking news")
    'other'
    """
    if not _ANY_LETTER.search(text):
        return OTHER
    return weigh(text, None, folded=folded) or by_letter_shares(text)


def by_letter_shares(text: str) -> str:
    # The last resort. After the cleaner has spelled a text one way, the shares point the
    # same way again, so this too decides the same on the cleaner's output.
    persian_letters = len(_PERSIAN_YEH_KEHEH.findall(text))
    return PERSIAN if persian_letters > len(_ARABIC_YEH_KAF.findall(text)) else ARABIC


def describe(text: str) -> str:
    """The language of a document for `newsclean detect`: ``ar``, ``fa``, ``other``, or both
    (``ar+fa``, the larger first) when its paragraphs differ.

    >>> describe("قال المتحدث في المؤتمر إن الوزير سيزور المنطقة\\nاو گفت که این کتاب است")
    'ar+fa'
    """
    overall = classify(text)
    if overall == OTHER:
        return overall
    counts = {ARABIC: 0, PERSIAN: 0}
    for line in text.splitlines():
        language = weigh(line, OTHER)
        if language is not None and language != OTHER:
            counts[language] += 1
    if not all(counts.values()):
        return overall
    return "+".join(sorted(counts, key=lambda language: -counts[language]))
