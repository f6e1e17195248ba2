"""Settings: defaults, then the project's config file, then command-line flags.

The config file is ``newsclean.toml`` or ``.newsclean.toml`` (top-level keys), or the
``[tool.newsclean]`` table of ``pyproject.toml``; the first one found from the working folder
upward wins, and the search stops at the root of a git repository. Each cleaner's options sit
in a table named after the cleaner, e.g. ``[tool.newsclean.whitespace]``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsclean.discovery import DEFAULT_INCLUDE
from newsclean.errors import UsageError
from newsclean.registry import DEFAULT_PROFILE, REGISTRY

CONFIG_NAMES = ("newsclean.toml", ".newsclean.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    profile: str = DEFAULT_PROFILE
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    format: str = "auto"  # text format: auto (by suffix), text or markdown
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Path | None = None  # the config file these came from, if any

    def override(self, **flags: Any) -> Settings:
        """Command-line flags win over the config file; a flag left unset (None) does not."""
        given = {key: value for key, value in flags.items() if value not in (None, ())}
        return replace(self, **given)


_SCALARS = {"profile": str, "encoding": str, "format": str}
_LISTS = ("only", "skip", "include", "exclude")


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start``, searching upward to the repository root or
    the home folder, whichever comes first. A file another user owns is passed over, as git
    does since CVE-2022-24765: a folder above the project is not the project's to configure."""
    home = Path.home().resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _ours(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists() or folder == home:
            return None
    return None


def _ours(path: Path) -> bool:
    owner = path.stat().st_uid
    return owner == os.getuid() or owner == 0  # (root's files are the system's own)


def load_settings(config: Path | None = None, start: Path | None = None) -> Settings:
    """Settings from ``config``, or from the file found upward from ``start`` (or defaults)."""
    path = config or find_config(start or Path.cwd())
    if path is None:
        return Settings()
    return parse_settings(_read_table(path), path)


def parse_settings(table: dict[str, Any], source: Path) -> Settings:
    """Validate a config table; every unknown key or wrong type names the file and the key."""
    values: dict[str, Any] = {}
    options: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if key in _SCALARS:
            values[key] = _expect(source, key, value, _SCALARS[key])
        elif key in _LISTS:
            values[key] = tuple(_expect_strings(source, key, value))
        elif key in REGISTRY:
            options[key] = _cleaner_options(source, key, value)
        else:
            valid = ", ".join([*_SCALARS, *_LISTS, *REGISTRY])
            raise UsageError(f"{source}: unknown key {key!r}; valid keys: {valid}")
    return Settings(**values, options=options, source=source)


def _cleaner_options(source: Path, cleaner: str, table: Any) -> dict[str, Any]:
    _expect(source, cleaner, table, dict)
    known = REGISTRY[cleaner].options
    for option, value in table.items():
        if option not in known:
            valid = ", ".join(known) or "none"
            raise UsageError(f"{source}: unknown option {cleaner}.{option}; valid options: {valid}")
        _expect(source, f"{cleaner}.{option}", value, type(known[option]))
    return dict(table)


def _expect(source: Path, key: str, value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise UsageError(f"{source}: {key} must be a {kind.__name__}, not {value!r}")
    return value


def _expect_strings(source: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{source}: {key} must be a list of strings, not {value!r}")
    return value


def _read_table(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise UsageError(f"{path}: cannot read config file ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML ({error}); fix the file or pass --config") from None
    except RecursionError:  # (tables nested thousands deep)
        raise UsageError(f"{path}: not valid TOML (nested too deep); fix the file or pass --config") from None
    if path.name == "pyproject.toml":
        return document.get("tool", {}).get("newsclean", {})
    return document


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "newsclean" in _read_toml_quietly(pyproject).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def _read_toml_quietly(path: Path) -> dict[str, Any]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)
