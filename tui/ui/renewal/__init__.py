"""The Renewal tab and the five-step renewal wizard (one module per step)."""
