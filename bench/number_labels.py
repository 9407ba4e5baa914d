"""How the number checker alone reads the labelled claims (fixtures/labels/*.jsonl).

Run: .venv/bin/python bench/number_labels.py [-v]

For each labelled claim with a number, the passages are those of the labelled page (+-1) of its
paper in ../shared/data/arxiv_pdfs, ranked by rapidfuzz token_set_ratio, top 20: a stand-in
for the Auditor's ranking. Prints, per label and category, how many claims get a contradicting
number (DIFFERENT or OTHER_ENTITY). -v lists each claim with its number checks.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

from claimcheck.models import ArxivId, Passage
from claimcheck.papers.text import extract_pages, passages_from_pages
from claimcheck.verify.numbers import check_numbers, extract_numbers

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / ".." / "shared" / "data" / "arxiv_pdfs"


def main() -> None:
    verbose = "-v" in sys.argv
    rows = [json.loads(line) for name in ("dev", "test")
            for line in (ROOT / "fixtures" / "labels" / f"{name}.jsonl").open(encoding="utf-8")]
    papers: dict[str, list[Passage] | None] = {}
    table: collections.Counter[tuple[str, str, bool]] = collections.Counter()
    for r in rows:
        mentions = extract_numbers(r["claim"])
        pid = r["papers"][0]
        if not mentions:
            continue
        if pid not in papers:
            pdf = PDFS / f"{pid}.pdf"
            papers[pid] = passages_from_pages(ArxivId.parse(pid), extract_pages(
                pdf, max_pages=60)) if pdf.exists() else None
        passages = papers[pid]
        if passages is None:
            continue
        page = r.get("page")
        near = [p for p in passages if page is None or abs(p.page - page) <= 1]
        ranked = sorted(near, key=lambda p: -fuzz.token_set_ratio(r["claim"], p.text))[:20]
        checks = check_numbers(mentions, ranked, claim_text=r["claim"])
        bad = any(c.status.value in ("different", "other_entity") for c in checks)
        table[(r["label"], r["category"], bad)] += 1
        if verbose:
            print(r["id"], r["label"], r["category"], "|", r["claim"])
            for c in checks:
                print(f"    {c.mention.text!r} {c.status.value} source={c.source_value} "
                      f"subject={c.source_subject!r}")
    print(f"{'label':<20} {'category':<16} {'claims':>6} {'contradicting number':>21}")
    keys = sorted({(lab, cat) for lab, cat, _ in table})
    for lab, cat in keys:
        yes, no = table[(lab, cat, True)], table[(lab, cat, False)]
        print(f"{lab:<20} {cat:<16} {yes + no:>6} {yes:>21}")


if __name__ == "__main__":
    main()
