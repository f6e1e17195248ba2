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


def test_the_signature_tables_describe_what_arabic_becomes_in_each_code_page():
    # The tables are generated from the codecs; here each is held to its meaning, letter by
    # letter: UTF-8 Arabic read as windows-1252 (or latin-1) and as windows-1256.
    import re

    from newsclean.tables import mojibake as tables

    repertoire = re.compile(f"[{tables.REPERTOIRE_1252}]*")
    for code in range(0x0600, 0x0700):
        data = chr(code).encode("utf-8")
        as_1252 = data.decode("cp1252", errors="replace")
        if "\ufffd" not in as_1252:  # (bytes cp1252 leaves undefined are C1 controls in latin-1)
            assert as_1252[0] in tables.ARABIC_LEAD_1252 and as_1252[1] in tables.CONTINUATION_1252
            assert repertoire.fullmatch(as_1252)
        as_latin1 = data.decode("latin-1")
        assert as_latin1[0] in tables.ARABIC_LEAD_1252 and as_latin1[1] in tables.CONTINUATION_1252
        as_1256 = data.decode("cp1256")
        assert as_1256[0] in tables.ARABIC_LEAD_1256 and as_1256[1] in tables.CONTINUATION_1256
    for character in "\u200c\u201c\u201d\u2013":
        assert character.encode("utf-8").decode("cp1256").startswith(tables.THREE_BYTE_LEAD_1256)
    assert "\xab".encode().decode("cp1256")[0] in tables.ARABIC_LEAD_1256
