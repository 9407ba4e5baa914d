"""pypdf -> pages -> passages on the real arXiv PDFs and on generated ones."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import ExtractionError
from claimcheck.models import ArxivId, PassageKind
from claimcheck.papers.cache import PaperCache
from claimcheck.papers.text import (
    arxiv_stamp,
    extract_pages,
    guess_title,
    passages_from_pages,
    raw_first_page,
)

XTREME = ArxivId("2003.11080", 5)


@pytest.fixture(scope="module")
def xtreme_pages() -> list[str]:
    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "arxiv_pdfs"
    pdf = path / "2003.11080v5.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} is absent")
    return extract_pages(pdf, max_pages=100)


def test_xtreme_table2_xlmr_row_is_one_passage_with_caption(xtreme_pages):
    passages = passages_from_pages(XTREME, xtreme_pages)
    rows = [p for p in passages if p.kind is PassageKind.TABLE_ROW and p.text.startswith("XLM-R")]
    row = next(p for p in rows if p.page == 6)
    assert row.text == ("XLM-R Large 68.2 79.2 86.4 73.8 65.4 76.6 / 60.8 71.6 / 53.2 "
                        "65.1 / 45.0 66.0 57.3")
    assert row.caption is not None
    assert row.caption.startswith("Table 2. Overall results of baselines across all XTREME tasks.")


def test_offsets_point_into_page_text(xtreme_pages):
    passages = passages_from_pages(XTREME, xtreme_pages)
    assert len(passages) > 500
    kinds = {p.kind for p in passages}
    assert kinds == {PassageKind.SENTENCE, PassageKind.PARAGRAPH, PassageKind.TABLE_ROW,
                     PassageKind.CAPTION}
    for p in passages:
        assert xtreme_pages[p.page - 1][p.start:p.end] == p.text
        assert p.paper_id == XTREME


def test_ligatures_hyphens_and_accents_are_normalised(xtreme_pages):
    text = "\n".join(xtreme_pages)
    for lig in "\ufb00\ufb01\ufb02\ufb03\ufb04":
        assert lig not in text
    assert "text classification" in text
    # "bench-\nmarks" joined; "cross-lingual" written hyphenated elsewhere keeps its hyphen
    assert "driven by benchmarks that evaluate" in text
    assert "bench-marks" not in text and "bench- marks" not in text
    assert "Täckström" in text and "T¨ackstr" not in text


def test_a_size_set_as_subscript_is_split_from_the_model_name(arxiv_pdfs):
    # pypdf runs XLM-R's subscripted "Base" into the name: "XLM-RBase en 100 77.1 / 64.6 ...".
    pages = extract_pages(arxiv_pdfs / "1911.02116v2.pdf", max_pages=100)
    text = "\n".join(pages)
    assert "XLM-R Base en 100 77.1 / 64.6" in text
    assert "RoBERTa Base" in text and "XLNet Large" in text
    assert "XLM-RBase" not in text and "RoBERTaBase" not in text
    # Lower-case words ending so are words: "codebase" stays.
    assert "codebase" in "\n".join(extract_pages(arxiv_pdfs / "2003.11080v5.pdf", max_pages=100))


def _rows(lines: list[str]) -> list[tuple[str, str | None]]:
    page = "Table 4: Results.\nTasks NLI Sent. PWX Summ.\n" + "\n".join(lines) + "\n"
    return [(p.text.split()[0], p.group) for p in passages_from_pages(XTREME, [page])
            if p.kind is PassageKind.TABLE_ROW]


def test_a_blocks_setting_written_on_its_first_row_is_the_group_of_its_other_rows() -> None:
    rows = _rows(["ENG. ICL BLOOM 32.1 81.7 42.2 3.4", "mT5 35.7 50.0 42.2 0.4",
                  "ChatGPT 54.5 91.1 68.6 5.4", "TGT. ICL BLOOM 27.9 80.5 46.5 3.6",
                  "mT5 35.7 50.0 42.2 0.4", "ChatGPT 48.2 91.5 68.2 11.4"])
    assert rows == [("ENG.", None), ("mT5", "ENG. ICL"), ("ChatGPT", "ENG. ICL"),
                    ("TGT.", None), ("mT5", "TGT. ICL"), ("ChatGPT", "TGT. ICL")]
    # A model's size in its label ("XLM-R Large") over other models is no block, even where a
    # model comes back under another first row.
    rows = _rows(["XLM-R Large 68.2 79.2 86.4 73.8", "MMTE 59.5 67.4 81.3 73.5",
                  "mBERT 59.8 65.4 81.9 71.5", "mBERT, multi-task 60.1 75.1 88.9 72.4",
                  "mBERT 61.0 74.6 86.3 70.0"])
    assert all(group is None for _, group in rows)


def test_buffet_table4_rows_carry_their_blocks_setting(arxiv_pdfs):
    pages = extract_pages(arxiv_pdfs / "2305.14857v1.pdf", max_pages=100)
    rows = [p for p in passages_from_pages(ArxivId("2305.14857", 1), pages)
            if p.kind is PassageKind.TABLE_ROW and p.page == 8 and p.text.startswith("ChatGPT")]
    assert [(p.group, p.text.split()[-3]) for p in rows] == [("ENG. ICL", "5.4"), ("TGT. ICL", "11.4")]


def test_sentences_do_not_split_at_abbreviations(xtreme_pages):
    passages = passages_from_pages(XTREME, xtreme_pages)
    sentences = [p.text for p in passages if p.kind is PassageKind.SENTENCE]
    assert not any(s.endswith(("et al.", "e.g.", "i.e.")) for s in sentences)
    assert any(s.startswith("We demonstrate that while models tested on English reach human "
                            "performance") for s in sentences)


def test_speed_of_xtreme_extraction(arxiv_pdfs):
    t = time.perf_counter()
    pages = extract_pages(arxiv_pdfs / "2003.11080v5.pdf", max_pages=100)
    passages_from_pages(XTREME, pages)
    assert time.perf_counter() - t < 3.0


@pytest.mark.slow
def test_every_real_pdf_extracts_with_stamp_and_title(arxiv_pdfs):
    for pdf in sorted(arxiv_pdfs.glob("*.pdf")):
        pages = extract_pages(pdf, max_pages=100)
        ident = ArxivId.parse(pdf.stem)
        assert arxiv_stamp("\n".join(pages[:1])) == ident
        passages = passages_from_pages(ident, pages)
        assert all(pages[p.page - 1][p.start:p.end] == p.text for p in passages)
        assert guess_title(raw_first_page(pdf.read_bytes()))


def test_guess_title_of_real_pdfs(arxiv_pdfs):
    raw = raw_first_page((arxiv_pdfs / "2003.11080v5.pdf").read_bytes())
    assert guess_title(raw) == ("XTREME: A Massively Multilingual Multi-task Benchmark for "
                                "Evaluating Cross-lingual Generalization")


def test_generated_pdf_round_trip():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("Intro sentence one is here. A second sentence follows, e.g. this one.",
                 "Table 1: Scores on the test set.", "Model A 12.5 33.1 47.0"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pages = extract_pages(bytes(pdf.output()), max_pages=5)
    passages = passages_from_pages(ArxivId("2001.00001", 1), pages)
    row = next(p for p in passages if p.kind is PassageKind.TABLE_ROW)
    assert row.text == "Model A 12.5 33.1 47.0" and row.caption == "Table 1: Scores on the test set."
    sentences = [p.text for p in passages if p.kind is PassageKind.SENTENCE]
    assert sentences == ["Intro sentence one is here.",
                         "A second sentence follows, e.g. this one."]


@pytest.mark.parametrize("data, message", [
    (b"<html>nope</html>", "not a PDF"),
    (b"%PDF-1.4\n garbage that is not a pdf", "cannot read PDF"),
])
def test_bad_pdfs_raise_extraction_error(data, message):
    with pytest.raises(ExtractionError, match=message):
        extract_pages(data, max_pages=5)


def test_page_limit(arxiv_pdfs):
    with pytest.raises(ExtractionError, match="20 pages, more than the limit of 5"):
        extract_pages(arxiv_pdfs / "2003.11080v5.pdf", max_pages=5)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
                max_size=4))
def test_passages_from_any_pages_keep_offsets(pages):
    for p in passages_from_pages(ArxivId("2001.00001", 1), pages):
        assert pages[p.page - 1][p.start:p.end] == p.text


def test_cached_paper_reopens_fast(xtreme_pages, tmp_path):
    from claimcheck.models import Paper

    cache = PaperCache(tmp_path)
    passages = passages_from_pages(XTREME, xtreme_pages)
    cache.store_paper(Paper(XTREME, "XTREME"), b"%PDF-1.4 fake", passages)
    t = time.perf_counter()
    loaded = cache.load_paper(XTREME)
    assert time.perf_counter() - t < 0.05 * 4  # bench/fetch.py measures it; loose here
    assert loaded is not None and loaded[1] == passages


def test_artifacts_are_verified(tmp_path):
    cache = PaperCache(tmp_path)
    assert cache.read_artifact(XTREME, "emb.npy") is None
    cache.write_artifact(XTREME, "emb.npy", b"\x00" * 64)
    assert cache.read_artifact(XTREME, "emb.npy") == b"\x00" * 64
    (cache.entry_dir(XTREME) / "artifacts" / "emb.npy").write_bytes(b"\x01" * 64)
    assert cache.read_artifact(XTREME, "emb.npy") is None  # same size, other hash
    with pytest.raises(ValueError):
        cache.write_artifact(XTREME, "../escape", b"x")


def test_a_method_named_by_dotted_abbreviations_does_not_end_its_sentence():
    from claimcheck.papers.text import _sentence_spans

    page = ("ChatGPT is outperformed by mT5 ENG.+TGT. FT by 13%. It does better on XNLI. "
            "The U.S. team won. We use the TGT. Then we stop.")
    spans = [page[a:b] for a, b in _sentence_spans(page, 0, len(page))]
    assert spans == ["ChatGPT is outperformed by mT5 ENG.+TGT. FT by 13%.",
                     "It does better on XNLI.", "The U.S. team won.", "We use the TGT.",
                     "Then we stop."]


def test_a_footnote_mark_after_the_stop_ends_the_sentence_but_a_decimal_does_not():
    from claimcheck.papers.text import _sentence_spans

    page = ("A model extracts entity tags <location> and <organization>.7 We use 32 instances "
            "overall. Each language is in at most three tasks.11 This design is simple. "
            "Accuracy rises to 3.5 In total. See Section 3. We go.")
    spans = [page[a:b] for a, b in _sentence_spans(page, 0, len(page))]
    assert spans == ["A model extracts entity tags <location> and <organization>.7",
                     "We use 32 instances overall.", "Each language is in at most three tasks.11",
                     "This design is simple.", "Accuracy rises to 3.5 In total.", "See Section 3.",
                     "We go."]


def test_table_rows_keep_the_line_above_them_as_their_header():
    page = ("We compare XLM-R to RoBERTa on GLUE.\n"
            "Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg\n"
            "RoBERTa† 1 90.2/90.2 94.7 92.2 96.4 90.9 92.4 92.8\n"
            "XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8\n"
            "Table 4: GLUE dev results.\n"
            "#Anchor tokens 0 1 2 4\n"
            "Atom+Atom 0.53 0.82 0.97 0.97\n")
    rows = [p for p in passages_from_pages(ArxivId("1911.02116", 2), [page]) if p.kind is PassageKind.TABLE_ROW]
    headers = {p.text.split()[0]: p.header for p in rows}
    assert headers["XLM-R"] == "Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"
    assert headers["RoBERTa†"] == headers["XLM-R"]
    # Whole numbers naming the columns are the header of the rows below them.
    assert headers["Atom+Atom"] == "#Anchor tokens 0 1 2 4"


def test_two_column_names_are_a_header_where_they_line_up_and_two_words_are_not_otherwise():
    page = ("Table 2: Probe accuracy of a bilingual mOthelloGPT.\n"
            "Non-Aligned Aligned\n"
            "Original Probe 0.28 0.19\n"
            "Cross Probe 2.75 0.20\n"
            "Table 3: Average error.\n"
            "Mean error\n"
            "Null 2.68 2.70 2.71\n")
    rows = {p.text: p.header for p in passages_from_pages(ArxivId("2404.12444", 1), [page])
            if p.kind is PassageKind.TABLE_ROW}
    assert rows["Original Probe 0.28 0.19"] == "Non-Aligned Aligned"
    assert rows["Cross Probe 2.75 0.20"] == "Non-Aligned Aligned"
    assert rows["Null 2.68 2.70 2.71"] is None


def test_rows_under_group_headings_and_group_names_keep_their_tables_column_names():
    page = ("Model train #M en nl es de Avg\n"
            "Fine-tune multilingual model on English training set (Cross-lingual Transfer)\n"
            "mBERT† each N 91.97 90.94 87.38 82.82 88.28\n"
            "Translate everything to English and use one model (TRANSLATE-TEST)\n"
            "BERT-en 1 88.8 81.4 82.3 80.1 80.3\n"
            "XLM-R\n"
            "each N 92.92 92.53 89.72 85.81 90.24\n"
            "en 1 92.92 80.80 78.64 71.40 80.94\n"
            "Table 2: Results on named entity recognition.\n"
            "This paragraph of prose, which ends with a stop, is not a header.\n"
            "Other 1.0 2.0 3.0\n")
    rows = {p.text.split()[0]: p for p in passages_from_pages(ArxivId("1911.02116", 2), [page])
            if p.kind is PassageKind.TABLE_ROW}
    header = "Model train #M en nl es de Avg"
    assert rows["mBERT†"].header == header  # two lines up, past the group heading
    assert rows["BERT-en"].header == header  # the previous run's, past another heading
    assert rows["each"].header == header and rows["en"].header == header
    # "XLM-R" alone on a line between runs of rows names the rows below it.
    assert rows["each"].group == "XLM-R" and rows["en"].group == "XLM-R"
    assert rows["mBERT†"].group is None and rows["BERT-en"].group is None
    assert rows["Other"].header is None


def test_a_sentence_running_on_to_a_line_that_starts_with_a_number_is_not_a_heading():
    from claimcheck.papers.text import _assemble_page

    raw = ("Based on these results, we use a large Transformer model with 24 layers. We use the "
            "multilingual MLM loss and train our XLM-R model for\n"
            "1.5 Million updates on five-hundred 32GB Nvidia\n"
            "V100 GPUs with a batch size of 8192. We leverage the SPM-preprocessed text data.\n"
            "5.2 Cross-lingual Understanding Results\n"
            "XLM-R outperforms all previous techniques on cross-lingual benchmarks.")
    page = _assemble_page(raw, set())
    sentences = [p.text for p in passages_from_pages(ArxivId("1911.02116", 2), [page])
                 if p.kind is PassageKind.SENTENCE]
    assert ("We use the multilingual MLM loss and train our XLM-R model for 1.5 Million updates "
            "on five-hundred 32GB Nvidia V100 GPUs with a batch size of 8192.") in sentences
    # A heading after a finished sentence stays a heading: no sentence runs into it.
    assert not any("Understanding Results" in s for s in sentences)


def test_two_rows_run_into_one_line_are_cut_and_the_second_keeps_the_model_name():
    # XLM-R's Table 5 as pypdf prints it: the rows "BERT Wiki 40k" and "CC 40k" on one line.
    page = ("Model D #vocab en fr de ru zh sw ur Avg\n"
            "BERT Wiki 40k 84.5 78.6 80.0 75.5 77.7 60.1 57.3 73.4 "
            "CC 40k 86.7 81.2 81.2 78.2 79.5 70.8 65.1 77.5\n"
            "XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8\n")
    rows = [p for p in passages_from_pages(ArxivId("1911.02116", 2), [page])
            if p.kind is PassageKind.TABLE_ROW]
    assert [p.text for p in rows] == [
        "BERT Wiki 40k 84.5 78.6 80.0 75.5 77.7 60.1 57.3 73.4",
        "CC 40k 86.7 81.2 81.2 78.2 79.5 70.8 65.1 77.5",
        "XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8",
    ]
    assert all(page[p.start:p.end] == p.text for p in rows)
    assert [p.group for p in rows] == [None, "BERT", None]
    assert rows[0].header == rows[1].header == "Model D #vocab en fr de ru zh sw ur Avg"


def test_stacked_tables_take_the_caption_on_the_side_their_page_sets_captions():
    # XTREME's appendix: captions above their tables, each right after the previous table.
    above = ("Table 18. TyDiQA-GoldP results (F1 / EM) for each language.\n"
             "Model en ar bn avg\n"
             "mBERT 75.3 / 63.6 62.2 / 42.8 49.3 / 32.7 59.7 / 43.9\n"
             "XLM-R 71.5 / 56.8 67.6 / 40.4 64.0 / 47.8 65.1 / 45.0\n"
             "Table 19. MLQA results (F1 / EM) for each language.\n"
             "Model en ar de avg\n"
             "mBERT 80.2 / 67.0 52.3 / 34.6 59.0 / 43.8 61.4 / 44.2\n"
             "XLM-R 83.5 / 70.6 66.6 / 47.1 70.1 / 54.9 71.6 / 53.2\n"
             "Table 20. POS results (Accuracy) for each language\n"
             "Lang. af ar bg avg\n"
             "XLMR 89.8 67.5 88.1 73.8\n")
    # mOthello's: captions below their tables, the next table right after one.
    below = ("Layer index 0 1 2\n"
             "Original Probe acc. 0.539 0.837 0.892\n"
             "Table 2: Original probe accuracy across all layers.\n"
             "Non-Aligned Aligned\n"
             "Original Probe 0.28 0.19\n"
             "Cross Probe 2.75 0.20\n"
             "Table 3: Average error using original probe and cross-lingual alignment probe.\n"
             "B Computational Resources For each pretrained mOthelloGPT, we train it with 1 A40 GPU.\n")
    def captions(page: str) -> dict[str, str]:
        """Each row's first three words, with the number of the table its caption names."""
        return {" ".join(p.text.split()[:3]): (p.caption or "").split(":")[0].split(".")[0]
                for p in passages_from_pages(ArxivId("2003.11080", 5), [page])
                if p.kind is PassageKind.TABLE_ROW}

    assert captions(above) == {"mBERT 75.3 /": "Table 18", "XLM-R 71.5 /": "Table 18",
                               "mBERT 80.2 /": "Table 19", "XLM-R 83.5 /": "Table 19",
                               "XLMR 89.8 67.5": "Table 20"}
    assert captions(below) == {"Layer index 0": "Table 2", "Original Probe acc.": "Table 2",
                               "Original Probe 0.28": "Table 3", "Cross Probe 2.75": "Table 3"}


def test_column_names_over_a_group_heading_are_not_joined_to_the_paragraph_above():
    from claimcheck.papers.text import _assemble_page

    # XLM-R's Table 5 as pypdf gives it: a paragraph, the column names, a group heading, rows.
    raw = ("This is a surprising result that shows that the capacity of multilingual models\n"
           "to leverage training data can overcome the capacity dilution problem to obtain\n"
           "better overall performance.\n"
           "Model D #vocab en fr de ru zh sw ur Avg\n"
           "Monolingual baselines\n"
           "BERT Wiki 40k 84.5 78.6 80.0 75.5 77.7 60.1 57.3 73.4 "
           "CC 40k 86.7 81.2 81.2 78.2 79.5 70.8 65.1 77.5\n"
           "Multilingual models (cross-lingual transfer)\n"
           "XLM-7 Wiki 150k 82.3 76.8 74.7 72.5 73.1 60.8 62.3 71.8 "
           "CC 150k 85.7 78.6 79.5 76.4 74.8 71.2 66.9 76.2\n"
           "Special tokens are very frequent and could serve as anchor points.\n"
           "To investigate this, we shift the special tokens with\n"
           "ENGLISH\n"
           "1 2 3 4 5 6 7\n")
    page = _assemble_page(raw, set())
    passages = passages_from_pages(ArxivId("1911.02116", 2), [page])
    header = "Model D #vocab en fr de ru zh sw ur Avg"
    rows = [p for p in passages if p.kind is PassageKind.TABLE_ROW and p.text[0] != "1"]
    assert [p.header for p in rows] == [header] * 4
    assert [p.group for p in rows] == [None, "BERT", None, "XLM-7"]
    prose = [p.text for p in passages if p.kind is not PassageKind.TABLE_ROW]
    assert any(s.endswith("better overall performance.") for s in prose)
    assert not any("performance. Model D" in s for s in prose)
    # A line of prose over a short line over rows is no header: it runs on, with a comma.
    assert "anchor points. To investigate this, we shift the special tokens with\n" in page


@pytest.mark.parametrize("line", [
    # Cell counts differ: "en 1" may be a label with a count, not a second row.
    "mBERT† each N 91.97 90.94 87.38 82.82 88.28 en 1 91.97 77.57 74.96 69.56 78.52",
    # A word among the cells ("extra") between dashes is not a second row's label.
    "Extra anchors - - extra - - 74.0",
    # Fewer than three cells after each label.
    "Atom 0.5 0.7 Split 0.4 0.6",
    "mBERT 59.8 65.4 81.9 71.5 62.2 64.5 / 49.4 61.4 / 44.2 59.7 / 43.9 56.7 38.7",
])
def test_a_line_of_another_shape_stays_one_row(line):
    from claimcheck.papers.text import split_rows

    assert split_rows(line) == [(0, len(line), None)]


def test_a_table_printed_side_by_side_gives_one_row_per_record_under_one_copy_of_its_header():
    page = ("Table 6: Languages and statistics of the CC-100 corpus.\n"
            "ISO code Language Tokens (M) Size (GiB) ISO code Language Tokens (M) Size (GiB)\n"
            "en English 55608 300.8 pl Polish 6490 44.6\n"
            "hi Hindi 1715 20.2 sw Swahili 275 1.6\n")
    rows = [p for p in passages_from_pages(ArxivId("1911.02116", 2), [page]) if p.kind is PassageKind.TABLE_ROW]
    assert [p.text for p in rows] == ["en English 55608 300.8", "pl Polish 6490 44.6",
                                      "hi Hindi 1715 20.2", "sw Swahili 275 1.6"]
    assert {p.header for p in rows} == {"ISO code Language Tokens (M) Size (GiB)"}
    assert all(page[p.start : p.end] == p.text for p in rows)
    # A header named once keeps its rows whole.
    once = page.replace(" ISO code Language Tokens (M) Size (GiB)\n", "\n", 1)
    rows = [p for p in passages_from_pages(ArxivId("1911.02116", 2), [once]) if p.kind is PassageKind.TABLE_ROW]
    assert "en English 55608 300.8 pl Polish 6490 44.6" in [p.text for p in rows]


def test_rows_of_cells_written_without_a_leading_zero_are_table_rows():
    page = ("Our results are below.\n"
            "ID Description µ F1 ρ τ F1 ρ τ train dev\n"
            "0 original .70 1.00 .16 .88 1.00 .97 .79 9 217\n"
            "21b lang-pos;no-parallel .07 .60 .10 .07 .73 .11 .02 16 456\n"
            "Table 2: Results of a parallel vs. non-parallel corpus.\n")
    rows = [p for p in passages_from_pages(ArxivId("2005.00396", 3), [page]) if p.kind is PassageKind.TABLE_ROW]
    assert [p.text for p in rows] == ["0 original .70 1.00 .16 .88 1.00 .97 .79 9 217",
                                      "21b lang-pos;no-parallel .07 .60 .10 .07 .73 .11 .02 16 456"]
    assert rows[0].header == "ID Description µ F1 ρ τ F1 ρ τ train dev"
