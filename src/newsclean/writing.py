"""Bytes out: a file is replaced whole or not at all, and standard output's failures are the run's.

A rewrite goes through a temporary file in the same folder that has no name until it is
complete (or a named one removed on any failure), fsync, and an atomic rename, and only if the
file is still the one that was read; it keeps the file's owner, group, mode, ACLs and extended
attributes.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsclean.errors import InputError, OutputError


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
