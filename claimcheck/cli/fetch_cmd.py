"""`claimcheck fetch`."""

from __future__ import annotations
