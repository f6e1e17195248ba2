"""Load the JSON tables shipped as package data, validating them on the way in."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from newsclean.errors import NewscleanError


class TableError(NewscleanError):
    """A shipped data table is malformed: a packaging bug, named with the table and key."""


def load_table(name: str) -> dict[str, Any]:
    text = resources.files("newsclean.tables").joinpath(name).read_text("utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise TableError(f"table {name}: not valid JSON ({error})") from None


_ASCII_NAME = re.compile("[a-z][a-z0-9]*")


def load_word_lists(
    name: str, keys: tuple[str, ...], word: re.Pattern[str] = _ASCII_NAME, *, exclusive: bool = True
) -> dict[str, frozenset[str]]:
    """Lists of words (each a full match of ``word``) under ``keys``.

    With ``exclusive``, no word may stand under two keys (a word has one class).
    """
    table = load_table(name)
    lists: dict[str, frozenset[str]] = {}
    seen: dict[str, str] = {}
    for key in keys:
        words = table.get(key)
        if not isinstance(words, list) or not words:
            raise TableError(f"table {name}: key {key!r} must be a non-empty list")
        for entry in words:
            if not isinstance(entry, str) or not word.fullmatch(entry):
                raise TableError(f"table {name}: key {key!r} holds a bad word {entry!r}")
            if exclusive and entry in seen:
                raise TableError(f"table {name}: {entry!r} stands under both {seen[entry]!r} and {key!r}")
            seen[entry] = key
        lists[key] = frozenset(words)
    return lists
