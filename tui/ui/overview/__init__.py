"""The Overview tab: every contract, its detail panel and the contract form."""
