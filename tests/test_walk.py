"""Which files a run takes, through the real command line: ignore rules, -o paths, -v, the
config found where the files are, --stdin-filename."""

import os

import pytest
from typer.testing import CliRunner

from newsclean.cli import app

DIRTY = "قال  المتحدث\n"
CLEAN = "قال المتحدث\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)

    def invoke(*args, input=None):
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


def tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def checked(result):
    return sorted(line.removeprefix("would clean: ") for line in result.stderr.splitlines() if line.startswith("would clean: "))


def test_a_walk_skips_what_git_ignores_and_tools_folders(run, tmp_path):
    repo = tree(tmp_path / "repo", {
        ".gitignore": "drafts/\n*.tmp.txt\n!keep.tmp.txt\n",
        "news/.gitignore": "local.txt\n",
        ".git/info/exclude": "private.txt\n",
        "news/a.txt": DIRTY,
        "news/local.txt": DIRTY,
        "news/b.tmp.txt": DIRTY,
        "news/keep.tmp.txt": DIRTY,
        "drafts/c.txt": DIRTY,
        "private.txt": DIRTY,
        "node_modules/pkg/readme.md": DIRTY,
        ".venv/lib/x.txt": DIRTY,
        "build/out.txt": DIRTY,
        "other/local.txt": DIRTY,  # news/.gitignore does not reach here
    })
    (tmp_path / "home" / ".config" / "git").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "git" / "ignore").write_text("*.bak.txt\n")
    (repo / "news" / "d.bak.txt").write_text(DIRTY)
    result = run("clean", "--check", "repo")
    assert result.exit_code == 1
    assert checked(result) == ["repo/news/a.txt", "repo/news/keep.tmp.txt", "repo/other/local.txt"]
    everything = run("clean", "--check", "--no-ignore", "repo")
    assert len(checked(everything)) == 10  # all but .venv: hidden folders stay skipped


def test_a_file_named_is_cleaned_whatever_the_ignore_rules_unless_force_exclude(run, tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "drafts/\n", "drafts/a.txt": DIRTY, "b.txt": DIRTY})
    assert checked(run("clean", "--check", "drafts/a.txt", "b.txt")) == ["b.txt", "drafts/a.txt"]
    assert checked(run("clean", "--check", "--exclude", "b.txt", "b.txt")) == ["b.txt"]
    forced = run("clean", "--check", "--force-exclude", "--exclude", "b.txt", "-v", "drafts/a.txt", "b.txt")
    assert forced.exit_code == 0 and checked(forced) == []
    assert "skipped drafts/a.txt: ignored by git" in forced.stderr
    assert "skipped b.txt: excluded" in forced.stderr


def test_a_folder_named_that_git_ignores_is_walked(run, tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "drafts/\n", "drafts/a.txt": DIRTY})
    assert checked(run("clean", "--check", "drafts")) == ["drafts/a.txt"]


def test_verbose_names_the_config_each_file_and_each_skip(run, tmp_path):
    tree(tmp_path, {".git/HEAD": "", "newsclean.toml": 'exclude = ["x/*"]\n', "x/a.txt": DIRTY, "b.txt": CLEAN})
    os.symlink("/etc", tmp_path / "link")
    result = run("clean", "--check", "-v", ".")
    lines = result.stderr.splitlines()
    assert f"config: {tmp_path / 'newsclean.toml'}" in lines
    assert "skipped x/a.txt: excluded (--exclude or the config's exclude)" in lines
    assert "skipped link: a link to outside the folder walked" in lines
    assert "unchanged: b.txt" in lines
    quiet = run("clean", "--check", "-q", "nothing-here")
    assert quiet.stderr.splitlines() == ["newsclean: error: nothing-here: no such file or folder; check the path"]


def test_the_config_is_found_where_the_files_are(run, tmp_path):
    tree(tmp_path / "project", {".git/HEAD": "", "newsclean.toml": 'only = ["whitespace"]\n', "a.txt": "<b>x</b>  y\n"})
    (tmp_path / "elsewhere").mkdir()
    os.chdir(tmp_path / "elsewhere")
    result = run("clean", str(tmp_path / "project" / "a.txt"))
    assert result.stdout == "<b>x</b> y\n"  # html stayed off, as the project's config says


def test_output_dir_keeps_named_files_apart_and_refuses_collisions(run, tmp_path):
    tree(tmp_path, {"a/x.txt": DIRTY, "b/x.txt": DIRTY + DIRTY})
    result = run("clean", "-o", "out", "a/x.txt", "b/x.txt")
    assert result.exit_code == 0
    assert (tmp_path / "out/a/x.txt").read_text() == CLEAN
    assert (tmp_path / "out/b/x.txt").read_text() == CLEAN + CLEAN
    assert "Wrote out/a/x.txt" in result.stderr and "Fixing" not in result.stderr
    one, two = tree(tmp_path / "o1", {"x.txt": DIRTY}) / "x.txt", tree(tmp_path / "o2", {"x.txt": DIRTY}) / "x.txt"
    (tmp_path / "w").mkdir()
    os.chdir(tmp_path / "w")  # both files outside the working folder: each keeps its name alone
    assert run("clean", "-o", "out2", str(one), str(tmp_path / "o1" / "." / "x.txt")).exit_code == 0  # one file
    refused = run("clean", "-o", "out3", str(one), str(two))
    assert refused.exit_code == 2 and "would both be written to out3/x.txt" in refused.stderr
    assert not (tmp_path / "w" / "out3").exists()


def test_an_output_that_cannot_be_written_is_named(run, tmp_path):
    tree(tmp_path, {"a/x.txt": DIRTY, "out/a": "a file where a folder should be"})
    result = run("clean", "-o", "out", "a/x.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsclean: error: out/a/x.txt: cannot be written")


def test_stdin_filename_follows_the_rules_of_that_name(run, tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "vendor/\n"})
    markdown = "قال  المتحدث\n\n```\ncode  stays\n```\n"
    assert run("clean", "--stdin-filename", "a.md", input=markdown).stdout == "قال المتحدث\n\n```\ncode  stays\n```\n"
    assert run("clean", "--stdin-filename", "a.txt", input=markdown).stdout == "قال المتحدث\n\n```\ncode stays\n```\n"
    ignored = run("clean", "--force-exclude", "--stdin-filename", "vendor/a.txt", input=DIRTY)
    assert ignored.exit_code == 0 and ignored.stdout == DIRTY


def test_paths_that_match_no_file_warn_and_fail_a_check(run, tmp_path):
    (tmp_path / "empty").mkdir()
    tree(tmp_path, {"empty/notes.csv": "a,b\n"})
    result = run("clean", "--check", "empty")
    assert result.exit_code == 2
    assert "newsclean: warning: no file to clean in empty" in result.stderr
    assert run("clean", "empty").exit_code == 0
