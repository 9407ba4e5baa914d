"""Loading (and, for Tatoeba, downloading) the retrieval data sets.

Layouts:

- LASER's Tatoeba: ``tatoeba.<xxx>-eng.<xxx>`` and ``tatoeba.<xxx>-eng.eng``, line-aligned.
- XTREME's BUCC: ``<xx>-en.<split>.<xx>`` and ``<xx>-en.<split>.en`` with ``id<TAB>sentence``
  lines, and ``<xx>-en.<split>.gold`` with ``src_id<TAB>trg_id`` lines.

Every problem is a DataError naming the file (and line where there is one).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from claimcheck.errors import DataError, NetworkError, UsageError

#: XTREME's 36 Tatoeba languages, by XTREME's 2-letter code -> LASER's 3-letter code.
XTREME_TATOEBA: dict[str, str] = {
    "af": "afr", "ar": "ara", "bg": "bul", "bn": "ben", "de": "deu", "el": "ell",
    "es": "spa", "et": "est", "eu": "eus", "fa": "pes", "fi": "fin", "fr": "fra",
    "he": "heb", "hi": "hin", "hu": "hun", "id": "ind", "it": "ita", "ja": "jpn",
    "jv": "jav", "ka": "kat", "kk": "kaz", "ko": "kor", "ml": "mal", "mr": "mar",
    "nl": "nld", "pt": "por", "ru": "rus", "sw": "swh", "ta": "tam", "te": "tel",
    "th": "tha", "tl": "tgl", "tr": "tur", "ur": "urd", "vi": "vie", "zh": "cmn",
}  # fmt: skip
TATOEBA_DEFAULT: tuple[str, ...] = tuple(sorted(XTREME_TATOEBA.values()))
_THREE_TO_TWO = {v: k for k, v in XTREME_TATOEBA.items()}
BUCC_LANGS: tuple[str, ...] = ("de", "fr", "ru", "zh")

DEFAULT_TATOEBA_URL = (
    "https://raw.githubusercontent.com/facebookresearch/LASER/main/data/tatoeba/v1"
)
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # the largest LASER Tatoeba file is well under 1 MB


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def tatoeba_code(code: str) -> str:
    """LASER's 3-letter code for a 2- or 3-letter code (``de`` -> ``deu``)."""
    c = code.strip().lower()
    if len(c) == 2:
        if c not in XTREME_TATOEBA:
            raise UsageError(f"unknown Tatoeba language {code!r}", hint="use LASER 3-letter codes")
        return XTREME_TATOEBA[c]
    if len(c) == 3 and c.isalpha():
        return c
    raise UsageError(f"not a language code: {code!r}")


def bucc_code(code: str) -> str:
    """BUCC's 2-letter code for a 2- or 3-letter code (``cmn`` -> ``zh``)."""
    c = code.strip().lower()
    if len(c) == 3:
        if c not in _THREE_TO_TWO:
            raise UsageError(f"unknown BUCC language {code!r}", hint="BUCC has de, fr, ru, zh")
        c = _THREE_TO_TWO[c]
    if c not in BUCC_LANGS:
        raise UsageError(f"unknown BUCC language {code!r}", hint="BUCC has de, fr, ru, zh")
    return c


def parse_langs(text: str | None, task: str, data_dir: Path | None = None) -> list[str]:
    """``--langs`` -> codes.

    Tatoeba: ``None`` or ``all`` is XTREME's 36 languages; ``laser`` every pair in ``data_dir``.
    BUCC: ``None`` or ``all`` is every language whose dev files are in ``data_dir``.
    """
    if task == "tatoeba":
        if text is None:
            return list(TATOEBA_DEFAULT)
        if text.strip().lower() == "all":
            return list(TATOEBA_DEFAULT)
        if text.strip().lower() == "laser":
            if data_dir is not None and data_dir.is_dir():
                found = sorted(
                    p.name[len("tatoeba.") : len("tatoeba.") + 3]
                    for p in data_dir.glob("tatoeba.*-eng.eng")
                )
                if found:
                    return found
            return list(TATOEBA_DEFAULT)
        codes = [tatoeba_code(c) for c in text.split(",") if c.strip()]
    elif task == "bucc":
        if text is None or text.strip().lower() == "all":
            present = [
                lang
                for lang in BUCC_LANGS
                if data_dir is not None and (data_dir / f"{lang}-en.dev.en").is_file()
                and (data_dir / f"{lang}-en.dev.{lang}").is_file()
            ]
            if not present:
                raise DataError(
                    f"no complete BUCC language in {data_dir}",
                    hint="expected files like zh-en.dev.zh, zh-en.dev.en, zh-en.dev.gold",
                )
            return present
        codes = [bucc_code(c) for c in text.split(",") if c.strip()]
    else:
        raise UsageError(f"unknown task {task!r}: use tatoeba or bucc")
    if not codes:
        raise UsageError("--langs names no language")
    return list(dict.fromkeys(codes))


def _read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


@dataclass(frozen=True)
class TatoebaPair:
    lang: str
    src_path: Path  # non-English side
    eng_path: Path
    src: tuple[str, ...]
    eng: tuple[str, ...]


def tatoeba_paths(data_dir: Path, lang: str) -> tuple[Path, Path]:
    return (
        data_dir / f"tatoeba.{lang}-eng.{lang}",
        data_dir / f"tatoeba.{lang}-eng.eng",
    )


def load_tatoeba_pair(data_dir: Path, lang: str) -> TatoebaPair:
    """Both sides of one pair; they must have the same number of lines."""
    src_path, eng_path = tatoeba_paths(data_dir, lang)
    for p in (src_path, eng_path):
        if not p.is_file():
            raise DataError(
                f"{p}: Tatoeba file for {lang!r} not found",
                hint="check --langs and --data-dir (LASER layout tatoeba.xxx-eng.xxx)",
            )
    src = _read_lines(src_path)
    eng = _read_lines(eng_path)
    if len(src) != len(eng):
        raise DataError(
            f"{src_path}: {len(src)} lines but {eng_path.name} has {len(eng)}: "
            "Tatoeba files must be line-aligned"
        )
    if not src:
        raise DataError(f"{src_path}: empty Tatoeba file")
    return TatoebaPair(lang, src_path, eng_path, tuple(src), tuple(eng))


@dataclass(frozen=True)
class BuccSide:
    path: Path
    ids: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class BuccSet:
    lang: str
    split: str
    src: BuccSide
    trg: BuccSide
    gold: frozenset[tuple[str, str]] | None  # None: no gold file (a test split)
    gold_path: Path | None


def _read_bucc_side(path: Path) -> BuccSide:
    if not path.is_file():
        raise DataError(f"{path}: BUCC sentence file not found", hint="check --langs, --data-dir")
    ids: list[str] = []
    texts: list[str] = []
    seen: set[str] = set()
    for no, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        sid, tab, text = line.partition("\t")
        if not tab or not sid.strip():
            raise DataError(f"{path}:{no}: expected 'id<TAB>sentence'")
        sid = sid.strip()
        if sid in seen:
            raise DataError(f"{path}:{no}: id {sid!r} occurs twice")
        seen.add(sid)
        ids.append(sid)
        # XTREME cuts field 2 (cut -f2): text after the first tab, up to any further tab.
        texts.append(text.split("\t", 1)[0])
    if not ids:
        raise DataError(f"{path}: no sentences")
    return BuccSide(path, tuple(ids), tuple(texts))


def load_bucc(data_dir: Path, lang: str, split: str = "dev", *, need_gold: bool = True) -> BuccSet:
    """One BUCC language: both sentence files and (when present or needed) the gold pairs.

    Gold ids that do not occur in the sentence files are an error: a gold file for another
    split or sample would otherwise silently cap recall.
    """
    base = data_dir / f"{lang}-en.{split}"
    src = _read_bucc_side(Path(f"{base}.{lang}"))
    trg = _read_bucc_side(Path(f"{base}.en"))
    gold_path = Path(f"{base}.gold")
    if not gold_path.is_file():
        if need_gold:
            raise DataError(
                f"{gold_path}: BUCC gold file not found",
                hint="give --threshold to mine without gold pairs",
            )
        return BuccSet(lang, split, src, trg, None, None)
    src_ids, trg_ids = set(src.ids), set(trg.ids)
    gold: set[tuple[str, str]] = set()
    for no, line in enumerate(_read_lines(gold_path), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataError(f"{gold_path}:{no}: expected 'src_id<TAB>en_id'")
        s, t = parts[0].strip(), parts[1].strip()
        if s not in src_ids:
            raise DataError(f"{gold_path}:{no}: gold id {s!r} is not in {src.path.name}")
        if t not in trg_ids:
            raise DataError(f"{gold_path}:{no}: gold id {t!r} is not in {trg.path.name}")
        gold.add((s, t))
    return BuccSet(lang, split, src, trg, frozenset(gold), gold_path)


def download_tatoeba(
    langs: Sequence[str],
    dest: Path,
    *,
    base_url: str = DEFAULT_TATOEBA_URL,
    timeout_s: float = 30.0,
    user_agent: str = "claimcheck",
    on_file: Callable[[str], None] | None = None,
) -> list[Path]:
    """Fetch the LASER Tatoeba files for ``langs`` that ``dest`` lacks; returns the new paths.

    Each file is checked (HTTP 200, UTF-8 text, not an HTML page, not over 20 MB) and written
    atomically; a pair is only kept when both sides have the same number of lines.
    """
    dest.mkdir(parents=True, exist_ok=True)
    fetched: list[Path] = []
    with httpx.Client(
        timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
        headers={"User-Agent": user_agent},
        follow_redirects=True,
        max_redirects=3,
    ) as client:
        for lang in langs:
            paths = tatoeba_paths(dest, lang)
            if all(p.is_file() for p in paths):
                continue
            bodies = [_fetch_text(client, f"{base_url.rstrip('/')}/{p.name}", lang) for p in paths]
            counts = [b.count("\n") + (0 if b.endswith("\n") or not b else 1) for b in bodies]
            if counts[0] != counts[1]:
                raise DataError(
                    f"downloaded Tatoeba {lang}: {paths[0].name} has {counts[0]} lines but "
                    f"{paths[1].name} has {counts[1]}"
                )
            for p, body in zip(paths, bodies, strict=True):
                _atomic_write(p, body)
                fetched.append(p)
                if on_file is not None:
                    on_file(p.name)
    return fetched


def _fetch_text(client: httpx.Client, url: str, lang: str) -> str:
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code == 404:
                raise DataError(f"{url}: no Tatoeba file for {lang!r} (HTTP 404)")
            if resp.status_code != 200:
                raise NetworkError(f"{url}: HTTP {resp.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES:
                    raise NetworkError(f"{url}: larger than {MAX_DOWNLOAD_BYTES} bytes")
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise NetworkError(f"{url}: {type(exc).__name__}: {exc}") from exc
    raw = b"".join(chunks)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NetworkError(f"{url}: response is not UTF-8 text") from exc
    head = text.lstrip()[:100].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise NetworkError(f"{url}: got an HTML page instead of a Tatoeba file")
    if not text.strip():
        raise NetworkError(f"{url}: empty response")
    return text


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DataError(f"{path}: cannot write: {exc.strerror or exc}") from exc
