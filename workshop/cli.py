"""The command line: ``python -m workshop COMMAND ...`` (also installed as ``voice-workshop``).

Each command lives in its own module under :mod:`workshop.commands` with two functions: ``add_parser(sub)``
declares its options and ``run(args) -> int`` does the work. Problems with the user's input are
:class:`~workshop.errors.WorkshopError`: the message goes to stderr and the exit status is 2, with no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workshop.errors import WorkshopError

COMMANDS = ("quotes", "profile", "compare", "critique")

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
    parser.add_argument("--version", action="version", version="%(prog)s " + _version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"workshop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"workshop.commands.{name}":
                continue  # a command still being written
            raise
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except WorkshopError as exc:
        print(f"voice-workshop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("voice-workshop: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _version() -> str:
    from workshop import __version__

    return __version__
