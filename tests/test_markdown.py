"""Markdown-safe cleaning: each protected construct stays byte for byte, the prose is cleaned."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.markdown import protect_inline, restore_inline
from newsclean.pipeline import Pipeline
from tests.strategies import scraped_text

NEWS = Pipeline.from_profile("news")
DIRTY = "قال  المتحدث ، إن /p> الاجتماع انتهى.التقى |"
CLEAN = "قال المتحدث، إن الاجتماع انتهى. التقى"

PROTECTED = {
    "yaml front matter": "---\ntitle: خبر  عاجل |\ntags: [a,  b]\n---\n",
    "toml front matter": "+++\ntitle = \"خبر  عاجل\"\n+++\n",
    "fenced code": "```python\nx  =  1   \nif a || b: print('a <b> &amp;')\n\n```\n",
    "tilde fence": "~~~\nقال  ، إن\n~~~\n",
    "indented code": "    x  =  1  \n    قال ، إن\n",
    "table delimiter row": "| a | b |\n|---|:---:|\n",
    "setext heading underline": "==========\n",
    "thematic break": "- - -\n",
    "reference definition": "[1]: https://example.com/a?b=1&c=2  \"عنوان\"\n",
    "html block": "<div class=\"note\">قال  ، إن</div>\n",
    "html comment": "<!-- قال  ، إن -->\n",
    "self-closing html": "<img src=\"a.png\" alt=\"x  y\">\n",
}


@pytest.mark.parametrize("construct", PROTECTED)
def test_protected_construct_stays_while_prose_beside_it_is_cleaned(construct):
    block = PROTECTED[construct]
    if construct == "setext heading underline":
        text = f"عنوان  الخبر\n{block}\n{DIRTY}\n"
        expected = f"عنوان الخبر\n{block}\n{CLEAN}\n"
    elif construct.endswith("front matter"):
        text = f"{block}\n{DIRTY}\n"
        expected = f"{block}\n{CLEAN}\n"
    else:
        text = f"{DIRTY}\n\n{block}\n{DIRTY}\n"
        expected = f"{CLEAN}\n\n{block}\n{CLEAN}\n"
    assert NEWS.clean(text, markdown=True) == expected


@pytest.mark.parametrize(("inline", "kind"), [
    ("`x  ,  y`", "code span"),
    ("``a ` b``", "code span with a backtick"),
    ("[رابط](https://example.com/p/a_(b)?q=1&x=2 \"عنوان\")", "link"),
    ("![صورة](images/a%20b.png)", "image"),
    ("<https://example.com/a?b=1>", "autolink"),
    ("<user@example.com>", "email autolink"),
])
def test_inline_spans_stay_while_the_words_around_them_are_cleaned(inline, kind):
    text = f"قال  المتحدث ، إن {inline} انتهى.التقى\n"
    assert NEWS.clean(text, markdown=True) == f"قال المتحدث، إن {inline} انتهى. التقى\n"


def test_table_cells_are_prose_and_the_bars_padding_and_delimiter_row_stay():
    text = "| عمود  | b   |\n|---|:---:|\n| قال ، إن | 2 |\n"
    assert NEWS.clean(text, markdown=True) == "| عمود  | b   |\n|---|:---:|\n| قال، إن | 2 |\n"


def test_hard_line_breaks_stay_in_markdown_only():
    text = "سطر أول   \nسطر ثان \n"
    assert NEWS.clean(text, markdown=True) == "سطر أول  \nسطر ثان\n"
    assert NEWS.clean(text) == "سطر أول\nسطر ثان\n"


def test_lists_headings_and_quotes_are_prose_and_keep_their_markers():
    text = "# عنوان  الخبر\n\n- بند  أول\n- بند ثان\n\n> اقتباس  هنا\n"
    assert NEWS.clean(text, markdown=True) == "# عنوان الخبر\n\n- بند أول\n- بند ثان\n\n> اقتباس هنا\n"


def test_a_line_with_a_bar_that_is_no_table_header_is_prose():
    assert NEWS.clean("ناشر | وكالة أنباء فارس |\nنص\n", markdown=True) == "ناشر | وكالة أنباء فارس\nنص\n"


def test_unclosed_fence_protects_to_the_end():
    text = "نص\n\n```\nقال  ، إن\n"
    assert NEWS.clean(text, markdown=True) == text


def test_line_ends_stay_as_the_file_has_them():
    text = "نص  ،\r\n\r\n```\r\ncode  \r\n```\r\n"
    assert NEWS.clean(text, markdown=True) == "نص،\r\n\r\n```\r\ncode  \r\n```\r\n"


def test_characters_that_could_pass_for_placeholders_leave_their_paragraph_as_it_is():
    text = "قال  \U000f0001 `x`\n\nقال  ،\n"
    assert NEWS.clean(text, markdown=True) == "قال  \U000f0001 `x`\n\nقال،\n"


def test_private_use_characters_of_fonts_are_text():
    assert NEWS.clean("قال  \ue000 `x`\n", markdown=True) == "قال \ue000 `x`\n"


@given(scraped_text)
def test_protect_and_restore_round_trip(text):
    held = protect_inline(text)
    if held is not None:
        masked, spans = held
        assert restore_inline(masked, spans) == text


markdownish = st.lists(
    st.sampled_from(["---\n", "```\n", "~~~\n", "    code  \n", "| a | b |\n", "|---|---|\n", "===\n", "\n",
                     "قال  ، إن\n", "`x  y`", "[a](b c)", "<https://x>", "  \n", "<div>x</div>\n", "- item\n",
                     "# h\n", "text  \n", "/p> ", "&amp;", " | "]),
    max_size=25,
).map("".join)


@given(markdownish)
def test_markdown_cleaning_never_raises_and_is_idempotent(text):
    once = NEWS.clean(text, markdown=True)
    assert NEWS.clean(once, markdown=True) == once


@given(markdownish, st.integers(min_value=1, max_value=30))
def test_markdown_output_does_not_depend_on_chunking(text, size):
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    assert "".join(NEWS.stream(chunks, markdown=True)) == NEWS.clean(text, markdown=True)


# The cases the Markdown issue reported, each from a real documentation repository.
ISSUE_CASES = [
    # a closing tag alone on its line, and the HTML block it closes
    "<details>\n<summary>نص  ،</summary>\n\nمحتوى\n\n</details>\n",
    "<script setup>\nconst a  =  1\n</script>\n\nنص بعد\n",
    # tags inside HTML blocks and inline raw HTML, MDX components
    "<code>(2<sup>53</sup>-1)</code> عدد\n",
    "# عنوان: <br>ادامه\n",
    "<Math>x</Math> و <Intro>مقدمة</Intro>\n",
    # multi-line comments
    "<!--\nنمونه  قديمة ،\n-->\n\nنص\n",
    # entities and escapes are not decoded into live syntax
    "وسم &lt;div&gt; مهم\n",
    "علامة &#96; هنا\n",
    "# \\<script setup> {#script-setup}\n",
    # a backtick fence's info string cannot hold a backtick (CommonMark 4.5)
    "````warn header=\"`src`\"\nنص\n````\n",
    # a nested bullet
    "- - نص\n",
]


@pytest.mark.parametrize("text", ISSUE_CASES)
def test_markdown_syntax_that_was_damaged_stays_byte_for_byte(text):
    for profile in ("news", "minimal"):
        assert Pipeline.from_profile(profile).clean(text, markdown=True) == text, profile
    # search folds the letters of the prose (ة -> ه, ى -> ي), never the syntax
    folded = Pipeline.from_profile("search").clean(text, markdown=True)
    assert _render(folded).translate(_FOLDED) == _render(text).translate(_FOLDED)


_FOLDED = str.maketrans("ةى", "هي")


def test_a_no_break_space_in_a_list_item_keeps_its_ascii_indentation():
    text = "- بند\n\n  \u00a0فقرة  داخل البند\n"
    out = NEWS.clean(text, markdown=True)
    assert out.startswith("- بند\n\n  ") and "داخل البند" in out
    assert "<li>" in _render(out) and _render(out).count("<p>") == _render(text).count("<p>")


def _render(text):
    from newsclean.markdown import _PARSER

    return _PARSER.render(text)


def test_search_keeps_jsx_case_and_does_not_start_an_ordered_list():
    search = Pipeline.from_profile("search")
    assert search.clean("<Intro>\nنص\n</Intro>\n", markdown=True).startswith("<Intro>")
    assert search.clean("۱. نص\n", markdown=True) == "۱. نص\n"


def test_a_region_can_be_switched_off():
    text = "قال  ،\n\n<!-- newsclean: off -->\nقال  ،\n\n| x  |\n<!-- newsclean: on -->\n\nقال  ،\n"
    assert NEWS.clean(text, markdown=True) == text.replace("قال  ،\n\n<!-- newsclean: off", "قال،\n\n<!-- newsclean: off").replace("on -->\n\nقال  ،", "on -->\n\nقال،")


def test_trailing_spaces_at_the_end_of_a_block_are_no_hard_break():
    assert NEWS.clean("سطر  \nسطر  \n\nفقرة  \n", markdown=True) == "سطر  \nسطر\n\nفقرة\n"


def test_stray_fragments_go_and_complete_tags_stay():
    assert NEWS.clean("نص /p> و <p>نص</p> و نص <p\n", markdown=True) == "نص و <p>نص</p> و نص\n"


def test_mdx_files_are_markdown():
    from newsclean.io import is_markdown

    assert is_markdown("docs/page.mdx")
