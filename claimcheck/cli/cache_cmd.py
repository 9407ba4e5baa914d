"""`claimcheck cache path|list|clear`."""

from __future__ import annotations
