"""Verify speed: a 14-claim report against 3 cached papers, warm, on this machine.

Prints the model load time (separately), the warm audit time with and without the model, and
the same claims matched by a pure-rapidfuzz baseline (best passage by partial ratio over every
passage of the three papers, nothing else), run in the same script, with the ratio.
The budget (issue 4) is 2 s for the warm audit, model loading excluded.

Run: .venv/bin/python bench/verify.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process

from claimcheck.config import Settings
from claimcheck.models import ArxivId, Reference
from claimcheck.papers import PaperFetcher
from claimcheck.report import parse_report
from claimcheck.verify.audit import Auditor
from claimcheck.verify.semantic import SemanticModel

PAPERS = ROOT.parent / "shared" / "data" / "arxiv_pdfs"
IDS = ("2003.11080v5", "1911.02116v2", "2404.12444v1")
BUDGET_S = 2.0
RUNS = 5


def make_report(path: Path) -> None:
    """14 claims from the labelled set's dev half about the three papers, as a real report."""
    claims = []
    prefixes = {"2003.11080v5": "xtreme", "1911.02116v2": "xlmr", "2404.12444v1": "mothello"}
    for line in (ROOT / "fixtures" / "labels" / "dev.jsonl").read_text().splitlines():
        item = json.loads(line)
        if item["papers"][0] in prefixes and len(claims) < 14:
            mark = "✓" if item["label"] != "not_found" else "×"
            claims.append(f"{item['claim'][:120]}\t{mark}\t0.30")
    refs = "\n".join(f"- <http://arxiv.org/abs/{i}>" for i in IDS)
    path.write_text(
        "# Bench report\n\nJuly 1, 2026\n\n## 1 Introduction\n\nThis paper examines: XTREME. "
        "Research question: How well do multilingual encoders transfer?.\n\n## 3 Results\n\n"
        f"3 papers retrieved. {len(claims)} claims extracted; {len(claims)} independently "
        "verified.\n\n## 5 Extracted Claims\n\nClaim\tVerified\tConfidence\n"
        + "\n".join(claims) + f"\n\n## References\n\n{refs}\n",
        encoding="utf-8",
    )


def main() -> int:
    if not PAPERS.is_dir():
        print(f"skipped: {PAPERS} is absent (see ../shared/data/SOURCES.md)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "bench.md"
        make_report(report_path)
        report = replace(parse_report(report_path), examined_title=None)
        base = replace(Settings(), cache_dir=Path(tmp) / "cache", papers_dir=PAPERS, offline=True)

        start = time.perf_counter()
        model = SemanticModel()
        load_s = time.perf_counter() - start

        results = {}
        for semantic in (True, False):
            settings = replace(base, semantic=semantic)
            # Warm the cache (passages and embeddings), as a second run would find it.
            Auditor(settings, model=model if semantic else None).audit([report])
            times = []
            for _ in range(RUNS):
                auditor = Auditor(settings, model=model if semantic else None)
                t0 = time.perf_counter()
                result = auditor.audit([report])
                times.append(time.perf_counter() - t0)
            results[semantic] = (statistics.median(times), result)

        fetcher = PaperFetcher(replace(base, semantic=False))
        papers = fetcher.fetch_many([Reference(ArxivId.parse(i)) for i in IDS])
        passages = [p.text for fp in papers for p in fp.passages]
        claims = [c.text for c in report.claims]
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            for c in claims:
                process.extractOne(c, passages, scorer=fuzz.partial_ratio)
            times.append(time.perf_counter() - t0)
        baseline_s = statistics.median(times)

    sem_s, sem_result = results[True]
    lex_s, _ = results[False]
    verdicts = [c.verdict.value for c in sem_result.reports[0].claims]
    print(f"report: {len(claims)} claims, 3 cached papers ({', '.join(IDS)}), {len(passages)} passages")
    print(f"model load (all-MiniLM-L6-v2, once per process): {load_s:.2f} s")
    print(f"warm audit with the model:  {sem_s:.3f} s median of {RUNS} "
          f"({'ok' if sem_s <= BUDGET_S else 'OVER'} budget {BUDGET_S:.0f} s)")
    print(f"warm audit, --no-semantic:  {lex_s:.3f} s median of {RUNS}")
    print(f"pure-rapidfuzz baseline (extractOne, partial_ratio, no numbers, no verdicts): "
          f"{baseline_s:.3f} s; audit/baseline = {sem_s / baseline_s:.1f}x with the model, "
          f"{lex_s / baseline_s:.1f}x without")
    print("verdicts: " + ", ".join(f"{v} {verdicts.count(v)}" for v in sorted(set(verdicts))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
