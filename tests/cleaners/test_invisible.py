import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsclean.cleaners.invisible import remove_invisible
from tests.cleaners.contract import contract
from tests.strategies import scraped_text

ZWNJ, ZWJ = "\u200c", "\u200d"

CASES = [
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
    assert not any(ch in out for ch in "\u200b\u200e\u200f\u202e\u2066\u00ad\x00\x07")
