"""Everything a person reads: messages, progress, summary and tables, all on stderr.

The only module besides cli.py that knows rich. stdout is left to cleaned text and diffs.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from newsclean.io import Mode

# rich is imported when something is shown, its tables and progress bars where they are drawn:
# start-up time counts when a pre-commit hook or an editor starts newsclean, and a filter that
# succeeds shows nothing.

# Work large enough that a progress bar helps rather than flickers.
PROGRESS_MIN_FILES = 50
PROGRESS_MIN_BYTES = 50 * 1024 * 1024


# Control characters (a file name may hold ESC and move the cursor or retitle the terminal),
# bidi controls (which reorder what follows) and the bytes of a file name that is not UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with what a terminal would act on shown as escapes instead.

    >>> printable("a\\x1b[2Jb\\udcffc")
    'a\\\\x1b[2Jb\\\\xffc'
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# What a changed file is, by mode, in the summary.
_CHANGED: dict[str, str] = {"check": "would change", "diff": "would change", "copy": "written", "stdout": "cleaned"}


def summary_line(tally: Tally, seconds: float, mode: Mode = "in-place") -> str:
    """One line for a run, within 80 columns: only the counts that are not zero, beyond the
    changed and unchanged files.

    >>> summary_line(Tally(seen=3, changed=1, unchanged=1, failed=1, bytes=2_500_000), 0.5, "check")
    '3 files: 1 would change, 1 unchanged, 1 failed (2.5 MB in 0.50 s)'
    """
    counts = [f"{tally.changed} {_CHANGED.get(mode, 'changed')}", f"{tally.unchanged} unchanged"]
    counts += [f"{count} {name}" for name, count in (("skipped", tally.skipped), ("failed", tally.failed)) if count]
    files = f"{tally.seen} file{'' if tally.seen == 1 else 's'}"
    return f"{files}: {', '.join(counts)} ({tally.bytes / 1e6:.1f} MB in {seconds:.2f} s)"


@dataclass
class Tally:
    seen: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    bytes: int = 0


class Reporter:
    def __init__(self, *, quiet: bool = False, verbose: bool = False, console: Console | None = None) -> None:
        self.quiet, self.verbose = quiet, verbose and not quiet
        self._console = console

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    def _say(self, text: str, style: str | None = None) -> None:
        self.console.print(printable(text), style=style, markup=False, highlight=False)

    def fixing(self, path: str) -> None:
        if not self.quiet:
            self._say(f"Fixing {path}")

    def would_clean(self, path: str) -> None:
        if not self.quiet:
            self._say(f"would clean: {path}")

    def wrote(self, path: str) -> None:
        if not self.quiet:
            self._say(f"Wrote {path}")

    def detail(self, text: str) -> None:
        """What -v adds: the config in use, each file, each file passed over and why."""
        if self.verbose:
            self._say(text, "dim")

    def hint(self, text: str) -> None:
        if not self.quiet:
            self._say(f"newsclean: {text}", "dim")

    def warning(self, message: str) -> None:
        if not self.quiet:
            self._say(f"newsclean: warning: {message}", "yellow")

    def error(self, message: str) -> None:
        self._say(f"newsclean: error: {message}", "red")

    def summary(self, tally: Tally, seconds: float, mode: Mode = "in-place") -> None:
        if not self.quiet:
            self._say(summary_line(tally, seconds, mode), "dim")

    def stats(self, changes: Counter[str], cleaners: Sequence[str]) -> None:
        from rich.table import Table

        table = Table("cleaner", "lines changed", title="changes by cleaner", title_justify="left")
        for name in cleaners:
            table.add_row(name, str(changes.get(name, 0)))
        self.console.print(table)

    def cleaners_table(self, summaries: Mapping[str, str], profiles: Mapping[str, Any]) -> None:
        from rich.table import Table

        table = Table("cleaner", "what it does", "profiles")
        for name, summary in summaries.items():
            used_by = ", ".join(p for p, profile in profiles.items() if name in profile.cleaners) or "-"
            table.add_row(name, summary, used_by)
        self.console.print(table)

    def profiles_table(self, profiles: Mapping[str, Any]) -> None:
        from rich.table import Table

        table = Table("profile", "what it is for", "cleaners")
        for name, profile in profiles.items():
            table.add_row(name, profile.summary, ", ".join(profile.cleaners))
        self.console.print(table)

    @contextlib.contextmanager
    def progress(self, files: int, size: int) -> Iterator[Progress]:
        """Yield a `Progress` to tell of bytes read and files done; it draws a bar (by bytes,
        with the files done, the rate and the time left) only for large work on a terminal."""
        large = files >= PROGRESS_MIN_FILES or size >= PROGRESS_MIN_BYTES
        if self.quiet or not large or not self.console.is_terminal:
            yield Progress()
            return
        from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn, TransferSpeedColumn
        from rich.progress import Progress as Bar

        columns = (
            TextColumn("cleaning"),
            BarColumn(),
            DownloadColumn(),
            TextColumn("{task.fields[files]}/" + f"{files} files"),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
        )
        with Bar(*columns, console=self.console, transient=True) as bar:
            task = bar.add_task("cleaning", total=size or None, files=0)
            yield Progress(lambda count: bar.advance(task, count), lambda done: bar.update(task, files=done))


class Progress:
    """Bytes read and files done, as a run goes; told to a bar, or to nobody."""

    def __init__(self, advance: Callable[[int], None] | None = None, files: Callable[[int], None] | None = None) -> None:
        self._advance = advance or (lambda count: None)
        self._files = files or (lambda done: None)
        self._done = 0
        self._read_of_this_file = 0

    def read(self, count: int) -> None:
        """Bytes read of the file being cleaned in this process (a 96 MB file moves the bar)."""
        self._read_of_this_file += count
        self._advance(count)

    def file_done(self, size: int) -> None:
        """A file finished: its bytes not yet told (all of them when a worker read it)."""
        self._advance(max(0, size - self._read_of_this_file))
        self._read_of_this_file = 0
        self._done += 1
        self._files(self._done)
