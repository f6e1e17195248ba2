"""Cleaners: pure ``str -> str`` functions, one module per family.

A cleaner never sees bytes and never does I/O. It may be handed a whole document or one block
of it (a paragraph, or a slice of complete lines); the pipeline relies on cleaning a block giving
the same text as cleaning the document it came from.
"""
