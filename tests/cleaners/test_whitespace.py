from hypothesis import given

from newsclean.cleaners.whitespace import fix_whitespace
from newsclean.pipeline import Pipeline
from tests.cleaners.contract import contract
from tests.strategies import scraped_text

CASES = [
    # line ends
    ("a\r\nb\r\n", "a\nb\n"),
    ("a\rb\r", "a\nb\n"),
    ("a\r\n\r\nb", "a\n\nb\n"),
    # Unicode spaces inside a line become one space
    ("خبر\u00a0عاجل", "خبر عاجل\n"),
    ("a\u2002\u2009b\u202fc\u205fd\u3000e", "a b c d e\n"),
    ("a   b    c", "a b c\n"),
    # a tab after text starts a column and stays; the spaces around it go
    ("(۲)\t#\t از رزق", "(۲)\t#\tاز رزق\n"),
    ("a \u00a0\t b\t \n", "a\tb\t\n"),
    # but a tab after a list's bullet or number is its space (namnak health articles in
    # language-ml/course-nlp-ir-1-text-exploring; fabric-fa-whatis.md)
    ("1.\tآلکسی تایمیا رفتاری:", "1. آلکسی تایمیا رفتاری:\n"),
    ("•\tledger را می توان", "• ledger را می توان\n"),
    # trailing whitespace
    ("a  \nb\t\n", "a\nb\n"),
    ("a\u00a0\n", "a\n"),
    # blank-line runs, and none at the start or end
    ("a\n\n\n\nb", "a\n\nb\n"),
    ("a\n \n\t\n\u00a0\nb", "a\n\nb\n"),
    ("\n\n\na\n\n\n", "a\n"),
    # exactly one final newline
    ("a", "a\n"),
    ("a\n\n", "a\n"),
    ("", ""),
    ("\n \n", ""),
    # scraped indentation (a no-break space before a paragraph) goes
    ("\u00a0 وصوتت الجمعية", "وصوتت الجمعية\n"),
]

UNCHANGED = [
    "plain line\n",
    "قال المتحدث إن الاجتماع انتهى.\n",
    "    indented code\n",
    "\tindented with a tab\n",
    # tabs after text lay out columns: an index and its text (Nahj al-Balagha as
    # language-ml/course-nlp-ir-1-text-exploring gives it), a table from a PDF (the
    # ku-ktc-physics text: two empty cells, then the last one), a poem's hemistichs
    "0##1\tالْحَمْدُ لِلَّهِ\n0##2\tوَ مِنْ خُطْبَةٍ\n",
    "د.محمد سلمان محمد\t\tد. مصگفى احمد حبیب\n",
    "a\tb\t\t\n",
    "مصرع اول\tمصرع دوم\n",
    "(۱)\t#\tهمۀ ستایش‌ها مخصوص خداست؛\n",  # a numbered row with more columns
    "- item\n  - nested item\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    # A space that carries combining marks is their base (risan/quran-json, Al-Baqarah 72).
    "قَتَلۡتُمۡ نَفۡسٗا فَٱدَّـٰرَ\u2009ٰٔتُمۡ فِيهَاۖ\n",
    "e\u00a0\u0301 alone\n",
    "می\u200cخواهد\n",  # ZWNJ is not whitespace
    "para one\n\npara two\n",
]

test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent = contract(fix_whitespace, CASES, UNCHANGED)




@given(scraped_text)
def test_streaming_pipeline_equals_the_function(text):
    # The pipeline handles blank lines between blocks itself; it must agree with the function.
    assert Pipeline(["whitespace"]).clean(text) == fix_whitespace(text)


@given(scraped_text)
def test_output_is_normalized(text):
    out = fix_whitespace(text)
    assert "\r" not in out and "\n\n\n" not in out
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n") and not out.startswith("\n"))
    # No line ends with a space; one ends with tabs only where they end a row of columns (its
    # last cells empty: the line holds a tab after text before them).
    for line in out.split("\n"):
        row = line.rstrip("\t")
        assert row == row.rstrip(" \t\u00a0")
        assert row == line or "\t" in row
