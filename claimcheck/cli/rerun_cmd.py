"""`claimcheck rerun`."""

from __future__ import annotations
