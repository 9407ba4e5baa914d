"""Batch audit: 100 generated reports citing the same 3 papers, with the real Auditor.

Generates REPORTS Markdown reports (varied claims: true, wrong numbers, figures of another row,
off-topic) that all cite 2003.11080v5 (XTREME), 1911.02116v2 (XLM-R) and 2404.12444v1 (mOthello),
audits them offline from ../shared/data/arxiv_pdfs, and prints reports/s against the target of
100 reports in at most 60 s on 2 cores. Also times the naive baseline (a fresh Auditor per report,
as running `claimcheck check` once per file would) on a few reports, and rendering every format.

Run: .venv/bin/python bench/batch.py [--reports N] [--no-semantic] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAPERS = ROOT.parent / "shared" / "data" / "arxiv_pdfs"
IDS = ("2003.11080v5", "1911.02116v2", "2404.12444v1")
TARGET_S = 60.0

# (claim template, values to fill in): the first value of each list is the one the papers state.
CLAIMS: list[tuple[str, list[str]]] = [
    ("XLM-R Large reaches a BUCC F1 of {} in the zero-shot setting on XTREME.", ["66.0", "71.4"]),
    ("XLM-R Large reaches a Tatoeba accuracy of {} in the zero-shot setting.", ["57.3", "68.2"]),
    ("The XTREME average of XLM-R Large is {} over all tasks.", ["68.2", "74.9"]),
    ("XTREME covers {} languages and nine tasks.", ["40", "33"]),
    ("XLM-R is trained on {} of filtered CommonCrawl data in 100 languages.", ["2.5TB", "1.2TB"]),
    ("XLM-R outperforms mBERT by {} average accuracy on XNLI.", ["14.6%", "9.1%"]),
    ("XLM-R improves MLQA F1 by {} over mBERT.", ["13%", "21%"]),
    (
        (
            "Multilingual pretraining alone does not yield a cross-lingual shared representation "
            "in mOthello; anchor tokens or a unified output space {} needed."
        ),
        ["are", "are not"],
    ),
    ("mOthelloGPT models are trained on synthetic Othello games in {} languages.", ["multiple"]),
    ("The curse of multilinguality limits per-language capacity as languages grow to {}.", ["100"]),
    ("Sentence retrieval on Tatoeba uses the {} of the encoder layers.", ["mean of middle"]),
    ("Translate-train improves over zero-shot transfer on question answering by {} points.", ["7"]),
    ("Structured prediction tasks show the {} cross-lingual transfer gap.", ["largest"]),
    ("Cooking pasta in salted water raises its boiling point by {} degrees.", ["2"]),
    ("Quantum annealing solves BUCC alignment in {} seconds.", ["3"]),
]


def make_report(i: int, rng: random.Random) -> str:
    picks = rng.sample(CLAIMS, k=rng.randint(6, 12))
    rows = []
    for template, values in picks:
        value = rng.choice(values)
        mark = rng.choice(["✓", "✓", "✓", "×"])
        rows.append(f"| {template.format(value)} | {mark} | {rng.uniform(0.1, 0.5):.2f} |")
    refs = "\n".join(f"{n}. <https://arxiv.org/abs/{pid}>" for n, pid in enumerate(IDS, 1))
    return (
        f"# Generated Synthesis {i:03d} on Cross-Lingual Transfer\n\nJuly {1 + i % 28}, 2026\n\n"
        "## Introduction\n\nResearch question: How well do multilingual encoders transfer "
        "across languages on XTREME retrieval tasks?.\n\n"
        f"## Results\n\n3 papers retrieved. {len(rows)} claims extracted; "
        f"{len(rows)} independently verified. Quality review score: 9.0/10.\n\n"
        "## Extracted Claims\n\n| Claim | Verified | Confidence |\n|:--|:--:|--:|\n"
        + "\n".join(rows)
        + f"\n\n## References\n\n{refs}\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--baseline-reports", type=int, default=1)
    args = ap.parse_args()
    missing = [pid for pid in IDS if not (PAPERS / f"{pid}.pdf").is_file()]
    if missing:
        print(f"batch: skipped: {', '.join(missing)} not in {PAPERS} (see SOURCES.md)")
        return 0

    from claimcheck.config import Settings
    from claimcheck.formats import OutputFormat, render
    from claimcheck.policy import Policy
    from claimcheck.report import parse_report
    from claimcheck.verify.audit import Auditor

    rng = random.Random(6)
    with tempfile.TemporaryDirectory(prefix="claimcheck-batch-") as tmp:
        tmpdir = Path(tmp)
        reports_dir = tmpdir / "reports"
        reports_dir.mkdir()
        for i in range(args.reports):
            (reports_dir / f"{i:03d}.md").write_text(make_report(i, rng), encoding="utf-8")
        settings = Settings(
            cache_dir=tmpdir / "cache",
            papers_dir=PAPERS,
            offline=True,
            semantic=not args.no_semantic,
            workers=args.workers,
        )
        mode = "lexical only" if args.no_semantic else "semantic (all-MiniLM-L6-v2)"
        print(
            f"batch: {args.reports} reports citing {', '.join(IDS)}; {mode}; "
            f"{args.workers} worker(s); {os.cpu_count()} CPU(s)"
        )

        # Cold: a new Auditor on an empty cache, as a first `claimcheck check reports/` would be.
        t0 = time.perf_counter()
        paths = sorted(reports_dir.glob("*.md"))
        reports = [parse_report(p) for p in paths]
        t_parse = time.perf_counter() - t0
        t1 = time.perf_counter()
        auditor = Auditor(settings)
        t_model = time.perf_counter() - t1
        t2 = time.perf_counter()
        result = auditor.audit(reports, workers=args.workers)
        t_audit = time.perf_counter() - t2
        total = time.perf_counter() - t0
        claims = sum(len(r.claims) for r in result.reports)
        verdicts: dict[str, int] = {}
        for ra in result.reports:
            for cr in ra.claims:
                verdicts[cr.verdict.value] = verdicts.get(cr.verdict.value, 0) + 1
        print(f"  parse   {t_parse:6.2f} s")
        print(f"  setup   {t_model:6.2f} s  (Auditor: model load)")
        print(f"  audit   {t_audit:6.2f} s  (fetch + extract 3 papers once, {claims} claims)")
        print(
            f"  total   {total:6.2f} s  -> {args.reports / total:.1f} reports/s, "
            f"{claims / t_audit:.0f} claims/s in the audit"
        )
        print(f"  verdicts: {', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}")
        ok = total <= TARGET_S * args.reports / 100
        print(
            f"  target: 100 reports in <= {TARGET_S:.0f} s -> "
            f"{'met' if ok else 'MISSED'} ({total * 100 / args.reports:.1f} s per 100)"
        )

        # Warm: the same run again with the extracted text (and embeddings) cached.
        t3 = time.perf_counter()
        warm = Auditor(settings).audit([parse_report(p) for p in paths], workers=args.workers)
        t_warm = time.perf_counter() - t3
        print(f"  warm    {t_warm:6.2f} s  -> {args.reports / t_warm:.1f} reports/s (cache reused)")
        assert len(warm.reports) == args.reports

        # Baseline: one fresh Auditor per report on a cold cache (no sharing between reports).
        n = min(args.baseline_reports, args.reports)
        t4 = time.perf_counter()
        for k, p in enumerate(paths[:n]):
            s = Settings(
                cache_dir=tmpdir / f"cache-base-{k}",
                papers_dir=PAPERS,
                offline=True,
                semantic=not args.no_semantic,
            )
            Auditor(s).audit([parse_report(p)])
        t_base = (time.perf_counter() - t4) / n
        print(
            f"  baseline: a fresh Auditor per report takes {t_base:.2f} s/report -> "
            f"{t_base * args.reports:.0f} s for {args.reports}; the batch is "
            f"{t_base * args.reports / total:.1f}x faster"
        )

        # Rendering the whole batch in every format.
        policy = Policy()
        for fmt in OutputFormat:
            t5 = time.perf_counter()
            text = render(result, fmt, policy=policy, width=100)
            print(
                f"  render {fmt.value:<8} {time.perf_counter() - t5:6.3f} s  "
                f"{len(text) / 1e6:6.2f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
