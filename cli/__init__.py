"""The headless command line: one module per command, each with `register()`.

Command modules import only argparse and the model at import time; exporters,
importers and Qt are imported inside the command that needs them, so that
`main.py` starts fast. Opening the window (`main.py` or `main.py FILE`) builds no
parser at all: argparse and the command modules are not even imported then.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cli import strings as s

if TYPE_CHECKING:
    import argparse

# Each module defines register(subparsers) and sets `func` on its parser.
# Listed in the order `main.py -h` shows them.
COMMAND_MODULES: tuple[str, ...] = (
    "new",
    "sample",
    "validate",
    "export",
    "import_",
    "compare",
    "aggregate",
)

# The command each module registers: its name without the trailing "_" that keeps
# `import_` from clashing with the keyword. Known without importing the modules.
COMMAND_NAMES: frozenset[str] = frozenset(name.rstrip("_") for name in COMMAND_MODULES)

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_ISSUES = 1  # the report has errors (validate), or --strict refused to export
EXIT_UNREADABLE = 2  # an input cannot be read, or the command line is wrong
EXIT_UNWRITABLE = 3  # an output cannot be written
EXIT_UNEXPECTED = 4  # a fault of the program itself: logged, reported in Chinese
EXIT_INTERRUPTED = 130  # Ctrl+C (128 + SIGINT), as a shell reports it


# The installed program is called `nianbao`; from a checkout it is `main.py`.
PROG = "nianbao" if getattr(sys, "frozen", False) else "main.py"


def _install_chinese_argparse() -> None:
    """argparse looks its fixed strings up through gettext at call time; map them."""
    import argparse

    argparse._ = lambda text: s.ARGPARSE.get(text, text)  # type: ignore[attr-defined]


_parser_class: type[argparse.ArgumentParser] | None = None


def chinese_parser_class() -> type[argparse.ArgumentParser]:
    """The ArgumentParser with Chinese errors, made on first use so that argparse
    is imported only when a command line has to be parsed."""
    global _parser_class
    if _parser_class is None:
        import argparse

        class ChineseParser(argparse.ArgumentParser):
            def error(self, message: str) -> None:
                self.print_usage(sys.stderr)
                self.exit(EXIT_UNREADABLE, s.USAGE_ERROR.format(prog=self.prog, message=message))

        _parser_class = ChineseParser
    return _parser_class


def build_parser() -> argparse.ArgumentParser:
    """The parser of commands. Opening the window has its own parser (below), as
    an optional FILE positional cannot sit beside sub-commands in argparse."""
    import argparse
    import importlib

    _install_chinese_argparse()
    ChineseParser = chinese_parser_class()
    parser = ChineseParser(
        prog=PROG,
        usage=s.USAGE,
        description=s.DESCRIPTION,
        epilog=s.EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar="命令",
        title=s.COMMANDS_TITLE,
        prog=PROG,  # else sub-commands take the custom usage text as their name
        parser_class=ChineseParser,
        required=True,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"cli.{name}").register(sub)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    _install_chinese_argparse()
    parser = chinese_parser_class()(prog=PROG, description=s.DESCRIPTION, add_help=False)
    parser.add_argument("file", nargs="?", help=s.HELP_FILE)
    parser.add_argument("--screenshot", metavar="OUT.png", help=s.HELP_SCREENSHOT)
    return parser


def _plain_window_file(argv: list[str]) -> tuple[bool, str | None]:
    """`main.py` and `main.py FILE` open the window with nothing to parse: (True,
    FILE or None). Anything else, (False, None), goes through argparse."""
    if not argv:
        return True, None
    if len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMAND_NAMES:
        return True, argv[0]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    plain, file = _plain_window_file(argv)
    if plain:  # the common start: no parser, no command modules
        from cli.gui import open_window

        return open_window(file, None)
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if argv and (argv[0] in commands or argv[0] in ("-h", "--help")):
        _tolerant_output()
        args = parser.parse_args(argv)
        return run_command(args)
    # `main.py`, `main.py FILE` and `main.py --screenshot OUT [FILE]` open the window.
    args = build_window_parser().parse_args(argv)
    from cli.gui import open_window

    return open_window(args.file, args.screenshot)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed command. Whatever it did not expect ends here, never as a
    traceback: it is logged with its traceback, and one Chinese line says so and
    where the log is (exit code EXIT_UNEXPECTED). Damaged inputs never get this
    far: importers and the draft loader refuse them (EXIT_UNREADABLE)."""
    from model import logs

    logs.setup_logging()
    logs.install_unraisable_hook()  # a finaliser's error (a zip on a full disk): logged
    try:
        return int(args.func(args) or EXIT_OK)
    except BrokenPipeError:
        raise  # output piped into a reader that stopped early: main.py's to handle
    except KeyboardInterrupt:
        print(s.INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # RecursionError and MemoryError too
        logs.log.error("command %s failed unexpectedly", args.command, exc_info=exc)
        print(s.UNEXPECTED.format(log=logs.log_path()), file=sys.stderr)
        return EXIT_UNEXPECTED


def _tolerant_output() -> None:
    """Output piped on Windows is encoded in the ANSI code page (cp1252 on an English
    system): a Chinese message would raise UnicodeEncodeError and end the command
    with a traceback. Print what can be shown and replace the rest instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
