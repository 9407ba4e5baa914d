"""One exception tree for everything claimcheck raises on purpose.

::

    ClaimcheckError                     exit code 3 unless a subclass says otherwise
    ├── UsageError                      2  bad flag values, unknown encoder, bad id
    ├── ReportParseError                2  a report that cannot be read (file, line)
    ├── ConfigError                     2  a bad setting in the environment or pyproject
    ├── PaperFetchError                 3  a paper could not be had
    │   ├── PaperNotFound               3  arXiv has no such paper or version
    │   ├── NetworkError                3  timeouts, refused hosts, retries spent
    │   └── OfflineError                3  the paper is not local and --offline was given
    ├── ExtractionError                 3  a PDF whose text cannot be extracted
    ├── ModelLoadError                  3  an encoder that cannot be loaded
    └── DataError                       2  rerun data that is missing or malformed

Adapters wrap third-party errors with ``raise ... from exc``. The CLI catches
``ClaimcheckError`` only, prints ``str(exc)`` on one line (plus ``hint`` when set), and maps
``exit_code`` to the process status.
"""

from __future__ import annotations

from pathlib import Path


class ClaimcheckError(Exception):
    """Root of every error claimcheck raises on purpose."""

    exit_code: int = 3

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UsageError(ClaimcheckError):
    """A flag, id or argument that makes no sense."""

    exit_code = 2


class ConfigError(ClaimcheckError):
    """A setting that cannot be used."""

    exit_code = 2


class ReportParseError(ClaimcheckError):
    """A report that cannot be parsed; names the file and, where known, the line."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        where = ""
        if path is not None:
            where = str(path)
            if line is not None:
                where += f":{line}"
            where += ": "
        super().__init__(where + message, hint=hint)
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message


class PaperFetchError(ClaimcheckError):
    """A paper that could not be had; ``arxiv_id`` names it where known."""

    exit_code = 3

    def __init__(self, message: str, *, arxiv_id: str | None = None, hint: str | None = None):
        super().__init__(f"{arxiv_id}: {message}" if arxiv_id else message, hint=hint)
        self.arxiv_id = arxiv_id
        self.reason = message


class PaperNotFound(PaperFetchError):
    """arXiv has no such paper, or not that version."""


class NetworkError(PaperFetchError):
    """The network failed us: timeouts, refused redirects, retries spent, bad bodies."""


class OfflineError(PaperFetchError):
    """The paper is not available locally and the network may not be used."""


class ExtractionError(ClaimcheckError):
    """A PDF whose text cannot be extracted (broken, encrypted, too many pages)."""

    exit_code = 3


class ModelLoadError(ClaimcheckError):
    """An encoder or sentence-transformers model that cannot be loaded."""

    exit_code = 3


class DataError(ClaimcheckError):
    """Missing or malformed evaluation data (rerun) or labelled sets (eval)."""

    exit_code = 2
