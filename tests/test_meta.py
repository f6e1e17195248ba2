"""Every registered cleaner is documented, tested and listed in the README."""

from pathlib import Path

import pytest

from newsclean.pipeline import PROFILES, REGISTRY

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
