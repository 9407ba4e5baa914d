"""claimcheck.verify."""
