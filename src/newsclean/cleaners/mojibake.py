"""Mojibake: UTF-8 text that was decoded with a single-byte code page and saved again."""

from __future__ import annotations

import re
import unicodedata

from newsclean.patterns import lazy, scan
from newsclean.tables.mojibake import (
    ARABIC_LEAD_1252,
    ARABIC_LEAD_1256,
    CONTINUATION_1252,
    CONTINUATION_1256,
    NOISE,
    REPERTOIRE_1252,
    THREE_BYTE_LEAD_1256,
)

_NOISE = f"[{re.escape(NOISE)}]"
_NOISE_RUN = lazy(f"{_NOISE}+")
_CONTINUATION_1252 = f"[{re.escape(CONTINUATION_1252)}]"
_SIGNATURE_1252 = scan(
    f"[{ARABIC_LEAD_1252}âÃ](?:"
    f"(?<=[{ARABIC_LEAD_1252}]){_NOISE}*{_CONTINUATION_1252}"
    f"|(?<=â){_NOISE}*€{_NOISE}*{_CONTINUATION_1252}"
    f"|(?<=Ã){_NOISE}*[\x80-\xbf])"
)
_RUN_1252 = lazy(f"[{REPERTOIRE_1252}{re.escape(NOISE)}]+")
_TRAILING_CONTINUATION = lazy(f"(?:{_NOISE}|{_CONTINUATION_1252})*")
_PAIR_1256 = (
    f"(?:[{ARABIC_LEAD_1256}]|{THREE_BYTE_LEAD_1256[0]}{_NOISE}*{THREE_BYTE_LEAD_1256[1]})"
    f"{_NOISE}*[{re.escape(CONTINUATION_1256)}]{_NOISE}*"
)
# Two mangled letters in a row: real Arabic never pairs these leads with these followers twice.
_RUN_1256 = scan(
    f"[{ARABIC_LEAD_1256}â](?:(?<=â){_NOISE}*€|(?<!â))"
    f"{_NOISE}*[{re.escape(CONTINUATION_1256)}]{_NOISE}*(?:{_PAIR_1256})+"
)
_EVERYDAY_TEXT = lazy(
    "[\\s!-~\u00a0\u00ab\u00bb\u060c\u061b\u061f\u0621-\u0652\u0660-\u066c\u0670"
    "\u067e\u0686\u0698\u06a9\u06af\u06cc\u06f0-\u06f9\u200c\u200d\u2013\u2014\u2018-\u201d\u2026]*"
)
# Latin letters with combining accents compose (NFC) into the leads of a mangled run.
_COMBINING = lazy("[\u0300-\u036f]")
# One scan tells whether a text may hold mojibake at all: a combining accent, a lead of
# windows-1252 mojibake, or a windows-1256 continuation that follows a lead (or noise) and is
# followed by another lead: two mangled letters in a row. The scan opens on the continuation,
# rarer in real text than the leads, which are common Arabic letters.
_MAY_BE_MANGLED = scan(
    f"[{re.escape(CONTINUATION_1256)}\\u0300-\\u036f{ARABIC_LEAD_1252}âÃ](?:"
    f"(?<=[\\u0300-\\u036f{ARABIC_LEAD_1252}âÃ])"
    f"|(?<=[{ARABIC_LEAD_1256}{re.escape(NOISE)}].)(?={_NOISE}*[{ARABIC_LEAD_1256}â]))"
)


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
    if not _MAY_BE_MANGLED.search(text):
        return text
    if _COMBINING.search(text):
        text = unicodedata.normalize("NFC", text)
    if _SIGNATURE_1252.search(text):
        text = _RUN_1252.sub(_fix_1252_run, text)
    if _RUN_1256.search(text):
        text = _RUN_1256.sub(_fix_1256_run, text)
    return text


def _fix_1252_run(match: re.Match[str]) -> str:
    # Hand ftfy only the stretch from the first mangled character to the last: text around
    # it (a no-break space, say) could make ftfy give up on it, and then give up no more
    # once another cleaner had removed that text.
    import ftfy  # here, not at the top: most text has no such run, and ftfy is slow to import

    run = match.group()
    signatures = list(_SIGNATURE_1252.finditer(run))
    if not signatures:
        return run
    start = signatures[0].start()
    trailing = _TRAILING_CONTINUATION.match(run, signatures[-1].end())
    end = trailing.end() if trailing else signatures[-1].end()
    return run[:start] + ftfy.fix_encoding(_NOISE_RUN.sub("", run[start:end])) + run[end:]


def _fix_1256_run(match: re.Match[str]) -> str:
    run = _NOISE_RUN.sub("", match.group())
    try:
        repaired = run.encode("cp1256").decode("utf-8")
    except UnicodeError:
        return match.group()
    # Only a repair into everyday Arabic or Persian is one: anything else was not mojibake.
    return repaired if _EVERYDAY_TEXT.fullmatch(repaired) else match.group()
