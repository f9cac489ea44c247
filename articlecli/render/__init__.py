"""Output formats; each renders from the same Article."""
