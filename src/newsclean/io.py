"""One path cleaned: read and decoded (`decoding`), streamed through a pipeline, and delivered
as the mode says: to stdout, rewritten in place or copied (`writing`), checked, or diffed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, get_args

from newsclean.blocks import grouped_by_size
from newsclean.decoding import CHUNK_BYTES, STDIN, Detection, TextSource, open_input
from newsclean.diff import unified_diff
from newsclean.errors import InputError, UsageError
from newsclean.pipeline import Pipeline
from newsclean.writing import write_atomically

# Standard input's output is held back until all of it has decoded: in memory up to this, then on disk.
STDIN_SPOOL_BYTES = 8 * 1024 * 1024

# What a run does with each cleaned file: to stdout, rewritten, checked, diffed, or copied (-o).
Mode = Literal["stdout", "in-place", "check", "diff", "copy"]
MODES: tuple[Mode, ...] = get_args(Mode)
FORMATS = ("auto", "text", "markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# Files whose format the prose rules do not know, by suffix: what they are, what cleaning them
# as prose would do to them, and what to do instead. Not cleaned unless `--format text` asks.
_TABLES = (
    "tabular data",
    "as prose a comma between Arabic words becomes ، and a cell holding only a bar goes",
    "clean its text column (cut -f2 FILE | newsclean clean)",
)
_SUBTITLES = (
    "subtitles",
    "as prose their styling tags (<i>) and the direction marks of their cues would go",
    "clean the cues' text alone",
)
_JSON = (
    "JSON",
    "as prose a block tag in a string (<p>) becomes a line break, and the file is JSON no more",
    "clean its text field (jq -r .text FILE | newsclean clean)",
)
_HTML = (
    "an HTML page",
    "as prose the tags of its body would go as stray HTML, and the page with them",
    "extract its text first (for example html2text FILE | newsclean clean)",
)
NOT_PROSE = {
    **dict.fromkeys((".tsv", ".tab", ".csv"), _TABLES),
    **dict.fromkeys((".srt", ".vtt", ".ass", ".ssa", ".sub"), _SUBTITLES),
    **dict.fromkeys((".json", ".jsonl", ".ndjson"), _JSON),
    **dict.fromkeys((".html", ".htm", ".xhtml"), _HTML),
}


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
    suffix = os.path.splitext(name)[1].lower()
    if text_format == "auto" and suffix in NOT_PROSE:
        kind, harm, instead = NOT_PROSE[suffix]
        raise InputError(name, f"{kind}, not cleaned: {harm}", f"{instead}, or pass --format text")
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


def _check_writable(path: Path) -> None:
    # Root may write anything; a file without write bits was made read-only on purpose.
    if not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(str(path), "read-only, not rewritten", "make it writable (chmod u+w) or leave it out")
