"""A paper's passages made searchable: normalised terms and (optionally) embeddings.

``PaperIndex`` is built once per fetched paper version and shared by every claim of every
report that cites it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from claimcheck.models import Passage, PassageKind
from claimcheck.verify import lexical
from claimcheck.verify.languages import LANGUAGES
from claimcheck.verify.numbers import extract_numbers, plain_word, squash
from claimcheck.verify.semantic import FloatArray, SemanticModel

_CITATION = re.compile(
    r"\b(?:19|20)\d\d[a-z]?\.|\bIn Proceedings\b|\bProceedings of\b|\barXiv preprint\b|"
    r"\bAssociation for Computational Linguistics\b|\bpages \d+\s*[-–]\s*\d+|\bCoRR\b|"
    r"\bIn (?:ICLR|ACL|EMNLP|NAACL|NeurIPS|ICML|AAAI)\b|\bVol(?:ume|\.)\s*\d+"
)


# A name as a claim writes it, inner punctuation included ("xlm-r", "m-bert").
_NAME_TOKEN = re.compile(r"[a-z0-9]+(?:[-.+][a-z0-9]+)*")


def is_bibliography(text: str) -> bool:
    """A reference-list entry, not a statement of the paper.

    A bibliography repeats the titles of cited papers ("English intermediate-task training
    improves zero-shot cross-lingual transfer too"): matching a claim against the title of a
    paper that merely cites the source would support any claim about the source.
    """
    return len(_CITATION.findall(text)) >= 1 and (
        "et al" not in text or text.count(",") >= 3 or bool(re.search(r"\b(?:19|20)\d\d[a-z]?\.", text))
    ) and not re.search(r"\b(?:we|our|us)\b", text, re.IGNORECASE)


@dataclass
class PaperIndex:
    paper_id: str
    passages: list[Passage]
    texts: list[str]
    terms: list[frozenset[str]]
    embeddings: FloatArray | None
    postings: dict[str, npt.NDArray[np.int32]] = field(default_factory=dict)
    entities: set[str] = field(default_factory=set)
    headers: frozenset[str] = field(default=frozenset(), init=False)  # its tables' column names
    _row_labels: list[tuple[int, re.Pattern[str], tuple[re.Pattern[str], ...], str]] | None = None
    _row_leads: list[tuple[int, re.Pattern[str], str | None]] | None = None
    _rows_of_words: list[int] | None = None
    _row_codes: dict[str, set[int]] | None = None
    _tables: dict[tuple[int, str], list[int]] | None = None
    _squashed: list[str] | None = None
    normed: list[str] = field(default_factory=list)  # texts, normalised once for rapidfuzz

    def __post_init__(self) -> None:
        self.normed = [lexical.normalise(t) for t in self.texts]
        self.headers = frozenset(p.header for p in self.passages if p.header)
        from claimcheck.verify.verdict import entities, technical_terms

        # The names in the tables' column headers ("QQP", "MNLI-m/mm") are the paper's too.
        for t in [*self.texts, *self.headers]:
            self.entities |= entities(t) | technical_terms(t)
        lists: dict[str, list[int]] = {}
        for i, terms in enumerate(self.terms):
            for t in terms:
                lists.setdefault(t, []).append(i)
        self.postings = {t: np.asarray(v, dtype=np.int32) for t, v in lists.items()}

    def squashed(self) -> list[str]:
        """The texts without punctuation or spaces (``squash``), where names are looked up as
        written with or without them ("AMERICAS NLI" for "AmericasNLI")."""
        if self._squashed is None:
            self._squashed = [squash(t) for t in self.texts]
        return self._squashed

    def rows_named_in(self, claim: str) -> set[int]:
        """Table rows whose label (the words before their numbers), or the name over their
        group of rows, the claim contains: as a whole, or word by word in any order ("mT0
        ZICL" names the row "ZICL mT0"); a label also as written with or without its
        punctuation ("XLM-R" names the row "XLMR", "XLNet-Large" the row "XLNet Large")."""
        if self._row_labels is None:
            self._row_labels = []
            rows = [p for p in self.passages if p.kind is PassageKind.TABLE_ROW]
            # Blocks of rows whose setting only their first row writes ("ENG. ICL BLOOM ...",
            # then "mT5 ..."): a row of such a block is named by the setting or by its own label
            # ("mT5"); the verdict's checks tell the blocks apart.
            texts: dict[tuple[int, str | None], list[str]] = {}
            for p in rows:
                texts.setdefault((p.page, p.header), []).append(p.text)
            heads = {(p.page, p.header, p.group) for p in rows if p.group and any(
                t.startswith(p.group + " ") for t in texts[(p.page, p.header)])}
            for i, p in enumerate(self.passages):
                labels = [label_of(p.group) if p.group else row_label(p)]
                if (p.page, p.header, p.group) in heads:
                    labels.append(label_of(without_id(p, p.text)))
                # The labels are normalised; whether a word is plain ("Cross") or a name
                # ("BERT") is told by the row as the paper writes it.
                raw = f"{p.group} {p.text}" if p.group else p.text
                written_as = {w.lower(): w for w in raw.replace(";", " ").split()}
                for label in filter(None, labels):
                    words = [w for w in label.replace(";", " ").split() if not ENUMERATOR.fullmatch(w)]
                    each = tuple(_word_pattern(w, plain=plain_word(written_as.get(w, "")))
                                 for w in without_measure(words)) if len(words) > 1 else ()
                    # (Not a label cut before a number of its name: "mbert," of "mBERT, 1000
                    # examples".) A label of several words is named by them joined ("XLNet-Large"
                    # for the row "XLNet Large").
                    bare = squash(label) if len(squash(label)) >= 4 and label[-1].isalnum() else ""
                    self._row_labels.append((i, label_pattern(label), each, bare))
        written = {squash(w) for w in _NAME_TOKEN.findall(claim)}
        return {i for i, rx, each, bare in self._row_labels
                if rx.search(claim) or (each and all(w.search(claim) for w in each))
                or bare in written}

    def rows_of_words(self) -> list[int]:
        """Table rows whose label has a word joined by "+" or "&" or a layer range ("Sep Emb +
        L1-3"), which ``rows_named_in`` reads only as written."""
        if self._rows_of_words is None:
            self._rows_of_words = [
                i for i, p in enumerate(self.passages) if p.kind is PassageKind.TABLE_ROW
                and (label := row_label(p)) is not None and (re.search(r"[a-z][+&][a-z]", label) or (
                    len(label.split()) > 1 and re.search(r"(?:^|\s)[+&](?:\s|$)|\bl\d+-\d+\b", label)))]
        return self._rows_of_words

    def rows_led_in(self, claim: str, names: frozenset[str] = frozenset()) -> set[int]:
        """Table rows whose label's first word, a name ("XLM-R" of "XLM-R en 100 ..."), the
        claim contains, where the label goes on with words the claim does not name (the value of
        a "train" column). A capitalised word ("Default" of "Default Wiki-Wiki 80k all ...")
        leads its row only where the claim writes it capitalised too, inside a sentence
        (``names``, lower-cased)."""
        if self._row_leads is None:
            self._row_leads = []
            for i, p in enumerate(self.passages):
                label = row_label(p)
                words = label.split() if label else []
                raw = without_id(p, f"{p.group} {p.text}" if p.group else p.text).split()
                if len(words) > 1 and raw and (_name_like(raw[0]) or _TITLE_WORD.fullmatch(raw[0])):
                    self._row_leads.append((i, label_pattern(words[0]),
                                            None if _name_like(raw[0]) else words[0]))
        return {i for i, rx, title in self._row_leads
                if rx.search(claim) and (title is None or title in names)}

    def rows_of_languages(self, codes: frozenset[str]) -> set[int]:
        """Table rows of one of the language ``codes`` ("ar" of "ar 0.72 64.9"; see
        ``verdict.row_language``)."""
        if not codes:
            return set()
        if self._row_codes is None:
            from claimcheck.verify.verdict import row_language

            self._row_codes = {}
            for i, p in enumerate(self.passages):
                if p.kind is PassageKind.TABLE_ROW and (code := row_language(p)) is not None:
                    self._row_codes.setdefault(code, set()).add(i)
        return set().union(*(self._row_codes.get(c, set()) for c in codes))

    def table_rows(self, page: int, header: str) -> list[int]:
        """The rows of the table on ``page`` under ``header``."""
        return self.tables().get((page, header), [])

    def tables(self) -> dict[tuple[int, str], list[int]]:
        """The rows of each table with a header, by (page, header)."""
        if self._tables is None:
            self._tables = {}
            for i, p in enumerate(self.passages):
                if p.kind is PassageKind.TABLE_ROW and p.header:
                    self._tables.setdefault((p.page, p.header), []).append(i)
        return self._tables

    def term_recall(self, claim_terms: Sequence[str]) -> npt.NDArray[np.float32]:
        """``lexical.term_recall`` of the claim against every passage at once."""
        counts = np.zeros(len(self.texts), dtype=np.float32)
        uniq = set(claim_terms)
        for t in uniq:
            hits = self.postings.get(t)
            if hits is not None:
                counts[hits] += 1.0
        return (counts / np.float32(max(len(uniq), 1))).astype(np.float32)

    @classmethod
    def build(
        cls,
        paper_id: str,
        passages: Sequence[Passage],
        model: SemanticModel | None,
        embeddings: FloatArray | None = None,
    ) -> PaperIndex:
        # Paragraph passages repeat their sentences; ranking on sentences, rows and captions
        # keeps evidence quotes short. A paragraph of one sentence has no sentence passage of its
        # own, so it is ranked itself. Paragraphs also spot bibliography entries: a sentence of
        # one may look innocent alone (a cited title); its paragraph gives it away.
        bib_paragraphs = [
            (p.page, p.start, p.end) for p in passages
            if p.kind is PassageKind.PARAGRAPH and is_bibliography(p.text)
        ]

        def in_bibliography(p: Passage) -> bool:
            return is_bibliography(p.text) or any(
                page == p.page and start <= p.start and p.end <= end
                for page, start, end in bib_paragraphs
            )

        sentences: dict[int, list[Passage]] = {}
        for p in passages:
            if p.kind is PassageKind.SENTENCE:
                sentences.setdefault(p.page, []).append(p)
        split = {(p.page, p.start, p.end) for p in passages if p.kind is PassageKind.PARAGRAPH
                 and any(p.start <= s.start and s.end <= p.end for s in sentences.get(p.page, ()))}
        # Not ranked either: a table's column names (its rows carry them) and the running head
        # printed on page after page.
        pages: dict[str, set[int]] = {}
        for p in passages:
            if p.kind is PassageKind.PARAGRAPH:
                pages.setdefault(p.text, set()).add(p.page)
        skip = {p.header for p in passages if p.header} | {
            t for t, on in pages.items() if len(on) >= RUNNING_HEAD_PAGES}
        kept = [
            p for p in passages
            if (p.kind is not PassageKind.PARAGRAPH
                or ((p.page, p.start, p.end) not in split and p.text not in skip))
            and p.text.strip() and not in_bibliography(p)
        ]
        texts = [p.text for p in kept]
        terms = [frozenset(lexical.content_terms(t)) for t in texts]
        if model is not None and (embeddings is None or embeddings.shape[0] != len(texts)):
            embeddings = model.encode(texts)
        if model is None:
            embeddings = None
        return cls(paper_id, kept, texts, terms, embeddings)


@dataclass(frozen=True)
class Scored:
    passage: Passage
    lexical: float
    semantic: float | None
    score: float


# Which passages are ranked; a change to that choice makes cached embeddings stale.
INDEX_VERSION = 2
# A paragraph printed on this many pages is the running head.
RUNNING_HEAD_PAGES = 3
SEMANTIC_WEIGHT = 0.5
COARSE_TOP = 40
NUMBER_WEIGHT = 0.5
# Where a row the claim names by its label ranks (a fused score's scale): in the top few.
ROW_ORDER = 0.6
# How far a named row holding all of the claim's numbers moves up past the other named rows.
NAMED_NUMBER_BONUS = 0.1
# Named rows kept beyond the ``top`` passages.
MAX_NAMED_ROWS = 6
# Rows named in part and holding a claim number (``PaperIndex.rows_led_in``) kept beyond them.
MAX_LED_ROWS = 3
# How far after a list of languages its table's caption may start (characters).
CAPTION_AFTER = 400
# Rows holding two of a claim's measurements kept beyond them, where they ranked below the top.
MAX_HOLDING_ROWS = 2
NAMED, LED = 2, 1  # how a ranked row is named: by its whole label, or by its first word
# How far a named row moves up past the other named rows for each sign that its table is the
# one the claim speaks of (``verdict.table_fit``): a model has rows in many of a paper's tables.
TABLE_FIT_BONUS = 0.05
# The words before a row's first cell: a number, or a dash standing alone for an empty one.
# A word of it may hold digits after a letter ("mT0", "XLM-100"), not start with one ("40k").
_ROW_LABEL = re.compile(
    r"^\s*((?:[^\d\s]*[A-Za-z][^\s]*?|[^\d\s]+)(?:\s+(?:[^\d\s-]\S*|-\S+))*?)"
    r"\s+(?=[-+]?\d|\.\d|[-–—](?:\s|$))")
# A name, a comma, then the count of its setting: "mBERT, 1000 examples" before the cells.
_SETTING_LABEL = re.compile(r"^\s*([^\d\s][^,]*,\s+\d[\d,]*\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)*)"
                            r"\s+(?=[-+]?\d|\.\d|[-–—](?:\s|$))")


def _name_like(word: str) -> bool:
    """A model's name, not a plain word: two capitals or digits ("mT5", "XLM-R", "mBERT"),
    not "Avg" or "Zero-shot"."""
    return (len(word) >= 3 and any(c.isalpha() for c in word)
            and sum(c.isupper() or c.isdigit() for c in word) >= 2)


# A capitalised plain word that may lead a row's label ("Default").
_TITLE_WORD = re.compile(r"[A-Z][a-z]{3,}")
# A row's place in a list ("(b) Not seen", "(e) Freq"): no word of its name.
ENUMERATOR = re.compile(r"\(?[a-z0-9]\)|[ivx]+\)|\([ivx]+\)")
# What a row's cells measure, written last in its label ("Original Probe acc."): no word of the
# row's name, which the other words ("Original Probe") give.
_MEASURES = frozenset({"acc", "accuracy", "f1", "em", "score", "bleu", "ppl", "perplexity"})


def without_measure(words: Sequence[str]) -> list[str]:
    """A row label's words without the measure written last, where two words or more remain."""
    if len(words) >= 3 and words[-1].lower().rstrip(".") in _MEASURES:
        return list(words[:-1])
    return list(words)


def row_label(p: Passage) -> str | None:
    """A table row's label, the words before its numbers ("XLM-R Large", "mBERT"), normalised.

    Short labels count only when they look like names ("XLM", "MT5"), not words ("All", "Avg").
    """
    if p.kind is not PassageKind.TABLE_ROW:
        return None
    return label_of(without_id(p, f"{p.group} {p.text}" if p.group else p.text))


# A model's id before its name ("6 lang-pos;no-random .30 ...", "21b lang-pos;no-parallel"), in
# a table whose first column is headed "ID": the row's number in the paper's list of settings.
ROW_ID = re.compile(r"^\s*\d{1,3}[a-z]?(?:-[a-z]+)?\s+(?=[A-Za-z])")


def _numbered(p: Passage) -> bool:
    """Whether row ``p`` is of a table whose first column is the ids ("ID Description ...")."""
    return [w.lower() for w in (p.header or "").split()[:1]] in (["id"], ["#id"])


def without_id(p: Passage, text: str) -> str:
    """``text`` of row ``p`` without the id that starts it, where its table's first column is
    the ids ("ID Description ..."); a number starting another row ("8 anchor tokens") stays."""
    return ROW_ID.sub("", text, count=1) if _numbered(p) else text


def row_id(p: Passage) -> str | None:
    """The id that starts row ``p`` ("21" of "21 no-parallel .25 ..."), where its table's first
    column is the ids; None otherwise."""
    m = ROW_ID.match(p.text) if _numbered(p) else None
    return m.group(0).strip().lower() if m else None


def label_of(row: str) -> str | None:
    """``row_label`` of a table row's text."""
    m = _ROW_LABEL.match(row + " 0")  # a label alone ("RoBERTa†") is a row cut before its numbers
    if m is None:
        return None
    if m.group(1).endswith(","):
        # "mBERT, 1000 examples - - 87.6": the setting after the comma, a count, is the label's.
        m = _SETTING_LABEL.match(row + " 0") or m
    # Footnote marks are not part of the name: "RoBERTa†" is the row of "RoBERTa", "XLM-15† en"
    # that of "XLM-15 en".
    raw = re.sub(r"(?<=\S)[†‡§¶∗]+(?=\s|$)", "", m.group(1).strip(" -–:|")).rstrip("†‡§¶*∗ ")
    if len(raw) >= 4 or (len(raw) == 3 and _name_like(raw)):
        return lexical.normalise(raw)
    return None


def _word_pattern(word: str, *, plain: bool) -> re.Pattern[str]:
    """Where a claim names one word of a row's label (normalised): as ``label_pattern`` reads
    it; for a shortening ("acc." of "Original Probe acc."), as the start of a word ("accuracy");
    for a ``plain`` word (``plain_word`` as the paper writes it), also as the start of a compound
    ("Cross" as "cross-lingual")."""
    if re.fullmatch(r"[A-Za-z]{3,}\.", word):
        return re.compile(rf"(?<!\w){re.escape(word[:-1])}[a-z]*(?![\w-])")
    if plain:
        # A plain word may start a compound ("cross-lingual" for "Cross"); a name may not.
        return re.compile(rf"(?<!\w){re.escape(word.lower())}(?!\w|-[^a-z])")
    return label_pattern(word)


def label_pattern(label: str) -> re.Pattern[str]:
    """Where a claim names the row: the label as a whole word, not the start of a longer name
    ("XLM" is not named by "XLM-R")."""
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w|-\w)")


def rank(
    claim_core: str,
    claim_vec: FloatArray | None,
    indexes: Sequence[PaperIndex],
    *,
    top: int = 8,
) -> list[Scored]:
    """Passages of ``indexes`` ranked for one claim, best first.

    Stage 1 scores every passage cheaply (token-set ratio, cosine); stage 2 rescores the best
    ``COARSE_TOP`` with the precise, truncation-aware lexical score and fuses it with cosine.
    """
    numbers = lexical.claim_numbers(claim_core)
    # Who the claim says says it ("Dufter and Schütze find that") is never in the paper's text.
    claim_core = lexical.without_attribution(claim_core)
    claim_terms = lexical.content_terms(claim_core)
    low = lexical.normalise(claim_core)
    from claimcheck.verify.columns import languages_named
    from claimcheck.verify.verdict import entities, midsentence_names, names_row

    ents = entities(claim_core)

    # (A language, "With English in-context learning", names a setting of many rows.)
    titles = midsentence_names(claim_core) - LANGUAGES.keys()
    pool: list[tuple[float, PaperIndex, int, float | None]] = []
    led_rows: set[tuple[int, int]] = set()
    for idx in indexes:
        if not idx.texts:
            continue
        coarse = lexical.coarse_scores([low], idx.normed)[0]
        recall = idx.term_recall(claim_terms)
        if numbers:
            nums = np.array([lexical.number_recall(numbers, t) for t in idx.texts], dtype=np.float32)
            recall = np.maximum(recall, nums)
        stage1: npt.NDArray[np.float32] = 0.5 * coarse + 0.5 * recall
        sem: npt.NDArray[np.float32] | None = None
        if claim_vec is not None and idx.embeddings is not None:
            sem = np.clip(idx.embeddings @ claim_vec, 0.0, 1.0)
            stage1 = (1 - SEMANTIC_WEIGHT) * stage1 + SEMANTIC_WEIGHT * sem
        k = min(COARSE_TOP, len(idx.texts))
        best = {int(i) for i in np.argpartition(-stage1, k - 1)[:k]}
        named = idx.rows_named_in(low)
        # Rows the verdict reads as named word by word ("Sep Emb + L1-3" by "separate
        # embeddings and separate layers 1-3") are named here too.
        named |= {i for i in idx.rows_of_words() if names_row(low, ents, idx.passages[i])}
        # A row whose name the claim gives only in part ("XLM-R" of "XLM-R en", whose "en" is
        # its training language) may be the claim's row where it holds one of its numbers.
        # So may a row labelled with the code of a language the claim names ("ar 0.72 64.9"
        # for "gives Arabic a Kendall's tau of 0.72").
        led = {i for i in (idx.rows_led_in(low, titles) | idx.rows_of_languages(languages_named(claim_core)))
               - named if numbers and lexical.number_recall(numbers, idx.texts[i]) > 0}
        for i in best | named | led:
            # Rows the claim names by their label ("XLM-R Large") hold its subject's values,
            # whatever their words: they go to the number checks with the best passages.
            first = 1.0 if i in named else float(stage1[i])
            pool.append((first, idx, i, float(sem[i]) if sem is not None else None))
            if i in led:
                led_rows.add((id(idx), i))
    pool.sort(key=lambda t: -t[0])
    from claimcheck.verify.verdict import table_fit

    # The models the claim names rows of: captions naming them say nothing of the table.
    models = frozenset(label for first, idx, i, _ in pool
                       if first == 1.0 and (label := row_label(idx.passages[i])) is not None)
    scored: list[tuple[float, Scored, int]] = []
    kept = pool[: COARSE_TOP * 2]
    kept += [t for t in pool[COARSE_TOP * 2:] if (id(t[1]), t[2]) in led_rows]
    for first, idx, i, s in kept:
        lex = lexical.fine_score(low, idx.normed[i], claim_terms, idx.terms[i])
        fused = lex if s is None else (1 - SEMANTIC_WEIGHT) * lex + SEMANTIC_WEIGHT * s
        # A table row carries few words but all of a claim's numbers: the numbers bring it up
        # the ranking (so the number checker sees it), but do not raise its support score.
        # Named rows come up only for a claim writing numbers they may hold; for others ("five
        # benchmarks", no number) they stay below the prose, but are kept (see below).
        order = fused if first < 1.0 or not numbers else max(fused, ROW_ORDER)
        if numbers:
            held = lexical.number_recall(numbers, idx.texts[i])
            order = max(order, NUMBER_WEIGHT * held + (1 - NUMBER_WEIGHT) * fused)
            if first == 1.0:
                # Of the rows the claim names, those holding its numbers come first.
                order += NAMED_NUMBER_BONUS * held
        if first == 1.0:
            order += TABLE_FIT_BONUS * table_fit(claim_core, idx.passages[i], models)
        tier = NAMED if first == 1.0 else LED if (id(idx), i) in led_rows else 0
        scored.append((order, Scored(idx.passages[i], lex, s, fused), tier))
    scored.sort(key=lambda x: -x[0])
    out = [x for _, x, _ in scored[:top]]
    # Rows the claim names stay, however well prose scores: they hold its subject's values;
    # so do a few of those it names in part that hold its numbers.
    out += [x for _, x, tier in scored[top:] if tier == NAMED][:MAX_NAMED_ROWS]
    out += [x for _, x, tier in scored[top:] if tier == LED][:MAX_LED_ROWS]
    # Named rows holding none of the claim's numbers may fill the top: a row holding two of its
    # measurements or more stays too ("ja 16.3 0.0 12.3 1.0" under rows "mBERT 49.2 ...").
    measures = frozenset(n for n in numbers if "." in n)
    if len(measures) >= 2:
        kept_ids = {id(x) for x in out}
        out += [x for _, x, _ in scored[top:] if id(x) not in kept_ids
                and x.passage.kind is PassageKind.TABLE_ROW
                and lexical.number_recall(measures, x.passage.text) * len(measures) >= 2 - 1e-9
                ][:MAX_HOLDING_ROWS]
    out += _sibling_rows(out, numbers, claim_core, claim_terms, claim_vec, indexes)
    out += _captioned_rows(out, numbers, claim_core, claim_terms, claim_vec, indexes)
    out += _record_passages(out, claim_core, claim_terms, claim_vec, indexes)
    return out + _code_list_passages(out, claim_core, claim_terms, claim_vec, indexes)


def _record_passages(
    out: Sequence[Scored], claim: str, claim_terms: Sequence[str], claim_vec: FloatArray | None,
    indexes: Sequence[PaperIndex],
) -> list[Scored]:
    """For a claim giving two numbers or more to a name ("TyDiQA ... spans eight languages,
    gives eight training instances"), the passages where pypdf ran a table's record of that
    name into prose ("QA TYDIQA span 8 8 F1 Wikipedia"), holding all of its numbers in the
    claim's order, or all but one: the verdict reads the record (``run_on_record``)."""
    from claimcheck.verify.verdict import entities, run_on_record

    values = [m.value for m in sorted(extract_numbers(claim), key=lambda m: m.start)
              if m.kind in ("integer", "decimal", "word")]
    heads = [h for n in entities(claim) if len(h := squash(n)) >= 4]
    if len(values) < 2 or not heads:
        return []
    have = {id(s.passage) for s in out}
    low = lexical.normalise(claim)
    # Each number's digits, as the squashed texts write them ("3,696" as "3696", ".53" as "53").
    digits = [re.sub(r"\D", "", f"{v:g}").lstrip("0") or "0" for v in values]
    extra: list[Scored] = []
    for idx in indexes:
        # (A passage writing the digits of fewer of the numbers holds no such record.)
        found = [i for i, flat in enumerate(idx.squashed())
                 if idx.passages[i].kind is not PassageKind.TABLE_ROW and id(idx.passages[i]) not in have
                 and any(h in flat for h in heads)
                 and sum(d in flat for d in digits) >= len(values) - 1 and any(
                     len(record) >= len(values)
                     and sum(c is not None and abs(c - v) < 1e-9 for c, v in zip(record, values)) >= len(values) - 1
                     for _, record in run_on_record(claim, idx.texts[i]))]
        extra += [_scored(idx, i, low, claim_terms, claim_vec) for i in found[:MAX_LED_ROWS]]
    return extra


def _code_list_passages(
    out: Sequence[Scored], claim: str, claim_terms: Sequence[str], claim_vec: FloatArray | None,
    indexes: Sequence[PaperIndex],
) -> list[Scored]:
    """For a claim counting languages ("AmericasNLI covers 12 languages"), the passages listing
    the codes of a dataset it names ("AMERICAS NLI aym, bzd, cni, ..."), where it is read, each
    with the caption printed after it ("Table 9: ... BUFFET-Light"), which tells the lists of
    two tables apart."""
    from claimcheck.verify.verdict import counts_languages, entities, listed_codes

    if not any(counts_languages(claim, m) for m in extract_numbers(claim)):
        return []

    names = [(n, squash(n)[:4]) for n in sorted(entities(claim)) if len(squash(n)) >= 4]
    have = {id(s.passage) for s in out}
    low = lexical.normalise(claim)
    extra: list[Scored] = []
    for idx in indexes:
        lists = [i for i, (text, flat) in enumerate(zip(idx.texts, idx.squashed(), strict=True)) if "," in text
                 and any(head in flat and listed_codes(name, text) for name, head in names)]
        for i in lists[:MAX_LED_ROWS]:
            p = idx.passages[i]
            caption = next((k for k, c in enumerate(idx.passages) if c.kind is PassageKind.CAPTION
                            and c.paper_id == p.paper_id and c.page == p.page
                            and 0 <= c.start - p.end < CAPTION_AFTER), None)
            for k in (i, caption):
                if k is not None and id(idx.passages[k]) not in have:
                    extra.append(_scored(idx, k, low, claim_terms, claim_vec))
                    have.add(id(idx.passages[k]))
    return extra


def _scored(idx: PaperIndex, i: int, low: str, claim_terms: Sequence[str],
            claim_vec: FloatArray | None) -> Scored:
    """Passage ``i`` of ``idx`` scored for a claim (normalised) as ``rank`` scores it."""
    lex = lexical.fine_score(low, idx.normed[i], claim_terms, idx.terms[i])
    sem = (float(np.clip(idx.embeddings[i] @ claim_vec, 0.0, 1.0))
           if claim_vec is not None and idx.embeddings is not None else None)
    fused = lex if sem is None else (1 - SEMANTIC_WEIGHT) * lex + SEMANTIC_WEIGHT * sem
    return Scored(idx.passages[i], lex, sem, fused)


def _in_no_passage(numbers: frozenset[str], out: Sequence[Scored]) -> bool:
    """Whether one of the claim's ``numbers`` is in none of the ranked passages."""
    return any(not any(lexical.number_recall(frozenset({n}), s.passage.text) > 0 for s in out)
               for n in numbers)


def _captioned_rows(
    out: Sequence[Scored], numbers: frozenset[str], claim: str, claim_terms: Sequence[str],
    claim_vec: FloatArray | None, indexes: Sequence[PaperIndex],
) -> list[Scored]:
    """Where a measurement of the claim is in no ranked passage, the rows it names that hold
    one of its measurements, in the tables whose caption names what the claim is about ("On
    TyDiQA-QG, mT5 fine-tuned on English and then on target-language shots averages 12.2"
    brings "English Target FT 12.2 ..." of "Table 22: Model performance on TYDIQA-QG"): the
    row a per-language claim is read against, or contradicted by."""
    from claimcheck.verify.verdict import caption_fits, entities, names_row

    measures = frozenset(n for n in numbers if "." in n)
    if not _in_no_passage(measures, out):
        return []
    have = {id(s.passage) for s in out}
    low, ents = lexical.normalise(claim), entities(claim)
    extra: list[Scored] = []
    for idx in indexes:
        for rows in idx.tables().values():
            if not rows or not caption_fits(claim, idx.passages[rows[0]], but_label=True):
                continue
            for i in rows:
                p = idx.passages[i]
                if id(p) not in have and lexical.number_recall(measures, p.text) > 0 \
                        and names_row(low, ents, p):
                    extra.append(_scored(idx, i, low, claim_terms, claim_vec))
                    have.add(id(p))
    return extra[:MAX_LED_ROWS]


def _sibling_rows(
    out: Sequence[Scored], numbers: frozenset[str], claim: str, claim_terms: Sequence[str],
    claim_vec: FloatArray | None, indexes: Sequence[PaperIndex],
) -> list[Scored]:
    """Rows the claim names by the words of their label as the verdict reads them ("English
    in-context learning" for "EICL BLOOM"), in the tables where a ranked row of another name
    holds one of its numbers: a claim giving BLOOM the 73.7 of the row "EICL BLOOMZ" is checked
    against BLOOM's row of that table. Where a number of the claim is in no ranked passage, the
    tables of the named rows holding the others bring in their rows it names too ("1.6 GiB of
    Swahili ... against 300.8 GiB for English": English's row beside Swahili's)."""
    from claimcheck.verify.verdict import entities, names_row

    if not numbers:
        return []
    have = {id(s.passage) for s in out}
    low, ents = lexical.normalise(claim), entities(claim)
    unfound = _in_no_passage(numbers, out)
    tables = {(s.passage.paper_id, s.passage.page, s.passage.header) for s in out
              if s.passage.kind is PassageKind.TABLE_ROW and s.passage.header
              and lexical.number_recall(numbers, s.passage.text) > 0
              and (unfound or not names_row(low, ents, s.passage))}
    extra: list[Scored] = []
    for idx in indexes:
        for paper_id, page, header in sorted(tables, key=str):
            if not idx.passages or idx.passages[0].paper_id != paper_id:
                continue
            for i in idx.table_rows(page, header):
                p = idx.passages[i]
                if id(p) in have or not names_row(low, ents, p):
                    continue
                extra.append(_scored(idx, i, low, claim_terms, claim_vec))
                have.add(id(p))
    return extra[:MAX_NAMED_ROWS]
