"""`claimcheck check`."""

from __future__ import annotations
