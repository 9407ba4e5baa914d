"""`claimcheck fetch`: get the papers that reports (or bare arXiv ids) cite.

Prints one tab-separated line per distinct paper on stdout (reference, status, versioned id,
source, passages, title or reason) and a summary on stderr. Exit 0 when every paper was had,
3 when some could not be fetched, 2 for bad ids or unreadable reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from claimcheck.cli import app, handle_errors, load_settings, stderr_console
from claimcheck.models import FetchedPaper, PaperOrigin, Reference, ReferenceStatus
from claimcheck.papers import PaperFetcher, check_citation, parse_arxiv_id

_REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")


def _references(args: list[str], max_bytes: int, max_pages: int) -> list[Reference]:
    """References from report paths and bare ids, in order, each distinct one once."""
    refs: list[Reference] = []
    report_args: list[tuple[int, str]] = []
    for i, arg in enumerate(args):
        if Path(arg).exists() or arg.lower().endswith(_REPORT_SUFFIXES) or any(
            c in arg for c in "*?["
        ):
            report_args.append((i, arg))
        else:
            refs.append(Reference(parse_arxiv_id(arg)))  # UsageError (exit 2) for a bad id
    if report_args:
        from claimcheck.report import collect_paths, parse_report

        for path in collect_paths([a for _, a in report_args]):
            report = parse_report(path, max_bytes=max_bytes, max_pages=max_pages)
            refs.extend(report.references)
            if report.examined_title and not any(r.examined for r in report.references):
                # The paper a report says it examines, named only by title (report 001).
                refs.append(Reference(None, line=report.examined_line,
                                      title=report.examined_title, examined=True))
    seen: set[str] = set()
    out: list[Reference] = []
    for ref in refs:
        key = str(ref.arxiv_id) if ref.arxiv_id else f"title:{(ref.title or '').lower()}"
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def _line(fp: FetchedPaper) -> str:
    name = str(fp.reference.arxiv_id) if fp.reference.arxiv_id else repr(fp.reference.title)
    if fp.status is ReferenceStatus.AVAILABLE and fp.paper is not None:
        origin = fp.origin.value if fp.origin else "?"
        if fp.resolved_by_title:
            origin += f" (by title, score {fp.title_match_score:.0f})"
        cols = [name, "available", str(fp.paper.arxiv_id), origin,
                f"{len(fp.passages)} passages", fp.paper.title]
        for extra in fp.extra_versions:
            state = "available" if extra.status is ReferenceStatus.AVAILABLE else "unavailable"
            cols.append(f"+{extra.arxiv_id} {state}")
        return "\t".join(cols)
    return "\t".join([name, "unavailable", "-", "-", "-", fp.reason or "unknown reason"])


@app.command("fetch")
def fetch_command(
    items: Annotated[list[str], typer.Argument(
        metavar="REPORT_OR_ARXIV_ID...",
        help="Reports (.md, .txt, .pdf, directories, globs) or arXiv ids (2003.11080v5).")],
    papers_dir: Annotated[Path | None, typer.Option(
        "--papers-dir", help="Local PDFs named <id>v<N>.pdf or <id>.pdf, tried first.")] = None,
    offline: Annotated[bool | None, typer.Option(
        "--offline/--online", help="Never touch the network; use --papers-dir and the cache."
    )] = None,
    all_versions: Annotated[bool | None, typer.Option(
        "--all-versions", help="Also fetch every other version of each paper.")] = None,
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache-dir", help="Cache directory (default: the user cache; CLAIMCHECK_CACHE_DIR).")
    ] = None,
) -> None:
    """Fetch the papers cited by reports, or given as arXiv ids, into the cache.

    Sources in order: --papers-dir, the cache, arXiv. Exit 0 when every paper was had,
    3 when some could not be fetched, 2 for bad ids or unreadable reports.
    """
    err = stderr_console()
    with handle_errors():
        settings = load_settings(papers_dir=papers_dir, offline=offline,
                                 all_versions=all_versions, cache_dir=cache_dir)
        refs = _references(items, settings.max_report_bytes, settings.max_pdf_pages)
        if not refs:
            err.print("claimcheck: no references to fetch", markup=False)
            return
        results: list[FetchedPaper] = []
        if err.is_terminal:
            with Progress(TextColumn("{task.description}"), BarColumn(),
                          TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                          console=err, transient=True) as progress:
                task = progress.add_task("fetching", total=len(refs))

                def on_progress(paper: str, stage: str) -> None:
                    progress.update(task, description=f"{paper}: {stage}")

                fetcher = PaperFetcher(settings, on_progress=on_progress)
                for ref in refs:
                    results.extend(fetcher.fetch_many([ref]))
                    progress.advance(task)
        else:
            fetcher = PaperFetcher(settings)
            results = fetcher.fetch_many(refs)
        fetcher.close()

    for fp in results:
        typer.echo(_line(fp))
    fetched = sum(1 for r in results if r.origin in (PaperOrigin.ARXIV,))
    cached = sum(1 for r in results if r.origin is PaperOrigin.CACHE)
    local = sum(1 for r in results if r.origin is PaperOrigin.PAPERS_DIR)
    by_title = sum(1 for r in results if r.resolved_by_title and r.paper is not None)
    failed = [r for r in results if r.status is not ReferenceStatus.AVAILABLE]
    err.print(
        f"{len(results)} papers: {fetched} fetched, {cached} already cached, {local} from "
        f"--papers-dir, {by_title} resolved by title, {len(failed)} failed",
        markup=False, soft_wrap=True,
    )
    for r in failed:
        name = str(r.reference.arxiv_id) if r.reference.arxiv_id else repr(r.reference.title)
        err.print(f"  failed: {name}: {r.reason}", markup=False, soft_wrap=True)
    for r in results:
        if r.paper is not None:
            problem = check_citation(r.reference, r.paper, r.passages)
            if problem:
                err.print(f"claimcheck: warning: {r.arxiv_id}: {problem}", markup=False,
                          soft_wrap=True)
    if failed:
        raise typer.Exit(3)
