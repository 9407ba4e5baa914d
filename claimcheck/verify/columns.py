"""Table columns: which header names the cell a claim's number sits in.

A table row keeps its table's column names as its ``header`` ("Model #lgs MNLI-m/mm QNLI QQP SST
MRPC STS-B Avg"); ``papers.tables`` lines them up with the row's cells. Where they do not line up
(a header over two lines, rows run together), no column is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.models import NumberMention, Passage, PassageKind
from claimcheck.papers.tables import GROUP_MARK, cells, column_names, deviation_names
from claimcheck.verify.index import row_id
from claimcheck.verify.languages import LANGUAGES
from claimcheck.verify.numbers import header_units, tolerance_of

# Second codes of languages above: 639-3 beside 639-1 ("swa" and "sw"), and informal ones.
_OTHER_CODES = {"swa": "swahili", "yor": "yoruba", "jp": "japanese", "qu": "quechua",
                # ISO 639-2 codes, as Dufter and Schütze's XNLI table heads its columns.
                "eng": "english", "deu": "german", "hin": "hindi"}
_COUNTS = {
    "zero": 0, "no": 0, "without": 0, "one": 1, "single": 1, "a single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}


# An average column, whichever word heads it ("Avg", "Macro"), as a claim words it ("averages").
_MEAN = ["averag(?:e[sd]?|ing)", "avg", "mean"]
_ALIASES = {"avg": _MEAN, "avg.": _MEAN, "macro": [*_MEAN, "macro"]}


def columns(p: Passage) -> list[str | None] | None:
    """The header name over each cell of a table row (None where unknown), or None when the
    header does not line up with the row."""
    if p.kind is not PassageKind.TABLE_ROW:
        return None
    row_cells = cells(p.text)
    names = column_names(p.header, len(row_cells))
    if names is None and p.caption and _DEVIATION.search(p.caption):
        # "Mean and standard deviation (subscript) across 5 different random seeds is shown."
        names = deviation_names(p.header, row_cells, ids=row_id(p) is not None)
    return names


# A caption saying its table's cells are means each with its standard deviation.
_DEVIATION = re.compile(r"standard deviation|\bstd\b|±", re.IGNORECASE)


def written_as_difference(claim: str, end: int) -> bool:
    """Whether the claim's number ending at ``end`` is written as a difference, as a "∆" column
    is named ("21.7 points higher on seen entities than on unseen ones")."""
    return _DIFFERENCE.match(claim.lower(), len(claim) - len(claim[end:].lstrip())) is not None


def mention_positions(claim: str, name: str) -> list[int]:
    """Where the claim names a column ("QNLI", "SST" as "SST-2", "hi" as "Hindi", "1" as
    "a single", "Parsing (LAS) › fr" as "French" in a claim about parsing)."""
    if GROUP_MARK in name:
        # "Parsing (LAS) › fr": the sub-column where the claim also names its group anywhere
        # ("dependency parsing ... 73.2 for French").
        group, _, sub = name.partition(GROUP_MARK)
        if not any(mention_positions(claim, w) for w in group.split()):
            return []
        return mention_positions(claim, sub.strip())
    # "Size (GiB)": the claim names the column by its name, or by its unit ("1.6 GiB"), one of
    # two letters or more.
    unit = re.search(r"(?<=\S)\s+\(([^()]{1,6})\)$", name)
    if unit is not None:
        found = mention_positions(claim, name[: unit.start()])
        if re.fullmatch(r"[A-Za-z]{2,}", unit.group(1)):
            found += [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(unit.group(1).lower())}(?![\w])",
                                                      claim.lower())]
        return sorted(found)
    key = name.strip("#†‡*()").lower()
    low = claim.lower()
    if not key:
        return []
    if key in _DELTA:
        # "∆": a difference, as a claim words one ("5.3 points below Default", "raise ... 1.8
        # points over").
        return [m.start() for m in _DIFFERENCE.finditer(low)]
    if key.isdigit():
        value = int(key)
        words = [w for w, v in _COUNTS.items() if v == value]
        found = [m.start() for m in re.finditer(rf"(?<![\w.]){key}(?![\w]|\.\d)", low)]
        for w in words:
            found += [m.start() for m in re.finditer(rf"\b{w}\b", low)]
        return found
    names = [k for k, v in LANGUAGES.items() if v == key] if key in LANGUAGES.values() else []
    names += [_OTHER_CODES[key]] if key in _OTHER_CODES else []
    names += _ALIASES.get(key, [])
    if names:
        return [m.start() for n in names for m in re.finditer(rf"\b{n}\b", low)]
    if len(key) < 2:
        return []
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?:-\w+)?(?![\w])", low)]
    if (variants := re.fullmatch(r"([a-z][\w]+)-\w+(?:/\w+)+", key)) is not None:
        # "MNLI-m/mm" (matched and mismatched, one cell "86.6/-"): named by "MNLI".
        found += [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(variants.group(1))}(?![\w-])", low)]
    found += _abbreviated(name.strip("#†‡*()"), low)
    if re.fullmatch(r"[A-Z]{2,5}", name.strip("#†‡*()")):
        found += _spelled_out(key, low)
    return found


def _spelled_out(key: str, low: str) -> list[int]:
    """Where the claim spells out an acronym: "NER" as "named entity recognition", "POS" as
    "part-of-speech", "ZICL" as "zero-shot in-context learning" (a hyphened word gives its
    first letter, and may give its parts' too). Words have four letters or more, or are a
    short joining word: "nearly every run" is not "NER"."""
    word = r"[a-z]\w*(?:-[a-z]\w*)*"
    out = []
    for m in re.finditer(rf"\b{key[0]}\w*(?:-[a-z]\w*)*", low):
        words = [w.group(0) for w in re.finditer(word, low[m.start() : m.start() + 20 * len(key)])]
        if _initials(key, words):
            out.append(m.start())
    return out


def _initials(key: str, words: list[str]) -> bool:
    """Whether ``key`` is the initials of the first few ``words``, each used whole."""
    if not key:
        return True
    if not words:
        return False
    w = words[0]
    if len(w.replace("-", "")) < 4 and w not in ("of", "and", "in", "on"):
        return False
    heads = [part[0] for part in w.split("-")]
    if heads[0] != key[0]:
        return False
    # The word's own first letter, then its parts' (all, some or none of them, in order).
    for n in range(len(heads), 0, -1):
        rest = heads[1:n]
        if key[1 : 1 + len(rest)] == "".join(rest) and _initials(key[1 + len(rest) :], words[1:]):
            return True
    return False


# A name followed by this is where training data came from: "the English training data".
_TRAINING = re.compile(r"\S*\s+(?:training|train|pretraining|fine-tuning)\b")
# ... and so is a name this comes right before: "fine-tuned on English only".
_TRAINED_ON = re.compile(r"\b(?:fine-?tuned|trained|pretrained|fine-?tuning|training)\s+(?:only\s+)?"
                         r"on\s+(?:the\s+)?$")


# Words before a name that leave its column out: "outside English", "other than French".
_EXCLUDED = re.compile(r"\b(?:outside|except(?: for)?|besides|other than|apart from|excluding)\s+(?:the\s+)?$")


def _setting(low: str, pos: int) -> bool:
    """Whether the name at ``pos`` of a (lower-cased) claim is no cell's column: where training
    data came from, or what the claim leaves out ("Outside English, ... averages")."""
    return _TRAINING.match(low, pos) is not None or _TRAINED_ON.search(low[max(0, pos - 40) : pos]) is not None \
        or _EXCLUDED.search(low, max(0, pos - 14), pos) is not None


@lru_cache(maxsize=65536)
def names_column(claim: str, name: str) -> bool:
    """Whether the claim names the column ``name`` as a cell's column: a language named as
    where training data came from ("the English training data") is the setting, not a column."""
    low = claim.lower()
    return any(not _setting(low, pos) for pos in mention_positions(claim, name))


@lru_cache(maxsize=4096)
def languages_named(claim: str) -> frozenset[str]:
    """The codes of the languages a claim names as columns ("on Swahili": "sw"), not those
    named as where training data came from."""
    low = claim.lower()
    return frozenset(code for lang, code in LANGUAGES.items()
                     for m in re.finditer(rf"\b{re.escape(lang)}\b", low)
                     if not _setting(low, m.start()))


def is_language(name: str) -> bool:
    """Whether a column name is a language code ("sw", "swa", "jp")."""
    key = name.strip("#†‡*()").lower()
    return key in LANGUAGES.values() or key in _OTHER_CODES


def _abbreviated(name: str, low: str) -> list[int]:
    """Where the claim writes out a column name that the header shortens: a cut word ("Sent."
    for "sentiment", "TyDi" for "TyDiQA") or capitals dropping letters ("XWGD" for
    "XWinograd", "XCPA" for "XCOPA"), of three letters or more."""
    stem = name.rstrip(".").lower()
    if len(stem) < 3 or not stem.isalpha():
        return []
    out = []
    # (A capitalised word of three letters is cut too: "Sep Emb" for "separate embeddings".)
    cut = name.endswith(".") or (name[0].isupper() and any(c.islower() for c in name[1:])
                                 and any(c.isupper() for c in name[1:])) \
        or re.fullmatch(r"[A-Z][a-z]{2}", name) is not None
    capitals = name.isupper() and len(name) >= 4
    # Capitals with a stop keep a word's first and last letters ("TGT." of "target").
    dotted = name.endswith(".") and name[:-1].isupper()
    for m in re.finditer(r"(?<![\w-])[a-z][\w-]*", low):
        word = m.group(0)
        head = word.split("-")[0]
        if dotted and head != stem and head[0] == stem[0] and head[-1] == stem[-1] \
                and len(head) <= 3 * len(stem) and _in_order(stem, head):
            out.append(m.start())
            continue
        if word == stem or word[:2] != stem[:2]:
            continue
        shortened = (cut and word.startswith(stem)) or (
            capitals and len(word) <= 3 * len(stem) and _in_order(stem, word.replace("-", "")))
        if shortened:
            out.append(m.start())
    return out


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


@dataclass(frozen=True)
class ColumnReading:
    mention: NumberMention
    row: Passage
    column: str
    values: tuple[float | None, ...]  # what the row holds under that column
    holds: bool  # the claim's number is among them


# Column names of a difference from a baseline row, and how claims word one.
_DELTA = frozenset({"∆", "δ", "diff.", "diff"})
_DIFFERENCE = re.compile(
    r"\bpoints? (?:below|above|over|under|behind|ahead of|lower|higher|better|worse)\b|"
    r"-?points? (?:gap|difference|drop|lead|margin)\b|"
    r"\b(?:drops?|falls?|gains?|rises?|raises?|improves?|lowers?|decreases?|increases?) by\b|"
    r"\b(?:gap|difference|gain|drop|improvement)\b")


def of_differences(r: ColumnReading) -> bool:
    """Whether a reading's cell is a difference: under a "∆" column, or in a row of differences
    ("(a) − (b)", "Diff.")."""
    column = r.column.rpartition(GROUP_MARK)[2].strip().lower()
    first = r.row.text.split(" ", 1)[0].lower()
    return column in _DELTA or first in _DELTA \
        or re.match(r"\s*\(\w\)\s*[−–-]\s*\(\w\)", r.row.text) is not None


def read_column(
    claim: str, m: NumberMention, row: Passage, tol: float, *, prev_end: int = 0,
    next_start: int | None = None, after_next: tuple[int, int] | None = None,
    any_row: bool = False,
) -> ColumnReading | None:
    """The column the claim puts ``m`` in, for a row that holds ``m`` somewhere (any row, with
    ``any_row``). ``prev_end`` and ``next_start`` bound the claim's text that belongs to this
    number (its neighbours); ``after_next`` is the text after the next number, up to the one
    after it."""
    if next_start is None:
        next_start = len(claim)
    names = columns(row)
    if names is None or row.text == row.header:
        return None  # (a header read as a row, "#Anchor tokens 0 1 2 4", holds no results)
    row_cells = cells(row.text)
    if m.kind == "multiplier" and not header_units(row.header):
        return None  # "350M" against cells without their unit: not comparable
    if not any_row and not any(v is not None and _within(m, tol, v, header_units(row.header))
                               for c in row_cells for v in c):
        return None
    # The column named between this number and the next ("93.8 on QNLI and 95.0 on SST-2"),
    # else between the previous number and this one ("on Hindi, XLM-R scores 69.2"), else the
    # nearest ("69.2 F1 and 51.6 EM on Hindi": one cell).
    after, before, anywhere = [], [], []
    low_claim = claim.lower()
    header_words = _header_words(row)
    for i, name in enumerate(names):
        if name is None:
            continue
        for pos in mention_positions(claim, name):
            if m.start <= pos < m.end:
                continue  # the number itself
            if name.isdigit() and header_words and not _counts_header(low_claim, pos, header_words):
                continue  # "8 bits" names no column of "Layer index 0 1 ... 8"
            if _setting(low_claim, pos):
                # A language named as where training data came from ("not seen in the English
                # training data") is the setting, not the cell's column; nor is one left out.
                continue
            anywhere.append((abs(pos - m.start), i))
            if m.end <= pos < next_start:
                after.append((pos - m.end, i))
            elif prev_end <= pos < m.start:
                before.append((m.start - pos, i))
    if after and before and after_next is not None and not any(
            after_next[0] <= pos < after_next[1] for name in names if name is not None
            for pos in mention_positions(claim, name)):
        # "German translations with 88.8% but Basque ones with only 35.8%": the next number
        # has no name after it, so the one before it is its own; this number's is before it.
        after = []
    pick = min(after or before or anywhere, default=None)
    if pick is None:
        return None
    i = pick[1]
    values = tuple(row_cells[i])
    # A difference is written without its sign ("5.3 points below" for -5.3).
    sign = abs if (names[i] or "").rpartition(GROUP_MARK)[2].strip().lower() in _DELTA else float
    holds = any(v is not None and _within(m, tol, sign(v), header_units(names[i]))
                for v in values)
    return ColumnReading(m, row, names[i] or "", values, holds)


def counts_column(claim: str, reading: ColumnReading) -> bool:
    """Whether the claim names the reading's numbered column with the words of its header
    ("one anchor token" for the column "1" under "#Anchor tokens 0 1 2 4")."""
    words = _header_words(reading.row)
    low = claim.lower()
    return reading.column.isdigit() and bool(words) and any(
        _counts_header(low, pos, words) for pos in mention_positions(claim, reading.column))


def _header_words(row: Passage) -> list[str]:
    """The words of a row's header, not its numbers ("anchor", "tokens")."""
    return [w.strip("#()").lower() for w in (row.header or "").split() if not w.strip("#()").isdigit()]


def _counts_header(low: str, pos: int, header_words: list[str]) -> bool:
    """Whether the whole number at ``pos`` of a (lower-cased) claim counts what the header of
    numbered columns names: a word of the header right before it ("on layer 3", "layers 1-6")
    or one of the two right after it ("4 anchor tokens", "without any anchor tokens")."""
    before = re.search(r"([a-z]+)[^a-z]*$", low[:pos])
    # (The number may be two words: "without any anchor tokens".)
    after = re.match(r"[\w.]+(?:[^a-z]+([a-z]+))?(?:[^a-z]+([a-z]+))?", low[pos:])
    words = [w for x in (before, after) if x is not None for w in x.groups() if w]
    return any(w[:4] == h[:4] for w in words if len(w) >= 3 for h in header_words if len(h) >= 3)


def _within(m: NumberMention, tol: float, value: float, units: frozenset[float]) -> bool:
    """Whether a cell's ``value`` is the claim's ``m``: a column counting in millions ("Tokens
    (M)") holds "22.7 billion" as 22704, to the claim's precision."""
    unit = max(units, default=1.0) if m.kind == "multiplier" else 1.0
    if unit > 1:
        return abs(value - m.value / unit) <= tolerance_of(m) / unit
    return m.kind != "multiplier" and abs(value - m.value) <= tol
