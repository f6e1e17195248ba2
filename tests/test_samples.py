"""Golden files: every samples/NAME.txt cleans to samples/NAME.expected.txt.

After a deliberate change of behaviour, regenerate with
``NEWSCLEAN_REGENERATE=1 python -m pytest tests/test_samples.py`` and read the diff.
"""

import os
from pathlib import Path

import pytest

from newsclean import clean_path
from newsclean.pipeline import Pipeline

SAMPLES = Path(__file__).parent.parent / "samples"
INPUTS = sorted(p for p in SAMPLES.glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("sample", INPUTS, ids=[p.stem for p in INPUTS])
def test_sample_cleans_to_its_golden_file(sample, tmp_path):
    expected_path = sample.with_name(sample.stem + ".expected.txt")
    copy = tmp_path / sample.name
    copy.write_bytes(sample.read_bytes())
    clean_path(copy, Pipeline.from_profile("news"), mode="in-place")
    if os.environ.get("NEWSCLEAN_REGENERATE"):
        expected_path.write_bytes(copy.read_bytes())
    assert copy.read_bytes() == expected_path.read_bytes()


@pytest.mark.parametrize("sample", INPUTS, ids=[p.stem for p in INPUTS])
def test_golden_files_are_already_clean(sample):
    expected = sample.with_name(sample.stem + ".expected.txt").read_text("utf-8")
    assert Pipeline.from_profile("news").clean(expected) == expected


def test_there_are_samples():
    assert len(INPUTS) >= 5
