"""claimcheck"""
