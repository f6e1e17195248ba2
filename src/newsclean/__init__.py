"""newsclean: clean scraped Arabic and Persian news text.

>>> clean("خبر\\u00a0 عاجل\\u200b \\r\\n")
'خبر عاجل\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__version__ = "0.1.0"

from newsclean.io import FileResult, clean_path  # noqa: E402
from newsclean.pipeline import DEFAULT_PROFILE, PROFILES, REGISTRY, Pipeline, pipeline_for  # noqa: E402

__all__ = ["clean", "clean_path", "FileResult", "Pipeline", "PROFILES", "REGISTRY", "__version__"]


def clean(
    text: str,
    profile: str = DEFAULT_PROFILE,
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
    return pipeline_for(profile, only=only, skip=skip, options=options).clean(text)
