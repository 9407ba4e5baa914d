"""claimcheck.papers."""
