import re

from hypothesis import given
from hypothesis import strategies as st

from newsclean.lines import clean_flagged_lines

texts = st.lists(st.sampled_from(["a", "b", "!", "?", "!!", " ", "\n", "\n", "\r", '"']), max_size=40).map("".join)


def _mark(line: str) -> str:
    return f"[{line}]"


def _line_by_line(text: str, flagged) -> str:
    return "\n".join(_mark(line) if flagged(line) else line for line in text.split("\n"))


@given(texts)
def test_a_pattern_flags_exactly_the_lines_it_matches_in(text):
    flag = re.compile("[!?]")
    assert clean_flagged_lines(text, flag, _mark) == _line_by_line(text, flag.search)


@given(texts, st.sampled_from(["!", "!!", "a!", " \r"]))
def test_a_literal_flags_exactly_the_lines_that_hold_it(text, literal):
    assert clean_flagged_lines(text, literal, _mark) == _line_by_line(text, lambda line: literal in line)


@given(texts)
def test_a_match_on_a_line_end_flags_the_line_it_ends(text):
    flag = re.compile("\n(?<=[!?]\n)")
    lines = text.split("\n")
    ended = [_mark(line) if line.endswith(("!", "?")) else line for line in lines[:-1]]
    calls = []

    def mark_once(line: str) -> str:
        calls.append(line)
        assert len(calls) <= len(lines), "a line was flagged again by the match that flagged it"
        return _mark(line)

    assert clean_flagged_lines(text, flag, mark_once) == "\n".join(ended + lines[-1:])


@given(texts)
def test_matches_in_the_fine_group_flag_nothing_and_keep_the_scan_in_step(text):
    # Pairs of quotes are consumed in step; a pair holding "!" is flagged, one without is fine.
    flag = re.compile('"(?:[^"\\n]*![^"\\n]*"|(?P<fine>[^"\\n]*"))')

    def has_a_flagged_pair(line: str) -> bool:
        return any("!" in pair for pair in re.findall('"([^"]*)"', line))

    assert clean_flagged_lines(text, flag, _mark) == _line_by_line(text, has_a_flagged_pair)


@given(texts)
def test_text_without_a_match_comes_back_as_the_same_object(text):
    assert clean_flagged_lines(text, "\x00", _mark) is text


@given(texts)
def test_text_whose_flagged_lines_need_nothing_comes_back_as_the_same_object(text):
    def equal_copy(line: str) -> str:
        return (line + ".")[:-1]  # equal, not the same object

    assert clean_flagged_lines(text, re.compile("[!?]"), equal_copy) is text
