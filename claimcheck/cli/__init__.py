"""The typer app. Only this package prints, exits or reads the environment.

Each command lives in a module of its own (``parse_cmd``, ``fetch_cmd``, ...) and registers itself
on ``app``. Every command body runs inside ``handle_errors``, which maps ``ClaimcheckError`` to one
line on stderr and its exit code; ``--verbose`` adds the traceback.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from claimcheck.config import Settings
from claimcheck.errors import ClaimcheckError, ConfigError

app = typer.Typer(
    name="claimcheck",
    help="Audit machine-generated literature syntheses against the arXiv papers they cite.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state: dict[str, bool] = {"verbose": False}

F = TypeVar("F", bound=Callable[..., Any])


def stderr_console() -> Console:
    """Progress, summaries and errors go to stderr, so stdout stays machine-readable."""
    return Console(stderr=True, no_color="NO_COLOR" in os.environ or None, highlight=False)


def stdout_console(width: int | None = None, soft_wrap: bool = False) -> Console:
    """`soft_wrap` leaves long lines whole (the terminal wraps them), so piped output keeps one figure a line."""
    return Console(no_color="NO_COLOR" in os.environ or None, highlight=False, width=width, soft_wrap=soft_wrap)


def verbose() -> bool:
    return _state["verbose"]


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn a ClaimcheckError into one line on stderr and its exit code."""
    try:
        yield
    except ClaimcheckError as exc:
        if verbose():
            traceback.print_exc(file=sys.stderr)
        line = f"claimcheck: error: {exc}"
        if exc.hint:
            line += f" (hint: {exc.hint})"
        print(line, file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        raise typer.Exit(3) from None


def load_settings(**flags: Any) -> Settings:
    """Settings from flags, then CLAIMCHECK_* variables, then ./pyproject.toml."""
    pyproject = Path.cwd() / "pyproject.toml"
    return Settings.load(env=os.environ, pyproject=pyproject, **flags)


def write_output(text: str, output: Path | None) -> None:
    """Machine-readable output to stdout, or atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    tmp = output.with_name(f".{output.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"{output}: cannot write output: {exc.strerror or exc}") from exc


@app.callback()
def _root(
    verbose_flag: bool = typer.Option(
        False, "--verbose", "-v", help="Show tracebacks and debug detail."
    ),
) -> None:
    _state["verbose"] = verbose_flag
    # pypdf reports recoverable damage ("EOF marker not found") through logging: every command
    # that reads a PDF (parse, fetch, check, eval, rerun) shows it only with --verbose, so bad
    # input still gets its one line.
    logging.getLogger("pypdf").setLevel(logging.WARNING if verbose_flag else logging.ERROR)


def main() -> None:
    app()


# Commands register themselves on import.
from claimcheck.cli import (  # noqa: F401
    cache_cmd,
    check_cmd,
    eval_cmd,
    fetch_cmd,
    parse_cmd,
    rerun_cmd,
)
