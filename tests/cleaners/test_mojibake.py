from hypothesis import given
from hypothesis import strategies as st

from newsclean.cleaners.mojibake import fix_mojibake
from tests.cleaners.contract import contract

ARABIC = "السلام عليكم ورحمة الله"
PERSIAN = "می\u200cخواهد گفت که «این» است"


def mangle(text: str, codepage: str) -> str:
    return text.encode("utf-8").decode(codepage, errors="ignore" if codepage == "cp1252" else "strict")


CASES = [
    ("Ø§Ù„Ø³Ù„Ø§Ù…", "السلام"),
    (mangle(ARABIC, "latin-1"), ARABIC),
    (mangle(ARABIC, "cp1256"), ARABIC),
    (mangle(PERSIAN, "cp1256"), PERSIAN),
    (mangle(PERSIAN, "latin-1"), PERSIAN),
    # a mixed line keeps its good part and repairs the broken one
    ("قال المتحدث: " + mangle(ARABIC, "latin-1"), "قال المتحدث: " + ARABIC),
    ("قال المتحدث: " + mangle(ARABIC, "cp1256"), "قال المتحدث: " + ARABIC),
    ("English, then " + mangle("café", "latin-1"), "English, then café"),
]

UNCHANGED = [
    ARABIC,
    PERSIAN,
    "“curly quotes” and ‘single’ stay curly … and the ﬁ ligature too",
    "Øst, Ørsted, Ùnicode, Ãbc",
    "café, naïve, Zürich",
    "مع، ظهر؛ طب؟",  # Arabic letters before Arabic punctuation are not mangled bytes
    "خط« ظ» عپ",
    "plain ASCII text",
]

test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(fix_mojibake, CASES, UNCHANGED)




@given(st.text(alphabet=st.characters(whitelist_categories=["Lo"], min_codepoint=0x621, max_codepoint=0x64A), min_size=1, max_size=40))
def test_mangled_arabic_comes_back(word):
    for codepage in ("latin-1", "cp1256"):
        assert fix_mojibake(mangle(word, codepage)) == word or len(word) < 2
