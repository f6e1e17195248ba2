"""Cleaning many files: one after another, or in worker processes with the output kept in order.

Each file's failure is its own: it becomes an `Outcome` with a one-line message, and the
batch goes on.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from newsclean.decoding import STDIN, TextSource, open_input
from newsclean.discovery import InputFile
from newsclean.errors import BinaryFileError, InputError
from newsclean.io import Mode, clean_path, is_markdown
from newsclean.pipeline import Pipeline

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.synchronize import Event

    from newsclean.changes import Change

# Files handed to a worker at a time: enough to keep the pipe between processes quiet.
CHUNK = 4


# What became of a file.
Status = Literal["changed", "unchanged", "skipped", "failed"]


@dataclass
class Outcome:
    path: str
    status: Status
    size: int = 0
    message: str = ""  # why it was skipped or failed, in one line
    named: bool = True
    changes: Counter[str] = field(default_factory=Counter)  # lines changed by each cleaner
    destination: str = ""  # where -o wrote it
    records: list[dict[str, object]] = field(default_factory=list)  # each change, as `Change.as_record` gives it
    review: dict[str, object] = field(default_factory=dict)  # for the review page: encoding, changes


@dataclass(frozen=True)
class Job:
    """What to do with each file: everything but the file itself."""

    pipeline: Pipeline
    mode: Mode
    encoding: str | None = None
    text_format: str = "auto"
    records: bool = False  # also tell each change, its place and its cleaner (Outcome.records)
    report: bool = False  # also keep what the review page shows (Outcome.review)


# Worker processes pay for themselves from about this much text per worker: below it, one
# process finishes first and uses less CPU (500 files, 3.3 MB: -j 2 was 15% faster by the clock
# but used 20% more CPU, which a pre-commit run split in two processes does not have to spare;
# 20 files, 130 KB: -j 2 was slower).
BYTES_PER_WORKER = 2 * 1024 * 1024


def default_jobs(files: int, size: int = 0) -> int:
    """Worker processes for ``files`` files of ``size`` bytes in all: one per CPU, but no more
    than there are files or `BYTES_PER_WORKER` of text each; one for a small batch.

    >>> default_jobs(500, 3_300_000)
    1
    >>> default_jobs(1, 10**9)
    1
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, files, size // BYTES_PER_WORKER))


def run(
    items: Sequence[tuple[InputFile, Path | None]],
    job: Job,
    out: BinaryIO,
    jobs: int = 1,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Clean each ``(file, destination)`` and yield its outcome, in the order given.

    With ``jobs`` > 1 the files are cleaned in worker processes; what a file writes to
    ``out`` (stdout, or a diff) is spooled to a temporary file by its worker and copied to
    ``out`` in input order. Workers run at most `AHEAD` tasks per worker ahead of what has
    been written, so a slow reader bounds the spool, and Ctrl-C has little to wait for.

    Ctrl-C stops handing out files: the files that workers hold are finished and yielded, then
    KeyboardInterrupt is raised. A second Ctrl-C ends the workers at once. Either way every
    file is its old self or its new self (writes are atomic).
    """
    if jobs <= 1 or len(items) <= 1:
        for item, destination in items:
            yield clean_one(item, destination, job, out, on_read)
        return
    # (Imported here: a run in one process, a hook on a few files, does not pay for them.)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    tasks = (list(items[start : start + CHUNK]) for start in range(0, len(items), CHUNK))
    with tempfile.TemporaryDirectory(prefix="newsclean-") as spool:
        stop = multiprocessing.get_context().Event()
        pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(job, spool, os.getpid(), stop))
        running: deque[Future[Results]] = deque()
        interrupts = _Interrupts(stop, pool)
        try:
            with interrupts.caught():
                _hand_out(pool, tasks, running, jobs * AHEAD)
                while running:
                    results = running.popleft().result()
                    if not interrupts.count:
                        _hand_out(pool, tasks, running, jobs * AHEAD)
                    yield from _delivered(results, out)
            if interrupts.count:
                raise KeyboardInterrupt
        finally:
            stop.set()  # (also when the reader of the outcomes left: workers finish their file)
            pool.shutdown(wait=True, cancel_futures=True)


# Tasks handed to the workers ahead of the one whose output is being written, per worker.
AHEAD = 2


class _Interrupts:
    """Ctrl-C while workers clean: the first has them stop after the file each holds (the
    tasks not started come back empty), so every file finished is still reported; the second
    ends them at once. Either way each file is its old self or its new self."""

    def __init__(self, stop: Event, pool: ProcessPoolExecutor) -> None:
        self.stop, self.pool, self.count = stop, pool, 0

    def __call__(self, signum: int, frame: object) -> None:
        self.count += 1
        self.stop.set()
        if self.count > 1:
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.kill()
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def caught(self) -> Iterator[None]:
        try:
            previous = signal.signal(signal.SIGINT, self)
        except ValueError:  # not the main thread: Ctrl-C keeps its usual meaning
            yield
            return
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


Task = list[tuple[InputFile, Path | None]]
Results = list[tuple[Outcome, str | None]]


def _hand_out(pool: ProcessPoolExecutor, tasks: Iterator[Task], running: deque[Future[Results]], limit: int) -> None:
    while len(running) < limit:
        task = next(tasks, None)
        if task is None:
            return
        running.append(pool.submit(_work_on, task))


def _delivered(results: Results, out: BinaryIO) -> Iterator[Outcome]:
    for outcome, spooled in results:
        if spooled:
            with open(spooled, "rb") as piece:
                shutil.copyfileobj(piece, out)
            os.unlink(spooled)
        yield outcome


def clean_one(
    item: InputFile, destination: Path | None, job: Job, out: BinaryIO | None, on_read: Callable[[int], None] | None = None
) -> Outcome:
    """Clean one file; every failure of this file is returned, not raised. ``on_read(count)``
    hears of the bytes read as they are."""
    path = str(item.path)
    before = Counter(job.pipeline.changes or {})
    stdin = None
    try:
        changes: list[Change] = []
        if job.records or job.report:
            # Read before the file is cleaned (in place, it is not the same file after);
            # standard input is read once and handed to the cleaning as bytes.
            data = _read_input(item.path)
            stdin = io.BytesIO(data) if path == STDIN else None
            changes = _changes(path, data, job)
        result = clean_path(
            item.path,
            job.pipeline,
            mode=job.mode,
            out=out,
            destination=destination,
            encoding=job.encoding,
            text_format=job.text_format,
            on_read=on_read,
            stdin=stdin,
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
    counted = Counter(job.pipeline.changes or {})
    counted.subtract(before)
    status: Status = "changed" if result.changed else "unchanged"
    message = f"{path}: {result.warning}" if result.warning else ""
    written = str(destination) if destination is not None and result.changed else ""
    outcome = Outcome(path, status, result.size, message, item.named, +counted, written)
    if result.changed:
        outcome.records = [change.as_record(path) for change in changes] if job.records else []
    if job.report:
        outcome.review = _review(result.encoding, changes)
    return outcome


# The review page shows the first REVIEW_CAP changes of a file and counts the rest.
REVIEW_CAP = 200


def _review(encoding: str, changes: list[Change]) -> dict[str, object]:
    return {
        "encoding": encoding,
        "total": len(changes),
        "changes": [change.as_report_item() for change in changes[:REVIEW_CAP]],
    }


def _read_input(path: Path) -> bytes:
    if str(path) == STDIN:
        return sys.stdin.buffer.read() if sys.stdin is not None else b""
    with open_input(path) as stream:
        return stream.read()


def _changes(path: str, data: bytes, job: Job) -> list[Change]:
    from newsclean.changes import changes  # (a reporting mode's module)

    text = "".join(TextSource(path, io.BytesIO(data), job.encoding).chunks())
    return changes(job.pipeline, text, markdown=is_markdown(path, job.text_format))


_worker: dict[str, Any] = {}


def _start_worker(job: Job, spool: str, parent: int, stop: Event) -> None:
    _end_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent alone answers it, by setting
    # ``stop``: a worker finishes the file it holds (every write is atomic anyway) and takes
    # no other.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(job=job, spool=spool, stop=stop)


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


def _work_on(task: Task) -> Results:
    results = []
    for item, destination in task:
        if _worker["stop"].is_set():
            break  # interrupted: the files not started stay as they are, unreported
        results.append(_work(item, destination))
    return results


def _work(item: InputFile, destination: Path | None) -> tuple[Outcome, str | None]:
    job: Job = _worker["job"]
    if job.mode not in ("stdout", "diff"):
        return clean_one(item, destination, job, None), None
    descriptor, spooled = tempfile.mkstemp(dir=_worker["spool"])
    with os.fdopen(descriptor, "wb") as out:
        outcome = clean_one(item, destination, job, out)
    return outcome, spooled
