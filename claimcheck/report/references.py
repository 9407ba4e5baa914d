"""arXiv references in every common written form.

Recognised, anywhere in the text:

- URLs on arxiv.org: ``http(s)://(www.|export.)arxiv.org/abs/ID``, ``/pdf/ID`` (with or
  without ``.pdf``), ``/html/ID``, also without the scheme and inside ``<...>``;
- ``arXiv:ID`` (any case, with or without a space after the colon) and ``arXiv ID``;
- arXiv DOIs: ``10.48550/arXiv.ID``;
- bare ids with a version (``2005.13013v2``) and bare old-style ids of a known archive
  (``hep-th/9901001``, ``math.GT/0309136``).

An id that PDF extraction broke over two lines (``arXiv:2005.`` / ``13013v2``) is joined
again. A URL on any other host is masked first, so ``https://example.com/abs/2005.13013``
yields nothing. Duplicates are collapsed: an id cited once with a version and once without
counts once, with the version.

>>> [str(r.arxiv_id) for r in find_references("see arXiv:2005.\\n13013v2 and hep-th/9901001")]
['2005.13013v2', 'hep-th/9901001']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from claimcheck.models import ArxivId, Reference

# The archives of old-style ids (before April 2007), so that a bare "word/1234567" in prose
# is not taken for one.
OLD_ARCHIVES = frozenset(
    {
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
        "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an",
        "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th",
        "nlin", "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio",
        "quant-ph", "solv-int", "supr-con",
    }
)  # fmt: skip

_NEW = r"(?P<new>\d{4}\.\d{4,5})"
_OLD = r"(?P<old>[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})"
_VER = r"(?:v(?P<ver>\d+))?"
# An id at the start of a string (used after a prefix such as "arXiv:" or "arxiv.org/abs/").
_ID_AT_START = re.compile(rf"(?:{_NEW}|{_OLD}){_VER}(?![\w/])")

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\])]+", re.IGNORECASE)
_ARXIV_HOST = re.compile(r"^(?:https?://)?(?:www\.|export\.)?arxiv\.org(?:[:/]|$)", re.IGNORECASE)
# Prefixes after which an id follows. Whitespace, line breaks included, may sit inside the
# URL where PDF extraction broke it ("https://arxiv.\norg/abs/...").
_PREFIX = re.compile(
    r"(?:(?:https?://)?(?:www\.|export\.)?arxiv\.\s?org/\s?(?:abs|pdf|html|format)/\s?)"
    r"|(?:\barxiv\s?:\s?)"
    r"|(?:\b10\.48550/arxiv\.)"
    r"|(?:\barxiv[ \t]+(?=\d{4}\.\d{4,5}))",
    re.IGNORECASE,
)
_BARE_NEW = re.compile(r"(?<![\w./:\-])(?P<new>\d{4}\.\d{4,5})v(?P<ver>\d+)(?![\w/]|\.\d)")
# In a references section an id needs no version to be told from other numbers.
_BARE_NEW_ANY = re.compile(r"(?<![\w./:\-])(?P<new>\d{4}\.\d{4,5})(?:v(?P<ver>\d+))?(?![\w/]|\.\d)")
_BARE_OLD = re.compile(
    r"(?<![\w./:\-])(?P<old>(?P<arch>[a-z][a-z\-]+)(?:\.[A-Z]{2})?/\d{7})"
    r"(?:v(?P<ver>\d+))?(?![\w/])"
)
_ARXIV_URL_STARTS = tuple(
    f"{scheme}{sub}arxiv.org/"
    for scheme in ("http://", "https://", "")
    for sub in ("", "www.", "export.")
)
_ANY_ID = re.compile(r"\d{4}\.(?:[ \t]*\n[ \t]*)?\d|/\d{7}")
_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")


@dataclass(frozen=True)
class _Hit:
    start: int
    arxiv_id: ArxivId
    url: str | None


def _valid_new(base: str) -> bool:
    """New-style ids start with YYMM; 5-digit serials only from 2015 on."""
    yymm, serial = base.split(".")
    month = int(yymm[2:])
    if not 1 <= month <= 12:
        return False
    # 4-digit serials until December 2014, 5-digit ones from January 2015.
    return (len(serial) == 5) == (int(yymm) >= 1501)


def _make_id(m: re.Match[str]) -> ArxivId | None:
    groups = m.groupdict()
    new, old = groups.get("new"), groups.get("old")
    base = new or old
    if base is None:
        return None
    if new and not _valid_new(new):
        return None
    if old and old.split("/")[0].split(".")[0] not in OLD_ARCHIVES:
        return None
    ver = groups.get("ver")
    return ArxivId(base, int(ver) if ver else None)


def _id_after(text: str, pos: int) -> tuple[ArxivId, int] | None:
    """Read the id that starts at ``pos``, joining it over one line break if needed."""
    window = text[pos : pos + 80]
    m = _ID_AT_START.match(window)
    brk = _BREAK.search(window)
    if brk is not None and (m is None or brk.start() <= m.end() + 1):
        # The id may continue on the next line: try the window with the break removed and
        # keep that reading only when it is longer and still a valid id.
        joined = window[: brk.start()] + window[brk.end() :]
        j = _ID_AT_START.match(joined)
        if j is not None and (m is None or (j.end() > brk.start() and _is_partial(m, j))):
            ident = _make_id(j)
            if ident is not None:
                return ident, pos + j.end() + (brk.end() - brk.start())
    if m is None:
        return None
    ident = _make_id(m)
    return (ident, pos + m.end()) if ident is not None else None


def _is_partial(first: re.Match[str], joined: re.Match[str]) -> bool:
    """Whether the id before the break was a cut-off piece of the joined one."""
    base = first.group("new")
    if base is None:
        return False
    if first.group("ver"):
        return False  # "2005.13013v2" is complete; a digit after the break is something else
    jbase = joined.group("new")
    if jbase == base:
        return joined.group("ver") is not None  # "2005.13013" + "v2"
    # "2005.1301" + "3v2": a 4-digit serial cut from a 5-digit one (ids from 2015 on).
    return jbase is not None and len(jbase) == len(base) + 1 and jbase.startswith(base)


def _mask_foreign_urls(text: str) -> str:
    """Blank out URLs on other hosts so that ids inside them are not read as arXiv ids."""

    def blank(m: re.Match[str]) -> str:
        url = m.group(0)
        low = url.lower()
        if any(full.startswith(low) for full in _ARXIV_URL_STARTS):
            return url  # a URL that PDF extraction broke inside the host name
        if _ARXIV_HOST.match(url) or re.search(r"10\.48550/arxiv\.", url, re.IGNORECASE):
            return url
        return " " * len(url)

    return _URL.sub(blank, text)


def _url_at(text: str, start: int, end: int) -> str | None:
    """The URL that covers ``start``, with the line break inside it removed."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("<", 0, start))
    url = text[left + 1 : end]
    url = _BREAK.sub("", url).strip("<>()[]")
    if "/" not in url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        url = "https://" + url
    return url


def _hits(text: str, bare_unversioned: bool) -> list[_Hit]:
    if _ANY_ID.search(text) is None:
        return []  # every form holds NNNN.NNNN or /NNNNNNN: a cheap test skips most text
    masked = _mask_foreign_urls(text)
    hits: list[_Hit] = []
    # Characters already read as part of an id: a bytearray keeps the overlap test linear.
    taken = bytearray(len(masked))
    for m in _PREFIX.finditer(masked):
        got = _id_after(masked, m.end())
        if got is None:
            continue
        ident, end = got
        prefix = m.group(0).lower()
        url = _url_at(text, m.start(), end) if ("arxiv." in prefix and "/" in prefix) else None
        if url is not None and "10.48550" in prefix:
            url = None
        hits.append(_Hit(m.start(), ident, url))
        taken[m.start() : end] = b"\x01" * (end - m.start())

    def free(a: int, b: int) -> bool:
        return taken[a:b].count(1) == 0

    for rx in (_BARE_NEW_ANY if bare_unversioned else _BARE_NEW, _BARE_OLD):
        for m in rx.finditer(masked):
            if not free(m.start(), m.end()):
                continue
            bare = _make_id(m)
            if bare is not None:
                hits.append(_Hit(m.start(), bare, None))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    hits.sort(key=lambda h: h.start)
    return hits


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (for offset -> 1-based line)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def find_references(
    text: str, *, first_line: int = 1, bare_unversioned: bool = False
) -> list[Reference]:
    """Every arXiv reference in ``text``, in order of first mention, duplicates collapsed.

    ``first_line`` is the line number of the first line of ``text`` in its file.
    ``bare_unversioned`` also accepts a bare ``2005.13013`` (meant for a references section,
    where a number of that shape is an id; in prose it could be anything). Never raises.
    """
    starts = line_starts(text)
    found = [
        Reference(hit.arxiv_id, url=hit.url, line=first_line + bisect_right(starts, hit.start) - 1)
        for hit in _hits(text, bare_unversioned)
    ]
    return collapse(found)


def collapse(refs: list[Reference]) -> list[Reference]:
    """Drop repeated citations of one paper, keeping the first position.

    An id cited with and without a version counts once, with the version; two different
    versions of one paper are two citations. References without an id pass through.
    """
    out: list[Reference] = []
    index: dict[str, int] = {}
    for ref in refs:
        ident = ref.arxiv_id
        if ident is None:
            out.append(ref)
            continue
        key = ident.base
        if key in index:
            i = index[key]
            old = out[i]
            assert old.arxiv_id is not None
            if old.arxiv_id.version is None and ident.version is not None:
                # Cited with and without a version: the versioned citation is the precise one.
                out[i] = Reference(ident, url=ref.url or old.url, line=old.line)
                continue
            if old.arxiv_id.version == ident.version or ident.version is None:
                continue
            key = str(ident)  # another version of the same paper: a citation of its own
            if key in index:
                continue
        index[key] = len(out)
        out.append(ref)
    return out
