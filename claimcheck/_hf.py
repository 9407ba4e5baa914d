"""Quiet Hugging Face loading: no progress bars or warnings between claimcheck's own lines."""

from __future__ import annotations

import os


def quiet_transformers() -> None:
    """Silence transformers' loading bars and warnings (call before loading a model)."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
