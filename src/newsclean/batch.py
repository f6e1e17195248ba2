"""Cleaning many files: one after another, or in worker processes with the output kept in order.

Each file's failure is its own: it becomes an `Outcome` with a one-line message, and the
batch goes on.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsclean.errors import BinaryFileError, InputError
from newsclean.io import InputFile, clean_path
from newsclean.pipeline import Pipeline

# Files handed to a worker at a time: enough to keep the pipe between processes quiet.
CHUNK = 4


@dataclass
class Outcome:
    path: str
    status: str  # "changed", "unchanged", "skipped" or "failed"
    size: int = 0
    message: str = ""  # why it was skipped or failed, in one line
    named: bool = True
    changes: Counter = field(default_factory=Counter)  # lines changed by each cleaner


@dataclass(frozen=True)
class Job:
    """What to do with each file: everything but the file itself."""

    pipeline: Pipeline
    mode: str
    encoding: str | None = None
    text_format: str = "auto"


def default_jobs(files: int) -> int:
    """The CPU count when there are several files, else one."""
    if files < 2:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(
    items: Sequence[tuple[InputFile, Path | None]],
    job: Job,
    out: BinaryIO,
    jobs: int = 1,
) -> Iterator[Outcome]:
    """Clean each ``(file, destination)`` and yield its outcome, in the order given.

    With ``jobs`` > 1 the files are cleaned in worker processes; what a file writes to
    ``out`` (stdout, or a diff) is spooled to a temporary file by its worker and copied to
    ``out`` in input order, so memory stays bounded and the order is kept.
    """
    if jobs <= 1 or len(items) <= 1:
        for item, destination in items:
            yield clean_one(item, destination, job, out)
        return
    with tempfile.TemporaryDirectory(prefix="newsclean-") as spool:
        pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(job, spool, os.getpid()))
        try:
            for outcome, spooled in pool.map(_work, items, chunksize=CHUNK):
                if spooled:
                    with open(spooled, "rb") as piece:
                        shutil.copyfileobj(piece, out)
                    os.unlink(spooled)
                yield outcome
        except BaseException:
            # The reader of stdout left, or Ctrl-C: files not started are not started.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()


def clean_one(item: InputFile, destination: Path | None, job: Job, out: BinaryIO) -> Outcome:
    """Clean one file; every failure of this file is returned, not raised."""
    path = str(item.path)
    before = Counter(job.pipeline.changes or {})
    try:
        result = clean_path(
            item.path,
            job.pipeline,
            mode=job.mode,
            out=out,
            destination=destination,
            encoding=job.encoding,
            text_format=job.text_format,
        )
    except BinaryFileError as error:
        return Outcome(path, "skipped", message=str(error), named=item.named)
    except InputError as error:
        return Outcome(path, "failed", message=str(error), named=item.named)
    except BrokenPipeError:
        raise  # the reader of stdout is gone: not this file's fault
    except OSError as error:
        message = f"{path}: {error.strerror or error}; file left as it was"
        return Outcome(path, "failed", message=message, named=item.named)
    changes = Counter(job.pipeline.changes or {})
    changes.subtract(before)
    status = "changed" if result.changed else "unchanged"
    message = f"{path}: {result.warning}" if result.warning else ""
    return Outcome(path, status, result.size, message=message, named=item.named, changes=+changes)


_worker: dict = {}


def _start_worker(job: Job, spool: str, parent: int) -> None:
    _end_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent alone answers it, by cancelling the
    # files not started. A worker finishes the file it holds (every write is atomic anyway).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(job=job, spool=spool)


_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the process that started it dies (Linux's
    PR_SET_PDEATHSIG): after a `kill -9` of newsclean, its workers would otherwise live on,
    blocked on a pipe nobody reads."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the pool's own checks must do
        return
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _work(task: tuple[InputFile, Path | None]) -> tuple[Outcome, str | None]:
    item, destination = task
    job: Job = _worker["job"]
    if job.mode not in ("stdout", "diff"):
        return clean_one(item, destination, job, None), None
    descriptor, spooled = tempfile.mkstemp(dir=_worker["spool"])
    with os.fdopen(descriptor, "wb") as out:
        outcome = clean_one(item, destination, job, out)
    return outcome, spooled
