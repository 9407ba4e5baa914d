"""The README's `--help` blocks are generated from the code: this test keeps them in step.

Run `pytest tests/test_readme.py --update-golden` after changing a command's options.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import app
from tests.conftest import ROOT

COMMANDS = ["parse", "fetch", "cache", "check", "eval", "rerun"]
BLOCK = re.compile(r"(<!-- help:(?P<name>[\w-]+) -->\n```\n)(?P<body>.*?)(```\n<!-- /help:(?P=name) -->)", re.DOTALL)


def help_text(command: str) -> str:
    args = [command, "--help"] if command != "claimcheck" else ["--help"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "80", "TERMINAL_WIDTH": "80"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def test_readme_help_blocks_match_the_code(request: pytest.FixtureRequest) -> None:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    names = [m.group("name") for m in BLOCK.finditer(text)]
    assert sorted(names) == sorted(["claimcheck", *COMMANDS]), names
    expected = BLOCK.sub(lambda m: m.group(1) + help_text(m.group("name")) + m.group(4), text)
    if request.config.getoption("--update-golden"):
        path.write_text(expected, encoding="utf-8")
        return
    assert text == expected, "README --help blocks are stale: run pytest tests/test_readme.py --update-golden"


def test_public_api() -> None:
    assert sorted(claimcheck.__all__) == sorted(
        ["Auditor", "PaperFetcher", "Settings", "parse_report", "parse_text", "__version__"]
    )
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None
