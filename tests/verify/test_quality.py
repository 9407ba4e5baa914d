"""The verifier on the labelled set, through the real `claimcheck eval` (papers from ../shared).

These are regression floors, set below the figures the README reports, so a change that makes
the verifier worse fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from tests.conftest import FIXTURES


def run_eval(split: str, papers: Path, *extra: str) -> str:
    result = CliRunner().invoke(
        app, ["eval", str(FIXTURES / "labels" / f"{split}.jsonl"), "--papers-dir", str(papers), *extra]
    )
    assert result.exit_code == 0, result.output
    return result.output


def figure(name: str, text: str) -> float:
    m = re.search(rf"^{name}\s+([\d.]+)", text, re.MULTILINE)
    assert m, f"{name} missing from:\n{text}"
    return float(m.group(1))


# Floors a little below the figures in the README (dev to dev11 tune the rules, test is held
# out).
# dev2 is lower than it was before the stemmer took a short verb's silent e off (two dev2
# verdicts lost in each mode, for more right on the other splits); see the README.
LEXICAL_FLOORS = [("dev", 0.87), ("dev2", 0.80), ("dev3", 0.88), ("dev4", 0.86), ("dev5", 0.83),
                  ("dev6", 0.75), ("dev7", 0.76), ("dev8", 0.76), ("dev9", 0.77), ("dev10", 0.78),
                  ("dev11", 0.78), ("test", 0.85)]
SEMANTIC_FLOORS = [("dev", 0.88), ("dev2", 0.88), ("dev3", 0.89), ("dev4", 0.82), ("dev5", 0.83),
                   ("dev6", 0.77), ("dev7", 0.78), ("dev8", 0.81), ("dev9", 0.78), ("dev10", 0.77),
                   ("dev11", 0.75), ("test", 0.85)]
# Ceilings on false `supported`. dev10 keeps six of its 47 other claims supported lexically
# (12.8%: reversals and details the words alone do not tell).
LEXICAL_FALSE_SUPPORTED = {"dev10": 0.13}


@pytest.mark.slow
@pytest.mark.parametrize(("split", "min_f1"), LEXICAL_FLOORS)
def test_lexical_verifier_floors(split: str, min_f1: float, arxiv_pdfs: Path) -> None:
    out = run_eval(split, arxiv_pdfs, "--no-semantic")
    assert "confusion" in out
    assert figure("macro-F1", out) >= min_f1
    assert figure("false supported", out) <= LEXICAL_FALSE_SUPPORTED.get(split, 0.12)
    assert 0.0 <= figure("ECE", out) <= 0.2


@pytest.mark.slow
@pytest.mark.parametrize(("split", "min_f1"), SEMANTIC_FLOORS)
def test_verifier_floors_with_the_model(split: str, min_f1: float, arxiv_pdfs: Path) -> None:
    out = run_eval(split, arxiv_pdfs)
    assert "semantic: all-MiniLM-L6-v2" in out
    assert figure("macro-F1", out) >= min_f1
    assert figure("false supported", out) <= 0.10
    assert 0.0 <= figure("ECE", out) <= 0.15


def test_eval_names_a_bad_labels_file(tmp_path: Path) -> None:
    bad = tmp_path / "labels.jsonl"
    bad.write_text('{"id": "x", "claim": "c", "papers": ["not-an-id"], "label": "supported"}\n')
    result = CliRunner().invoke(app, ["eval", str(bad), "--papers-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "labels.jsonl:1" in result.output
    assert "Traceback" not in result.output


def test_eval_keeps_each_figure_on_one_line_when_piped(tmp_path: Path) -> None:
    """A long labels path must not wrap the header or a figure line (CI's path broke "semantic: X")."""
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "labels"
    deep.mkdir(parents=True)
    labels = deep / "labels.jsonl"
    labels.write_text('{"id": "x1", "claim": "XLM-R reaches 79.2 average accuracy on XNLI.", '
                      '"papers": ["1911.02116"], "label": "supported", "category": "verbatim"}\n')
    result = CliRunner().invoke(app, ["eval", str(labels), "--papers-dir", str(tmp_path), "--no-semantic"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{labels}: 1 claims, lexical only, " + lines[0].rsplit(", ", 1)[1]
    assert any(re.fullmatch(r"false supported [\d.]+  \(share of not-supported claims judged supported\)", ln)
               for ln in lines)
