"""Benchmarks: `make bench` runs them all and prints ratios measured side by side in one run."""
