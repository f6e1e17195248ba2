from pathlib import Path

import pytest

# The real scraped articles beside the checkout (shared/corpus/real), as CI lays them out.
REAL_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


@pytest.fixture(scope="session")
def real_corpus() -> dict[str, str]:
    """File name -> text of every real article; the tests that use it skip without it."""
    files = sorted(REAL_CORPUS.glob("*.txt"))
    if not files:
        pytest.skip(f"real corpus not found at {REAL_CORPUS}")
    return {path.name: path.read_text("utf-8") for path in files}


def is_persian_article(name: str) -> bool:
    return name.startswith(("farsnews", "varzesh3"))
