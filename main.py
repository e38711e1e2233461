"""年报填报助手 — start the window, or run a command of the headless command line.

uv run main.py                 open the app
uv run main.py FILE.nianbao    open a draft
uv run main.py validate FILE   check a draft (see `main.py -h`)
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    import multiprocessing

    # a packaged program starts its reading processes (importers/pdf_child.py)
    # through itself: let such a start run the child, not the program
    multiprocessing.freeze_support()
    from cli import main as cli_main

    try:
        return cli_main(sys.argv[1:])
    except BrokenPipeError:
        # Output piped into a reader that stopped early (`… | head`): not an error.
        # Point stdout at devnull so Python's exit-time flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)


if __name__ == "__main__":
    sys.exit(main())
