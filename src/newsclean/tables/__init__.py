"""Character tables and word lists, kept as data apart from the code that applies them."""
