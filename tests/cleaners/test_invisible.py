import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsclean.cleaners.invisible import remove_invisible
from tests.cleaners.contract import contract
from tests.strategies import scraped_text

ZWNJ, ZWJ = "\u200c", "\u200d"

CASES = [
    ("\x1b[31mخبر عاجل\x1b[0m اليوم", "خبر عاجل اليوم"),
    # implicit marks: a run becomes one; one between letters of one direction goes
    ("قال\u200f\u200f (CNN)", "قال\u200f (CNN)"),
    ("و\u200fالمتحدث", "والمتحدث"),
    # an LRM or RLM typed for a ZWNJ, after a letter that joins the next (farsnews-0008 of the
    # shared corpus spells this name with a ZWNJ, an LRM and two LRMs): the ZWNJ it stands for
    ("ولی\u200eپور", "ولی\u200cپور"),
    ("به\u200eدليل", "به\u200cدليل"),
    ("می\u200f\u200e\u200fخواهند", "می\u200cخواهند"),
    ("هم\u064e\u200eچنین", "هم\u064e\u200cچنین"),
    ("مر\u200e\u200eغ", "مرغ"),  # after ر nothing joins: the marks change nothing there
    ("ویتامین\u200e های", "ویتامین های"),  # beside a space it is no ZWNJ
    ("word\u200eword", "wordword"),
    ("قال\u200b المتحدث", "قال المتحدث"),
    ("\u2060word\ufeff", "word"),
    ("co\u00adoperate", "cooperate"),
    ("\u200fقال\u200e", "قال"),
    ("\u061cعربي", "عربي"),
    ("\u202eعام 2015\u202c", "عام 2015"),
    ("\u2066x\u2069", "x"),
    ("a\x00b\x07c\x7fd\x9fe", "abcde"),
    ("a\x0cb\x0bc\x85d", "a b c d"),  # separating controls keep words apart
    ("می\u200c\u200cخواهد", "می\u200cخواهد"),  # ZWNJ run collapses
    ("\u200cمی", "می"),  # not between letters
    ("می\u200c ", "می "),
    ("ab\u200d", "ab"),  # ZWJ outside emoji
    ("ب\u200dب", "بب"),
    ("e\u0301", "\u00e9"),  # NFC
    ("\u0627\u0653", "\u0622"),  # alef + madda composes
]

UNCHANGED = [
    # a ZWJ at a word's edge shows an Arabic-script letter's joining form: the Hijri year's ه‍
    # (tweets of motazsaad/arabic-sentiment-analysis, the Persian standard's ه‍.ش), the
    # proclitic ك before a quote (almayadeen-0004); after a virama, a half form
    "الإمام الأعمش (ت١٤٨ه\u200d) قال",
    "سال ۱۴۰۲ ه\u200d.ش",
    'ك\u200d"أفضل وسيلة"',
    "क्\u200dष",
    # implicit marks with a job: beside brackets, digits, a Latin name, at a change of direction
    "استخدم الدالة\u200e()\u200e في الكود",
    "قال\u200f (CNN)\u200e إن",
    "اسم\u200eJavaScript\u200f.",
    "\u200fHello world",  # an RLM opening a Latin line makes it right to left
    "السعر 100\u200f$",
    "plain text\tand tab\nnew line\r\n",
    "قال المتحدث باسم الخارجية",
    "می\u200cخواهد و نمی\u200cتوانند",
    "کتاب\u200cها",
    "هم\u064e\u200cچنین",  # ZWNJ after a diacritic still sits between letters
    "👩\u200d💻 and 👨\u200d👩\u200d👧",
    "❤\ufe0f\u200d🔥",
    "a < b",
]

test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(remove_invisible, CASES, UNCHANGED)


@given(scraped_text)
def test_output_is_nfc(text):
    assert unicodedata.is_normalized("NFC", remove_invisible(text))


persian_words = st.lists(
    st.sampled_from(["می\u200cخواهد", "کتاب\u200cها", "است", "یک", "نمی\u200cشود", "گفت"]), max_size=20
)


@given(persian_words)
def test_persian_keeps_every_zwnj(words):
    text = " ".join(words)
    assert remove_invisible(text).count(ZWNJ) == text.count(ZWNJ)


@given(scraped_text)
def test_no_removable_character_survives(text):
    out = remove_invisible(text)
    assert not any(ch in out for ch in "\u200b\u202e\u2066\u00ad\x00\x07")


def _strong_direction(character: str) -> str | None:
    kind = unicodedata.bidirectional(character) if character else ""
    return "R" if kind in ("R", "AL") else "L" if kind == "L" else None


@given(scraped_text)
def test_an_implicit_mark_survives_only_with_a_job(text):
    """A mark left in the text is alone (runs collapse) and is not between two letters of one
    direction, where it could change nothing."""
    out = remove_invisible(text)
    for found in re.finditer("[\u200e\u200f\u061c]", out):
        before, after = out[found.start() - 1 : found.start()], out[found.end() : found.end() + 1]
        assert after not in ("\u200e", "\u200f", "\u061c")
        assert not (_strong_direction(before) and _strong_direction(before) == _strong_direction(after))


def test_a_mark_typed_for_a_zwnj_spells_the_word_as_its_zwnj_does(real_corpus):
    """farsnews-0008 writes one name three ways: with a ZWNJ, an LRM and two LRMs. Removing the
    marks made two spellings of it, `ولیپور` and `ولی‌پور`; cleaned, the three are one."""
    text = real_corpus["farsnews-0008.txt"]
    spellings = set(re.findall("ولی[\u200c\u200e\u200f]+پور", text))
    assert len(spellings) == 3
    assert set(re.findall("ولی[\u200c\u200e\u200f]*پور", remove_invisible(text))) == {"ولی\u200cپور"}
