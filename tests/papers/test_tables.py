"""Lining up a table's column names with the cells of one of its rows."""

from __future__ import annotations

from claimcheck.papers.tables import cells, column_names

XTREME_HEADER = ("Model Avg Pair sentence Structured prediction Question answering Sentence retrieval "
                 "XNLI PAWS-X POS NER XQuAD MLQA TyDiQA-GoldP BUCC Tatoeba "
                 "Metrics Acc. Acc. F1 F1 F1 / EM F1 / EM F1 / EM F1 Acc.")
XLMR_LARGE = "XLM-R Large 68.2 79.2 86.4 73.8 65.4 76.6 / 60.8 71.6 / 53.2 65.1 / 45.0 66.0 57.3"


def names(header: str | None, row: str) -> list[str | None] | None:
    return column_names(header, len(cells(row)))


def test_one_name_per_cell_lines_up_from_the_right_past_the_label_columns() -> None:
    assert names("Model train #M en nl es de Avg", "each N 92.92 92.53 89.72 85.81 90.24") == \
        ["en", "nl", "es", "de", "Avg"]
    # Fewer names than cells: which ones are missing is unknown.
    assert names("en nl Avg", "each N 92.92 92.53 89.72 85.81 90.24") is None
    assert names(None, "each N 92.92") is None and names("A B C", "no numbers here") is None


def test_a_group_heading_is_not_column_names_even_with_one_word_per_cell() -> None:
    heading = "Cross-lingual zero-shot transfer (models are trained on English data)"
    assert names(heading, "mBERT 59.8 65.4 81.9 71.5 62.2 64.5 61.4 59.7 56.7") is None
    assert names(heading, "mBERT 59.8 65.4 81.9") is None


def test_group_headings_run_into_the_names_leave_the_names_after_them() -> None:
    # The two header rows (names, then "Metrics" and a metric per cell) are run together:
    # the names are the first row's, lined up from the right; "Avg" sits before the group
    # headings, so the first cell's name is unknown.
    assert names(XTREME_HEADER, XLMR_LARGE) == [
        None, "XNLI", "PAWS-X", "POS", "NER", "XQuAD", "MLQA", "TyDiQA-GoldP", "BUCC", "Tatoeba"]
    lined = dict(zip(names(XTREME_HEADER, "mBERT, 1000 examples - - - 87.6 77.9 - - 58.7 / 46.5 - -") or [],
                     cells("mBERT, 1000 examples - - - 87.6 77.9 - - 58.7 / 46.5 - -"), strict=True))
    assert lined["POS"] == [87.6] and lined["TyDiQA-GoldP"] == [58.7, 46.5] and lined["XNLI"] == [None]
    # Without a heading to stop at, too many names cannot be lined up.
    assert names("A B C D E F G H", "x 1.0 2.0") is None
