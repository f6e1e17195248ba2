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

scraped_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=200) | st.text(max_size=200)


def soup(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Text made of the pieces a cleaner reacts to, in any order: where its rules meet."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)
