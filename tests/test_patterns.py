"""The performance idioms of `newsclean.patterns`, each pinned to what it stands for."""

import re
import subprocess
import sys
from re import _compiler, _parser  # the engine's own view of a pattern: does it scan?
from re import _constants as sre

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import patterns
from newsclean.pipeline import Pipeline

Pipeline.from_profile("search").clean("خبر")  # (imports every cleaner, and so every scan)


def opens_with_a_scan(pattern: re.Pattern[str]) -> bool:
    """Whether the engine finds ``pattern`` by scanning for a literal prefix or a charset."""
    source, flags = pattern.pattern, pattern.flags
    code = _compiler._code(_parser.parse(source, flags), flags)
    assert code[0] == sre.INFO
    return bool(code[2] & (sre.SRE_INFO_PREFIX | sre.SRE_INFO_LITERAL | sre.SRE_INFO_CHARSET))


def test_every_scan_opens_with_one_literal_or_class():
    assert len(patterns.SCANS) > 40
    slow = [pattern.pattern for pattern in patterns.SCANS if not opens_with_a_scan(pattern)]
    assert slow == []


@pytest.mark.parametrize("source", ["[ab]+c", "(?:a+|b)c", "(?:[ab]c|d)e", " *x"])
def test_the_check_tells_a_pattern_tried_at_every_position(source):
    assert not opens_with_a_scan(re.compile(source))


@given(text=st.text(alphabet="ab c\u064e\u064f", max_size=30))
def test_one_or_more_matches_what_plus_matches(text):
    for character_class in ("[ab]", "[\u064e\u064f]", "c"):
        written = re.compile(patterns.one_or_more(character_class))
        plain = re.compile(f"{character_class}+")
        assert [m.span() for m in written.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_lazy_pattern_is_the_compiled_pattern_once_used():
    lazy = patterns.lazy(r"(?P<word>[a-z]+)\d", re.IGNORECASE)
    compiled = re.compile(r"(?P<word>[a-z]+)\d", re.IGNORECASE)
    assert "compiled" not in vars(lazy)
    text = "ab1 CD2 x"
    assert lazy.search(text).group("word") == compiled.search(text).group("word")
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)
    assert vars(lazy)["compiled"] is vars(lazy)["compiled"]  # compiled once, then reused
    assert lazy.search.__self__ is vars(lazy)["compiled"]


def test_cleaning_a_line_that_needs_nothing_compiles_few_patterns():
    # What `echo x | newsclean clean` pays for: the scans that say nothing is to be done.
    program = (
        "import gc\n"
        "from newsclean.pipeline import Pipeline\n"
        "from newsclean.patterns import _Lazy\n"
        "Pipeline.from_profile('news').clean('x\\n')\n"
        "made = [o for o in gc.get_objects() if isinstance(o, _Lazy)]\n"
        "print(sum('compiled' in vars(o) for o in made), len(made))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    compiled, made = map(int, result.stdout.split())
    assert made > 100
    assert compiled < made // 4


_TABLES = {
    "small": {"ی": "ي", "ک": "ك", "۱": "1"},
    "large": {chr(code): chr(code - 0xFB50 + 0x0621) for code in range(0xFB50, 0xFB50 + 40)},
}


@pytest.mark.parametrize("size", sorted(_TABLES))
@given(text=st.text(alphabet="یکي۱1 \n" + "".join(map(chr, range(0xFB50, 0xFB50 + 45))), max_size=40))
def test_char_map_gives_what_translate_gives(size, text):
    table = _TABLES[size]
    assert patterns.char_map(table)(text) == text.translate(str.maketrans(table))


def test_a_small_map_that_feeds_its_own_keys_is_refused():
    with pytest.raises(ValueError, match="feed its own keys"):
        patterns.char_map({"a": "b", "b": "c"})


@given(text=st.text(alphabet="بقa \u064c\u064e\u0652\u0651", max_size=20))
def test_a_vowelled_word_is_found_from_its_vowel_as_it_was_from_its_letter(text):
    from newsclean import language

    as_written = re.compile(f"{language._LETTER}[\u064c-\u0652]")
    assert (language._VOWELLED_WORD.search(text) is None) == (as_written.search(text) is None)


_BRANCHES = [("ab", "c"), ("c", "(?=a)"), ("a", "(?<=ba)b+"), (" ", "(?<=c )"), ("b", "")]


@given(text=st.text(alphabet="abc \n", max_size=40))
def test_first_of_matches_what_the_plain_alternation_matches(text):
    written = patterns.first_of(*_BRANCHES)
    plain = re.compile("|".join(f"[{opening}]{rest}" for opening, rest in _BRANCHES))
    assert [m.span() for m in written.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert opens_with_a_scan(written) and not opens_with_a_scan(plain)


@pytest.mark.parametrize(
    ("module", "gate", "branches", "flags"),
    [
        ("punctuation", "_NEEDS_A_LOOK", "_RULES_FROM_THEIR_MARKS", re.MULTILINE),
        ("arabic", "_LETTERS_NEED_A_LOOK", "_LETTERS_TO_LOOK_AT", 0),
    ],
)
def test_a_gate_made_one_scan_finds_what_the_alternation_of_its_rules_finds(module, gate, branches, flags, real_corpus):
    import importlib

    cleaner = importlib.import_module(f"newsclean.cleaners.{module}")
    plain = re.compile("|".join(f"[{opening}]{rest}" for opening, rest in getattr(cleaner, branches)), flags)
    found = getattr(cleaner, gate)
    for text in [*real_corpus.values(), "قال ، إن البلدين.التقى ( نص ) هل حضر? رائع!!!....", "الـَـعربية ﻗﺎﻝ بـ\"نص\" َّ َُ"]:
        assert [m.span() for m in found.finditer(text)] == [m.span() for m in plain.finditer(text)]
