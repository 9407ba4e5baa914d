"""claimcheck.report."""
