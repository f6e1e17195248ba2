"""Arabic and Persian characters, each language spelled the way it spells itself."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import NamedTuple

from newsclean.cleaners.invisible import nfc
from newsclean.language import (
    ARABIC,
    OTHER_ARABIC_SCRIPT,
    PERSIAN,
    document_language,
    evidence,
    quick_guess,
    weigh,
)
from newsclean.lines import clean_flagged_lines
from newsclean.patterns import char_map, first_of, lazy, one_or_more, scan
from newsclean.protect import protection_for
from newsclean.tables.arabic import (
    ALEF_MAKSURA,
    ALEF_VARIANTS,
    ARABIC_LETTER,
    ARABIC_SCRIPT,
    ARABIC_YEH_FOR_PERSIAN,
    DIACRITICS,
    DIGITS,
    EXPANDED_LIGATURES,
    HEH_VARIANTS,
    OTHER_LANGUAGE_LETTERS,
    OTHER_MARKS,
    PERSIAN_ONLY_LETTERS,
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
# The foldings that change what the language is decided on (marks, alef, yeh, teh marbuta,
# digits): with any of them on, it is decided on the folded view. (The pipeline reads this
# too, to tell a document's language the same way.)
FOLDINGS_THAT_HIDE_EVIDENCE = ("strip_diacritics", "normalize_alef", "alef_maksura", "teh_marbuta", "ascii_digits")
# What a line or paragraph with too little evidence of its own is taken for: "keep" leaves
# its letters as written; the pipeline passes the document's language when it is clear.
DEFAULT_LANG_CHOICES = ("keep", ARABIC, PERSIAN, OTHER_ARABIC_SCRIPT)

_SCRIPT = scan(f"[{ARABIC_SCRIPT}]")
_LETTER = f"[{ARABIC_LETTER}]"
_LETTER_CHAR = lazy(_LETTER)
# The letters as a set, for walking over a word: a membership test costs a fifth of a match.
_LETTERS = frozenset(filter(_LETTER_CHAR.fullmatch, map(chr, range(0x600, 0x900))))
_MARK = f"[{DIACRITICS}{OTHER_MARKS}]"
_MARK_CHAR = lazy(_MARK)
_MARKS_SET = frozenset(filter(_MARK_CHAR.fullmatch, map(chr, range(0x600, 0x900))))
_OTHER_LANGUAGE_LETTER = lazy(f"[{OTHER_LANGUAGE_LETTERS}]")
_DIGIT = f"[{DIGITS}]"




# Presentation forms map to their letters in every language. (The heh variants do not: ە and
# ھ are Kurdish and Urdu letters, and only Arabic, where sites type them for ه, spells them ه.)
_PRESENTATION_FORMS = char_map(PRESENTATION_FORMS)
_HEH = char_map(HEH_VARIANTS)
_LIGATURES = char_map(EXPANDED_LIGATURES)
_TO_ARABIC = char_map(TO_ARABIC)
_TO_PERSIAN = char_map(TO_PERSIAN)
_PERSIAN_YEH = char_map(ARABIC_YEH_FOR_PERSIAN)
_ALEF = char_map(ALEF_VARIANTS)
_MAKSURA = char_map(ALEF_MAKSURA)
_TEH_MARBUTA = char_map(TEH_MARBUTA)
_ASCII_DIGITS = char_map(TO_ASCII_DIGITS)


# Proclitics a ى word may carry.
_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "")
# The words Arabic ends with ى, without their ى, with each proclitic they may carry.
_MAKSURA_STEMS = frozenset(
    proclitic + word[:-1] for proclitic in _PROCLITICS for word in WORDS["alef_maksura_words"]
)
_FINAL_PERSIAN_YEH = lazy(f"ی(?!{_LETTER})")
_CANONICAL_LETTERS = str.maketrans("یک", "يك")


def _final_yeh(match: re.Match[str]) -> str:
    """What a final ی stands for in Arabic. Vowel marks tell: alef maksura carries none but
    tanween fath or a dagger alef (`هُدىً`, `عَلَىٰ`), and the letter before it carries a fatha
    (`عَلَی`, `اسْتَخْفَی`, `رِضًی`); a yeh carries its own vowel or sukun, or follows a kasra
    (`فِی`, `عَلَیَّ`). Without marks, the words Arabic spells with ى (with any proclitic) take
    it, and the others ي."""
    text, position = match.string, match.start()
    end = position + 1
    while end < len(text) and text[end] in _MARKS_SET:
        end += 1
    if end > position + 1:
        return "ى" if set(text[position + 1 : end]) <= _MARKS_OF_ALEF_MAKSURA else "ي"
    start = position
    while start > 0 and text[start - 1] in _MARKS_SET:
        start -= 1
    before = text[start:position]
    if _FATHA in before or _FATHATAN in before:
        return "ى"
    if _KASRA in before:
        return "ي"
    word = _word_before(text, position, over_marks=True).translate(_CANONICAL_LETTERS)
    return "ى" if word in _MAKSURA_STEMS else "ي"


_FATHA, _FATHATAN, _KASRA = "\u064e", "\u064b", "\u0650"
_MARKS_OF_ALEF_MAKSURA = frozenset((_FATHATAN, "\u0670"))


# (Marks on a tatweel between digits, which medial presentation forms of marks decompose to,
# go with it.)
_TATWEEL_BETWEEN_DIGITS = scan(f"{TATWEEL}(?<={_DIGIT}{TATWEEL})(?:{TATWEEL}|{_MARK})*(?={_DIGIT})")
_TATWEEL_AFTER_LETTER = scan(f"{TATWEEL}(?<=(?:{_LETTER}|{_MARK}){TATWEEL}){TATWEEL}*")
_LETTER_AFTER_MARKS = lazy(f"{_MARK}*{_LETTER}")
# A word of one letter shows its joining form with a tatweel: an enumerator (أ - ب - جـ), a
# suffix cited alone (یـ), the Hijri era mark هـ; so does اهـ, "end of quotation" (انتهى).
_PREFIX_WORD = lazy(f"[وف]?(?:ال|لل|بال|[كک]ال|[بلكک])|{_LETTER}|اه")
_MARK_CLUSTER = scan(f"{_MARK}{_MARK}+")
_MARKS = scan(one_or_more(_MARK))


def _marks_out_of_order() -> list[tuple[str, str]]:
    """For each combining class of the marks, ``(marks, rest)``: a mark followed by one of the
    same or a lower class, which `_dedupe_marks` moves or drops. (A cluster in the order it
    sorts them, each mark once, shadda and its vowel as typed in clean text, is left alone.)"""
    classes: dict[int, str] = {}
    for mark in sorted(_MARKS_SET):
        level = unicodedata.combining(mark)
        classes[level] = classes.get(level, "") + mark
    return [
        (re.escape(marks), "(?=[" + re.escape("".join(m for c, m in classes.items() if c <= level)) + "])")
        for level, marks in classes.items()
    ]


# The lines `_fix_letters` may change: a presentation form, a tatweel the rules do not leave
# as it is (`_tatweel_stays` tells), two marks out of order.
_LETTERS_TO_LOOK_AT = ((re.escape("".join(PRESENTATION_FORMS)) + TATWEEL, ""), *_marks_out_of_order())
_LETTERS_NEED_A_LOOK = first_of(*_LETTERS_TO_LOOK_AT)
_REPEATED_LETTER = lazy(f"({_LETTER})\\1{{2,}}")
_UPPER = "A-Z\u00c0-\u00de\u0100-\u024f"
# Runs of upper-case Latin letters, and the field tags of a TREC/SGML record (`<DOCNO>`,
# `</TEXT>`), which stay: `html` keeps a record's fields by their upper case, and would strip
# a `<title>` on the next cleaning.
_LATIN_UPPER_OR_FIELD_TAG = lazy(f"[<{_UPPER}](?:(?<=<)/?{SGML_FIELD_NAME}>|(?<!<)[{_UPPER}]*)")


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
    default_lang: str = "keep",
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
    if default_lang not in DEFAULT_LANG_CHOICES:
        raise ValueError(f"default_lang must be one of {', '.join(DEFAULT_LANG_CHOICES)}, not {default_lang!r}")
    if _SCRIPT.search(text):
        # Every change is made between the URLs, if the text holds any; everything that does
        # not depend on the language comes first, so the language is decided on text that
        # cleaning will not change again.
        protect = protection_for(text)
        before = functools.partial(
            _before_the_language, ligatures=expand_ligatures, marks=strip_diacritics, repeats=collapse_repeats
        )
        text = protect(before)(text)
        # (FOLDINGS_THAT_HIDE_EVIDENCE, spelled out: a lookup per block would cost more)
        folded = strip_diacritics or normalize_alef or alef_maksura or teh_marbuta or ascii_digits
        foldings = _Foldings(normalize_alef, alef_maksura, teh_marbuta, collapse_repeats, ascii_digits)
        document = None if default_lang == "keep" else default_lang
        runs = _runs_by_language(text, lang, folded, document)
        if document == OTHER_ARABIC_SCRIPT:
            spellers = _SPELLERS_FOLDED_IN_ANOTHER_LANGUAGE if folded else _SPELLERS_IN_ANOTHER_LANGUAGE
        else:
            spellers = _SPELLERS_FOLDED if folded else _SPELLERS
        text = "".join(_spelled(run, spellers[language], foldings.for_language(language), protect) for run, language in runs)
    if lowercase_latin:
        # Lowercasing can decompose (İ becomes i and a combining dot): put the text back in NFC.
        text = nfc(protection_for(text)(_lowercase_latin)(text))
    return text


def _lowercase_latin(text: str) -> str:
    return _LATIN_UPPER_OR_FIELD_TAG.sub(_lower_unless_a_tag, text)


def _lower_unless_a_tag(match: re.Match[str]) -> str:
    run = match.group()
    return run if run.startswith("<") else run.lower()


def _fix_letters(line: str) -> str:
    letters = _PRESENTATION_FORMS(line)
    if letters != line:
        # A form's letter composes with a mark typed after it (ﺎ and a maddah are آ), which
        # the NFC of `invisible`, before, could not see.
        letters = nfc(letters)
    if TATWEEL in letters:
        letters = _fix_tatweel(letters)
    return _MARK_CLUSTER.sub(_dedupe_marks, letters)


def _before_the_language(text: str, *, ligatures: bool, marks: bool, repeats: bool) -> str:
    if ligatures:
        text = _LIGATURES(text)  # (its letters and the presentation forms' are apart)
    if marks:
        # Before the tatweels are looked at: one that carried marks carries nothing now.
        # (Marks may come as presentation forms: those are mapped first.)
        text = _MARKS.sub("", _PRESENTATION_FORMS(text))
    text = clean_flagged_lines(text, _LETTERS_NEED_A_LOOK, _fix_letters, unless=_tatweel_stays)
    return _REPEATED_LETTER.sub(r"\1", text) if repeats else text


def _spelled(
    run: str, speller: Callable[[str], str], foldings: _Foldings, protect: Callable[[Callable[[str], str]], Callable[[str], str]]
) -> str:
    # A URL's letters count as its line's evidence, and stay as they are (`/الخارجیة-الإیرانیة`).
    if speller is _keep and not any(foldings):
        return run  # (most runs of a news text: nothing to look for, in URLs or out)
    return protect(lambda text: _fold(speller(text), foldings))(run)


def _tatweel_stays(match: re.Match[str]) -> bool:
    """Whether `_fix_tatweel` leaves the tatweel found as it is: one alone that carries marks,
    that follows a word `_drop_tatweel` keeps it after before what is not a letter (`بـ"داعش"`,
    `الـ27`, `هـ`), or that follows neither a letter, a mark nor a digit (a line's `ـــ`)."""
    text, position = match.string, match.start()
    if match.group() != TATWEEL:
        return False
    before = text[position - 1] if position else ""
    after = text[position + 1 : position + 2]
    if TATWEEL in (before, after):
        return False
    if before in _MARKS_SET or (before in _LETTERS and after in _MARKS_SET):
        return after in _MARKS_SET
    if before in _LETTERS:
        return after not in _LETTERS and _PREFIX_WORD.fullmatch(_word_before(text, position)) is not None
    return not before.isdigit()


def _fix_tatweel(text: str) -> str:
    text = _TATWEEL_BETWEEN_DIGITS.sub("-", text)
    return _TATWEEL_AFTER_LETTER.sub(_drop_tatweel, text)


def _drop_tatweel(match: re.Match[str]) -> str:
    # Kept (one of them): the tatweel that holds a proclitic apart from a quote, a number or a
    # Latin word (لـ"جيش", الـ 6, بـ2000), and the one after a word of one letter (هـ, جـ).
    text, start, end = match.string, match.start(), match.end()
    if _MARK_CHAR.match(text, end):
        return TATWEEL  # one tatweel carries the marks typed on it: without it they would move
    if _LETTER_AFTER_MARKS.match(text, end):
        return ""  # stretching inside a word
    return TATWEEL if _PREFIX_WORD.fullmatch(_word_before(text, start)) else ""


def _word_before(text: str, end: int, *, over_marks: bool = False) -> str:
    """The letters of the word that ends at ``end``. The walk back goes over the tatweels that
    stretch it (a first cleaning removes them: the word must be the same then) and, if asked,
    over its vowel marks; a word is short, the text before it may not be."""
    start = end
    while start > 0 and (
        text[start - 1] in _LETTERS or text[start - 1] == TATWEEL or (over_marks and text[start - 1] in _MARKS_SET)
    ):
        start -= 1
    return "".join(character for character in text[start:end] if character in _LETTERS)


def _dedupe_marks(match: re.Match[str]) -> str:
    # One of each mark on a letter, in canonical order (by combining class, as NFC orders them).
    unique = dict.fromkeys(match.group())
    return "".join(sorted(unique, key=unicodedata.combining))


def _runs_by_language(text: str, lang: str, folded: bool, document: str | None) -> Iterator[tuple[str, str | None]]:
    """Runs of lines of ``text`` with the language each is to be spelled in (None: as it is);
    ``document`` is the language of the document they come from, when it is known."""
    if lang != "auto":
        yield text, lang
        return
    if not _LETTER_CHAR.search(text):
        yield text, None  # digits alone do not tell the language
        return
    quick = quick_guess(text, folded=folded) if document != OTHER_ARABIC_SCRIPT else None
    if quick:
        if not _ANOTHER_LANGUAGE_OR_RESPELLED[quick].search(text):
            yield text, None  # (what its speller would find is not there: one scan for two)
            return
        if not _OTHER_LANGUAGE_LETTER.search(text):
            if text.count("\n", 0, len(text) - 1) == 0:
                yield text, _unless_quoted(quick, _context_of_a_line(document))
            else:
                yield from _runs_whose_lines_agree(text, quick, folded, document)
            return
    # Each paragraph (line) on its own evidence. One with none of its own (a name, a number,
    # a hashtag, a short list item) follows its block's evidence, else its document's; where
    # neither tells, nothing tells junk from intent, and its letters stay as they are.
    lines = text.splitlines(keepends=True)
    languages = [weigh(line, None, folded=folded, document=document) for line in lines]
    # What the block tells clearly (one language's evidence twice the other's), for its lines
    # that tell nothing themselves: in a block of both languages, a caption or a name could be
    # either, and keeps its letters.
    block = document_language(text, folded=folded)
    if None in languages:
        default = (block if block == weigh(text, None, folded=folded, document=document) else None) or document
        # (A line whose little evidence is all the other language's keeps its letters: spelled
        # by its block, its words with پ چ ژ گ would keep theirs, and the line mix both.)
        languages = [
            language or (None if default in (ARABIC, PERSIAN) and _all_evidence_against(line, default, folded) else default)
            for line, language in zip(lines, languages, strict=True)
        ]
    # A line in another language than its paragraph's (or, where the paragraph does not tell
    # clearly, its document's) is a quotation; a paragraph of one line is no context for itself.
    context = (_context_of_a_line(document) if len(lines) == 1 else None) or block or document
    languages = [_unless_quoted(language, context) for language in languages]
    # A run of lines in one language is spelled at once (spellers keep to their line anyway):
    # a call per line cost more than the spelling.
    for language, run in itertools.groupby(zip(lines, languages, strict=False), key=itemgetter(1)):
        yield "".join(line for line, _ in run), language


def _runs_whose_lines_agree(text: str, language: str, folded: bool, document: str | None) -> Iterator[tuple[str, str | None]]:
    """The runs of a block of lines whose letters say ``language``. Letters settle a paragraph,
    not each of many lines: a line the speller would change keeps its letters where its own
    evidence is all the other language's (a Persian tweet without پ چ ژ گ or a ZWNJ, in a dump
    of Arabic ones). A line with some evidence of ``language`` goes with its block: a vowelled
    Arabic verse reads as Persian words once its marks are set aside (بِهِ is به, هُمْ is هم)."""
    respelled = _RESPELLED_IN[language]
    lines = text.splitlines(keepends=True)
    languages = [None if respelled.search(line) and _all_evidence_against(line, language, folded) else language for line in lines]
    for spelled_as, run in itertools.groupby(zip(lines, languages, strict=True), key=itemgetter(1)):
        yield "".join(line for line, _ in run), spelled_as


def _all_evidence_against(line: str, language: str, folded: bool) -> bool:
    """Whether ``line`` has no evidence of ``language`` and some of the other one."""
    # (A sign of the line's own language, found at memory speed, settles most lines: the
    # evidence costs a word count.)
    if language == ARABIC and not folded and "ة" in line:
        return False
    if language == PERSIAN:
        if any(map(line.__contains__, PERSIAN_ONLY_LETTERS)):
            return False
        # A vowel mark keeps a line with an Arabic block, but takes none out of a Persian one:
        # Persian writes the kasra of the ezafe (عنصرِ بی اراده).
        line = _MARKS.sub("", line)
    arabic, persian = evidence(line, folded=folded)
    own, other = (arabic, persian) if language == ARABIC else (persian, arabic)
    return own == 0 and other > 0


def _context_of_a_line(document: str | None) -> str | None:
    """What a paragraph of one line is read against: its document's language, when known. A
    line of a Persian poem that quotes `«لا» و «الا»` is no Arabic paragraph (two Arabic words
    are all its evidence), nor a Persian book's line of an Arabic verse; each is a quotation."""
    return document if document in (ARABIC, PERSIAN) else None


def _unless_quoted(language: str | None, context: str | None) -> str | None:
    """None (letters as written) for an Arabic or Persian line in a paragraph or document in
    another language: a quotation, spelled as its publisher spells it. A Persian book writes
    Arabic verses and formulas (`علیه السلام`, `رضی الله عنه`) with Persian ی and ک, and a
    Persian line that a word shared with Arabic (`کان`, `فی`) or a vowel mark tipped towards
    Arabic stays Persian. (A paragraph, not only the document: a crawl's dump holds articles
    of both languages, each spelled as its own.)"""
    if context is not None and language in (ARABIC, PERSIAN) and language != context:
        return None
    return language


def _spell_arabic(text: str, *, folded: bool = False) -> str:
    return _spelled_apart_from_the_other_language(text, _spell_arabic_letters, PERSIAN, folded)


def _spell_arabic_keeping_heh(text: str, *, folded: bool = False) -> str:
    # In a Kurdish or Urdu document, the ە of an Arabic line is the document's letter: folded,
    # it would no longer tell the document's language, and a second cleaning would differ.
    return _spelled_apart_from_the_other_language(text, _spell_arabic_letters_keeping_heh, PERSIAN, folded)


def _spell_arabic_letters(text: str) -> str:
    return _spell_arabic_letters_keeping_heh(_HEH(text))


def _spell_arabic_letters_keeping_heh(text: str) -> str:
    text = _TO_ARABIC(text)
    if "ی" in text:
        text = _FINAL_PERSIAN_YEH.sub(_final_yeh, text)
        text = _PERSIAN_YEH(text)
    return text


def _spell_persian(text: str, *, folded: bool = False) -> str:
    return _spelled_apart_from_the_other_language(text, _spell_persian_letters, ARABIC, folded)


def _spell_persian_letters(text: str) -> str:
    # (ە and ھ stay: Persian does not write them, so a Persian line holding them quotes
    # Kurdish or Urdu, where they are letters.)
    return _TO_PERSIAN(text)


# What a line of one language quotes of the other keeps its spelling: a word holding a letter
# only Persian has (`گزارش` in an Arabic line keeps its ی and ک), and a quotation whose own
# evidence is the other language's.
_PERSIAN_ONLY_LETTER = scan(f"[{PERSIAN_ONLY_LETTERS}]")
_QUOTATION = lazy('«[^«»\\n]+»|"[^"\\n]+"|[“”][^“”\\n]+[“”]')
_QUOTE_MARK = scan('[«"“”]')
# What each speller changes, from its tables (tests/test_gates.py holds them to the spellers).
_RESPELLED_IN_AN_ARABIC_LINE = scan(f"[{''.join(TO_ARABIC)}{''.join(HEH_VARIANTS)}ی]")
_RESPELLED_IN_A_PERSIAN_LINE = scan(f"[{''.join(TO_PERSIAN)}]")
_RESPELLED_IN = {ARABIC: _RESPELLED_IN_AN_ARABIC_LINE, PERSIAN: _RESPELLED_IN_A_PERSIAN_LINE}
# A text whose letters settle its language spells nothing when it holds neither a letter of
# the other Arabic-script languages nor one its speller changes.
_ANOTHER_LANGUAGE_OR_RESPELLED = {
    ARABIC: scan(f"[{OTHER_LANGUAGE_LETTERS}{''.join(TO_ARABIC)}{''.join(HEH_VARIANTS)}ی]"),
    PERSIAN: scan(f"[{OTHER_LANGUAGE_LETTERS}{''.join(TO_PERSIAN)}]"),
}


def _spelled_apart_from_the_other_language(
    text: str, speller: Callable[[str], str], other: str, folded: bool = False
) -> str:
    respelled = _RESPELLED_IN[ARABIC if other == PERSIAN else PERSIAN]
    if not respelled.search(text):
        return text  # (most runs of clean text: nothing to spell, no quotation to weigh)
    spans = _spans_of_the_other_language(text, other, respelled, folded)
    if not spans:
        return speller(text)
    pieces, start = [], 0
    for span_start, span_end in spans:
        pieces += [speller(text[start:span_start]), text[span_start:span_end]]
        start = span_end
    pieces.append(speller(text[start:]))
    return "".join(pieces)


def _spans_of_the_other_language(
    text: str, other: str, respelled: re.Pattern[str], folded: bool = False
) -> list[tuple[int, int]]:
    """Quotations whose evidence is ``other``'s and, in an Arabic text, the words holding a
    letter only Persian has; sorted, overlaps merged. (Each found from a class or a literal:
    a pattern opening with a run of letters was tried at every position.) With the search
    foldings a quotation is weighed on the evidence they leave: `«العربية»` in a Persian line
    is Arabic by its ة alone, which the folding takes away, and the second cleaning would
    spell it Persian."""
    spans = []
    if _QUOTE_MARK.search(text):
        # Only a quotation the speller would change is worth weighing.
        spans += [
            found.span()
            for found in _QUOTATION.finditer(text)
            if respelled.search(found.group()) and weigh(found.group(), None, folded=folded) == other
        ]
    if other == PERSIAN:
        for found in _PERSIAN_ONLY_LETTER.finditer(text):
            start, end = found.start(), found.end()
            while start > 0 and text[start - 1] in _LETTERS:
                start -= 1
            while end < len(text) and text[end] in _LETTERS:
                end += 1
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _keep(text: str) -> str:
    return text


_SPELLERS: dict[str | None, Callable[[str], str]] = {
    ARABIC: _spell_arabic,
    PERSIAN: _spell_persian,
    OTHER_ARABIC_SCRIPT: _keep,
    None: _keep,
}
_SPELLERS_IN_ANOTHER_LANGUAGE = {**_SPELLERS, ARABIC: _spell_arabic_keeping_heh}
_SPELLERS_FOLDED: dict[str | None, Callable[[str], str]] = {
    **_SPELLERS,
    ARABIC: functools.partial(_spell_arabic, folded=True),
    PERSIAN: functools.partial(_spell_persian, folded=True),
}
_SPELLERS_FOLDED_IN_ANOTHER_LANGUAGE: dict[str | None, Callable[[str], str]] = {
    **_SPELLERS_FOLDED,
    ARABIC: functools.partial(_spell_arabic_keeping_heh, folded=True),
}


class _Foldings(NamedTuple):
    alef: bool
    maksura: bool
    teh: bool
    repeats: bool
    digits: bool

    def for_language(self, language: str | None) -> _Foldings:
        if language != OTHER_ARABIC_SCRIPT:
            return self
        # Kurdish, Urdu, ... have letters of their own where Arabic folds alef, yeh and heh.
        return self._replace(alef=False, maksura=False, teh=False, repeats=False, digits=False)


def _fold(text: str, foldings: _Foldings) -> str:
    if foldings.alef:
        text = _ALEF(text)
    if foldings.maksura:
        text = _MAKSURA(text)
    if foldings.teh:
        text = _TEH_MARBUTA(text)
    if foldings.repeats:
        text = _REPEATED_LETTER.sub(r"\1", text)
    if foldings.digits:
        text = _ASCII_DIGITS(text)
    return text
