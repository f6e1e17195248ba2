"""Load the JSON tables shipped as package data, validating them on the way in."""

from __future__ import annotations

import json
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


def load_word_lists(name: str, keys: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Lists of lowercase ASCII words under ``keys``; no word may stand under two keys."""
    table = load_table(name)
    lists: dict[str, frozenset[str]] = {}
    seen: dict[str, str] = {}
    for key in keys:
        words = table.get(key)
        if not isinstance(words, list) or not words:
            raise TableError(f"table {name}: key {key!r} must be a non-empty list")
        for word in words:
            if not isinstance(word, str) or not word.isascii() or not word.isalnum() or word != word.lower():
                raise TableError(f"table {name}: key {key!r} holds a bad word {word!r}")
            if word in seen:
                raise TableError(f"table {name}: {word!r} stands under both {seen[word]!r} and {key!r}")
            seen[word] = key
        lists[key] = frozenset(words)
    return lists
