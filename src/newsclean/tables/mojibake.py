"""What UTF-8 bytes look like after a wrong decoding: the signatures the `mojibake` cleaner scans for.

Generated here from Python's codecs: a UTF-8 continuation byte (0x80-0xBF) or an Arabic lead
byte (0xD8-0xDB) read as one of the single-byte code pages that Arabic text is most often
mangled through.
"""

from newsclean.tables.invisible import BIDI_CONTROLS, OTHER_CONTROLS, ZERO_WIDTH

_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_ARABIC_LEAD_BYTES = bytes(range(0xD8, 0xDC))  # the leads of U+0600-U+06FF


def _read_as(data: bytes, codec: str) -> str:
    """Each byte as ``codec`` reads it; one it leaves undefined as latin-1 reads it (the C1
    control), as browsers and ftfy's sloppy codecs do."""
    return "".join(bytes([byte]).decode(codec, errors="ignore") or chr(byte) for byte in data)


# Windows-1252 and latin-1: what continuation bytes turn into (C1 controls where 1252 has none).
CONTINUATION_1252 = _read_as(_CONTINUATION_BYTES, "cp1252") + _read_as(bytes(range(0x80, 0xA0)), "latin-1")
ARABIC_LEAD_1252 = _read_as(_ARABIC_LEAD_BYTES, "cp1252")
# Every character a windows-1252 or latin-1 decoding can produce, as a character class's
# content: a mangled run is made of them.
REPERTOIRE_1252 = "\t\n\r\x20-\xff" + bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")

# Windows-1256 (every byte defined): continuation bytes become a mix of Arabic, Persian and
# Latin-1 characters; the leads are Arabic letters, and 0xC2-0xC3 (the leads of « » and
# Latin-1) are آ أ.
CONTINUATION_1256 = _CONTINUATION_BYTES.decode("cp1256")
ARABIC_LEAD_1256 = (_ARABIC_LEAD_BYTES + b"\xc2\xc3").decode("cp1256")
THREE_BYTE_LEAD_1256 = b"\xe2\x80".decode("cp1256")  # quotes, dashes, ZWNJ

# Characters the `invisible` cleaner deletes, but for the C1 controls and the soft hyphen,
# which in a latin-1 run are bytes of it: found inside a mangled run they are noise that must
# not hide the run.
NOISE = "".join(
    character
    for character in ZERO_WIDTH + BIDI_CONTROLS + OTHER_CONTROLS
    if not "\x80" <= character <= "\xad"
)
