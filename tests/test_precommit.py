"""The hooks, run by the real pre-commit framework on a throwaway content repository.

pre-commit installs this checkout into a virtualenv of its own (with its dependencies from
the package index), so the first run takes a while; the install is cached for the session.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean

CHECKOUT = Path(__file__).resolve().parents[1]
DIRTY = "قال  المتحدث ، إن /p> الاجتماع انتهى.التقى |\n|\n"
ARTICLE = "# خبر  عاجل\n\nقال  المتحدث ، إن\n\n```\nx  =  1\n```\n"


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """A snapshot of this checkout (committed, untracked and all) as a repository of its own."""
    snapshot = tmp_path_factory.mktemp("newsclean-hooks")
    files = git(CHECKOUT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    for name in files:
        source = CHECKOUT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot")
    return snapshot, git(snapshot, "rev-parse", "HEAD").strip()


@pytest.fixture
def content_repo(tmp_path, hook_repo, tmp_path_factory) -> Path:
    snapshot, rev = hook_repo
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: newsclean\n"
        "      - id: newsclean-check\n        stages: [manual]\n"
    )
    (repo / "pyproject.toml").write_text('[tool.newsclean]\nexclude = ["drafts/*"]\n')
    (repo / "news").mkdir()
    (repo / "news" / "dirty.txt").write_text(DIRTY)
    (repo / "news" / "article.md").write_text(ARTICLE)
    (repo / "news" / "clean.txt").write_text(newsclean.clean(DIRTY))
    (repo / "drafts").mkdir()
    (repo / "drafts" / "scratch.txt").write_text(DIRTY)
    git(repo, "add", "-A")
    return repo


def pre_commit(repo: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *args],
        cwd=repo, capture_output=True, text=True, env=env, timeout=900,
    )


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_fix_hook_fails_then_passes_and_fixes_like_the_library(content_repo, pre_commit_home):
    clean_file = content_repo / "news" / "clean.txt"
    os.utime(clean_file, (1_000_000, 1_000_000))

    first = pre_commit(content_repo, "newsclean", "--all-files", home=pre_commit_home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "Fixing news/dirty.txt" in output and "Fixing news/article.md" in output
    assert (content_repo / "news" / "dirty.txt").read_text() == newsclean.clean(DIRTY)
    assert (content_repo / "news" / "article.md").read_text() == "# خبر عاجل\n\nقال المتحدث، إن\n\n```\nx  =  1\n```\n"
    assert clean_file.stat().st_mtime == 1_000_000  # a clean file is not rewritten
    assert (content_repo / "drafts" / "scratch.txt").read_text() == DIRTY  # excluded by the config

    second = pre_commit(content_repo, "newsclean", "--all-files", home=pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_reports_and_changes_nothing(content_repo, pre_commit_home):
    result = pre_commit(content_repo, "newsclean-check", "--all-files", "--hook-stage", "manual", home=pre_commit_home)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "would clean: news/dirty.txt" in output and "news/clean.txt" not in output
    assert (content_repo / "news" / "dirty.txt").read_text() == DIRTY
