"""Generators of small, real Argos Translate models for tests, demos and benchmarks.

This is package code (not test code) because ``workbench demo`` and the
benchmarks build models with it on machines that have no model downloads.
"""
