"""年报填报助手 — start the window, or run a command of the headless command line.

uv run main.py                 open the app
uv run main.py FILE.nianbao    open a draft
uv run main.py validate FILE   check a draft (see `main.py -h`)
"""

from __future__ import annotations

import sys


def main() -> int:
    from cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
