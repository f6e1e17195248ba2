"""Every example of the CommonMark spec keeps its parse when cleaned, with every profile; and
Arabic junk spliced into its prose is cleaned without changing the parse either."""

import json
from pathlib import Path

import pytest

from newsclean.markdown import _PARSER, _signature
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES

EXAMPLES = json.loads((Path(__file__).parent / "data" / "commonmark" / "commonmark.json").read_text("utf-8"))
PIPELINES = {profile: Pipeline.from_profile(profile) for profile in PROFILES}
# Debris as scrapers leave it: a cut tag, doubled spaces, a spaced comma, ZWSP, tatweel.
JUNK = " قال  ،إن \u200bالـــعالم /p>"


def structure(markdown: str) -> list:
    """The parse without its text: token kinds, nesting, markup, attributes, code and HTML."""
    return [item[1:] for item in _signature(_PARSER.parse(markdown))]


def splice(markdown: str) -> str:
    """``markdown`` with the junk at the end of every line that the parser reads as prose."""
    lines = markdown.split("\n")
    for token in _PARSER.parse(markdown):
        if token.type == "inline" and token.map:
            for number in range(*token.map):
                lines[number] = lines[number] + JUNK
    return "\n".join(lines)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_spec_example_keeps_its_parse(profile):
    pipeline = PIPELINES[profile]
    broken = [
        example["example"]
        for example in EXAMPLES
        if structure(pipeline.clean(example["markdown"], markdown=True)) != structure(example["markdown"])
    ]
    assert broken == []


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_junk_spliced_into_spec_prose_is_cleaned_and_the_parse_kept(profile):
    pipeline = PIPELINES[profile]
    broken, cleaned, spliced_examples = [], 0, 0
    for example in EXAMPLES:
        spliced = splice(example["markdown"])
        if spliced == example["markdown"]:
            continue
        spliced_examples += 1
        out = pipeline.clean(spliced, markdown=True)
        if structure(out) != structure(spliced):
            broken.append(example["example"])
        if "\u200b" not in out and (profile == "minimal" or "/p>" not in out):
            cleaned += 1
    assert broken == []
    # A paragraph whose cleaning would change its parse is left as it was: few are.
    assert cleaned >= 0.9 * spliced_examples, (cleaned, spliced_examples)


def test_cleaning_a_spec_example_twice_equals_once():
    news = PIPELINES["news"]
    differ = []
    for example in EXAMPLES:
        once = news.clean(splice(example["markdown"]), markdown=True)
        if news.clean(once, markdown=True) != once:
            differ.append(example["example"])
    assert differ == []
