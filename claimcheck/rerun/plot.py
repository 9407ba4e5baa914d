"""``--plot FILE.png``: a bar per language, re-derived next to published where known."""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.errors import UsageError
from claimcheck.models import RetrievalResult
from claimcheck.rerun.published import published_for

DEFAULT_REFERENCE_MODEL = "XLM-R Large"


def plot_result(
    result: RetrievalResult, path: Path, *, reference_model: str = DEFAULT_REFERENCE_MODEL
) -> Path:
    """Write a PNG bar chart of ``result`` per language (plus the average) to ``path``.

    Published values of ``reference_model`` (XTREME's per-language tables) stand beside each
    re-derived bar where the paper gives one. Written atomically.
    """
    if path.suffix.lower() != ".png":
        raise UsageError(f"--plot {path}: the chart is written as PNG; name it *.png")
    import matplotlib

    matplotlib.use("Agg")  # no display needed; must precede pyplot
    import matplotlib.pyplot as plt

    metric = "accuracy" if result.task == "tatoeba" else "f1"
    langs = list(result.languages)
    ours = [getattr(result.languages[lang], metric) or 0.0 for lang in langs]
    pub: list[float | None] = []
    for lang in langs:
        rows = published_for(result.task, reference_model, lang)
        pub.append(rows[0].value if rows else None)
    labels = [*langs, "avg"]
    ours.append(result.average or 0.0)
    avg_rows = published_for(result.task, reference_model, None)
    pub.append(avg_rows[0].value if avg_rows else None)

    width = 0.4
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(labels) + 2), 4.2))
    xs = list(range(len(labels)))
    ax.bar([x - width / 2 for x in xs], ours, width, label=f"re-derived ({result.encoder})",
           color="#3b75af")
    px = [x + width / 2 for x, p in zip(xs, pub, strict=True) if p is not None]
    pv = [p for p in pub if p is not None]
    if pv:
        source = (avg_rows[0].paper if avg_rows else "XTREME")
        ax.bar(px, pv, width, label=f"published {reference_model} ({source})", color="#ef8636")
    ax.set_xticks(xs)
    ax.set_xticklabels(labels, rotation=60 if len(labels) > 8 else 0, fontsize=8)
    ax.set_ylabel(f"{metric} (%)")
    ax.set_ylim(0, 100)
    ax.set_title(f"{result.task}: {metric} per language")
    # Below the axes, so it never hides a bar.
    fig.legend(fontsize=8, loc="lower center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    tmp = path.with_name(f".{path.stem}.tmp{os.getpid()}.png")
    try:
        fig.savefig(tmp, format="png", dpi=110)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"--plot {path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        plt.close(fig)
    return path
