"""`claimcheck eval`."""

from __future__ import annotations
