"""Domain errors. Each carries the one line a user needs: what went wrong and what to do."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base of the errors that the command line turns into a one-line message."""

    exit_code = 2


class UsageError(NewscleanError):
    """The call itself is wrong: an unknown cleaner, profile or option, a bad config file."""


class InputError(NewscleanError):
    """One input could not be processed; the others still are."""

    def __init__(self, path: str, problem: str, advice: str) -> None:
        self.path, self.problem, self.advice = path, problem, advice
        super().__init__(f"{path}: {problem}; {advice}")


class BinaryFileError(InputError):
    """The file is not text: it is skipped, never rewritten."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(path, f"skipped, looks binary ({why})", "leave it out or pass --encoding")


class UndecodableError(InputError):
    """Bytes that the chosen encoding cannot decode."""

    def __init__(self, path: str, offset: int, byte: int, encoding: str) -> None:
        super().__init__(
            path,
            f"cannot decode byte 0x{byte:02x} at offset {offset} as {encoding}",
            "pass the right --encoding (for example --encoding windows-1256); file left untouched",
        )


class OutputError(NewscleanError):
    """Standard output cannot be written (a full disk): the run stops, whatever the file."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"standard output: {problem}; free some space or write elsewhere (-o DIR, -i)")
