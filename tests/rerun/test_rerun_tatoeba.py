from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcheck.errors import DataError
from claimcheck.rerun import run_tatoeba
from claimcheck.rerun.tatoeba import tatoeba_accuracy

VOCAB = ["cat", "dog", "bird", "fish"]


def test_accuracy_hand_computed(tmp_path: Path, fake_encoder: Any, make_tatoeba: Any) -> None:
    # eng "cat" -> src "cat" (1.0 beats 0.71); "dog" -> "dog"; "bird" -> "bird cat" (0.71);
    # "fish" has no keyword -> zero vector -> ties everywhere -> line 0: wrong. 3/4 = 75%.
    d = make_tatoeba(tmp_path / "t", "deu", ["cat", "dog", "bird cat", "xyz"],
                     ["cat", "dog", "bird", "fish"])
    enc = fake_encoder(VOCAB)
    res = run_tatoeba(d, ["deu"], enc)
    assert res.task == "tatoeba" and res.encoder == "fake"
    assert res.languages["deu"].n == 4
    assert res.languages["deu"].accuracy == pytest.approx(75.0)
    assert res.average == pytest.approx(75.0)
    assert res.languages["deu"].reverse_accuracy is None


def test_ties_go_to_the_first_line_and_average_is_over_languages(
    tmp_path: Path, fake_encoder: Any, make_tatoeba: Any
) -> None:
    d = tmp_path / "t"
    make_tatoeba(d, "deu", ["cat", "cat"], ["cat", "cat"])  # line 2 retrieves line 1: 50%
    make_tatoeba(d, "fra", ["dog", "bird"], ["dog", "bird"])  # 100%
    res = run_tatoeba(d, ["deu", "fra"], fake_encoder(VOCAB))
    assert res.languages["deu"].accuracy == pytest.approx(50.0)
    assert res.languages["fra"].accuracy == pytest.approx(100.0)
    assert res.average == pytest.approx(75.0)


def test_both_directions(tmp_path: Path, fake_encoder: Any, make_tatoeba: Any) -> None:
    # eng -> src: "cat" -> "cat dog"(0.71) vs "cat"... src = ["cat dog", "cat"], eng = ["cat", "dog"]
    # eng "cat": src0 0.71, src1 1.0 -> 1 (wrong); eng "dog": src0 0.71 -> 0 (wrong): 0%.
    # src "cat dog": eng0 0.71, eng1 0.71 -> tie -> 0 (right); src "cat": eng0 -> 0 (wrong): 50%.
    d = make_tatoeba(tmp_path / "t", "deu", ["cat dog", "cat"], ["cat", "dog"])
    res = run_tatoeba(d, ["deu"], fake_encoder(VOCAB), both_directions=True)
    assert res.languages["deu"].accuracy == pytest.approx(0.0)
    assert res.languages["deu"].reverse_accuracy == pytest.approx(50.0)


def test_accuracy_function_normalises() -> None:
    src = np.array([[10, 0], [0, 0.1]], np.float32)
    eng = np.array([[0.2, 0], [0, 5]], np.float32)
    assert tatoeba_accuracy(src, eng) == pytest.approx(100.0)


def test_misaligned_files_are_a_data_error(tmp_path: Path, fake_encoder: Any,
                                           make_tatoeba: Any) -> None:
    d = make_tatoeba(tmp_path / "t", "deu", ["cat", "dog", "bird"], ["cat", "dog"])
    with pytest.raises(DataError, match=r"tatoeba\.deu-eng\.deu: 3 lines but .* has 2"):
        run_tatoeba(d, ["deu"], fake_encoder(VOCAB))


def test_missing_language_fails_before_any_encoding(tmp_path: Path, fake_encoder: Any,
                                                    make_tatoeba: Any) -> None:
    d = make_tatoeba(tmp_path / "t", "deu", ["cat"], ["cat"])
    enc = fake_encoder(VOCAB)
    with pytest.raises(DataError, match=r"tatoeba\.fra-eng\.fra.*not found"):
        run_tatoeba(d, ["deu", "fra"], enc)
    assert enc.calls == 0


def test_embedding_cache_is_used_and_keyed_by_file_content(
    tmp_path: Path, fake_encoder: Any, make_tatoeba: Any
) -> None:
    d = make_tatoeba(tmp_path / "t", "deu", ["cat", "dog"], ["cat", "dog"])
    cache = tmp_path / "emb"
    enc = fake_encoder(VOCAB)
    first = run_tatoeba(d, ["deu"], enc, cache=cache)
    assert enc.calls == 2 and len(list(cache.glob("*.npy"))) == 2
    second = run_tatoeba(d, ["deu"], enc, cache=cache)
    assert enc.calls == 2  # both sides came from the cache
    assert (first.cached_sentences, second.cached_sentences, second.sentences) == (0, 4, 4)
    assert second.languages == first.languages
    assert not list(cache.glob(".*tmp*"))  # atomic writes leave no temp files
    # Another encoder identity (e.g. a different layer/model) does not reuse them.
    other = fake_encoder(VOCAB, name="fake2")
    run_tatoeba(d, ["deu"], other, cache=cache)
    assert other.calls == 2
    # Changing the file changes the key.
    make_tatoeba(d, "deu", ["cat", "bird"], ["cat", "dog"])
    res = run_tatoeba(d, ["deu"], enc, cache=cache)
    assert enc.calls == 3
    assert res.languages["deu"].accuracy == pytest.approx(50.0)


def test_corrupt_cache_file_is_recomputed(tmp_path: Path, fake_encoder: Any,
                                          make_tatoeba: Any) -> None:
    d = make_tatoeba(tmp_path / "t", "deu", ["cat", "dog"], ["cat", "dog"])
    cache = tmp_path / "emb"
    enc = fake_encoder(VOCAB)
    run_tatoeba(d, ["deu"], enc, cache=cache)
    for f in cache.glob("*.npy"):
        f.write_bytes(b"not a numpy file")
    res = run_tatoeba(d, ["deu"], enc, cache=cache)
    assert enc.calls == 4 and res.languages["deu"].accuracy == pytest.approx(100.0)
