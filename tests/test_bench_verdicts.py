"""bench/verdicts.py --compare: the win, loss and move counts the README gives for each rule."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "verdicts.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_verdicts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(gold: str, got: str) -> dict[str, object]:
    return {"gold": gold, "got": got, "confidence": 0.8, "reason": "r", "claim": "c"}


def test_compare_counts_each_changed_verdict_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {"a@dev": _row("supported", "partially_supported"),  # now right: a win
              "b@dev": _row("contradicted", "contradicted"),  # was right: a loss
              "c@dev2": _row("supported", "contradicted"),  # wrong both times: a move
              "d@dev2": _row("not_found", "not_found"),  # unchanged
              "e@dev11": _row("supported", "supported")}  # absent after (a split the old code lacked)
    after = {"a@dev": _row("supported", "supported"), "b@dev": _row("contradicted", "partially_supported"),
             "c@dev2": _row("supported", "partially_supported"), "d@dev2": _row("not_found", "not_found")}
    (tmp_path / "before.json").write_text(json.dumps(before), encoding="utf-8")
    (tmp_path / "after.json").write_text(json.dumps(after), encoding="utf-8")
    _bench().compare(tmp_path / "before.json", tmp_path / "after.json")
    out = capsys.readouterr().out
    assert "WIN  a@dev" in out and "LOSS b@dev" in out and "MOVE c@dev2" in out
    assert "d@dev2" not in out and "e@dev11" not in out
    assert "wins 1, losses 1, moves 1" in out


def test_the_tuning_splits_leave_out_test() -> None:
    names = [p.stem for p in _bench().tuning_splits()]
    assert names[:3] == ["dev", "dev2", "dev3"] and "dev11" in names and "test" not in names
