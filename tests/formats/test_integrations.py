"""action.yml and .pre-commit-hooks.yaml: they parse, and run what they claim to run."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_action_is_a_composite_that_uploads_sarif_even_on_failure() -> None:
    action = load("action.yml")
    assert set(action["inputs"]) >= {"paths", "fail-on", "args"}
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    check = next(s for s in steps if s.get("id") == "check")
    assert "claimcheck check" in check["run"]
    assert "--format sarif --output" in check["run"]
    assert "exit-code=$code" in check["run"]
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    )
    assert "always()" in upload["if"]
    assert steps.index(upload) > steps.index(check)
    last = steps[-1]
    assert "always()" in last["if"] and "exit" in last["run"]
    assert last["env"]["CODE"] == "${{ steps.check.outputs.exit-code }}"
    # Every input is used somewhere, and every ${{ inputs.X }} is declared.
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used == set(action["inputs"])


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_action_check_step_passes_arguments_and_records_exit_code(
    tmp_path: Path, code: int
) -> None:
    """Run the step's script with a stand-in `claimcheck` that records its arguments."""
    check = next(s for s in load("action.yml")["runs"]["steps"] if s.get("id") == "check")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "claimcheck"
    fake.write_text(
        f'#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "{tmp_path}/argv"\nexit {code}\n'
    )
    fake.chmod(0o755)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.md").write_text("x")
    out = tmp_path / "github_output"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "PATHS": "reports/ reports/*.md",
        "FAIL_ON": "contradicted,not_found",
        "ARGS": "--offline --min-confidence 0.6",
        "SARIF": "out dir/claimcheck.sarif",
        "GITHUB_OUTPUT": str(out),
    }
    proc = subprocess.run(
        ["bash", "-e", "-c", check["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr  # the step itself never fails...
    assert out.read_text() == f"exit-code={code}\n"  # ...it hands the code on
    argv = (tmp_path / "argv").read_text().splitlines()
    assert argv == [
        "check",
        "reports/",
        "reports/*.md",  # not expanded by the shell
        "--fail-on",
        "contradicted,not_found",
        "--offline",
        "--min-confidence",
        "0.6",
        "--format",
        "sarif",
        "--output",
        "out dir/claimcheck.sarif",
    ]
    assert ("::error::" in proc.stdout) is (code != 0)


def test_pre_commit_hook() -> None:
    hooks = load(".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["claimcheck"]
    hook = hooks[0]
    assert hook["entry"] == "claimcheck check"
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("reports/000_x.txt") and files.search("docs/reports/a.md")
    assert files.search("reports/sub/b.pdf")
    assert not files.search("README.md") and not files.search("reports.py")
