"""Each cleaner's gate ("which lines need a look") must flag every line its rules would change.

A cleaner that works line by line hands `clean_flagged_lines` a scan and a line function; here
the scan is taken away, the line function runs on every line, and the result must be the same
on generated and on real text. A rule added to a line function without its gate makes these
tests fail (the last test shows it does)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import lines
from newsclean.cleaners import arabic, html, invisible, punctuation, separators, whitespace
from newsclean.registry import REGISTRY
from tests.strategies import REAL_PIECES, TRICKY, scraped_text

GATED = {"arabic": arabic, "html": html, "invisible": invisible, "punctuation": punctuation, "whitespace": whitespace}


def every_line(text, flag, clean_line, unless=None):
    """`clean_flagged_lines` without its scan (nor what passes its matches by): the line
    function on every line."""
    return "\n".join(clean_line(line) for line in text.split("\n"))


def ungated(name, text, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(GATED[name], "clean_flagged_lines", every_line)
        return REGISTRY[name].function(text)


def test_every_line_is_what_the_gate_does_when_it_flags_every_line():
    # (The stand-in itself is pinned to the real function with a scan that flags every line.)
    every = lines.re.compile("^", lines.re.MULTILINE)
    for text in ["", "a", "a\n", "\nb\n\n", "ab\ncd", "x\r\ny"]:
        assert every_line(text, None, str.upper) == lines.clean_flagged_lines(text, every, str.upper)


texts = st.one_of(
    scraped_text,
    st.lists(st.sampled_from(REAL_PIECES + list(TRICKY)), max_size=60).map("".join),
)


@pytest.mark.parametrize("name", sorted(GATED))
@given(text=texts)
@settings(deadline=None)
def test_a_gated_cleaner_equals_its_rules_run_on_every_line(name, text):
    monkeypatch = pytest.MonkeyPatch()
    try:
        assert REGISTRY[name].function(text) == ungated(name, text, monkeypatch)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("name", sorted(GATED))
def test_on_real_text_the_gate_misses_no_line(name, real_corpus, monkeypatch):
    for text in real_corpus.values():
        assert REGISTRY[name].function(text) == ungated(name, text, monkeypatch)


def test_a_rule_added_without_its_gate_is_caught(monkeypatch):
    # The example: Urdu heh goal added to the letters the arabic cleaner fixes, but not
    # to the scan that says which lines it looks at. On a line without a tatweel or a
    # presentation form the rule never runs, and the differential check sees it.
    original = arabic._fix_letters
    monkeypatch.setattr(arabic, "_fix_letters", lambda line: original(line).replace("ہ", "ه"))
    text = "وہ قال\nكتـاب ہ"
    assert REGISTRY["arabic"].function(text) != ungated("arabic", text, monkeypatch)


@pytest.mark.parametrize(
    "line",
    ['في "مسيرات العودة" قرب', 'قال: "نص"، ثم', "وصف “الخطة” بأنها", '"قمت بتعبئتها"', '(«نص») و "هذا" هنا'],
)
def test_quotes_whose_spacing_shows_their_side_do_not_flag_the_line(line):
    # A gate may flag more than its rules change (it costs time, not text), but the quote gate
    # flagged every opening quote: a line end written as a literal LF in a verbose pattern
    # was dropped, and `(?=<LF>|$)` looked ahead at nothing. 22% of the lines of clean news.
    assert punctuation._NEEDS_A_LOOK.search(line) is None


@pytest.mark.parametrize("line", ['قال"نص" هنا', 'قال " نص" هنا', 'قال "نص "', 'قال "نص"هنا'])
def test_a_quote_glued_or_spaced_on_both_sides_flags_the_line(line):
    assert punctuation._NEEDS_A_LOOK.search(line) is not None


SPELLERS = [
    (arabic._spell_arabic_letters, arabic._RESPELLED_IN_AN_ARABIC_LINE),
    (arabic._spell_arabic_letters_keeping_heh, arabic._RESPELLED_IN_AN_ARABIC_LINE),
    (arabic._spell_persian_letters, arabic._RESPELLED_IN_A_PERSIAN_LINE),
]


@pytest.mark.parametrize(("speller", "respelled"), SPELLERS)
def test_a_speller_changes_no_character_its_gate_does_not_find(speller, respelled):
    # The spelling of a run is skipped when its gate finds nothing: every character the
    # speller changes, alone or inside a word, must be in the gate's class.
    for code in range(0x10000):
        character = chr(code)
        if 0xD800 <= code < 0xE000 or respelled.search(character):
            continue
        for context in (character, f"ب{character}ب {character}"):
            assert speller(context) == context, hex(code)


@pytest.mark.parametrize(("speller", "respelled"), SPELLERS)
@given(text=texts)
@settings(deadline=None)
def test_text_a_speller_changes_is_text_its_gate_finds(speller, respelled, text):
    assert speller(text) == text or respelled.search(text)


# `separators` looks only at the lines its candidate scan finds; with a scan that finds every
# line it must clean the same.
_EVERY_LINE = re.compile(r"(?m)^(?=.)")


SEPARATOR_LINES = [
    "نص - - - نص\n", "نص — — نص\n", "- | -\n", "- •\n", "أخبار | | | سياسة\n", "-----\n\n-----\n",
    "| a | b |\n|---|---|\n| c | d |\n", "•\n", "نص |\n|\n", "حسنا :|\n", "أبوظبي - سكاي نيوز\n", " -\r\n",
]


@pytest.mark.parametrize("text", SEPARATOR_LINES)
def test_separators_equal_their_rules_run_on_every_line_of_separator_debris(text, monkeypatch):
    gated = separators.dedupe_separators(text)
    monkeypatch.setattr(separators, "_CANDIDATE", _EVERY_LINE)
    assert gated == separators.dedupe_separators(text)


@given(text=texts)
@settings(deadline=None)
def test_separators_equal_their_rules_run_on_every_line(text):
    monkeypatch = pytest.MonkeyPatch()
    try:
        gated = separators.dedupe_separators(text)
        monkeypatch.setattr(separators, "_CANDIDATE", _EVERY_LINE)
        assert gated == separators.dedupe_separators(text)
    finally:
        monkeypatch.undo()


def test_on_real_text_the_separators_scan_misses_no_line(real_corpus, monkeypatch):
    gated = {name: separators.dedupe_separators(text) for name, text in real_corpus.items()}
    monkeypatch.setattr(separators, "_CANDIDATE", _EVERY_LINE)
    for name, text in real_corpus.items():
        assert gated[name] == separators.dedupe_separators(text), name


@pytest.mark.parametrize(
    "text", ["أبوظبي - سكاي نيوز\n", "a -\n", "- | -\n", "نص - - - نص\n", "-\n", "—  \n", "الخبر -|\n"]
)
def test_a_dash_flags_its_line_only_beside_another_separator_or_the_line_end(text):
    flagged = separators._CANDIDATE.search(text) is not None
    assert flagged == (text != "أبوظبي - سكاي نيوز\n")


# `_runs_by_language` skips a block whose letters settle its language when one scan finds
# neither another language's letter nor one its speller changes: the speller must then change
# nothing, and the other-language check must find nothing.
def _fast_path_holds(text):
    from newsclean.language import quick_guess

    quick = quick_guess(text)
    if quick and not arabic._ANOTHER_LANGUAGE_OR_RESPELLED[quick].search(text):
        assert arabic._SPELLERS[quick](text) == text
        assert not arabic._OTHER_LANGUAGE_LETTER.search(text)


@given(text=texts)
@settings(deadline=None)
def test_the_one_scan_for_a_settled_block_finds_all_its_speller_would_change(text):
    _fast_path_holds(text)


def test_on_real_text_the_one_scan_for_a_settled_block_misses_nothing(real_corpus):
    for text in real_corpus.values():
        for paragraph in text.split("\n\n"):
            _fast_path_holds(paragraph)
