"""Mojibake: UTF-8 text that was decoded with a single-byte code page and saved again."""

from __future__ import annotations

import re

import ftfy

from newsclean.tables.mojibake import (
    ARABIC_LEAD_1252,
    ARABIC_LEAD_1256,
    CONTINUATION_1252,
    CONTINUATION_1256,
    REPERTOIRE_1252,
    THREE_BYTE_LEAD_1256,
)

_CONTINUATION_1252 = f"[{re.escape(CONTINUATION_1252)}]"
_SIGNATURE_1252 = re.compile(f"[{ARABIC_LEAD_1252}]{_CONTINUATION_1252}|â€{_CONTINUATION_1252}|Ã[\x80-\xbf]")
_RUN_1252 = re.compile(f"[{REPERTOIRE_1252}]+")
_PAIR_1256 = f"(?:[{ARABIC_LEAD_1256}]|{THREE_BYTE_LEAD_1256})[{re.escape(CONTINUATION_1256)}]"
# Two mangled letters in a row: real Arabic never pairs these leads with these followers twice.
_RUN_1256 = re.compile(f"(?:{_PAIR_1256}){{2,}}")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was read as windows-1252, latin-1 or windows-1256 and saved again.

    Only the mangled runs are touched, so a line that mixes good and broken text keeps the
    good part as it is; windows-1252 and latin-1 go through ftfy's encoding fixer alone (no
    other ftfy fix: quotes stay curly), windows-1256, which ftfy does not know, is reversed here.

    >>> fix_mojibake("Ø§Ù„Ø³Ù„Ø§Ù… Ø¹Ù„ÙŠÙƒÙ…")
    'السلام عليكم'
    >>> fix_mojibake("قال: ط§ظ„ط³ظ„ط§ظ…")
    'قال: السلام'
    >>> fix_mojibake("“نص” Øst, café, مع، ظهر")
    '“نص” Øst, café, مع، ظهر'
    """
    if _SIGNATURE_1252.search(text):
        text = _RUN_1252.sub(_fix_1252_run, text)
    if _RUN_1256.search(text):
        text = _RUN_1256.sub(_fix_1256_run, text)
    return text


def _fix_1252_run(match: re.Match) -> str:
    run = match.group()
    if not _SIGNATURE_1252.search(run):
        return run
    return ftfy.fix_encoding(run)


def _fix_1256_run(match: re.Match) -> str:
    run = match.group()
    try:
        return run.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return run
