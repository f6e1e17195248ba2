"""Bytes in: which encoding a file is in, and its text decoded as it streams.

Cleaners never see bytes. A file is opened only if it is a regular file; its encoding comes
from the user, a byte order mark, a UTF-8 check of its first 64 KiB, or a guess that the text
it gives must confirm (Arabic or Persian words); a byte that does not decode stops the file
with its offset.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsclean.errors import BinaryFileError, InputError, UndecodableError, UsageError
from newsclean.tables.arabic import ARABIC_LETTER, WORDS

SAMPLE_BYTES = 64 * 1024
CHUNK_BYTES = 256 * 1024
STDIN = "-"  # the name standard input goes by

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Code pages that hold Arabic script, tried in order; each must decode to Arabic-script text.
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
# What Arabic-script text is made of beyond ASCII: the Arabic blocks, ZWNJ/ZWJ and marks,
# general punctuation (curly quotes, dashes, ellipsis), guillemets and no-break space.
_ARABIC_TEXT_CHAR = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u200c-\u200f\u2010-\u2027\u00a0\u00ab\u00bb\u00d7\u00f7]"
)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTER}]+")
_ARTICLE_WORD = re.compile(f"(?<![{ARABIC_LETTER}])[وفبك]?ال[{ARABIC_LETTER}]{{2,}}")
# The commonest words of Arabic and Persian news (a table), with either keyboard's yeh and kaf.
_COMMON_WORDS = frozenset(
    variant
    for word in WORDS["common_words"]
    for variant in {word, word.replace("ي", "ی").replace("ك", "ک"), word.replace("ی", "ي").replace("ک", "ك")}
)
_LATIN_LETTER = re.compile("[A-Za-z]")
_ARABIC_SHARE = 0.9


@dataclass(frozen=True)
class Detection:
    encoding: str
    confidence: float
    method: str  # "bom", "utf-8", "arabic code page", "charset-normalizer" or "forced"


def detect_encoding(sample: bytes, *, complete: bool, path: str = STDIN) -> Detection:
    """Name the encoding of ``sample``, the first bytes of a file (all of it if ``complete``).

    >>> detect_encoding("قال المتحدث في المؤتمر إن الوزير".encode("cp1256"), complete=True).encoding
    'cp1256'
    >>> detect_encoding("خبر".encode("utf-8")[:-1], complete=False).encoding
    'utf-8'
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return Detection(encoding, 1.0, "bom")
    if b"\0" in sample:
        raise BinaryFileError(path, "NUL bytes and no UTF-16 byte order mark")
    whole = sample if complete else _trim_partial_utf8(sample)
    try:
        whole.decode("utf-8")
        return Detection("utf-8", 1.0, "utf-8")
    except UnicodeDecodeError:
        pass
    return _arabic_codepage(sample) or _charset_normalizer(whole, path)


def _trim_partial_utf8(sample: bytes) -> bytes:
    """Cut a UTF-8 character that the end of the sample split in two."""
    for back in range(1, min(4, len(sample)) + 1):
        byte = sample[-back]
        if byte & 0xC0 == 0x80:
            continue
        needed = 2 if byte >> 5 == 0b110 else 3 if byte >> 4 == 0b1110 else 4 if byte >> 3 == 0b11110 else 1
        return sample[:-back] if needed > back else sample
    return sample


def _arabic_codepage(sample: bytes) -> Detection | None:
    # charset-normalizer takes Persian windows-1256 with ZWNJ for mac_cyrillic or ptcp154:
    # check the Arabic code pages first, and keep one only if it decodes to Arabic-script
    # words. (Letters in range are not enough: Russian in KOI8-R and all-capitals Russian in
    # windows-1251 decode to Arabic letters in windows-1256, none of them words.)
    for encoding in _ARABIC_CODEPAGES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        non_ascii = len(_NON_ASCII.findall(text))
        arabic = len(_ARABIC_TEXT_CHAR.findall(text))
        share = arabic / non_ascii if non_ascii else 0.0
        # Latin text with accents decodes to Arabic letters in ISO-8859-6: Arabic must also
        # outnumber the ASCII letters, as it does in Arabic and Persian prose.
        if share >= _ARABIC_SHARE and arabic > len(_LATIN_LETTER.findall(text)) and has_arabic_script_words(text):
            return Detection(encoding, round(share, 3), "arabic code page")
    return None


def has_arabic_script_words(text: str) -> bool:
    """Whether ``text`` reads as Arabic or Persian: at least one word in ten of its
    Arabic-script words (and two at least) is one of the commonest words of the two languages
    or opens with the article (a quarter of Arabic words do).
    Real prose passes easily (a third or more of its words are such); letters that a wrong code
    page put in the Arabic range make no words.

    >>> has_arabic_script_words("قال المتحدث في المؤتمر إن الوزير سيزور المنطقة")
    True
    >>> has_arabic_script_words("ﻭﮬﻮﻫﻮ ﻘﻠﻤﻦ ﻨﯿﺲ")
    False
    """
    words = _ARABIC_WORD.findall(text)
    common = sum(map(_COMMON_WORDS.__contains__, words)) + len(_ARTICLE_WORD.findall(text))
    return common >= max(2, len(words) / 10)


def _charset_normalizer(sample: bytes, path: str) -> Detection:
    # Imported here: most inputs are settled by the checks above, and its import is a tenth
    # of newsclean's start-up, which counts when a pre-commit hook runs it on a few files.
    import charset_normalizer

    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise BinaryFileError(path, "no text encoding fits")
    if not has_arabic_script_words(str(best)):
        # A guess no Arabic or Persian words confirm (two lines of Latin-1 German come out as
        # cp775): written back in place it would be garbage no re-encoding undoes.
        raise InputError(
            path,
            f"not UTF-8, and its encoding cannot be told (it might be {best.encoding})",
            "pass --encoding NAME (for example --encoding windows-1256 or latin-1), or convert it to UTF-8",
        )
    return Detection(best.encoding, round(1.0 - best.chaos, 3), "charset-normalizer")


def forced_encoding(name: str) -> Detection:
    """The encoding a user named, if it is one that turns bytes into text."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    # Byte-to-byte and text-to-text codecs (bz2, zlib, hex, base64, rot13) and the ones that
    # read escapes or host names (unicode_escape rewrites backslashes) are no text encodings:
    # bz2 on 1.5 KB reached 4.2 GB.
    if info is None or not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT_ENCODINGS:
        raise UsageError(
            f"--encoding {name!r} is not a text encoding; name one such as utf-8, windows-1256 or iso-8859-6"
        )
    return Detection(info.name, 1.0, "forced")


_NOT_TEXT_ENCODINGS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})


class TextSource:
    """A file (or stdin) opened for streaming text: encoding known, bytes not yet decoded."""

    def __init__(
        self, path: str, stream: BinaryIO, encoding: str | None = None, *, on_read: Callable[[int], None] | None = None
    ) -> None:
        self.path = path
        self._on_read = on_read
        self._stream = stream
        self._head = stream.read(SAMPLE_BYTES)
        if encoding:
            self.detection = forced_encoding(encoding)
        else:
            complete = len(self._head) < SAMPLE_BYTES
            self.detection = detect_encoding(self._head, complete=complete, path=path)
        self.bytes_read = 0
        # Of the bytes read, to tell whether the output differs. SHA-256, which OpenSSL runs
        # on the CPU's SHA instructions: 1.5x as fast as BLAKE2b here.
        self.digest = hashlib.sha256()

    def head_text(self) -> str:
        """The sample read for detection, decoded (a character cut at its end replaced)."""
        return self._head.decode(self.detection.encoding, errors="replace")

    def chunks(self) -> Iterator[str]:
        """Decode the whole input, chunk by chunk; raise UndecodableError with the offset."""
        decoder = codecs.getincrementaldecoder(self.detection.encoding)("strict")
        raw = self._head
        while raw:
            yield self._decode(decoder, raw, final=False)
            raw = self._stream.read(CHUNK_BYTES)
        yield self._decode(decoder, b"", final=True)

    def _decode(self, decoder: codecs.IncrementalDecoder, raw: bytes, *, final: bool) -> str:
        try:
            text = decoder.decode(raw, final=final)
        except UnicodeDecodeError as error:
            pending = len(error.object) - len(raw)
            offset = self.bytes_read - pending + error.start
            raise UndecodableError(
                self.path, offset, error.object[error.start], self.detection.encoding
            ) from None
        self.bytes_read += len(raw)
        self.digest.update(raw)
        if self._on_read is not None:
            self._on_read(len(raw))
        return text


def line_endings(sample: str) -> str:
    """Name the line ends a text uses: ``LF``, ``CRLF``, ``CR``, ``mixed`` or ``none``."""
    crlf = sample.count("\r\n")
    lf, cr = sample.count("\n") - crlf, sample.count("\r") - crlf
    kinds = [name for name, count in (("LF", lf), ("CRLF", crlf), ("CR", cr)) if count]
    return kinds[0] if len(kinds) == 1 else "mixed" if kinds else "none"


def open_input(path: Path) -> BinaryIO:
    """Open a file to read, refusing what is no regular file (a FIFO would hang) with one line."""
    try:
        if not path.is_file():
            raise InputError(str(path), "not a regular file", "name a text file or a folder")
        return open(path, "rb")
    except PermissionError:
        raise InputError(str(path), "permission denied while reading", "check its permissions") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file", "check the path") from None
