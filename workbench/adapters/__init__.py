"""Adapters: file decoding, the MT engine, model management (I/O lives here)."""
