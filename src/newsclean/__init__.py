"""newsclean: clean scraped Arabic and Persian news text.

>>> clean("خبر\\u00a0 عاجل\\u200b \\r\\n")
'خبر عاجل\\n'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from newsclean.io import FileResult, clean_path  # noqa: E402
from newsclean.pipeline import DEFAULT_PROFILE, PROFILES, REGISTRY, Pipeline  # noqa: E402

__all__ = ["clean", "clean_path", "FileResult", "Pipeline", "PROFILES", "REGISTRY", "__version__"]


def clean(text: str, profile: str = DEFAULT_PROFILE, **options: Any) -> str:
    """Clean ``text`` with a profile; ``options`` maps a cleaner name to its options.

    ``only`` and ``skip`` (lists of cleaner names) narrow the profile.
    """
    only, skip = options.pop("only", ()), options.pop("skip", ())
    return Pipeline.from_profile(profile, only=only, skip=skip, options=options).clean(text)
