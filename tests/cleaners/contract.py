"""What every cleaner owes: its before/after table, its must-stay-unchanged table, and the two
properties (never raises; cleaning twice equals cleaning once). Each test module calls
`contract` once and adds its own cleaner-specific tests."""

from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import scraped_text


def contract(
    clean: Callable[[str], str],
    cases: Sequence[tuple[str, str]],
    unchanged: Sequence[str],
    pieces: st.SearchStrategy[str] | None = None,
):
    """The three tests; ``pieces`` adds text made of what the cleaner reacts to."""
    texts = scraped_text if pieces is None else st.one_of(scraped_text, pieces)

    @pytest.mark.parametrize(("before", "after"), cases)
    def test_fixes(before, after):
        assert clean(before) == after

    @pytest.mark.parametrize("text", unchanged)
    def test_leaves_alone(text):
        assert clean(text) == text

    @given(texts)
    def test_never_raises_and_is_idempotent(text):
        once = clean(text)
        assert clean(once) == once

    return test_fixes, test_leaves_alone, test_never_raises_and_is_idempotent
