"""`main.py sample`: save the built-in sample report as a draft to try things on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "sample",
        help=s.SAMPLE_HELP,
        description=s.SAMPLE_DESCRIPTION,
        epilog=s.SAMPLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.nianbao", help=s.SAMPLE_HELP_OUTPUT
    )
    p.add_argument("--force", action="store_true", help=s.NEW_HELP_FORCE)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from model.drafts import DraftError, save_draft
    from model.sample import load_sample

    output = Path(args.output)
    if output.exists() and not args.force:
        print(s.NEW_EXISTS.format(path=output), file=sys.stderr)
        return EXIT_UNWRITABLE
    try:
        save_draft(load_sample(), output)
    except DraftError as exc:
        print(s.SAMPLE_FAILED.format(reason=exc), file=sys.stderr)
        return EXIT_UNWRITABLE
    print(s.SAMPLE_SAVED.format(path=output))
    return EXIT_OK
