"""`claimcheck cache path|list|clear`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli import app, handle_errors, load_settings, stderr_console
from claimcheck.papers.cache import PaperCache

cache_app = typer.Typer(help="Show, list or clear the paper cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

CacheDirOpt = Annotated[Path | None, typer.Option(
    "--cache-dir", help="Cache directory (default: the user cache; CLAIMCHECK_CACHE_DIR).")]


def _cache(cache_dir: Path | None) -> PaperCache:
    return PaperCache(load_settings(cache_dir=cache_dir).cache_dir)


@cache_app.command("path")
def cache_path(cache_dir: CacheDirOpt = None) -> None:
    """Print the cache directory."""
    with handle_errors():
        typer.echo(str(_cache(cache_dir).root))


@cache_app.command("list")
def cache_list(cache_dir: CacheDirOpt = None) -> None:
    """One line per cached paper version: id, size, state, title (tab-separated)."""
    with handle_errors():
        entries = _cache(cache_dir).entries()
    for e in entries:
        state = "complete" if e.complete else "partial"
        typer.echo(f"{e.arxiv_id}\t{e.size / 1e6:.1f} MB\t{state}\t{e.title}")
    stderr_console().print(f"{len(entries)} cached paper versions", markup=False)


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDirOpt = None) -> None:
    """Remove every cached paper (metadata, PDFs, passages, embeddings)."""
    with handle_errors():
        cache = _cache(cache_dir)
        n = cache.clear()
    stderr_console().print(f"removed {n} cached paper versions from {cache.root}", markup=False)
