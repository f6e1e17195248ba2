"""Pinned outputs: a digest of what every profile makes of every real text (the shared corpus,
tests/data/real, tests/data/markdown). Refactors and fixes that claim "no output change on the
real texts" are checked here, not in a commit message.

After a deliberate change of behaviour, regenerate with
``NEWSCLEAN_REGENERATE=1 python -m pytest tests/test_real_outputs.py``, and read a sample of
what changed before committing the new digests.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest

from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES
from tests.conftest import REAL_CORPUS

DATA = Path(__file__).parent / "data"
DIGESTS = DATA / "real-output-digests.json"


def real_texts() -> dict[str, tuple[str, bool]]:
    """Name -> (text, is Markdown), for every real text present here."""
    files = [*sorted(REAL_CORPUS.glob("*.txt")), *sorted((DATA / "real").glob("*.txt")), *sorted((DATA / "markdown").glob("*.md"))]
    return {f"{path.parent.name}/{path.name}": (path.read_text("utf-8"), path.suffix == ".md") for path in files}


def digests() -> dict[str, str]:
    pipelines = {profile: Pipeline.from_profile(profile) for profile in sorted(PROFILES)}
    return {
        f"{profile}:{name}": hashlib.sha256(pipeline.clean(text, markdown=markdown).encode()).hexdigest()[:16]
        for name, (text, markdown) in real_texts().items()
        for profile, pipeline in pipelines.items()
    }


def test_every_profile_gives_the_pinned_output_on_every_real_text():
    now = digests()
    if os.environ.get("NEWSCLEAN_REGENERATE"):
        DIGESTS.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", "utf-8")
    pinned = json.loads(DIGESTS.read_text("utf-8"))
    present = {key: pinned[key] for key in now if key in pinned}
    if not present:
        pytest.skip("no real text found")
    changed = sorted(key for key in present if now[key] != present[key])
    assert not changed, f"{len(changed)} outputs changed, first: {changed[:5]}"
    assert set(now) <= set(pinned), "a real text without a pinned digest: regenerate"
