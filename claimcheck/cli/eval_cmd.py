"""`claimcheck eval`: measure the verifier on a labelled set."""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import typer
from rich.table import Table

from claimcheck.cli import app, handle_errors, load_settings, stdout_console
from claimcheck.models import Reference, Verdict


@app.command("eval")
def eval_(
    labels: Path = typer.Argument(..., help="A labelled set (JSON lines), e.g. fixtures/labels/dev.jsonl."),
    papers_dir: Path = typer.Option(..., "--papers-dir", help="Folder with the labelled papers' PDFs."),
    model: str | None = typer.Option(None, "--model", help="A local sentence-transformers model."),
    no_semantic: bool = typer.Option(False, "--no-semantic", help="Lexical matching only."),
    show_errors: bool = typer.Option(False, "--errors", help="List every misjudged claim."),
    fit: bool = typer.Option(False, "--fit", help="Also fit and print calibration constants."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Cache directory."),
) -> None:
    """Accuracy, macro-F1, confusion matrix, false-supported rate and calibration error."""
    from claimcheck.verify.audit import Auditor
    from claimcheck.verify.evaluate import (
        LABELS,
        Prediction,
        as_claim,
        fit_platt,
        load_labels,
        score,
    )

    out = stdout_console(soft_wrap=True)
    with handle_errors():
        items = load_labels(labels)
        settings = load_settings(
            cache_dir=cache_dir, papers_dir=papers_dir, offline=True, model=model,
            semantic=False if no_semantic else None,
        )
        start = time.perf_counter()
        auditor = Auditor(settings)
        preds = []
        for item in items:
            refs = [Reference(arxiv_id=p) for p in item.papers]
            res = auditor.verify_claims([as_claim(item)], refs)[0]
            preds.append(Prediction(item, res.verdict, res.confidence, res.reason))
        rep = score(preds)
        unverifiable = [p for p in preds if p.verdict is Verdict.UNVERIFIABLE]
        if unverifiable:
            # They count as wrong: the figures below do not measure the verifier on them.
            cited = sorted({str(a) for p in unverifiable for a in p.item.papers})
            print(f"claimcheck: warning: {labels}: {len(unverifiable)} of {len(preds)} claims are "
                  f"unverifiable and scored as wrong (they cite {', '.join(cited)}; the first, "
                  f"line {unverifiable[0].item.line}: {unverifiable[0].reason})", file=sys.stderr)
        seconds = time.perf_counter() - start
        mode = "lexical only" if no_semantic else f"semantic: {auditor.model.name if auditor.model else '-'}"
        out.print(f"[bold]{labels}[/]: {rep.n} claims, {mode}, {seconds:.1f} s")
        out.print(f"accuracy        {rep.accuracy:.3f}")
        out.print(f"macro-F1        {rep.macro_f1:.3f}   "
                  + "  ".join(f"{k}={v:.2f}" for k, v in rep.per_label_f1.items()))
        out.print(f"false supported {rep.false_supported_rate:.3f}  (share of not-supported claims judged supported)")
        out.print(f"ECE             {rep.ece:.3f}  (10 bins)")
        table = Table(title="confusion (rows: gold, columns: predicted)")
        table.add_column("gold")
        cols = [*LABELS, Verdict.UNVERIFIABLE]
        for c in cols:
            table.add_column(c.value, justify="right")
        for g, row in rep.confusion.items():
            table.add_row(g, *[str(row[c.value]) for c in cols])
        out.print(table)
        out.print("accuracy by category: " + ", ".join(f"{k} {v:.2f}" for k, v in rep.by_category.items()))
        if show_errors:
            for p in rep.errors:
                out.print(f"- {p.item.id} [{p.item.category}] gold={p.item.label.value} "
                          f"got={p.verdict.value} ({p.confidence:.2f}): {p.item.claim[:90]} — {p.reason}",
                          markup=False)
        if fit:
            for v in LABELS:
                sel = [p for p in preds if p.verdict is v and 0 < p.confidence < 1]
                if len(sel) < 3:
                    continue
                logits = [math.log(p.confidence / (1 - p.confidence)) for p in sel]
                a, b = fit_platt(logits, [p.item.label is v for p in sel])
                out.print(f"calibration {v.value}: multiply logit by {a:.3f}, add {b:.3f} (n={len(sel)})")
