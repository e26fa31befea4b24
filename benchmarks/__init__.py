"""Benchmarks: start-up, patient list, search, note and memory against bare baselines (run.py)."""
