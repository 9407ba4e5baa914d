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


EMERGING_HEADER = ("Model Domain BPE Merges Anchors Pts Share Param. Softmax XNLI (Acc) NER (F1) "
                   "Parsing (LAS) fr ru zh ∆ fr ru zh ∆ fr ru zh ∆")


def test_a_two_level_header_names_each_cell_by_its_group_and_sub_column() -> None:
    # Three groups over the same four sub-columns, run into one line by pypdf.
    default = "Default Wiki-Wiki 80k all all shared 73.6 68.7 68.3 0.0 79.8 60.9 63.6 0.0 73.2 56.6 28.8 0.0"
    got = names(EMERGING_HEADER, default)
    assert got is not None and len(got) == 12
    assert got[0] == "XNLI (Acc) › fr" and got[7] == "NER (F1) › ∆" and got[10] == "Parsing (LAS) › zh"
    # Dashes under the label columns are cells too: they stay unnamed.
    wiki = "Wiki-CC Wiki-CC - - - - 74.2 65.8 66.5 -1.4 74.0 49.6 61.9 -6.2 71.3 54.8 25.2 -2.5"
    got = names(EMERGING_HEADER, wiki)
    assert got is not None and got[:4] == [None] * 4 and got[4] == "XNLI (Acc) › fr"
    # Fewer group headings than repeats: not that shape, so the names are read as they stand.
    assert names("Model fr ru fr ru", "x 1.0 2.0 3.0 4.0") == ["fr", "ru", "fr", "ru"]


def test_a_plain_word_or_two_among_the_names_is_a_columns_name() -> None:
    # BUFFET's Table 4: "class" and "gen" are the averages over classification and generation.
    header = "Tasks NLI Sent. PWX XCPA XWGD TyDi NER QG Summ. class gen"
    row = "ChatGPT† 54.5 91.1 68.6 76.7 73.3 68.1 45.4 21.2 5.4 64.6 13.3"
    assert names(header, row) == ["NLI", "Sent.", "PWX", "XCPA", "XWGD", "TyDi", "NER", "QG", "Summ.",
                                  "class", "gen"]
    # Mostly plain words, or a function word among them: a heading.
    assert names("Results with more training data", "mBERT 1.0 2.0 3.0 4.0 5.0") is None
    assert names("XNLI and NER", "mBERT 1.0 2.0 3.0") is None


def test_a_token_is_a_cell_when_the_row_pattern_reads_it_whole() -> None:
    from claimcheck.papers.tables import is_cell

    assert all(is_cell(t) for t in ("84.5", ".75", "88.9/89.0", "86.3*", "5%", "-", "–"))
    assert not any(is_cell(t) for t in ("40k", "XLM-R", "L1-3", "Wiki", "(2019)x"))


def test_a_two_letter_word_among_language_codes_is_a_code() -> None:
    # "as" is Assamese in a row of codes; among words it is still no column's name.
    assert names("Transfer + Model Macro as bn brx gu hi", "EICL BLOOMZ 93.0 89.6 94.2 94.9 93.1 95.6") == [
        "Macro", "as", "bn", "brx", "gu", "hi"]
    assert names("Scores as reported", "x 1.0 2.0 3.0") is None
    assert names("results for the ar bg de", "x 1.0 2.0 3.0 4.0") is None


def test_a_unit_in_brackets_belongs_to_the_name_before_it() -> None:
    assert names("ISO code Language Tokens (M) Size (GiB)", "sw Swahili 275 1.6") == ["Tokens (M)", "Size (GiB)"]


def test_means_each_followed_by_a_deviation_are_named_and_the_deviations_are_not() -> None:
    from claimcheck.papers.tables import deviation_names

    header = "ID Description µ F1 ρ train dev"
    row = cells("4 no-random .68 1.00 .00 .19 .03 9 00.6 273 07.7")
    # The id, then µ over one cell, then a mean and its deviation under each other name.
    assert deviation_names(header, row, ids=True) == ["ID", "µ", "F1", None, "ρ", None, "train", None, "dev", None]
    # Every name over a mean and its deviation.
    assert deviation_names("ID Description ENG DEU HIN", cells("0-base original .75 .00 .57 .02 .45 .01"),
                           ids=True) == ["ID", "ENG", None, "DEU", None, "HIN", None]
    # A "deviation" above its mean is no deviation: the cells are not of that shape.
    assert deviation_names("Model en de", cells("XLM-R 80.1 81.2 79.5 83.0"), ids=False) is None
    # Cells of another count do not line up.
    assert deviation_names("Model en de fr", cells("XLM-R 80.1 1.2"), ids=False) is None
