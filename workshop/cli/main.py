"""The command line: ``python -m workshop COMMAND ...`` (also installed as ``voice-workshop``).

Each command lives in its own module under :mod:`workshop.cli` with two functions: ``add_parser(sub)``
declares its options and ``run(args) -> int`` does the work. Problems with the user's input are
:class:`~workshop.errors.WorkshopError`: the message goes to stderr and the exit status is 2, with no traceback.
Any other exception is a bug of the kit: it too is one line (naming the error, asking for a report) and exit 2.
"""

from __future__ import annotations

import argparse
import sys

from workshop import __version__
from workshop.cli import compare, critique, norms, profile, quotes
from workshop.cli.batch import COMMANDS as FOLDER_COMMANDS
from workshop.cli.folder import run_folder
from workshop.cli.gc_pause import collector_paused
from workshop.errors import WorkshopError, unexpected_error_message
from workshop.text.scene_folder import is_folder

COMMANDS = {"quotes": quotes, "profile": profile, "compare": compare, "critique": critique, "norms": norms}
"""Each command and its module (``add_parser(sub)`` and ``run(args)``), in the order ``--help`` lists them."""

DESCRIPTION = """\
Voice Workshop: how do the characters in a scene sound?

With no scene path, each command uses the sample scene that comes with the kit.
Run `python -m workshop COMMAND --help` for a command's options, for example:
  python -m workshop quotes my-scene.txt
  python -m workshop critique my-scene.txt --cast my-cast.toml --format html -o critique.html"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workshop",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in COMMANDS.values():
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    run = args.run
    if args.command in FOLDER_COMMANDS and is_folder(getattr(args, "path", None)):
        run = run_folder  # the same command on every scene of the folder
    try:
        with collector_paused():  # only here, in the command's own process: never inside a notebook's kernel
            return int(run(args) or 0)
    except WorkshopError as exc:
        print(f"voice-workshop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("voice-workshop: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last resort: a bug of the kit, said in one line, never a traceback
        print(f"voice-workshop: {unexpected_error_message(exc, args.command)}", file=sys.stderr)
        return 2
