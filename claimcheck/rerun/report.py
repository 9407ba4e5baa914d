"""RetrievalResult -> JSON-ready dict / JSON text (the shape issue 5 specifies)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.models import RetrievalResult

SCHEMA_VERSION = 1


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(float(x), nd)


def result_to_dict(result: RetrievalResult) -> dict[str, Any]:
    """``{"task", "encoder", "layer", "pooling", "languages": {...}, "average", ...}``."""
    langs: dict[str, dict[str, Any]] = {}
    for lang, s in result.languages.items():
        if result.task == "tatoeba":
            entry: dict[str, Any] = {"accuracy": _r(s.accuracy), "n": s.n}
            if s.reverse_accuracy is not None:
                entry["reverse_accuracy"] = _r(s.reverse_accuracy)
        else:
            entry = {
                "f1": _r(s.f1),
                "precision": _r(s.precision),
                "recall": _r(s.recall),
                "threshold": _r(s.threshold, 6),
                "n": s.n,
            }
        langs[lang] = entry
    return {
        "schema_version": SCHEMA_VERSION,
        "task": result.task,
        "encoder": result.encoder,
        "layer": result.layer,
        "pooling": result.pooling,
        "device": result.device,
        "languages": langs,
        "average": _r(result.average),
        "seconds": _r(result.seconds, 3),
        "sentences_per_second": _r(result.sentences_per_second, 1),
        "sentences": result.sentences,
        "cached_sentences": result.cached_sentences,
    }


def result_to_json(result: RetrievalResult) -> str:
    return json.dumps(result_to_dict(result), indent=2, ensure_ascii=False) + "\n"
