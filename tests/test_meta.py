"""Every registered cleaner is documented, tested and listed in the README."""

from pathlib import Path

import pytest

from newsclean.registry import PROFILES, REGISTRY

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", REGISTRY)
def test_cleaner_has_a_docstring_with_examples(name):
    doc = REGISTRY[name].function.__doc__ or ""
    assert doc.count(">>>") >= 2, f"{name}: the docstring needs examples, one of them unchanged text"


@pytest.mark.parametrize("name", REGISTRY)
def test_cleaner_has_a_test_file(name):
    module = REGISTRY[name].function.__module__.rsplit(".", 1)[-1]
    assert (ROOT / "tests" / "cleaners" / f"test_{module}.py").is_file()


@pytest.mark.parametrize("name", REGISTRY)
def test_cleaner_has_a_readme_row(name):
    assert f"\n| `{name}` |" in README


@pytest.mark.parametrize("name", PROFILES)
def test_profile_has_a_readme_row(name):
    assert f"\n| `{name}` |" in README


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    command = "pip install -e '.[test]' && pip install --no-deps camel-tools==1.6.0 && python -m pytest"
    assert f"```\n{command}\n```" in README
    assert command in ci


def test_each_character_set_has_one_home_and_keeps_its_members():
    # The marks the invisible cleaner used to spell out for itself are the arabic tables'
    # diacritics and other marks (checked equal when they were merged), and the spaces that
    # whitespace, punctuation and separators share are one constant.
    import re

    from newsclean.tables import arabic, invisible, unicode_spaces

    def members(class_body):
        return {chr(c) for c in range(0x600, 0x700) if re.fullmatch(f"[{class_body}]", chr(c))}

    old = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    assert members(arabic.ARABIC_MARKS) == members(old)
    assert not hasattr(invisible, "ARABIC_MARKS") and not hasattr(invisible, "ZWNJ")
    assert unicode_spaces.SPACES == " \t" + unicode_spaces.UNICODE_SPACES


def test_the_letters_that_join_the_next_are_unicodes_dual_joining_ones():
    # The table is Joining_Type D of ArabicShaping.txt (taken with the `regex` module's
    # \\p{Joining_Type=Dual_Joining}, which the standard library lacks). Checked here against
    # what the interpreter's database does tell: a letter with an initial or medial
    # presentation form joins the next; the right-joining ones have neither.
    import re
    import unicodedata

    from newsclean.tables.arabic import ARABIC_LETTER, JOINS_THE_NEXT_LETTER

    def members(class_body):
        return {chr(c) for c in range(0x600, 0x900) if re.fullmatch(f"[{class_body}]", chr(c))}

    joining = members(JOINS_THE_NEXT_LETTER)
    with_a_joining_form = {
        chr(int(decomposition.split()[1], 16))
        for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
        if (decomposition := unicodedata.decomposition(chr(code))).startswith(("<initial>", "<medial>"))
        and len(decomposition.split()) == 2
    }
    assert with_a_joining_form <= joining <= members(ARABIC_LETTER)
    assert not joining & set("ءآأؤإاةدذرزژوۀۆۇۈۋےڈڑ")
    assert set("بپتثجچحخسشصضطظعغفقکگلمنهیيكئ") <= joining


def test_sizes_are_parameters_not_module_globals():
    # A test that set a module global which the code no longer reads would pass for nothing:
    # the sizes live in blocks.Sizes, passed to the pipeline, and nowhere else.
    from newsclean import blocks, pipeline

    assert not [name for module in (blocks, pipeline) for name in vars(module) if name.endswith("_CHARS")]
