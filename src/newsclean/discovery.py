"""Which files a run works on: the paths named, and the files found by walking folders.

A walk skips what the project would not want touched, as ruff, black and ripgrep do: hidden
folders (``.git`` among them), the folders tools fill (``node_modules``, ``.venv``, build
output), what git ignores (``.gitignore`` files, ``.git/info/exclude``, the global excludes
file), and links that lead outside the folder walked. A file named on the command line is
taken whatever these say, unless ``force_exclude`` asks for the same rules (a pre-commit
hook, which names every staged file).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsclean.errors import InputError

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.mdx")
# Folders that hold tools' files, never a project's articles.
TOOL_FOLDERS = frozenset({"venv", "node_modules", "build", "dist", "__pycache__", "site-packages"})

# Why a file or folder was passed over, as `-v` says it.
HIDDEN, TOOLS, GITIGNORED, EXCLUDED, OUTSIDE = (
    "hidden folder",
    "a tools' folder (--no-ignore to walk it)",
    "ignored by git (--no-ignore to take it)",
    "excluded (--exclude or the config's exclude)",
    "a link to outside the folder walked",
)

OnSkip = Callable[[Path, str], None]


@dataclass(frozen=True)
class InputFile:
    path: Path
    named: bool  # named on the command line, not found by walking a folder
    root: Path | None = None  # the folder it was found under


def iter_input_files(
    paths: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    *,
    ignore: bool = True,
    force_exclude: bool = False,
    on_skip: OnSkip | None = None,
    seen: set[str] | None = None,
) -> Iterator[InputFile]:
    """Files to clean, in the order given; folders walked recursively in sorted order.

    ``include`` and ``exclude`` are globs matched against the file name and its path relative
    to the folder walked. ``ignore`` skips tools' folders and what git ignores. A file named
    directly is taken whatever ``include`` says; with ``force_exclude`` the rules that skip
    files in a walk (``exclude``, and ``ignore``'s) leave it out too. ``on_skip(path, why)``
    hears of each file or folder passed over. A file met twice (``seen`` holds the real
    paths met so far) is taken once.
    """
    include, exclude = tuple(include), tuple(exclude)
    skip = on_skip or (lambda path, why: None)
    seen = set() if seen is None else seen
    for name in paths:
        path = Path(name)
        if path.is_dir():
            rules = GitIgnores.above(path) if ignore else None
            for found in _walk(path, include, exclude, rules, skip):
                if _first_time(found, seen):
                    yield InputFile(found, named=False, root=path)
        elif not path.exists() and not path.is_symlink():
            raise InputError(name, "no such file or folder", "check the path")
        elif force_exclude and (why := why_left_out(path, exclude, ignore)):
            skip(path, why)
        elif _first_time(path, seen):
            yield InputFile(path, named=True)


def why_left_out(path: Path, exclude: tuple[str, ...], ignore: bool) -> str | None:
    if _matches(path.name, path.as_posix(), exclude):
        return EXCLUDED
    if not ignore:
        return None
    if any(part in TOOL_FOLDERS for part in path.resolve().parent.parts):
        return TOOLS
    rules = GitIgnores.above(path.parent, within=True)
    return GITIGNORED if rules.ignored(str(path), folder=False) else None


def _first_time(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    root: Path, include: tuple[str, ...], exclude: tuple[str, ...], rules: GitIgnores | None, skip: OnSkip
) -> Iterator[Path]:
    """Files under ``root`` in sorted order, without a recursion per level (a tree a thousand
    folders deep is walked too), and without links that lead outside ``root``: cleaning in
    place must not reach a file the user did not point at (black and prettier skip them)."""
    inside = os.path.realpath(root)
    pending = [(str(root), rules)]
    while pending:
        folder, rules = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        if rules is not None:
            rules = rules.entering(folder, entries)
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink() and not _within(os.path.realpath(entry.path), inside):
                skip(path, OUTSIDE)
                continue
            if entry.is_dir():
                why = _why_not_walked(entry, rules)
                if why:
                    if why is not HIDDEN or entry.name != ".git":
                        skip(path, why)
                elif not entry.is_symlink():
                    subfolders.append((entry.path, rules))
                continue
            relative = path.relative_to(root).as_posix()
            if not _matches(entry.name, relative, include):
                continue  # not a kind of file this run takes: not worth a word
            if _matches(entry.name, relative, exclude):
                skip(path, EXCLUDED)
            elif rules is not None and rules.ignored(entry.path, folder=False):
                skip(path, GITIGNORED)
            else:
                yield path
        pending.extend(reversed(subfolders))


def _why_not_walked(entry: os.DirEntry[str], rules: GitIgnores | None) -> str | None:
    if entry.name.startswith("."):
        return HIDDEN
    if rules is None:
        return None
    if entry.name in TOOL_FOLDERS:
        return TOOLS
    return GITIGNORED if rules.ignored(entry.path, folder=True) else None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _matches(name: str, relative: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


class GitIgnores:
    """The ignore rules in force in a folder: each ``.gitignore`` from the repository's root
    down, with ``.git/info/exclude`` and the user's global excludes file. A deeper file's
    rules win over a shallower one's, and in a file the last matching pattern wins (pathspec's
    GitIgnoreSpec follows git's rules for the patterns themselves)."""

    def __init__(self, levels: tuple[tuple[str, object], ...] = ()) -> None:
        self.levels = levels  # (folder, compiled patterns), shallowest first

    @classmethod
    def above(cls, folder: Path, *, within: bool = False) -> GitIgnores:
        """The rules that apply to the entries of ``folder`` from the folders above it (and,
        with ``within``, from ``folder`` itself), up to the repository's root."""
        start = Path(os.path.abspath(folder))
        candidates = (start, *start.parents)
        repository = next((parent for parent in candidates if (parent / ".git").exists()), None)
        if repository is None:
            return cls()  # not in a repository: only the .gitignore files met while walking
        levels = candidates[: candidates.index(repository) + 1]
        rules = cls(_repository_wide(repository))
        for level in reversed(levels if within else levels[1:]):  # (a walk reads start's own)
            rules = rules._with_file(level / ".gitignore")
        if not within and rules.ignored(str(start), folder=True):
            return cls()  # the user named an ignored folder: walking it is what they asked for
        return rules

    def entering(self, folder: str, entries: list[os.DirEntry[str]]) -> GitIgnores:
        if any(entry.name == ".gitignore" for entry in entries):
            return self._with_file(Path(folder) / ".gitignore")
        return self

    def _with_file(self, path: Path) -> GitIgnores:
        spec = _compiled(path)
        return GitIgnores((*self.levels, (str(path.parent), spec))) if spec else self

    def ignored(self, path: str, *, folder: bool) -> bool:
        for base, spec in reversed(self.levels):
            relative = os.path.relpath(path, base)
            if relative.startswith(".."):
                continue
            result = spec.check_file(relative.replace(os.sep, "/") + ("/" if folder else ""))  # type: ignore[attr-defined]
            if result.include is not None:
                return bool(result.include)
        return False


def _repository_wide(repository: Path) -> tuple[tuple[str, object], ...]:
    levels = []
    for path in (_global_excludes_file(), repository / ".git" / "info" / "exclude"):
        spec = _compiled(path) if path else None
        if spec:
            levels.append((str(repository), spec))
    return tuple(levels)


def _compiled(path: Path) -> object | None:
    # pathspec is imported when a walk meets ignore rules: most runs name files.
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if len(spec) else None


_EXCLUDES_FILE = re.compile(r"^\s*excludesfile\s*=\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


def _global_excludes_file() -> Path | None:
    """core.excludesFile from the user's git config, else git's default place for it."""
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    for config in (Path.home() / ".gitconfig", config_home / "git" / "config"):
        try:
            found = _EXCLUDES_FILE.search(config.read_text("utf-8", errors="replace"))
        except OSError:
            continue
        if found:
            return Path(os.path.expanduser(found.group(1).strip('"')))
    return config_home / "git" / "ignore"
