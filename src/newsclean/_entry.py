"""The console script: `newsclean --version` answers before the command line is imported."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from newsclean import __version__

        print(f"newsclean {__version__}")
        return
    from newsclean.cli import main as run

    run()
