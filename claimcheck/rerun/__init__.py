"""claimcheck.rerun."""
