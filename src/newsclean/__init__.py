"""newsclean: clean scraped Arabic and Persian news text.

>>> clean("خبر\\u00a0 عاجل\\u200b \\r\\n")
'خبر عاجل\\n'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsclean.io import FileResult, clean_path
    from newsclean.pipeline import Pipeline
    from newsclean.registry import PROFILES, REGISTRY

__all__ = ["PROFILES", "REGISTRY", "FileResult", "Pipeline", "__version__", "clean", "clean_path"]

# The names below are imported when first used: `newsclean --version` and the command line's
# start-up do not pay for compiling every cleaner's patterns (issue 19).
_LAZY = {
    "FileResult": "newsclean.io",
    "clean_path": "newsclean.io",
    "Pipeline": "newsclean.pipeline",
    "PROFILES": "newsclean.registry",
    "REGISTRY": "newsclean.registry",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")


def clean(
    text: str,
    profile: str = "news",
    *,
    only: str | Iterable[str] = (),
    skip: str | Iterable[str] = (),
    **options: dict[str, Any],
) -> str:
    """Clean ``text`` with a profile; each other keyword is a cleaner's name with a dict of its
    options (``arabic={"lang": "fa"}``).

    ``only`` and ``skip`` narrow the profile: cleaner names, as a list or comma-separated.
    The pipeline is built once per set of arguments and reused.

    >>> clean("<b>خبر</b>  عاجل", skip="html")
    '<b>خبر</b> عاجل\\n'
    """
    from newsclean.pipeline import pipeline_for

    return pipeline_for(profile, only=only, skip=skip, options=options).clean(text)
