"""The Budget tab (5): what renewals will cost per month or quarter, converted into one currency, and what
completed renewals cost by year.  The rules live in `tui/domain/budget*.py`; this package only shows them."""
