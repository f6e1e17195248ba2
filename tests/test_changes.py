"""The change model: each change attributed to the cleaner that made it, on the line of the
original file it came from, its column mapped back through earlier cleaners."""

import json

from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsclean.blocks import split_lines
from newsclean.changes import changes
from newsclean.cli import app
from newsclean.diff import patch_lines as lf_lines
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES
from tests.strategies import scraped_text

NEWS = Pipeline.from_profile("news")
TEXT = "خبر\u00a0عاجل  اليوم\u200b \r\n\r\n\r\nتفاصيل\u200f الخبر\n<b>x</b>  «مرحبا» ،قال"


def test_each_change_names_its_cleaner_line_and_column_in_the_original():
    found = [(c.cleaner, c.line, c.column, c.removed) for c in changes(NEWS, TEXT)]
    assert found == [
        ("invisible", 1, 16, False),  # the ZWSP after اليوم
        ("invisible", 4, 7, False),  # the RLM
        ("html", 5, 1, False),
        ("punctuation", 5, 20, False),  # the space after ، (column 20 of the line as written)
        ("whitespace", 1, 4, False),  # the no-break space
        ("whitespace", 2, 1, False),  # CRLF -> LF
        ("whitespace", 3, 1, True),  # the second blank line goes
        ("whitespace", 5, 9, False),  # the double space, after html took <b>
    ]


texts = st.lists(st.one_of(scraped_text, st.sampled_from(["\n", "\n\n\n", " \r\n", "|\n"])), max_size=8).map("".join)


@given(texts, st.sampled_from(sorted(PROFILES)))
# (The thorough profile's find: the last line's added LF made the lengths equal.)
@example(" |  | الـَـعربية", "minimal")
def test_changes_account_for_every_difference_and_start_where_the_original_differs(text, profile):
    pipeline = Pipeline.from_profile(profile)
    found = changes(pipeline, text)
    assert bool(found) == (pipeline.clean(text) != text)
    original = split_lines(text)
    touched: set[int] = set()
    for change in found:
        assert change.cleaner in pipeline.names
        if change.line and not change.inserted and change.line not in touched:
            # The first cleaner to touch a line saw it as written, and its column is where the
            # line first differs.
            assert change.before == original[change.line - 1]
            if not change.removed:
                # (Compared without their line ends: a last line that had none gets one.)
                before, after = change.before.rstrip("\r\n"), change.after.rstrip("\r\n")
                start = change.column - 1
                assert before[:start] == after[:start]
                if before == after:  # only the line end changed: the column is past the text
                    assert start == len(before) and change.before != change.after
                else:  # (where a run of one character shrinks, the change is at its start)
                    assert before[start : start + 1] != after[start : start + 1] or len(before) != len(after)
        touched.add(change.line)


def test_json_and_github_output_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a,b.txt").write_text("خبر  عاجل\n<b>x</b>\n", "utf-8")
    (tmp_path / "clean.txt").write_text("خبر عاجل\n", "utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["clean", "--check", "--output-format", "json", "a,b.txt", "clean.txt"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {"file": "a,b.txt", "line": 2, "column": 1, "cleaner": "html", "kind": "changed", "before": "<b>x</b>\n", "after": "x\n"},
        {"file": "a,b.txt", "line": 1, "column": 4, "cleaner": "whitespace", "kind": "changed",
         "before": "خبر  عاجل\n", "after": "خبر عاجل\n"},
    ]
    github = runner.invoke(app, ["clean", "--diff", "--output-format", "github", "a,b.txt"])
    assert github.exit_code == 1
    assert lf_lines(github.stdout)[0] == "::warning file=a%2Cb.txt,line=2,col=1,title=newsclean html::changed: '<b>x</b>' -> 'x'\n"
    clean = runner.invoke(app, ["clean", "--check", "--output-format", "json", "clean.txt"])
    assert clean.exit_code == 0 and json.loads(clean.stdout) == []
    wrong = runner.invoke(app, ["clean", "--output-format", "json", "a,b.txt"])
    assert wrong.exit_code == 2 and "goes with --check, --diff or -i" in wrong.stderr
    fixed = runner.invoke(app, ["clean", "-i", "--output-format", "json", "a,b.txt"])
    assert fixed.exit_code == 0 and len(json.loads(fixed.stdout)) == 2
    assert (tmp_path / "a,b.txt").read_text("utf-8") == "خبر عاجل\nx\n"


@given(st.text("abج ي\u200b", max_size=30), st.text("abج ی", max_size=30))
def test_the_fast_character_edits_rebuild_the_text_as_difflibs_do(before, after):
    # The named helper that cuts shared ends and compares equal-length middles by position
    # must give opcodes with difflib's meaning: contiguous, covering both strings, and equal
    # where they say so.
    from newsclean.changes import _char_opcodes

    opcodes = _char_opcodes(before, after)
    rebuilt, position_before, position_after = [], 0, 0
    for tag, a1, a2, b1, b2 in opcodes:
        assert (a1, b1) == (position_before, position_after)
        if tag == "equal":
            assert before[a1:a2] == after[b1:b2]
        rebuilt.append(after[b1:b2])
        position_before, position_after = a2, b2
    assert (position_before, position_after) == (len(before), len(after))
    assert "".join(rebuilt) == after
