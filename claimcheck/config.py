"""Settings: flag > CLAIMCHECK_* environment > [tool.claimcheck] in pyproject.toml > default.

Nothing here reads ``os.environ`` itself: the CLI passes the environment in, so library users
and tests choose what the settings come from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from claimcheck.errors import ConfigError

DEFAULT_API_URL = "https://export.arxiv.org/api/query"
DEFAULT_PDF_URL = "https://arxiv.org/pdf/{id}"
USER_AGENT = "claimcheck/0.1 (audits literature syntheses; https://pypi.org/project/claimcheck/)"


@dataclass(frozen=True)
class Settings:
    cache_dir: Path = Path(user_cache_dir("claimcheck"))
    arxiv_api_url: str = DEFAULT_API_URL
    arxiv_pdf_url: str = DEFAULT_PDF_URL
    papers_dir: Path | None = None
    offline: bool = False
    all_versions: bool = False
    user_agent: str = USER_AGENT
    api_delay_s: float = 3.0  # arXiv asks for at least 3 s between API calls
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    max_retries: int = 4
    max_pdf_bytes: int = 50 * 1024 * 1024
    max_report_bytes: int = 50 * 1024 * 1024
    max_pdf_pages: int = 500
    model: str | None = None  # None: the packaged all-MiniLM-L6-v2
    semantic: bool = True
    workers: int = 1

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        pyproject: Path | None = None,
        **flags: Any,
    ) -> Settings:
        """Build settings from (lowest first) defaults, pyproject, environment, then flags.

        ``flags`` whose value is ``None`` are treated as not given.
        """
        settings = cls()
        if pyproject is not None and pyproject.is_file():
            settings = settings._merge(_read_pyproject(pyproject), f"{pyproject} [tool.claimcheck]")
        if env:
            from_env = {
                f.name: env[f"CLAIMCHECK_{f.name.upper()}"]
                for f in fields(cls)
                if f"CLAIMCHECK_{f.name.upper()}" in env
            }
            settings = settings._merge(from_env, "environment")
        return settings._merge({k: v for k, v in flags.items() if v is not None}, "flags")

    def _merge(self, values: Mapping[str, Any], where: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, raw in values.items():
            if name not in known:
                raise ConfigError(f"{where}: unknown setting {name!r}")
            current = getattr(self, name)
            changes[name] = _coerce(name, raw, current, where)
        papers = changes.get("papers_dir")
        if papers is not None and not papers.is_dir():
            # A folder that is not there would leave every paper unavailable, and every claim
            # unverifiable, without saying why.
            shown = {"flags": f"--papers-dir {papers}",
                     "environment": f"CLAIMCHECK_PAPERS_DIR={papers}"}.get(
                         where, f"{where}: papers-dir = {papers}")
            raise ConfigError(f"{shown}: not a directory")
        return replace(self, **changes)


def _coerce(name: str, raw: Any, current: Any, where: str) -> Any:
    try:
        if isinstance(raw, str):
            if name in ("cache_dir", "papers_dir"):
                return Path(raw).expanduser()
            if isinstance(current, bool):
                if raw.lower() in ("1", "true", "yes", "on"):
                    return True
                if raw.lower() in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(raw)
            if isinstance(current, int) and not isinstance(current, bool):
                return int(raw)
            if isinstance(current, float):
                return float(raw)
        if name in ("cache_dir", "papers_dir") and raw is not None:
            return Path(raw).expanduser()
        return raw
    except ValueError as exc:
        raise ConfigError(f"{where}: {name} = {raw!r} is not a valid value") from exc


def _read_pyproject(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    section = data.get("tool", {}).get("claimcheck", {})
    return {k.replace("-", "_"): v for k, v in section.items()}
