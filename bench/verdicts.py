"""Per-claim verdicts on the tuning splits, and how two runs differ: the win and loss counts the
README gives for each rule kept or dropped.

Run:
    .venv/bin/python bench/verdicts.py OUT.json [--no-semantic]   # verdicts of the code here
    .venv/bin/python bench/verdicts.py --compare BEFORE.json AFTER.json

The first form runs the verifier (the `Auditor` that `claimcheck eval` runs) on every claim of
fixtures/labels/dev*.jsonl, never test.jsonl, against ../shared/data/arxiv_pdfs, and writes each
claim's gold label, verdict and reason. The second prints each claim whose verdict changed, as a
WIN (now right), LOSS (was right) or MOVE (wrong before and after), then the counts and both
runs' pooled macro-F1. Run the first form at two commits (a `git worktree` of the earlier one) to
measure a rule.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.config import Settings
from claimcheck.models import Reference, Verdict
from claimcheck.verify.audit import Auditor
from claimcheck.verify.evaluate import LabelledClaim, Prediction, as_claim, load_labels, score

PAPERS = ROOT.parent / "shared" / "data" / "arxiv_pdfs"
LABELS = ROOT / "fixtures" / "labels"


def tuning_splits() -> list[Path]:
    """dev, dev2, dev3, ...: every labelled split but the held-out test."""
    return sorted(LABELS.glob("dev*.jsonl"), key=lambda p: (len(p.stem), p.stem))


def run(out: Path, semantic: bool) -> None:
    settings = replace(Settings(), papers_dir=PAPERS, offline=True, semantic=semantic)
    auditor = Auditor(settings)
    rows = {}
    for path in tuning_splits():
        for item in load_labels(path):
            result = auditor.verify_claims([as_claim(item)], [Reference(arxiv_id=p) for p in item.papers])[0]
            rows[f"{item.id}@{path.stem}"] = {"gold": item.label.value, "got": result.verdict.value,
                                              "confidence": result.confidence, "reason": result.reason,
                                              "claim": item.claim}
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"{len(rows)} claims of {len(tuning_splits())} tuning splits -> {out}")


def _macro_f1(rows: dict[str, dict[str, object]]) -> float:
    preds = [Prediction(LabelledClaim(id=k, claim=str(r["claim"]), papers=(), label=Verdict(r["gold"]),
                                      category="", line=0),
                        Verdict(r["got"]), float(str(r["confidence"]))) for k, r in rows.items()]
    return score(preds).macro_f1


def compare(before: Path, after: Path) -> None:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    counts = {"WIN": 0, "LOSS": 0, "MOVE": 0}
    for key, x in a.items():
        y = b.get(key)
        if y is None or y["got"] == x["got"]:
            continue
        tag = "WIN" if y["got"] == y["gold"] else "LOSS" if x["got"] == x["gold"] else "MOVE"
        counts[tag] += 1
        print(f"{tag:4} {key} gold {x['gold']}: {x['got']} -> {y['got']} | {y['reason'][:120]}")
    print(f"wins {counts['WIN']}, losses {counts['LOSS']}, moves {counts['MOVE']}; "
          f"pooled macro-F1 {_macro_f1(a):.3f} -> {_macro_f1(b):.3f}")


def main(argv: list[str]) -> int:
    if not PAPERS.is_dir():
        print(f"skipped: {PAPERS} is absent (see ../shared/data/SOURCES.md)")
        return 0
    if argv[:1] == ["--compare"] and len(argv) == 3:
        compare(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) in (1, 2) and not argv[0].startswith("-") and argv[1:] in ([], ["--no-semantic"]):
        run(Path(argv[0]), semantic="--no-semantic" not in argv)
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
