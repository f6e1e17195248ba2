"""The command line: parse, call the library, turn errors into one line and an exit code."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Literal, cast

import typer

from newsclean import __version__
from newsclean.batch import Job, Outcome, default_jobs
from newsclean.batch import run as run_batch
from newsclean.changes import Records
from newsclean.config import Settings, load_settings
from newsclean.decoding import STDIN, TextSource, forced_encoding, line_endings, open_input
from newsclean.discovery import InputFile, iter_input_files, why_left_out
from newsclean.errors import InputError, NewscleanError, UsageError
from newsclean.io import Mode, is_markdown
from newsclean.language import describe
from newsclean.pipeline import Pipeline
from newsclean.registry import PROFILES, REGISTRY, select_cleaners
from newsclean.report import Reporter, Tally
from newsclean.review import Review
from newsclean.writing import StandardOutput

EXIT_OK, EXIT_CHANGES, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    add_completion=False,
    help="Clean scraped Arabic and Persian news text.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _flag(*names: str, **details: Any) -> Any:
    """An option that is on or off. (Typer's help shows `--check <bool>` otherwise, which
    invites `--check true`.)"""
    return typer.Option(False, *names, metavar="", **details)


def _show_version(value: bool) -> None:
    if value:
        print(f"newsclean {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = _flag("--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Clean scraped Arabic and Persian news text."""


# Options shared by the commands that read inputs, declared once.
NO_IGNORE = _flag("--no-ignore", help="Walk folders whole: also what git ignores and tools' folders (node_modules, .venv, build)."
)
FORCE_EXCLUDE = _flag("--force-exclude", help="Apply --exclude and the ignore rules to files named on the command line too."
)
VERBOSE = _flag("-v", "--verbose", help="Name the config file, each file, and each file passed over and why.")
QUIET = _flag("-q", "--quiet", help="Print errors only.")
PATHS = typer.Argument(None, help="Files or folders; '-' or nothing for stdin.", show_default=False)
INCLUDE = typer.Option(None, "--include", help="Glob of files to take from folders (repeatable; default *.txt, *.md, *.mdx).")
EXCLUDE = typer.Option(None, "--exclude", help="Glob of files to leave out (repeatable).")
ENCODING = typer.Option(None, "--encoding", help="Decode inputs with this encoding instead of detecting it.")
CONFIG = typer.Option(None, "--config", help="Config file to use instead of the one found upward.", dir_okay=False)


@app.command()
def clean(
    paths: list[str] | None = PATHS,
    in_place: bool = _flag("-i", "--in-place", help="Rewrite changed files atomically."),
    output_dir: Path | None = typer.Option(None, "-o", "--output-dir", help="Write cleaned copies under DIR.", file_okay=False),
    check: bool = _flag("--check", help="Write nothing; exit 1 if any file would change."),
    diff: bool = _flag("--diff", help="Print a unified diff of the changes; write nothing; exit 1 if any file would change."
    ),
    profile: str | None = typer.Option(None, "-p", "--profile", help=f"Cleaner profile: {', '.join(PROFILES)}."),
    only: str | None = typer.Option(None, "--only", help="Run only these cleaners (comma-separated)."),
    skip: str | None = typer.Option(None, "--skip", help="Leave these cleaners out (comma-separated)."),
    include: list[str] | None = INCLUDE,
    exclude: list[str] | None = EXCLUDE,
    encoding: str | None = ENCODING,
    config: Path | None = CONFIG,
    text_format: str | None = typer.Option(
        None, "--format", help="auto (Markdown for .md and .markdown), text or markdown."
    ),
    lang: str | None = typer.Option(None, "--lang", help="Language of the text: auto (per paragraph), ar or fa."),
    jobs: int | None = typer.Option(
        None, "-j", "--jobs", help="Worker processes (default: the CPU count when there are several files)."
    ),
    dask: str | None = typer.Option(
        None, "--dask", help="Clean on the Dask cluster at this scheduler address (files on a shared file system)."
    ),
    stats: bool = _flag("--stats", help="Show how many lines each cleaner changed."),
    report: Path | None = typer.Option(
        None,
        "--report",
        help="Also write a review page (self-contained HTML) of what changed, where, and by which cleaner.",
        dir_okay=False,
    ),
    output_format: str = typer.Option(
        "text",
        "--output-format",
        help="With --check, --diff or -i: text, or each change (file, line, column, cleaner, before, after) "
        "as json or as github workflow annotations, on stdout.",
    ),
    no_ignore: bool = NO_IGNORE,
    force_exclude: bool = FORCE_EXCLUDE,
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename", help="Clean stdin by the rules for this file name (Markdown for .md, excludes)."
    ),
    verbose: bool = VERBOSE,
    quiet: bool = QUIET,
) -> None:
    """Clean files (or stdin) and write UTF-8 text to stdout, in place, or to a folder."""
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _errors_to_exit(reporter):
        settings = _settings(config, paths, stdin_filename, reporter).override(
            profile=profile,
            only=_names(only),
            skip=_names(skip),
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            encoding=encoding,
            format=text_format,
        )
        is_markdown(STDIN, settings.format)  # an unknown format is a usage error before any work
        if settings.encoding is not None:
            forced_encoding(settings.encoding)  # so is an encoding that is none
        mode = _mode(in_place, output_dir, check, diff)
        options = settings.options
        if lang is not None:
            options = {**options, "arabic": {**options.get("arabic", {}), "lang": lang}}
        pipeline = Pipeline.from_profile(
            settings.profile, only=settings.only, skip=settings.skip, options=options, explain=stats
        )
        inputs = paths or [STDIN]
        if output_dir is not None:
            _refuse_output_inside_inputs(output_dir, inputs)
        if jobs is not None and jobs < 1:
            raise UsageError("--jobs takes a whole number of 1 or more")
        mode = _mode_for_format(mode, output_format, inputs)
        walk = Walk(settings.include, settings.exclude, ignore=not no_ignore, force_exclude=force_exclude)
        if stdin_filename is not None:
            if inputs != [STDIN]:
                raise UsageError("--stdin-filename names what stdin holds; give no paths with it")
            if walk.leaves_out(stdin_filename, reporter):
                _pass_through()  # an excluded file's text goes through as it came, as ruff does
                raise typer.Exit(EXIT_OK)
            settings = settings.override(format="markdown" if is_markdown(stdin_filename, settings.format) else "text")
        records = Records(output_format) if output_format != "text" else None
        review = Review("newsclean " + " ".join(sys.argv[1:]), report) if report is not None else None
        code = _clean_all(inputs, pipeline, mode, output_dir, settings, reporter, jobs, dask, walk, records, review)
        raise typer.Exit(code)


@app.command()
def detect(
    paths: list[str] | None = PATHS,
    include: list[str] | None = INCLUDE,
    exclude: list[str] | None = EXCLUDE,
    config: Path | None = CONFIG,
    no_ignore: bool = NO_IGNORE,
    force_exclude: bool = FORCE_EXCLUDE,
    verbose: bool = VERBOSE,
) -> None:
    """Print each file's encoding, confidence, language and line endings (tab-separated, stdout)."""
    reporter = Reporter(verbose=verbose)
    with _errors_to_exit(reporter):
        settings = _settings(config, paths, None, reporter)
        settings = settings.override(include=tuple(include or ()), exclude=tuple(exclude or ()))
        walk = Walk(settings.include, settings.exclude, ignore=not no_ignore, force_exclude=force_exclude)
        failed = False
        tally = Tally()
        for item in _inputs(paths or [STDIN], walk, reporter, tally):
            try:
                _print_detection(item)
            except NewscleanError as error:
                failed = True
                reporter.error(str(error))
        raise typer.Exit(EXIT_FAILED if failed or tally.failed else EXIT_OK)


@app.command()
def cleaners() -> None:
    """Show the cleaners, what each does, and the profiles that use it (stdout)."""
    # The listing is this command's product: stdout, so that `| less` and `> file` get it.
    from rich.console import Console

    reporter = Reporter(console=Console(highlight=False, soft_wrap=True))
    reporter.cleaners_table({name: c.summary for name, c in REGISTRY.items()}, PROFILES)
    reporter.profiles_table(PROFILES)


def _print_detection(item: InputFile) -> None:
    name = str(item.path)
    if name == STDIN:
        source = TextSource(STDIN, sys.stdin.buffer)
    else:
        with open_input(item.path) as stream:  # a FIFO or an unreadable file: one line, as clean says
            source = TextSource(name, stream)
    detection, sample = source.detection, source.head_text()
    fields = (name, detection.encoding, f"{detection.confidence:.2f}", describe(sample), line_endings(sample))
    print("\t".join(fields))


def _settings(config: Path | None, paths: list[str] | None, stdin_filename: str | None, reporter: Reporter) -> Settings:
    """The config file that applies where the files are, as ruff and black find it: upward
    from the first path given (from the working folder for stdin)."""
    first = next((path for path in paths or () if path != STDIN), stdin_filename)
    start = None
    if first is not None:
        start = Path(first) if Path(first).is_dir() else Path(first).parent
        start = start if start.is_dir() else None
    settings = load_settings(config, start)
    reporter.detail(f"config: {settings.source}" if settings.source else "config: none found, defaults in use")
    return settings


def _pass_through() -> None:
    if sys.stdin is not None and sys.stdout is not None:
        shutil.copyfileobj(sys.stdin.buffer, StandardOutput(sys.stdout.buffer))


def _clean_all(
    inputs: list[str],
    pipeline: Pipeline,
    mode: Mode,
    output_dir: Path | None,
    settings: Settings,
    reporter: Reporter,
    jobs: int | None,
    dask: str | None = None,
    walk: Walk | None = None,
    records: Records | None = None,
    review: Review | None = None,
) -> int:
    tally, failed_named = Tally(), False
    stdout = _stdout(mode)
    walk = walk or Walk(settings.include, settings.exclude)
    items = list(_inputs(inputs, walk, reporter, tally))
    if not items and inputs != [STDIN] and not walk.skipped and not tally.failed:
        reporter.warning(f"no file to clean in {' '.join(inputs)} (files taken from folders: {', '.join(settings.include)})")
        return EXIT_FAILED if mode in ("check", "diff") else EXIT_OK
    tasks = [(item, _destination(item, output_dir) if output_dir else None) for item in items]
    if output_dir is not None:
        _refuse_collisions(tasks)
    job = Job(pipeline, mode, settings.encoding, settings.format, records=records is not None, report=review is not None)
    total = sum(_size(item) for item in items)
    workers = default_jobs(len(items), total) if jobs is None else jobs
    changes: Counter[str] = Counter()
    started = time.perf_counter()
    interrupted, done = False, 0
    with reporter.progress(len(items), total) as progress:
        try:
            for outcome in _outcomes(tasks, job, stdout, workers, dask, progress.read):
                done += 1
                progress.file_done(outcome.size)
                if records is not None:
                    records.write(outcome.records, stdout)
                if review is not None:
                    review.add(outcome.path, outcome.status, outcome.message, outcome.review)
                changes.update(outcome.changes)
                failed_named |= _count(outcome, tally, reporter, mode)
        except KeyboardInterrupt:
            # The files finished are reported; the one being written was left whole.
            interrupted = True
    if records is not None:
        records.close(stdout)
    stdout.flush()
    if mode in ("in-place", "copy", "check") or tally.failed or tally.skipped or interrupted:
        # A filter that succeeded says nothing (sed, ruff, prettier): its product is stdout.
        reporter.summary(tally, time.perf_counter() - started, mode)
    if pipeline.changes is not None:
        reporter.stats(changes, pipeline.names)
    if review is not None:
        review.write(pipeline.names)
        reporter.detail(f"review page: {review.path}")
    elif mode == "check" and tally.changed:
        reporter.hint("to see the changes in a browser: add --report review.html")
    if interrupted:
        reporter.error(f"interrupted: {done} of {len(items)} files done, the others left as they were")
        return EXIT_INTERRUPTED
    if tally.failed or failed_named:
        return EXIT_FAILED
    # --check, and --diff as ruff and diff -u do: 1 when there are changes (black's --check --diff).
    return EXIT_CHANGES if mode in ("check", "diff") and tally.changed else EXIT_OK


def _count(outcome: Outcome, tally: Tally, reporter: Reporter, mode: Mode) -> bool:
    """Count and report one file's outcome; True if a file named on the command line was skipped."""
    tally.seen += 1
    if outcome.status == "skipped":
        tally.skipped += 1
        if outcome.named:
            reporter.warning(outcome.message)
        return outcome.named
    if outcome.status == "failed":
        tally.failed += 1
        reporter.error(outcome.message)
        return False
    tally.bytes += outcome.size
    if outcome.status == "changed":
        tally.changed += 1
        _announce(reporter, mode, outcome)
        if outcome.message:
            reporter.warning(outcome.message)
    else:
        tally.unchanged += 1
        reporter.detail(f"unchanged: {outcome.path}")
    return False


def _outcomes(
    tasks: list[tuple[InputFile, Path | None]],
    job: Job,
    stdout: BinaryIO,
    workers: int,
    scheduler: str | None,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    if scheduler is None:
        return run_batch(tasks, job, stdout, workers, on_read)
    if importlib.util.find_spec("distributed") is None:
        raise UsageError("--dask needs Dask: pip install 'newsclean[dask]'")
    from newsclean.distributed import run_on_cluster

    return run_on_cluster(scheduler, tasks, job, stdout)


def _stdout(mode: Mode) -> BinaryIO:
    """Where the product goes. A run that writes files needs no stdout, and one started with
    stdout closed (cron, `>&-`) still does its work."""
    if sys.stdout is not None:
        return cast(BinaryIO, StandardOutput(sys.stdout.buffer))
    if mode in ("stdout", "diff"):
        raise UsageError("standard output is closed; redirect it (> file) or clean in place with -i")
    return open(os.devnull, "wb")


def _announce(reporter: Reporter, mode: Mode, outcome: Outcome) -> None:
    if mode == "check":
        reporter.would_clean(outcome.path)
    elif mode == "in-place":
        reporter.fixing(outcome.path)
    elif mode == "copy":
        reporter.wrote(outcome.destination)
    else:
        reporter.detail(f"{'changes' if mode == 'diff' else 'cleaned'}: {outcome.path}")


class Walk:
    """How inputs are found, and what was passed over (told with -v)."""

    def __init__(self, include: tuple[str, ...], exclude: tuple[str, ...], *, ignore: bool = True, force_exclude: bool = False) -> None:
        self.include, self.exclude, self.ignore, self.force_exclude = include, exclude, ignore, force_exclude
        self.skipped = 0
        self.seen: set[str] = set()

    def files(self, path: str, reporter: Reporter) -> Iterator[InputFile]:
        def skipped(found: Path, why: str) -> None:
            self.skipped += 1
            reporter.detail(f"skipped {found}: {why}")

        return iter_input_files(
            [path],
            self.include,
            self.exclude,
            ignore=self.ignore,
            force_exclude=self.force_exclude,
            on_skip=skipped,
            seen=self.seen,
        )

    def leaves_out(self, name: str, reporter: Reporter) -> bool:
        """Whether a file of this name (stdin's, by --stdin-filename) is left out."""
        if not self.force_exclude:
            return False
        why = why_left_out(Path(name), self.exclude, self.ignore)
        if why:
            reporter.detail(f"skipped {name}: {why}; stdin passed through")
        return why is not None


def _inputs(paths: list[str], walk: Walk, reporter: Reporter, tally: Tally | None = None) -> Iterator[InputFile]:
    """The files to work on; a path that does not exist is reported and counted as failed."""
    for path in paths:
        if path == STDIN:
            yield InputFile(Path(STDIN), named=True)
            continue
        try:
            yield from walk.files(path, reporter)
        except InputError as error:
            reporter.error(str(error))
            if tally is not None:
                tally.seen += 1
                tally.failed += 1


def _size(item: InputFile) -> int:
    try:
        return item.path.stat().st_size if str(item.path) != STDIN else 0
    except OSError:
        return 0


def _destination(item: InputFile, output_dir: Path) -> Path:
    """Where -o writes a file: its path under the folder walked, or, for a file named, its path
    from the working folder (``a/x.txt`` and ``b/x.txt`` stay apart); a file named from
    outside the working folder keeps its name alone."""
    if item.root:
        return output_dir / item.path.relative_to(item.root)
    relative = Path(os.path.relpath(os.path.abspath(item.path)))
    if relative.parts and relative.parts[0] == os.pardir:
        return output_dir / item.path.name
    return output_dir / relative


def _refuse_collisions(tasks: list[tuple[InputFile, Path | None]]) -> None:
    written: dict[Path, Path] = {}
    for item, destination in tasks:
        if destination is None:
            continue
        key = Path(os.path.abspath(destination))
        if key in written:
            raise UsageError(
                f"{written[key]} and {item.path} would both be written to {destination}; "
                "clean them in separate runs or name them from a common folder"
            )
        written[key] = item.path


def _refuse_output_inside_inputs(output_dir: Path, inputs: list[str]) -> None:
    target = output_dir.resolve()
    for name in inputs:
        if name != STDIN and Path(name).is_dir():
            tree = Path(name).resolve()
            if target == tree or tree in target.parents:
                raise UsageError(f"--output-dir {output_dir} is inside the input folder {name}; choose a folder outside it")


OUTPUT_FORMATS = ("text", "json", "github")


def _mode_for_format(mode: Mode, output_format: str, inputs: list[str]) -> Mode:
    """The mode that gives the changes in this format: json and github tell changes instead of
    showing a diff, and need files (a change is told by file and line)."""
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {output_format!r}; choose one of {', '.join(OUTPUT_FORMATS)}")
    if output_format == "text":
        return mode
    if mode not in ("check", "diff", "in-place") or STDIN in inputs:
        raise UsageError(f"--output-format {output_format} goes with --check, --diff or -i on files")
    return "check" if mode == "diff" else mode


def _mode(in_place: bool, output_dir: Path | None, check: bool, diff: bool) -> Mode:
    # --check --diff is the diff, with --check's exit code (which --diff has anyway).
    flags: tuple[tuple[Mode, bool], ...] = (
        ("in-place", in_place),
        ("copy", output_dir is not None),
        ("check", check and not diff),
        ("diff", diff),
    )
    chosen = [mode for mode, on in flags if on]
    if len(chosen) > 1:
        raise UsageError("choose one of --in-place, --output-dir and --check/--diff")
    return chosen[0] if chosen else "stdout"


def _names(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    select_cleaners(only=names)  # an unknown name is a usage error that lists the valid ones
    return names


class _errors_to_exit:
    """Turn library errors, a closed stdout and Ctrl-C into a message and an exit code."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> Literal[False]:
        if kind is None or issubclass(kind, typer.Exit):
            return False
        if issubclass(kind, BrokenPipeError):
            # The reader (head, less) has what it wanted: end quietly, like cat would.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_OK)
        if issubclass(kind, KeyboardInterrupt):
            self.reporter.error("interrupted; files not yet rewritten are unchanged")
            raise typer.Exit(EXIT_INTERRUPTED)
        if isinstance(error, NewscleanError):
            self.reporter.error(str(error))
            raise typer.Exit(error.exit_code)
        if issubclass(kind, Exception) and not os.environ.get("NEWSCLEAN_DEBUG"):
            # A bug, or a failure nothing foresaw: one line and exit 2 (1 means "would change");
            # NEWSCLEAN_DEBUG=1 shows the traceback.
            self.reporter.error(f"{kind.__name__}: {error} (set NEWSCLEAN_DEBUG=1 to see where)")
            raise typer.Exit(EXIT_FAILED)
        return False


def main() -> None:
    app(prog_name="newsclean")
