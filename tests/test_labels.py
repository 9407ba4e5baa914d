"""Checks of the labelled claim set in fixtures/labels/ that measures the verifier.

The schema, id and split checks need nothing but the files. The quote checks read the real arXiv
PDFs in ../shared/data/arxiv_pdfs/ with pypdf and skip, with the reason, where that folder is absent.
"""

from __future__ import annotations

import collections
import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import jsonschema
import pypdf
import pytest

# Not imported from conftest: importing it as tests.conftest would load it a second time.
LABELS = Path(__file__).resolve().parent.parent / "fixtures" / "labels"
# dev and dev2 to dev11 are for tuning; test is the held-out split.
SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "test",
)
PAPER_IDS = (
    "2003.11080v5",
    "1911.02116v2",
    "2305.14857v1",
    "2404.12444v1",
    "1911.01464v3",
    "2005.00396v3",
)
LABEL_NAMES = ("supported", "partially_supported", "contradicted", "not_found")
CATEGORIES = (
    "verbatim",
    "paraphrase",
    "truncated",
    "changed_number",
    "wrong_row",
    "negation",
    "count_word",
    "partial",
    "other_paper",
    "fabricated",
)
# Categories whose label is fixed by construction; negation and count_word mix true and false claims.
CATEGORY_LABEL = {
    "verbatim": "supported",
    "paraphrase": "supported",
    "truncated": "supported",
    "changed_number": "contradicted",
    "wrong_row": "contradicted",
    "partial": "partially_supported",
    "other_paper": "not_found",
    "fabricated": "not_found",
}
TRUNCATE_AT = 120

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "claim", "papers", "label", "category", "page", "quote", "note"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z]+-\d{3,4}$"},
        "claim": {"type": "string", "minLength": 60, "maxLength": 200},
        "papers": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "uniqueItems": True,
            "items": {"enum": list(PAPER_IDS)},
        },
        "label": {"enum": list(LABEL_NAMES)},
        "category": {"enum": list(CATEGORIES)},
        "page": {"type": ["integer", "null"], "minimum": 1},
        "quote": {"type": ["string", "null"], "minLength": 10},
        "note": {"type": "string", "minLength": 5},
    },
}


def normalise(text: str) -> str:
    """Text reduced to what survives PDF extraction: NFKC, no soft hyphens, no whitespace or hyphens.

    Dropping every hyphen and space makes "cross-\\nlingual", "cross-lingual" and "crosslingual"
    compare equal, which is all that hyphenated line breaks and column layout change.
    """
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return re.sub(r"[\s\-\u2010\u2011]+", "", text)


def load(split: str) -> list[dict[str, Any]]:
    path = LABELS / f"{split}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path}:{number}: blank line"
        rows.append(json.loads(line))
    return rows


def all_rows() -> list[tuple[str, dict[str, Any]]]:
    return [(split, row) for split in SPLITS for row in load(split)]


@functools.cache
def _reader(pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(pdf))


@functools.cache
def page_text(pdf: Path, page: int) -> str:
    reader = _reader(pdf)
    assert 1 <= page <= len(reader.pages), f"{pdf.name} has {len(reader.pages)} pages, not {page}"
    return normalise(reader.pages[page - 1].extract_text() or "")


@pytest.mark.parametrize("split", SPLITS)
def test_rows_match_schema(split: str) -> None:
    rows = load(split)
    assert rows, f"{split}.jsonl is empty"
    for row in rows:
        jsonschema.validate(row, SCHEMA)


def test_ids_unique_across_splits() -> None:
    ids = [row["id"] for _, row in all_rows()]
    duplicates = [i for i, n in collections.Counter(ids).items() if n > 1]
    assert not duplicates


def test_claims_unique_across_splits() -> None:
    claims = [row["claim"] for _, row in all_rows()]
    assert len(claims) == len(set(claims))


def test_size_and_split_balance() -> None:
    # The original dev/test pair stays balanced; dev2 to dev11 are later tuning splits.
    dev, test = load("dev"), load("test")
    assert len(dev) + len(test) >= 100
    assert abs(len(dev) - len(test)) <= 0.1 * (len(dev) + len(test))
    for split in SPLITS:
        assert len(load(split)) >= 50, f"{split}.jsonl has fewer than 50 claims"


def test_every_category_and_label_in_every_split() -> None:
    total: collections.Counter[str] = collections.Counter()
    for split in SPLITS:
        rows = load(split)
        categories = collections.Counter(row["category"] for row in rows)
        labels = collections.Counter(row["label"] for row in rows)
        assert set(categories) == set(CATEGORIES), (
            f"{split} lacks {set(CATEGORIES) - set(categories)}"
        )
        assert set(labels) == set(LABEL_NAMES), f"{split} lacks {set(LABEL_NAMES) - set(labels)}"
        total.update(categories)
    thin = {c: n for c, n in total.items() if n < 8}
    assert not thin, f"categories with fewer than 8 claims: {thin}"


def test_every_paper_in_every_split() -> None:
    for split in SPLITS:
        cited = {paper for row in load(split) for paper in row["papers"]}
        assert cited == set(PAPER_IDS), f"{split} never checks {set(PAPER_IDS) - cited}"


@pytest.mark.parametrize(
    ("split", "row"), all_rows(), ids=lambda v: v if isinstance(v, str) else v["id"]
)
def test_label_fits_category_and_evidence(split: str, row: dict[str, Any]) -> None:
    expected = CATEGORY_LABEL.get(row["category"])
    if expected is not None:
        assert row["label"] == expected
    if row["label"] == "not_found":
        assert row["page"] is None and row["quote"] is None
    else:
        assert isinstance(row["page"], int) and isinstance(row["quote"], str)
    if row["category"] == "truncated":
        claim = row["claim"]
        assert len(claim) == TRUNCATE_AT
        # The note keeps the uncut claim, so the cut can be checked to fall mid-word, as in the reports.
        full = re.search(r'Full claim: "(.*)"$', row["note"])
        assert full is not None, "a truncated claim's note must end with its full claim"
        assert full.group(1)[:TRUNCATE_AT] == claim
        assert claim[-1].isalpha() and full.group(1)[TRUNCATE_AT].isalpha()


def test_readme_counts_are_current() -> None:
    readme = (LABELS / "README.md").read_text(encoding="utf-8")
    for split in SPLITS:
        rows = load(split)
        counts = collections.Counter((row["category"], row["label"]) for row in rows)
        for category in CATEGORIES:
            cells = [str(counts[(category, label)]) for label in LABEL_NAMES]
            total = sum(counts[(category, label)] for label in LABEL_NAMES)
            line = f"| {split} | {category} | " + " | ".join(cells) + f" | {total} |"
            assert line in readme, f"README.md lacks the current row: {line}"


def _quoted_rows() -> list[tuple[str, dict[str, Any]]]:
    return [(split, row) for split, row in all_rows() if row["quote"] is not None]


@pytest.mark.parametrize(
    ("split", "row"), _quoted_rows(), ids=lambda v: v if isinstance(v, str) else v["id"]
)
def test_quote_occurs_on_its_page(arxiv_pdfs: Path, split: str, row: dict[str, Any]) -> None:
    # page and quote refer to the first paper listed.
    pdf = arxiv_pdfs / f"{row['papers'][0]}.pdf"
    assert pdf.is_file(), f"{pdf} is missing"
    assert normalise(row["quote"]) in page_text(pdf, row["page"]), (
        f"{split}:{row['id']}: quote not on page {row['page']} of {pdf.name}"
    )
