"""Cleaning on a Dask cluster, for corpora beyond one machine. Dask is the engine; newsclean
only hands it the work. Needs `pip install 'newsclean[dask]'`.

Two ways in: `clean_bag` maps a pipeline over a Dask bag of texts (and `clean_dataframe`
over a column of a Dask dataframe); `run_on_cluster` cleans files named by path, which the
workers must see at the same paths (a shared file system), as `newsclean clean --dask` does.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsclean.batch import Job, Outcome, clean_one
from newsclean.discovery import InputFile
from newsclean.pipeline import Pipeline, pipeline_for
from newsclean.registry import DEFAULT_PROFILE


def clean_bag(bag: Any, profile: str = DEFAULT_PROFILE, *, markdown: bool = False, **options: Any) -> Any:
    """A Dask bag of cleaned texts, one for each text of ``bag``.

    ``options`` map a cleaner name to its options, as for `newsclean.clean`; ``only`` and
    ``skip`` narrow the profile.
    """
    pipeline = _pipeline(profile, options)
    return bag.map(pipeline.clean, markdown=markdown)


def clean_dataframe(
    frame: Any, column: str, profile: str = DEFAULT_PROFILE, *, markdown: bool = False, **options: Any
) -> Any:
    """``frame`` with the texts of ``column`` cleaned (a Dask dataframe, pandas underneath)."""
    pipeline = _pipeline(profile, options)
    cleaned = frame[column].map(lambda text: clean_cell(pipeline, text, markdown), meta=(column, "object"))
    return frame.assign(**{column: cleaned})


def clean_cell(pipeline: Pipeline, value: Any, markdown: bool = False) -> Any:
    """A cell's text cleaned, without the final newline a document gets (a cell is no file);
    a missing value (None, NaN) stays as it is.

    >>> clean_cell(Pipeline(), "خبر  عاجل")
    'خبر عاجل'
    """
    if not isinstance(value, str):
        return value
    cleaned = pipeline.clean(value, markdown=markdown)
    return cleaned[:-1] if cleaned.endswith("\n") and not value.endswith("\n") else cleaned


def run_on_cluster(
    address: str,
    items: Sequence[tuple[InputFile, Path | None]],
    job: Job,
    out: Any,
) -> Iterator[Outcome]:
    """Clean each file on the cluster at ``address``; yield outcomes in the order given.

    What a file writes to stdout (or a diff) comes back from its worker and is written to
    ``out`` here, in input order.
    """
    from dask.distributed import Client

    # Workers do not share this process's working folder: send absolute paths.
    remote = [(_absolute(item), destination and destination.resolve()) for item, destination in items]
    with Client(address) as client:  # type: ignore[no-untyped-call]
        futures = client.map(_clean_remotely, remote, job=job, pure=False)
        for (item, _), future in zip(items, futures, strict=False):
            outcome, written = future.result()
            if written:
                out.write(written)
            outcome.path = str(item.path)
            yield outcome


def _absolute(item: InputFile) -> InputFile:
    return InputFile(item.path.resolve(), item.named, item.root and item.root.resolve())


def _clean_remotely(item: tuple[InputFile, Path | None], job: Job) -> tuple[Outcome, bytes]:
    path, destination = item
    out = io.BytesIO()
    outcome = clean_one(path, destination, job, out)
    return outcome, out.getvalue()


def _pipeline(profile: str, options: dict[str, Any]) -> Pipeline:
    only, skip = options.pop("only", ()), options.pop("skip", ())
    return pipeline_for(profile, only=only, skip=skip, options=options)
