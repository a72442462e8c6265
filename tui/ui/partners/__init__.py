"""The Partners tab: the partner directory, its filters, the partner form and pickers."""
