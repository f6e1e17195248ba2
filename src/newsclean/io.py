"""Bytes in and out: encoding detection, streaming decode, atomic writes, input discovery.

Cleaners never see bytes; everything that knows about files and encodings lives here.
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import functools
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, get_args

from newsclean.blocks import grouped_by_size
from newsclean.diff import unified_diff
from newsclean.errors import BinaryFileError, InputError, OutputError, UndecodableError, UsageError
from newsclean.pipeline import Pipeline
from newsclean.tables.arabic import WORDS

SAMPLE_BYTES = 64 * 1024
CHUNK_BYTES = 256 * 1024
STDIN_SPOOL_BYTES = 8 * 1024 * 1024
STDIN = "-"

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
_ARABIC_WORD = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]+")
_ARTICLE_WORD = re.compile("(?<![\u0620-\u064a])[وفبك]?ال[\u0620-\u064a]{2,}")
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


class StandardOutput:
    """Standard output for the product: a failure to write it (a full disk) is the run's, not
    the file being cleaned's, and stops the run with a one-line error."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        with _as_output_error():
            return self._stream.write(data)

    def flush(self) -> None:
        with _as_output_error():
            self._stream.flush()


@contextlib.contextmanager
def _as_output_error() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise  # the reader has what it wanted: not an error
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from None


def line_endings(sample: str) -> str:
    """Name the line ends a text uses: ``LF``, ``CRLF``, ``CR``, ``mixed`` or ``none``."""
    crlf = sample.count("\r\n")
    lf, cr = sample.count("\n") - crlf, sample.count("\r") - crlf
    kinds = [name for name, count in (("LF", lf), ("CRLF", crlf), ("CR", cr)) if count]
    return kinds[0] if len(kinds) == 1 else "mixed" if kinds else "none"


def write_atomically(
    path: Path, chunks: Iterable[bytes], *, compare: bool = True, read_as: os.stat_result | None = None
) -> bool:
    """Write ``chunks`` to ``path`` through a temporary file and a rename; True if written.

    With ``compare``, an existing file whose bytes equal the new ones is not touched (its
    mtime stays). The temporary file sits in the same folder so the rename is atomic, is
    fsynced before it, and goes away on any failure or interrupt: the file is either its
    old self or its new self, never half-written. Where the file system allows (Linux
    O_TMPFILE), the temporary file has no name until the moment it replaces the target, so
    even a process killed with SIGKILL leaves nothing behind. A symlink's target is
    rewritten, the link kept; owner, group, mode bits, ACLs and extended attributes are kept.

    ``read_as`` is the state of the file when its content was opened for reading (`os.fstat`
    of that descriptor, before anything was read): if the file is not that file any more
    right before the rename (another program saved it, by rename or in place), it is left
    as it is now and InputError says so.
    """
    target = Path(os.path.realpath(path))
    try:
        before = read_as or target.stat()
        mode, existing = stat.S_IMODE(before.st_mode), compare
    except FileNotFoundError:
        before, mode, existing = None, 0o666 & ~_umask(), False
    temporary = _Temporary(target)
    try:
        with os.fdopen(temporary.fd, "wb") as out:
            if _copy_comparing(chunks, out, target if existing else None):
                return False
            out.flush()
            if before is not None:
                _copy_metadata(target, out.fileno(), before)
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
            if before is not None:
                _refuse_if_changed(target, before)
            temporary.publish()
    finally:
        temporary.discard()
    _fsync_folder(target.parent)
    return True


_AT_FDCWD, _AT_SYMLINK_FOLLOW = -100, 0x400


def _link_open_file(fd: int, name: str) -> None:
    """Give the unnamed file open as ``fd`` a name (linkat through /proc, which os.link
    cannot do: it does not follow the /proc link); copy it where linking is refused."""
    source = f"/proc/self/fd/{fd}".encode()
    libc = _libc()
    if libc is not None and libc.linkat(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(name), _AT_SYMLINK_FOLLOW) == 0:
        return
    with open(source, "rb") as unnamed, open(name, "xb") as named:
        shutil.copyfileobj(unnamed, named)
        named.flush()
        os.fsync(named.fileno())


@functools.lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover
        return None


def _refuse_if_changed(target: Path, before: os.stat_result) -> None:
    # Someone deleted or rewrote the file while it was being cleaned: their version wins.
    try:
        now = target.stat()
    except FileNotFoundError:
        now = None
    same = now is not None and _identity(now) == _identity(before)
    if not same:
        raise InputError(str(target), "changed while it was cleaned, left as it is now", "run newsclean on it again")


def _identity(state: os.stat_result) -> tuple[int, ...]:
    # The same file, not rewritten since: a save by rename changes the inode, one in place the
    # size or the times (ctime moves on every write, even within one mtime tick).
    return (state.st_dev, state.st_ino, state.st_size, state.st_mtime_ns, state.st_ctime_ns)


def _copy_metadata(target: Path, fd: int, before: os.stat_result) -> None:
    """Give the new file the old one's owner, group, ACLs and extended attributes, as sed -i
    and the formatters do. An attribute that cannot be set (another file system, no right to
    it) is left out: the text matters more."""
    if (before.st_uid, before.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, before.st_uid, before.st_gid)
        except PermissionError:
            pass  # (not root: the file becomes ours, as with any editor)
    try:
        names = os.listxattr(target)
    except OSError:  # no extended attributes on this file system, or not Linux
        return
    for name in names:  # POSIX ACLs among them (system.posix_acl_access)
        try:
            os.setxattr(fd, name, os.getxattr(target, name))
        except OSError:
            pass


class _Temporary:
    """A file beside ``target`` that becomes it with `publish`, or vanishes with `discard`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        # A name of its own length, not the target's plus a suffix: a file whose name is near
        # the 255-byte limit can be rewritten too.
        self.name = str(target.parent / f".newsclean-{os.urandom(6).hex()}.tmp")
        self.named = False
        try:
            self.fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except (AttributeError, OSError):  # not Linux, or a file system without O_TMPFILE
            self.fd = os.open(self.name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            self.named = True

    def publish(self) -> None:
        if not self.named:
            # Name the file only now, and rename it over the target at once.
            _link_open_file(self.fd, self.name)
            self.named = True
        os.replace(self.name, self.target)
        self.named = False

    def discard(self) -> None:
        if self.named:
            _remove_quietly(self.name)
            self.named = False


def _copy_comparing(chunks: Iterable[bytes], out: BinaryIO, original: Path | None) -> bool:
    """Write ``chunks`` to ``out``; True if they equal the bytes of ``original``."""
    if original is None:
        for chunk in chunks:
            out.write(chunk)
        return False
    same = True
    with open(original, "rb") as old:
        for chunk in chunks:
            out.write(chunk)
            if same and old.read(len(chunk)) != chunk:
                same = False
        return same and not old.read(1)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# What a run does with each cleaned file: to stdout, rewritten, checked, diffed, or copied (-o).
Mode = Literal["stdout", "in-place", "check", "diff", "copy"]
MODES: tuple[Mode, ...] = get_args(Mode)
FORMATS = ("auto", "text", "markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")


def is_markdown(path: str | Path, text_format: str = "auto") -> bool:
    """Whether to clean ``path`` as Markdown: by ``--format``, else by its suffix."""
    if text_format not in FORMATS:
        raise UsageError(f"unknown format {text_format!r}; choose one of {', '.join(FORMATS)}")
    if text_format != "auto":
        return text_format == "markdown"
    return str(path).lower().endswith(MARKDOWN_SUFFIXES)


@dataclass(frozen=True)
class FileResult:
    path: str
    changed: bool  # the cleaned text differs from the input bytes
    size: int  # bytes read
    warning: str | None = None  # something the user should know (a hard link split)
    encoding: str = "utf-8"  # what the input was decoded from


def clean_path(
    path: str | Path,
    pipeline: Pipeline | None = None,
    *,
    mode: Mode = "stdout",
    out: BinaryIO | None = None,
    destination: Path | None = None,
    encoding: str | None = None,
    text_format: str = "auto",
    on_read: Callable[[int], None] | None = None,
    stdin: BinaryIO | None = None,
) -> FileResult:
    """Clean one file (or ``-`` for stdin) and deliver the result as ``mode`` says.

    ``stdout``: cleaned UTF-8 to ``out``; ``in-place``: rewrite the file atomically if it
    changed; ``check``: only tell whether it would change; ``diff``: a unified diff to ``out``;
    ``copy``: write the cleaned text to ``destination``. ``stdin`` stands for standard input
    (its bytes read already, to be read again). Nothing is written for an input that
    cannot be decoded. ``text_format`` is ``auto`` (Markdown for ``.md`` and ``.markdown``),
    ``text`` or ``markdown``.
    """
    pipeline = pipeline or Pipeline()
    name = str(path)
    markdown = is_markdown(name, text_format)
    if name == STDIN:
        if mode not in ("stdout", "check", "diff"):
            raise InputError(STDIN, f"standard input cannot be cleaned with {mode}", "clean files instead")
        if stdin is None and sys.stdin is None:
            raise InputError(STDIN, "standard input is closed", "name the files to clean")
        source = TextSource(STDIN, stdin or sys.stdin.buffer, encoding)
        if mode != "stdout" or out is None:
            return _deliver(source, pipeline, mode, out, destination, markdown)
        # Standard input cannot be read twice: the output is held back (in memory up to
        # STDIN_SPOOL_BYTES, then on disk) until all of it has decoded, so a bad byte deep
        # inside writes nothing, as for files.
        with tempfile.SpooledTemporaryFile(max_size=STDIN_SPOOL_BYTES) as spool:
            result = _deliver(source, pipeline, mode, spool, destination, markdown)  # type: ignore[arg-type]
            spool.seek(0)
            shutil.copyfileobj(spool, out, CHUNK_BYTES)
        return result
    path = Path(path)
    if mode == "in-place":
        _check_writable(path)
    if mode == "stdout":
        # Decode once before writing anything, so a bad byte deep in the file leaves no
        # half-cleaned text on stdout.
        with open_input(path) as stream:
            for _ in TextSource(name, stream, encoding).chunks():
                pass
    with open_input(path) as stream:
        read_as = os.fstat(stream.fileno())  # before a byte is read: what a rewrite must still find
        source = TextSource(name, stream, encoding, on_read=on_read)
        return _deliver(source, pipeline, mode, out, destination, markdown, read_as)


def _deliver(
    source: TextSource,
    pipeline: Pipeline,
    mode: Mode,
    out: BinaryIO | None,
    destination: Path | None,
    markdown: bool,
    read_as: os.stat_result | None = None,
) -> FileResult:
    path = Path(source.path)
    warning = None
    if mode == "diff":
        changed = _write_diff(source, pipeline.stream_pairs(source.chunks(), markdown=markdown), out)
        return FileResult(source.path, changed, source.bytes_read, encoding=source.detection.encoding)
    # The pipeline's pieces (a paragraph, a line break) are joined into pieces of about 64 Ki
    # characters, so that each encode, digest update and write does more at once.
    pieces = grouped_by_size(pipeline.stream(source.chunks(), markdown=markdown), 1 << 16)
    cleaned = ("".join(piece).encode("utf-8") for piece in pieces)
    if mode == "stdout":
        changed = _differs_from_source(source, cleaned, out)
    elif mode == "in-place":
        changed = write_atomically(path, cleaned, read_as=read_as)
        if changed and read_as is not None and read_as.st_nlink > 1:
            warning = "hard-linked: this name now holds the cleaned text, its other links the old one"
    elif mode == "check":
        changed = _differs_from_source(source, cleaned)
    elif mode == "copy":
        if destination is None:
            raise ValueError("mode 'copy' needs a destination")
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            changed = write_atomically(destination, cleaned)
        except OSError as error:  # the destination's fault, not the file's: name it
            raise InputError(str(destination), f"cannot be written ({error.strerror or error})", "check the output folder") from None
    else:
        raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
    return FileResult(source.path, changed, source.bytes_read, warning, source.detection.encoding)


def _differs_from_source(source: TextSource, cleaned: Iterable[bytes], out: BinaryIO | None = None) -> bool:
    """Stream ``cleaned`` (to ``out`` if given) and tell whether it differs from the bytes read,
    by digest: neither side is held in memory, and the input is read once (stdin cannot be
    read twice)."""
    written = hashlib.sha256()
    for chunk in cleaned:
        if out is not None:
            out.write(chunk)
        written.update(chunk)
    return written.digest() != source.digest.digest()


def _write_diff(source: TextSource, pairs: Iterable[tuple[str, str]], out: BinaryIO | None) -> bool:
    """Write the diff of ``pairs`` to ``out`` as it is made; True if the file would change.

    Changed means what it means for --check and -i: the bytes written would differ from the
    bytes read. A file whose text stays but whose bytes do not (re-encoded to UTF-8, its byte
    order mark dropped) gets a header and a note saying so; the lines of a diff are always
    decoded text, in UTF-8.
    """
    written = hashlib.sha256()

    def counted() -> Iterator[tuple[str, str]]:
        for original, cleaned in pairs:
            written.update(cleaned.encode("utf-8"))
            yield original, cleaned

    note = _bytes_note(source.detection)
    shown = False
    for text in unified_diff(counted(), f"a/{source.path}", f"b/{source.path}"):
        if not shown and note:
            text = f"# {note}\n{text}"
        shown = True
        if out is not None:
            out.write(text.encode("utf-8", "surrogateescape"))
    changed = written.digest() != source.digest.digest()
    if changed and not shown and out is not None:
        out.write(f"# {note or 'bytes differ'}\n--- a/{source.path}\n+++ b/{source.path}\n".encode("utf-8", "surrogateescape"))
    return changed


def _bytes_note(detection: Detection) -> str | None:
    """What cleaning does to a file's bytes beyond its text, if anything."""
    if detection.encoding in ("utf-8", "ascii"):
        return None
    if detection.encoding == "utf-8-sig":
        return "byte order mark removed"
    return f"encoding: {detection.encoding} -> utf-8"


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


def _check_writable(path: Path) -> None:
    # Root may write anything; a file without write bits was made read-only on purpose.
    if not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(str(path), "read-only, not rewritten", "make it writable (chmod u+w) or leave it out")
