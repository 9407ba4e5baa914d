"""PDF -> page text -> passages, with pypdf.

``extract_pages`` returns one normalised string per page:

* ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) become plain letters, the spacing accents pypdf emits for
  LaTeX's accented letters (``T¨ackstr¨om``) become real ones (``Täckström``), soft hyphens,
  NULs and non-breaking spaces are cleaned;
* a model size set as a subscript, which pypdf runs into the name (``XLM-RBase``), is split off
  (``XLM-R Base``);
* a word hyphenated across a line break is joined (``bench-`` + ``marks`` -> ``benchmarks``),
  unless the document writes the hyphenated form within a line elsewhere (``cross-lingual``);
* the lines of one prose paragraph are joined with single spaces, so every line of the page
  text is one *block*: a paragraph, a heading, a caption, or one table row (a run of numbers)
  and the table header lines next to it.

Column order is pypdf's content-stream order, which for LaTeX two-column papers is column by
column; footnotes can land between two paragraphs of a column.

``passages_from_pages`` cuts those pages into sentence, paragraph, caption and table-row
passages. Each passage's ``text`` is exactly ``pages[page - 1][start:end]``.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations, pairwise
from pathlib import Path

from claimcheck.errors import ExtractionError
from claimcheck.models import ArxivId, Passage, PassageKind
from claimcheck.papers.tables import cells, column_names, is_cell, leading_words

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00ad": "",  # soft hyphen
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\x00": "",
    "\r": "",
    "\t": " ",
    "\f": "\n",
}
# pypdf writes LaTeX's \"a as a spacing diaeresis before the letter: "T¨ackstr¨om".
_SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # ¨
    "\u00b4": "\u0301",  # ´
    "\u02c6": "\u0302",  # ˆ
    "\u02dc": "\u0303",  # ˜
    "\u02c7": "\u030c",  # ˇ
}
_ACCENT_RE = re.compile("([" + "".join(_SPACING_ACCENTS) + r"])\s?([A-Za-z])")
_LIG_RE = re.compile("[" + "".join(_LIGATURES) + "]")

_NUM_TOKEN_RE = re.compile(r"^[(\[]?[-+±−]?(?:\d+(?:[.,]\d+)*|\.\d+)%?[)\],;*†‡]*$")  # ".70" too
_DASH_CELL = {"-", "–", "—", "−"}
_CAPTION_RE = re.compile(r"^(?:Table|TABLE|Figure|FIGURE|Fig\.)\s*(?:[A-Z]\.)?\d+[.:]?(?:\s|$)")
_TABLE_CAPTION_RE = re.compile(r"^(?:Table|TABLE)\s*(?:[A-Z]\.)?\d+")
_HEADING_RE = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*\.?|[A-Z]\.(?:\d+)*|[IVX]+\.)\s+[A-Z][^.]{0,70}|"
    r"Abstract|ABSTRACT|References|REFERENCES|Acknowledg(?:e)?ments?)$"
)
_HYPHEN_WORD_RE = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_STAMP_RE = re.compile(r"arXiv:\s*(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})v(?P<v>\d+)")

_ABBREVIATIONS = {
    "e.g.",
    "i.e.",
    "al.",
    "etc.",
    "fig.",
    "figs.",
    "eq.",
    "eqs.",
    "sec.",
    "secs.",
    "tab.",
    "vs.",
    "cf.",
    "resp.",
    "approx.",
    "no.",
    "nos.",
    "dr.",
    "prof.",
    "mr.",
    "ms.",
    "st.",
    "ch.",
    "app.",
    "appx.",
    "ref.",
    "refs.",
    "vol.",
    "pp.",
    "p.",
    "ed.",
    "eds.",
    "inc.",
    "ltd.",
}
# A footnote mark may sit between the stop and the next sentence ("tags.7 We use", "tasks.11 This");
# after a digit, ".5" is a decimal's, not a mark ("3.5 In").
_SENTENCE_END_RE = re.compile(
    r"(?:[.!?][)\]\"'”’]*|(?<=[^\d\s])\.\d{1,2})\s+(?=[A-Z0-9(\[“\"'])"
)

_MAX_PARAGRAPH_CHARS = 2500
_MAX_CAPTION_CHARS = 400
_MAX_HEADER_CHARS = 300
# Lines (group headings, a row group's name) a table may have between two runs of its rows.
_MAX_TABLE_GAP = 2
_MAX_GROUP_CHARS = 30
# A group heading between column names and rows: "Multilingual models (cross-lingual transfer)".
_MAX_GROUP_HEADING_CHARS = 60
_ENDS_SENTENCE = re.compile(r"[.!?:][)\]\"'”’]*$")
_NUMBER_HEADER_RE = re.compile(r"^\D*[A-Za-z]\D*?(?:\s+\d{1,3}){2,}\s*$")


# --------------------------------------------------------------------------- extraction


def extract_pages(pdf: Path | bytes, *, max_pages: int) -> list[str]:
    """Text of each page of ``pdf``, normalised as the module docstring describes.

    Raises ``ExtractionError`` for a file that is not a readable PDF, an encrypted one,
    or one with more than ``max_pages`` pages.
    """
    raw_pages = _raw_pages(pdf, max_pages=max_pages)
    cleaned = [_normalise_chars(p) for p in raw_pages]
    keep_hyphen = _hyphenated_vocabulary(cleaned)
    return [_assemble_page(text, keep_hyphen) for text in cleaned]


def _raw_pages(pdf: Path | bytes, *, max_pages: int) -> list[str]:
    # pypdf is imported here so that importing claimcheck.papers stays cheap.
    import pypdf
    from pypdf.errors import PyPdfError

    name = str(pdf) if isinstance(pdf, Path) else "PDF"
    try:
        if isinstance(pdf, Path):
            data = pdf.read_bytes()
        else:
            data = pdf
    except OSError as exc:
        raise ExtractionError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractionError(f"{name}: not a PDF (does not start with %PDF)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{name}: encrypted PDF; cannot extract its text")
        n = len(reader.pages)
    except ExtractionError:
        raise
    # pypdf raises many kinds of errors (PyPdfError, ValueError, KeyError, ...) on broken
    # files; any of them means the same thing here: this PDF cannot be read.
    except (PyPdfError, Exception) as exc:
        raise ExtractionError(f"{name}: cannot read PDF: {exc}") from exc
    if n == 0:
        raise ExtractionError(f"{name}: PDF has no pages")
    if n > max_pages:
        raise ExtractionError(
            f"{name}: PDF has {n} pages, more than the limit of {max_pages}",
            hint="raise max_pdf_pages (CLAIMCHECK_MAX_PDF_PAGES) if this is intended",
        )
    pages: list[str] = []
    failed = 0
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - a broken page must not lose the rest of the paper
            failed += 1
            pages.append("")
    if failed == n:
        raise ExtractionError(f"{name}: no page's text could be extracted")
    return pages


_GLUED_SIZE = re.compile(r"\b([\w-]*[A-Za-z0-9])(Base|Large)\b")


def _normalise_chars(text: str) -> str:
    text = _LIG_RE.sub(lambda m: _LIGATURES[m.group(0)], text)
    text = _ACCENT_RE.sub(
        lambda m: unicodedata.normalize("NFC", m.group(2) + _SPACING_ACCENTS[m.group(1)]), text
    )
    # A model size set as a subscript runs into the name ("XLM-RBase", "RoBERTaBase").
    text = _GLUED_SIZE.sub(lambda m: m.group(1) + " " + m.group(2) if len(m.group(1)) >= 2
                           else m.group(0), text)
    # Other control characters confuse the offsets of downstream consumers.
    return "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")


def _hyphenated_vocabulary(pages: Sequence[str]) -> set[str]:
    """Hyphenated compounds the document writes within a line: keep their hyphen at a break."""
    vocab: set[str] = set()
    for page in pages:
        for line in page.split("\n"):
            for m in _HYPHEN_WORD_RE.finditer(line.rstrip("-")):
                vocab.add(f"{m.group(1)}-{m.group(2)}".lower())
    return vocab


@dataclass
class _Line:
    text: str
    kind: str  # prose | table | caption | heading


def _is_table_row(line: str) -> bool:
    tokens = [t for t in line.split() if t not in {"/", "|", "±"}]
    if len(tokens) < 2 or line.rstrip().endswith("-") and len(tokens) < 3:
        return False
    numbers = sum(1 for t in tokens if _NUM_TOKEN_RE.match(t))
    dashes = sum(1 for t in tokens if t in _DASH_CELL)
    if numbers < 2 and not (numbers >= 1 and dashes >= 2):
        return False
    return (numbers + dashes) / len(tokens) >= 0.5


def _classify(line: str) -> str:
    if _CAPTION_RE.match(line):
        return "caption"
    if _is_table_row(line):
        return "table"
    if _HEADING_RE.match(line):
        return "heading"
    return "prose"


def _runs_on(line: _Line) -> bool:
    """A prose line that stops mid-sentence: it ends in a lower-case word ("for", "the")."""
    return line.kind == "prose" and re.search(r"\b[a-z]+$", line.text) is not None


def _assemble_page(text: str, keep_hyphen: set[str]) -> str:
    lines = [_Line(ln.strip(), "") for ln in text.split("\n")]
    lines = [ln for ln in lines if ln.text]
    for i, ln in enumerate(lines):
        ln.kind = _classify(ln.text)
        if ln.kind == "heading" and i and _runs_on(lines[i - 1]) and ln.text[:1].isdigit():
            # "... train our XLM-R model for" / "1.5 Million updates on ...": a sentence that
            # runs on to a line starting with a number, not a numbered section heading.
            ln.kind = "prose"
    prose_lengths = [len(ln.text) for ln in lines if ln.kind == "prose"]
    typical = statistics.median(prose_lengths) if prose_lengths else 60.0

    blocks: list[str] = []
    current = ""
    current_kind = ""

    def flush() -> None:
        nonlocal current, current_kind
        if current:
            blocks.append(current)
        current, current_kind = "", ""

    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # Header and group lines sit just above a table's rows: keep them as lines of their own.
        # Column names may stand above a group heading ("Model D #vocab en fr ... Avg" over
        # "Monolingual baselines" over the rows): a line over a short line over rows, that
        # starts after a sentence ends, with a capital, and neither ends a sentence nor runs
        # on nor has a comma ("To investigate this, we shift the special tokens with" is prose).
        near_table = nxt is not None and (nxt.kind == "table" or (
            nxt.kind in ("prose", "heading") and len(nxt.text) <= _MAX_GROUP_HEADING_CHARS
            and i + 2 < len(lines) and lines[i + 2].kind == "table"
            and ln.kind == "prose" and len(ln.text) <= _MAX_HEADER_CHARS
            and ln.text[:1].isupper() and ", " not in ln.text and not _runs_on(ln)
            and not _ENDS_SENTENCE.search(ln.text)
            and (i == 0 or _ENDS_SENTENCE.search(lines[i - 1].text) is not None)))
        if ln.kind in ("table", "heading") or (ln.kind == "prose" and near_table):
            flush()
            blocks.append(ln.text)
            continue
        if ln.kind == "caption":
            flush()
            current, current_kind = ln.text, "caption"
        elif current:
            current = _join(current, ln.text, keep_hyphen)
        else:
            current, current_kind = ln.text, "prose"
        ends_sentence = _ENDS_SENTENCE.search(ln.text) is not None
        # A short line that ends a sentence ends its paragraph; a caption ends at the first
        # line that ends a sentence and is followed by something that does not continue it.
        if ends_sentence and (
            len(ln.text) < 0.8 * typical
            or (current_kind == "caption" and nxt is not None and not nxt.text[:1].islower())
        ):
            flush()
    flush()
    return "\n".join(blocks)


def _join(left: str, right: str, keep_hyphen: set[str]) -> str:
    m = re.search(r"([A-Za-z]+)-$", left)
    if m and len(left) >= 2:
        first = re.match(r"[A-Za-z]+", right)
        if first is None:
            return left + right
        compound = f"{m.group(1)}-{first.group(0)}".lower()
        if compound in keep_hyphen or not right[0].islower():
            return left + right
        return left[:-1] + right
    return left + " " + right


# --------------------------------------------------------------------------- passages


def passages_from_pages(paper_id: ArxivId, pages: Sequence[str]) -> list[Passage]:
    """Sentence, paragraph, caption and table-row passages of ``pages`` (from ``extract_pages``).

    Table rows carry the caption of the nearest ``Table N`` caption on their page. Every
    passage satisfies ``pages[p.page - 1][p.start:p.end] == p.text``.
    """
    out: list[Passage] = []
    for page_no, page in enumerate(pages, start=1):
        spans = _line_spans(page)
        kinds = [_classify(page[s:e]) for s, e in spans]
        captions = _table_captions(page, spans, kinds)
        header: str | None = None
        group: str | None = None
        last_row = -10
        for idx, ((start, end), kind) in enumerate(zip(spans, kinds)):
            text = page[start:end]
            if kind == "table":
                if idx == 0 or kinds[idx - 1] != "table":
                    inherited = header if idx - last_row <= _MAX_TABLE_GAP + 1 else None
                    header = _header_line(page, spans, kinds, idx, inherited)
                    group = _group_name(page, spans, idx) if idx - last_row == 2 else None
                    if _NUMBER_HEADER_RE.match(text):
                        # "#Anchor tokens 0 1 2 4": whole numbers naming the columns of the rows
                        # below, not a row of results.
                        header = text
                side = side_by_side(header)
                pieces = records(text) if side else None
                if pieces is not None:
                    # "hi Hindi 1715 20.2 sw Swahili 275 1.6" under a header written twice: two
                    # records side by side, each under one copy of the header.
                    for a, b in pieces:
                        out.append(Passage(paper_id, page_no, start + a, start + b, text[a:b],
                                           PassageKind.TABLE_ROW, captions.get(idx), side, group))
                    last_row = idx
                    continue
                for a, b, own_group in split_rows(text):
                    out.append(
                        Passage(paper_id, page_no, start + a, start + b, text[a:b],
                                PassageKind.TABLE_ROW, captions.get(idx), header,
                                own_group or group)
                    )
                last_row = idx
            elif kind == "caption":
                out.append(Passage(paper_id, page_no, start, end, text, PassageKind.CAPTION))
                out.extend(_sentences(paper_id, page_no, page, start, end))
            elif kind == "heading" or len(text.split()) < 3:
                continue
            else:
                out.extend(_paragraphs(paper_id, page_no, page, start, end))
                out.extend(_sentences(paper_id, page_no, page, start, end))
    return _with_block_groups(out)


def _with_block_groups(passages: list[Passage]) -> list[Passage]:
    """Rows of a table in blocks, each block's setting written on its first row only ("ENG. ICL
    BLOOM ...", then "mT5 ...", "ChatGPT† ..." until "TGT. ICL BLOOM ..."): the setting becomes
    the group of the block's other rows. A table is read so only where two first rows name one
    model under two settings ("ENG. ICL BLOOM", "TGT. ICL BLOOM") and two blocks list a model of
    the same name ("mT5" under both): "XLM-R Large" over "MMTE" and "mBERT" is no block."""
    out = list(passages)
    tables: dict[tuple[int, str | None, str | None], list[int]] = defaultdict(list)
    for i, p in enumerate(passages):
        if p.kind is PassageKind.TABLE_ROW and p.header is not None and p.group is None:
            tables[(p.page, p.header, p.caption)].append(i)
    for idx in tables.values():
        # (setting, rows, their labels) of each block: a row of two label words or more and
        # the rows of one word after it.
        blocks: list[tuple[str, list[int], set[str]]] = []
        settings: dict[str, set[str]] = defaultdict(set)
        for i in idx:
            words = leading_words(passages[i].text)
            if len(words) >= 2:
                blocks.append((" ".join(words[:-1]), [], set()))
                settings[words[-1]].add(blocks[-1][0])
            elif len(words) == 1 and blocks:
                blocks[-1][1].append(i)
                blocks[-1][2].add(words[0])
        if not any(len(v) >= 2 for v in settings.values()) or not any(
                a[2] & b[2] for a, b in combinations(blocks, 2)):
            continue
        for setting, rows, _ in blocks:
            for i in rows:
                out[i] = replace(passages[i], group=setting)
    return out


_MIN_RUN_CELLS = 3


def side_by_side(header: str | None) -> str | None:
    """One copy of a header that names the same columns twice or more ("ISO code Language Tokens
    (M) Size (GiB) ISO code Language Tokens (M) Size (GiB)": a long table printed in columns),
    or None."""
    if not header:
        return None
    words = header.split()
    for k in (2, 3, 4):
        n = len(words) // k
        if n >= 2 and n * k == len(words) and all(words[i * n : (i + 1) * n] == words[:n]
                                                  for i in range(1, k)):
            return " ".join(words[:n])
    return None


def records(line: str) -> list[tuple[int, int]] | None:
    """The records of a row of a table printed side by side, as (start, end) within it: cut
    where a label follows cells, when every record has as many label words and cells as the
    first. None for a line of another shape."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", line)]
    starts = [i for i, (_, _, t) in enumerate(tokens)
              if not is_cell(t) and (i == 0 or is_cell(tokens[i - 1][2]))]
    if len(starts) < 2 or starts[0] != 0:
        return None
    spans = list(pairwise([*starts, len(tokens)]))
    shapes = {(sum(1 for _, _, t in tokens[a:b] if not is_cell(t)), b - a) for a, b in spans}
    if len(shapes) != 1:
        return None
    return [(tokens[a][0], tokens[b - 1][1]) for a, b in spans]


def split_rows(line: str) -> list[tuple[int, int, str | None]]:
    """The rows of one table line, as (start, end, group) within it.

    pypdf can run two rows of a table into one line: "BERT Wiki 40k 84.5 ... 73.4 CC 40k 86.7
    ... 77.5" is the row "BERT Wiki 40k" and the row "CC 40k". A line is cut where a label
    follows a run of cells and as many cells (three or more) follow that label as followed the
    first. The second row names its model only through the first row's leading words ("BERT"
    over "Wiki 40k" and "CC 40k"): those are its group. A line of another shape is one row.
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", line)]
    is_label = [not is_cell(t) for _, _, t in tokens]
    runs: list[tuple[int, int]] = []  # (first token, token after) of each label
    k = 0
    while k < len(tokens):
        if is_label[k]:
            j = k
            while j < len(tokens) and is_label[j]:
                j += 1
            runs.append((k, j))
            k = j
        else:
            k += 1
    if len(runs) != 2 or runs[0][0] != 0 or runs[1][1] >= len(tokens):
        return [(0, len(line), None)]
    (l1, e1), (l2, e2) = runs
    first_cells, second_cells = l2 - e1, len(tokens) - e2
    if first_cells != second_cells or first_cells < _MIN_RUN_CELLS or e2 - l2 > e1 - l1:
        return [(0, len(line), None)]
    lead = e1 - l1 - (e2 - l2)
    group = " ".join(t for _, _, t in tokens[:lead]) if lead else None
    cut = tokens[l2][0]
    return [(0, tokens[l2 - 1][1], None), (cut, len(line), group)]


def _header_line(
    page: str, spans: Sequence[tuple[int, int]], kinds: Sequence[str], first: int,
    inherited: str | None = None,
) -> str | None:
    """The column names of the run of table rows starting at line ``first``.

    That is the line right above the run when it looks like column names: short, not a caption,
    not a sentence ("Model #lgs MNLI-m/mm QNLI QQP SST MRPC STS-B Avg"). A group heading may
    stand between the names and the rows ("Translate-train (models are trained on ...)"), so
    the line above it, or the names of the table's previous run (``inherited``), are taken
    instead when they line up with the run's first row and the line above does not.
    """
    above: dict[int, str] = {}
    for k in (first - 1, first - 2):
        if k < 0 or kinds[k] not in ("prose", "heading"):
            break
        line = page[spans[k][0] : spans[k][1]]
        if len(line) <= _MAX_HEADER_CHARS and len(line.split()) >= 2:
            above[k] = line
        elif k == first - 1 and len(line.split()) >= 3:
            return None  # a paragraph right above: this run starts its own table
    row = page[spans[first][0] : spans[first][1]]
    a, b, _ = split_rows(row)[0]  # of two rows run into one line, the first
    n = len(cells(row[a:b]))
    for names in (*above.values(), inherited):
        # Names that line up ("... F1 / EM F1 Acc.", or two: "Non-Aligned Aligned").
        if column_names(names, n) is not None:
            return names
    right_above = above.get(first - 1)
    if right_above is None or len(right_above.split()) < 3 or right_above.rstrip().endswith("."):
        return None
    return right_above


def _group_name(page: str, spans: Sequence[tuple[int, int]], first: int) -> str | None:
    """The name on the line between two runs of a table's rows, when it is one: a model's name
    over the rows of its settings ("XLM-R" over "each N 92.92 ...", "en 1 92.92 ...")."""
    line = page[spans[first - 1][0] : spans[first - 1][1]]
    if len(line) > _MAX_GROUP_CHARS or len(line.split()) > 2 or not re.search(r"[A-Z]", line):
        return None
    return line


def _line_spans(page: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in page.split("\n"):
        start = pos + (len(line) - len(line.lstrip()))
        end = pos + len(line.rstrip())
        if end > start:
            spans.append((start, end))
        pos += len(line) + 1
    return spans


def _table_captions(
    page: str, spans: Sequence[tuple[int, int]], kinds: Sequence[str]
) -> dict[int, str]:
    """Map each table-row line index to the caption of its table (nearest Table caption)."""
    caption_lines = [
        i for i, (s, e) in enumerate(spans)
        if kinds[i] == "caption" and _TABLE_CAPTION_RE.match(page[s:e])
    ]
    if not caption_lines:
        return {}
    # A table is a run of rows, allowing short header lines between them.
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(spans)
    while i < n:
        if kinds[i] != "table":
            i += 1
            continue
        first = i
        last = i
        j = i + 1
        while j < n:
            if kinds[j] == "table":
                last = j
            elif kinds[j] in ("caption",) or (spans[j][1] - spans[j][0]) > 200 or j - last > 3:
                break
            j += 1
        runs.append((first, last))
        i = last + 1
    # Captions set above their tables on this page (each starts a run a header line or two
    # below it, and one follows no run), or below them (the converse): stacked tables then
    # take the caption on their own side, not the nearer one of the next table.
    starts = [any(0 < a - c <= 3 for a, _ in runs) for c in caption_lines]
    ends = [any(0 < c - b <= 3 for _, b in runs) for c in caption_lines]
    side = "above" if all(starts) and not all(ends) else \
        "below" if all(ends) and not all(starts) else None
    result: dict[int, str] = {}
    for first, last in runs:
        best: int | None = None
        best_dist = 10**9
        for c in caption_lines:
            if (side == "above" and c > last) or (side == "below" and c < first):
                continue
            dist = first - c if c < first else c - last if c > last else 10**9
            if dist < best_dist:
                best, best_dist = c, dist
        if best is not None and best_dist <= 12:
            s, e = spans[best]
            caption = page[s:e]
            if len(caption) > _MAX_CAPTION_CHARS:
                caption = caption[:_MAX_CAPTION_CHARS].rsplit(" ", 1)[0] + "…"
            for k in range(first, last + 1):
                if kinds[k] == "table":
                    result[k] = caption
    return result


def _paragraphs(
    paper_id: ArxivId, page_no: int, page: str, start: int, end: int
) -> list[Passage]:
    """The block as one paragraph, or as chunks of whole sentences when it is very long."""
    if end - start <= _MAX_PARAGRAPH_CHARS:
        return [Passage(paper_id, page_no, start, end, page[start:end], PassageKind.PARAGRAPH)]
    out: list[Passage] = []
    chunk_start = start
    chunk_end = start
    for s, e in _sentence_spans(page, start, end):
        if e - chunk_start > _MAX_PARAGRAPH_CHARS and chunk_end > chunk_start:
            out.append(Passage(paper_id, page_no, chunk_start, chunk_end,
                               page[chunk_start:chunk_end], PassageKind.PARAGRAPH))
            chunk_start = s
        chunk_end = e
    if chunk_end > chunk_start:
        out.append(Passage(paper_id, page_no, chunk_start, chunk_end,
                           page[chunk_start:chunk_end], PassageKind.PARAGRAPH))
    return out


def _sentences(paper_id: ArxivId, page_no: int, page: str, start: int, end: int) -> list[Passage]:
    spans = _sentence_spans(page, start, end)
    if len(spans) == 1 and spans[0] == (start, end):
        # A one-sentence paragraph is already a passage of its own.
        return []
    return [
        Passage(paper_id, page_no, s, e, page[s:e], PassageKind.SENTENCE)
        for s, e in spans
        if len(page[s:e].split()) >= 3
    ]


def sentences_of(text: str) -> list[str]:
    """``text`` cut into sentences by the rule that cuts passages ("ENG.+TGT. FT" goes on)."""
    return [text[a:b] for a, b in _sentence_spans(text, 0, len(text))]


def _sentence_spans(page: str, start: int, end: int) -> list[tuple[int, int]]:
    text = page[start:end]
    spans: list[tuple[int, int]] = []
    s = 0
    for m in _SENTENCE_END_RE.finditer(text):
        cut = m.start() + 1
        while cut < len(text) and (text[cut] in ")]\"'”’" or text[cut].isdigit()):
            cut += 1
        raw = text[:cut].rsplit(None, 1)[-1] if text[:cut].strip() else ""
        raw = raw.lstrip("([\"'“")
        word = raw.lower()
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", word) or re.fullmatch(
            r"(?:[a-z]\.){2,}", word
        ) or re.fullmatch(r"(?:[A-Z]{1,5}\.[+/&-]?){2,}", raw):
            # "ENG.+TGT." (a method name made of abbreviations) goes on: "ENG.+TGT. FT by 13%".
            continue
        # "3." in "Section 3. We" is a sentence end, but "3.5" never reaches here.
        spans.append((start + s, start + cut))
        s = m.end()
    if s < len(text):
        spans.append((start + s, end))
    return [(a, b) for a, b in spans if b > a]


# --------------------------------------------------------------------------- page 1 helpers


def arxiv_stamp(page1: str) -> ArxivId | None:
    """The versioned id in arXiv's margin stamp on page 1 (``arXiv:2003.11080v5 [cs.CL] ...``)."""
    m = _STAMP_RE.search(page1)
    if m is None:
        return None
    return ArxivId(m.group("id"), int(m.group("v")))


def raw_first_page(pdf: bytes) -> str:
    """pypdf's text of page 1, line breaks kept (for ``guess_title``); "" when unreadable."""
    import pypdf

    try:
        return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    except Exception:  # noqa: BLE001 - only a title guess depends on it
        return ""


def guess_title(page1: str) -> str | None:
    """A cheap guess at the title: the first line(s) of pypdf's raw page 1 before the authors.

    Only a guess; arXiv's record is authoritative when it is available.
    """
    lines = [ln.strip() for ln in page1.split("\n") if ln.strip()]
    lines = [ln for ln in lines if not _STAMP_RE.search(ln)]
    if not lines:
        return None
    title = lines[0]
    for ln in lines[1:4]:
        looks_like_authors = bool(re.search(r"[*∗†‡♠♥♣♦0-9@,]|\band\b", ln)) or ln in (
            "Abstract",
        )
        if looks_like_authors or len(title) > 150:
            break
        title = f"{title} {ln}"
    title = " ".join(title.split())
    return title[:300] or None
