"""Real Markdown from Arabic and Persian documentation repositories (tests/data/markdown):
cleaning keeps what the page renders as structure, and a second run changes nothing."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.markdown import _PARSER
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES

FILES = sorted((Path(__file__).parent / "data" / "markdown").glob("*.md"))
FILES = [path for path in FILES if path.name != "SOURCES.md"]
PIPELINES = {profile: Pipeline.from_profile(profile) for profile in PROFILES}


class _Skeleton(HTMLParser):
    """The rendered page without its text: every tag with its attributes, every comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.items.append(("<", tag, tuple(pair for pair in attrs if pair[0] != "alt")))

    def handle_endtag(self, tag):
        self.items.append((">", tag))

    def handle_comment(self, data):
        self.items.append(("!", data))


def skeleton(markdown: str) -> list[tuple]:
    # Checked on the rendered HTML, apart from the comparison newsclean makes on tokens.
    parser = _Skeleton()
    parser.feed(_PARSER.render(markdown))
    return parser.items


def test_there_are_real_files():
    assert len(FILES) >= 10


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_real_markdown_keeps_its_rendered_structure_and_cleans_once(path, profile):
    text = path.read_text("utf-8")
    pipeline = PIPELINES[profile]
    once = pipeline.clean(text, markdown=True)
    assert skeleton(once) == skeleton(text)
    assert pipeline.clean(once, markdown=True) == once


# What scrapers leave: a cut tag, a ZWSP, doubled and no-break spaces, a spaced comma,
# stretched letters, a dangling bar.
JUNK = " قال\u00a0 ،إن /p>\u200b الـــعالم |"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_junk_pasted_into_real_prose_is_cleaned_and_the_structure_kept(path):
    """Scraped debris at the end of every prose line goes; the page renders the same."""
    text = path.read_text("utf-8")
    lines = text.split("\n")
    for token in _PARSER.parse(text):
        if token.type == "inline" and token.map:
            for number in range(*token.map):
                if not lines[number].endswith("  "):  # (a hard break stays a hard break)
                    lines[number] += JUNK
    dirty = "\n".join(lines)
    news = PIPELINES["news"]
    cleaned = news.clean(dirty, markdown=True)
    assert skeleton(cleaned) == skeleton(dirty)
    # A paragraph whose cleaning would change the parse is left as it was: few are.
    assert cleaned.count("/p>") + cleaned.count("\u200b") <= 0.05 * 2 * dirty.count("/p>")
    assert cleaned.count(" قال، إن العالم") >= 0.95 * dirty.count("/p>")


blocks = st.sampled_from([
    "# عنوان  الخبر\n", "قال  المتحدث ، إن /p> الاجتماع.\n", "- بند  أول\n- بند ثان |\n", "1. أول\n2. ثان\n",
    "> اقتباس  هنا ،\n", "```js\nx  =  1\n```\n", "    code  \n", "<div dir=\"rtl\">\n\nنص  داخل\n\n</div>\n",
    "<!-- ملاحظة  المترجم\nسطر -->\n", "| a  | b |\n|---|---|\n| قال ، | ٢ |\n", "[رابط](https://x.com/a_(b) \"عنوان\")\n",
    "نص `کد  ،` و <b>مهم</b> &lt;div&gt; \\* و&#96;\n", "![صورة](a.png)\n", "---\n", "نص  \nسطر\n", "<Intro>\nنص\n</Intro>\n",
    "[1]: https://example.com  \"عنوان\"\n", "نص [مرجع][1] هنا\n", "نص\u200b الـــعالم\n", "***\n",
])
documents = st.lists(blocks, min_size=1, max_size=12).map("\n".join)


@given(documents, st.sampled_from(sorted(PROFILES)))
def test_generated_markdown_keeps_its_structure_and_cleans_once(document, profile):
    pipeline = PIPELINES[profile]
    once = pipeline.clean(document, markdown=True)
    assert skeleton(once) == skeleton(document)
    assert pipeline.clean(once, markdown=True) == once
