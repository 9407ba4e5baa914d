"""Table rows as pypdf prints them: their cells, and which header names line up with them.

pypdf gives a table row by row: "XLM-R 100 88.9/89.0 93.8 92.3 95.0 89.5 91.2 91.8", and its
column names as one line ("Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"). Where the header
has one name per cell, give or take the names of the label columns ("Model"), the names are lined
up with the cells from the right. A header that runs group headings into the column names
("... Structured prediction Question answering XNLI PAWS-X POS NER") lines up by its last names
only, those after the last plain word; where a second header row follows with its own label
("... POS NER Metrics Acc. F1 F1"), by the first row's names. A two-level header, group
headings followed by the same sub-names once per group ("XNLI (Acc) NER (F1) fr ru zh fr ru zh"),
names each cell "group › sub". Anything else is not lined up.
"""

from __future__ import annotations

import re

# A cell: a number, "88.9/89.0" or "76.6 / 60.8" (two scores under one header), or a dash.
_CELL = re.compile(
    r"(?<![\w.])[-+]?\d*\.?\d+(?:\s*/\s*(?:[-+]?\d*\.?\d+|-))*(?![\w.])|(?<!\S)[-–](?!\S)"
)
# Between a group heading and a sub-column name: "Parsing (LAS) › fr".
GROUP_MARK = "›"
# Header names beyond the cells that may head the label columns ("Model", "train").
MAX_LABEL_COLUMNS = 3
# A plain word ("prediction", "answering"), a function word or a half of a bracket is part of a
# group heading ("(models are trained on English data)"), not a column's name; column names are
# short ("en", "avg") or carry a capital, digit or sign ("XNLI", "#lgs").
_PLAIN_WORD = re.compile(r"[a-z]{4,}")
_FUNCTION_WORDS = {"a", "an", "and", "are", "as", "at", "by", "for", "in", "is", "of", "on", "or",
                   "the", "to", "vs", "was", "per"}


_CODE = re.compile(r"[a-z]{2,3}")


def _among_codes(name: str, names: list[str]) -> bool:
    """A two-letter word among language codes is one ("as", Assamese, in "Macro as bn brx gu
    hi")."""
    codes = [x for x in names if _CODE.fullmatch(x) and x not in _FUNCTION_WORDS]
    return len(name) == 2 and name.islower() and len(codes) >= 3 and 2 * len(codes) >= len(names)


def _heading_word(name: str) -> bool:
    return (bool(_PLAIN_WORD.fullmatch(name)) or name in _FUNCTION_WORDS
            or name.count("(") != name.count(")"))


def is_cell(token: str) -> bool:
    """Whether one whitespace-free token of a row is a cell ("88.9/89.0", ".75", "86.3*", "5%",
    "-"), marks after it allowed, rather than a word of a label ("40k", "XLM-R")."""
    return _CELL.fullmatch(token.rstrip("%*†‡)]")) is not None


def leading_words(row: str) -> list[str]:
    """The words of a table row before its first cell: its label ("XLM-R Large")."""
    words = []
    for w in row.split():
        if is_cell(w):
            break
        words.append(w)
    return words


def cells(row: str) -> list[list[float | None]]:
    """The row's cells, each as its values (None for a dash)."""
    out: list[list[float | None]] = []
    for c in _CELL.findall(row):
        parts = [x.strip() for x in c.split("/")]
        out.append([float(x) if x not in ("-", "–", "") else None for x in parts])
    return out


def _with_units(names: list[str]) -> list[str]:
    """Header words with each bracketed unit ("(M)", "(GiB)") joined to the name before it."""
    out: list[str] = []
    for w in names:
        if out and re.fullmatch(r"\([^()]{1,6}\)", w):
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def column_names(header: str | None, n_cells: int) -> list[str | None] | None:
    """The header name over each of a row's ``n_cells`` cells (None for a cell whose name is
    not known), or None when the header does not line up with the row."""
    if not header or n_cells == 0:
        return None
    names = re.sub(r"\s*/\s*", "/", header).split()  # "F1 / EM" names one cell
    grouped = _two_level(names, n_cells)
    if grouped is not None:
        return grouped
    # "Tokens (M) Size (GiB)": a unit in brackets belongs to the name before it.
    joined = _with_units(names)
    if joined != names and 0 <= len(joined) - n_cells <= MAX_LABEL_COLUMNS \
            and not 0 <= len(names) - n_cells <= MAX_LABEL_COLUMNS:
        names = joined
    extra = len(names) - n_cells
    if 0 <= extra <= MAX_LABEL_COLUMNS:
        named = names[extra:]
        # "Cross-lingual zero-shot transfer (models are trained on English data)" may have as
        # many words as the row has cells; it is a group heading, not column names. A plain
        # word or two among names is a column's ("... QG Summ. class gen": the averages).
        plain = sum(1 for x in named if _PLAIN_WORD.fullmatch(x))
        if 4 * plain > len(named) or any(_heading_word(x) and not _PLAIN_WORD.fullmatch(x)
                                         and not _among_codes(x, named) for x in named):
            return None
        return list(named)
    if extra < 0:
        return None  # fewer names than cells: which ones are missing is unknown
    k = 0
    while k < len(names) and not _heading_word(names[-1 - k]):
        k += 1
    if k == len(names):
        return None  # no group heading to stop at
    last = names[len(names) - k :]
    if k > n_cells and k % 2 == 1:
        # Two header rows run together, the second with its own label: "XNLI PAWS-X POS
        # Metrics Acc. Acc. F1". The names are the first row's.
        last = last[: k // 2]
    if len(last) > n_cells or 2 * len(last) < n_cells or len(last) < 2:
        return None  # too many names, or too few to trust
    return [None] * (n_cells - len(last)) + list(last)


def _two_level(names: list[str], n_cells: int) -> list[str | None] | None:
    """Names of a two-level header run into one line: group headings, then the same sub-names
    once per group ("XNLI (Acc) NER (F1) Parsing (LAS) fr ru zh ∆ fr ru zh ∆ fr ru zh ∆"). Each
    of the last cells is named "group › sub" ("Parsing (LAS) › fr"); cells before them (dashes
    under the label columns) are not named. None when the header is not of that shape."""
    for size in range(2, len(names) // 2 + 1):
        block = names[-size:]
        if len(set(block)) < 2:
            continue
        k = 1
        while names[-(k + 1) * size : len(names) - k * size] == block:
            k += 1
        if k < 2 or k * size > n_cells or 2 * k * size < n_cells:
            continue
        groups = _units(names[: len(names) - k * size])
        if len(groups) < k:
            return None
        named = [f"{g} {GROUP_MARK} {sub}" for g in groups[-k:] for sub in block]
        return [None] * (n_cells - len(named)) + named
    return None


def _units(words: list[str]) -> list[str]:
    """Header words as names, a bracketed part kept with the word before it ("XNLI (Acc)")."""
    units: list[str] = []
    depth = 0
    for w in words:
        if units and (depth > 0 or w.startswith("(")):
            units[-1] += " " + w
        else:
            units.append(w)
        depth = max(0, depth + w.count("(") - w.count(")"))
    return units


def deviation_names(header: str | None, row_cells: list[list[float | None]], *,
                    ids: bool) -> list[str | None] | None:
    """The header name over each cell of a row whose cells are means, each followed by its
    standard deviation ("1.00 .00 .16 .02 ..." under "F1 ρ ..."; a caption says so): the mean
    takes the name, the deviation none. One name may stand over a single cell, the first or the
    last (a score computed from the others: "µ"). ``ids``: the row's first cell is its id, under
    the header's first name. None unless exactly one layout fits, with each deviation at most
    its mean."""
    if not header:
        return None
    names = re.sub(r"\s*/\s*", "/", header).split()
    values = [c[0] for c in row_cells]
    lead: list[str | None] = []
    if ids:
        if not names or not values:
            return None
        lead, names, values = [names[0]], names[1:], values[1:]
    found: list[list[str | None]] = []
    for labels in range(MAX_LABEL_COLUMNS + 1):
        named = names[labels:]
        k = len(named)
        if k < 2 or len(values) not in (2 * k, 2 * k - 1):
            continue
        for single in ([None] if len(values) == 2 * k else [0, k - 1]):
            out: list[str | None] = []
            pos = 0
            for i, name in enumerate(named):
                if i == single:
                    out.append(name)
                    pos += 1
                    continue
                mean, deviation = values[pos], values[pos + 1]
                if mean is None or deviation is None or deviation > mean:
                    break
                out += [name, None]
                pos += 2
            else:
                found.append(out)
    return lead + found[0] if len(found) == 1 else None
