"""Helpers every report format shares: lines, headings, and undoing line wrapping.

Undoing wrapping is the delicate part for text extracted from a PDF. A line that ends in a
hyphen is either a word broken by hyphenation ("outper-" / "forms") or a real compound that
happens to break at its hyphen ("intermediate-" / "task"). ``Vocabulary.join_hyphen`` decides,
in this order:

1. the part after the break starts with an uppercase letter or a digit: keep ("Zero-Shot");
2. the part before is an acronym or holds a digit: keep ("POS-labeled", "XLM-R");
3. the hyphenated form occurs elsewhere in the document: keep ("intermediate-task");
4. the joined word occurs elsewhere in the document: join ("interme-" / "diate");
5. a common compound prefix or head ("cross-", "-based", "-shot"): keep;
6. otherwise join: hyphenation is far more common than a compound split at its hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

COMPOUND_PREFIXES = frozenset(
    {"self", "cross", "non", "zero", "few", "one", "two", "three", "state", "fine", "semi",
     "quasi", "well", "high", "low", "large", "small", "long", "short", "task", "post"}
)  # fmt: skip
COMPOUND_HEADS = frozenset(
    {"based", "level", "specific", "like", "wise", "free", "aware", "agnostic", "oriented",
     "driven", "trained", "tuned", "tuning", "scale", "shot", "task", "tasks", "art", "domain",
     "lingual", "labeled", "labelled", "annotated", "only", "side", "end", "step", "time",
     "term", "order", "grained", "style", "class", "layer", "layers", "resource", "aligned",
     "supervised", "dependent", "independent", "efficient", "related", "sensitive", "sized",
     "wide", "centric", "invariant", "of", "the", "language", "languages", "training"}
)  # fmt: skip

SECTION_NAMES = (
    "abstract", "introduction", "background", "related work", "method", "methods",
    "methodology", "approach", "experiments", "results", "findings", "discussion",
    "limitations", "conclusion", "conclusions", "future work", "references", "bibliography",
    "sources", "works cited", "cited papers", "citations", "extracted claims", "claims",
    "key claims", "acknowledgements", "acknowledgments", "appendix", "summary",
)  # fmt: skip
REFERENCE_NAMES = ("references", "bibliography", "sources", "works cited", "cited papers",
                   "citations")  # fmt: skip

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?P<name>[A-Z].*?)\s*$")
_BARE = re.compile(
    r"^\s*(?P<name>" + "|".join(re.escape(n) for n in SECTION_NAMES) + r")\s*:?\s*$",
    re.IGNORECASE,
)
_CLAIMS_HEADING = re.compile(
    r"(?:(?:extracted|key|main|verified|checked|reported|the|\d+)\s+)?claims?"
    r"(?:\s+(?:table|extracted|list|and\s+verification))?"
)
_NUMBER_PREFIX = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+")


@dataclass(frozen=True)
class Heading:
    """A section heading: its text without ``#`` or numbering, and whether it used ``#``."""

    name: str
    level: int  # the number of '#', or 0 for a plain-text heading
    line: int

    @property
    def key(self) -> str:
        return re.sub(r"\s+", " ", self.name).strip().strip(":").lower()

    @property
    def is_references(self) -> bool:
        return self.key in REFERENCE_NAMES

    @property
    def is_claims(self) -> bool:
        # "Extracted Claims", "Claims", "Key claims"; not a title such as "... Without Claims".
        return _CLAIMS_HEADING.fullmatch(self.key) is not None


def heading_of(text: str, lineno: int) -> Heading | None:
    """The heading this line is, if it is one.

    Markdown headings always count. A plain line counts when it is a known section name,
    optionally numbered ("5 Extracted Claims", "References"), or a short numbered title
    ("3 Results and Analysis").
    """
    m = _MD_HEADING.match(text)
    if m is not None:
        name = _NUMBER_PREFIX.sub("", m.group(2)).strip()
        return Heading(name, len(m.group(1)), lineno) if name else None
    if len(text) > 70:
        return None
    m = _BARE.match(text)
    if m is not None:
        return Heading(m.group("name"), 0, lineno)
    m = _NUMBERED.match(text)
    if m is not None:
        name = m.group("name")
        words = name.split()
        key = name.strip().strip(":").lower()
        if key in SECTION_NAMES:
            return Heading(name, 0, lineno)
        # A short title-cased line such as "3 Results and Analysis", not "3 Results show...".
        if len(words) <= 6 and not re.search(r"[.,;!?]$", name):
            capitals = sum(1 for w in words if w[:1].isupper())
            if capitals >= max(1, (len(words) + 1) // 2) and any(
                w.lower().strip(":") in SECTION_NAMES for w in words
            ):
                return Heading(name, 0, lineno)
    return None


@dataclass
class Vocabulary:
    """The words of one document, to decide how to join a word broken at a line end."""

    words: set[str] = field(default_factory=set)
    compounds: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, lines: Iterable[str]) -> Vocabulary:
        vocab = cls()
        for line in lines:
            body = line.rstrip()
            tokens = _WORD.findall(body)
            if body.endswith("-") and tokens:
                tokens = tokens[:-1]  # a fragment before a line-end hyphen is no evidence
            for tok in tokens:
                low = tok.lower()
                if "-" in low:
                    vocab.compounds.add(low)
                    vocab.words.update(low.split("-"))
                else:
                    vocab.words.add(low)
        return vocab

    def keep_hyphen(self, before: str, after: str) -> bool:
        """Whether ``before-`` at a line end and ``after`` on the next line form a compound.

        ``before`` is the text of the word before the hyphen (it may itself hold hyphens:
        "state-of-the"); ``after`` the word that starts the next line.
        """
        head = re.sub(r"[^A-Za-z0-9\-]+$", "", after)
        head = re.match(r"[A-Za-z0-9]*", head)[0] if head else ""  # type: ignore[index]
        last = before.rsplit("-", 1)[-1]
        if not head or not last:
            return True
        if head[0].isupper() or head[0].isdigit():
            return True
        if last.isupper() and len(last) >= 2 or any(ch.isdigit() for ch in last):
            return True
        if (
            f"{before}-{head}".lower() in self.compounds
            or f"{last}-{head}".lower() in self.compounds
        ):
            return True
        if f"{last}{head}".lower() in self.words:
            return False
        return last.lower() in COMPOUND_PREFIXES or head.lower() in COMPOUND_HEADS


def join_lines(lines: Sequence[str], vocab: Vocabulary) -> tuple[str, list[int]]:
    """Undo line wrapping; also return the offset at which each input line starts.

    Lines are joined with one space, or with none after a dash or a slash; a line-end hyphen
    is kept or removed as ``Vocabulary.keep_hyphen`` decides. Blank lines are skipped (their
    offset is that of the next text).
    """
    out = ""
    starts: list[int] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            starts.append(len(out))
            continue
        if not out:
            starts.append(0)
            out = line
            continue
        if out.endswith("-") and not out.endswith(" -") and len(out) > 1 and out[-2].isalnum():
            m = re.search(r"([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)-$", out[-120:])
            before = m.group(1) if m else ""
            if not vocab.keep_hyphen(before, line):
                out = out[:-1]
        elif not out.endswith(("—", "–", "/")):
            out += " "
        starts.append(len(out))
        out += line
    return out, starts


def join_wrapped(lines: Sequence[str], vocab: Vocabulary) -> str:
    """Undo line wrapping (``join_lines`` without the offsets)."""
    return join_lines(lines, vocab)[0]


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a BOM and form feeds go (form feeds end PDF pages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\f", "\n")
    return text
