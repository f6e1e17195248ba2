"""Hypothesis strategies shared by the property tests: text the way scrapers leave it."""

from hypothesis import strategies as st

# Characters that trip cleaners: Arabic and Persian letters and marks, joiners, bidi and
# control codes, every kind of space and line end, markup and separator characters.
TRICKY = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئپچژگکیە۰۱٠١0123456789"
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\u061c\u2060\ufeff\u00ad"
    "\x00\x07\x0b\x0c\x1c\x1f\x7f\x85\x9f"
    " \t\n\r\u00a0\u2002\u2009\u202f\u205f\u3000"
    "<>/&;#|•-–—=_*~.,;:!?،؛؟«»“”\"'()[]"
    "abcxyzABC"
    "👩💻❤\ufe0f"
)

# Pieces of real text where rules meet: tatweel beside marks and final letters, hamza and
# madda forms, quotes of both shapes and sides, the letters of Kurdish, Urdu and Pashto, implicit
# bidi marks, abbreviations, faces, lost-character question marks, mixed scripts.
REAL_PIECES = [
    "الـَـعربية", "كـتـابهـ", "هـ", "جـ", "لـ", "بـ", "ال", "و", "ة", "ى", "ي", "ی", "ک", "ك",
    "أ", "إ", "آ", "ا\u0653", "و\u0654", "ؤ", "ئ", "ء", "\u064b", "\u0651", "\u0640",
    "ئەو", "کەسە", "ڕۆژ", "ہے", "کے", "میں", "ٹی", "ښځه", "وايي", "ھ", "ە",
    "قال", "المتحدث", "می\u200cگوید", "گزارش", "۱۴۰۲", "٢٠٢٤", "2024", "CNN", "JavaScript",
    '"', "“", "”", "«", "»", "(", ")", "(ها)", "ق.ظ", ";)", ":-(", "??", "?", "..", "...", "!!!", "،",
    "\u200e", "\u200f", "\u061c", "\u200b", "\u00a0", "\t", "\x1b[31m", "</div>", "/p>", "&amp;",
    " | ", "-", " - ", "–", "•", "-----",
    " ", " ", " ", "\n",
]
real_pieces = st.lists(st.sampled_from(REAL_PIECES), max_size=40).map("".join)

scraped_text = (
    st.text(alphabet=st.sampled_from(TRICKY), max_size=200) | st.text(max_size=200) | real_pieces
)


def soup(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Text made of the pieces a cleaner reacts to, in any order: where its rules meet."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)
