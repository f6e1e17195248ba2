"""Markup that more than one cleaner must read the same way."""

# The name in the tag of a field of a TREC/SGML record (`<DOCNO>`, `</TEXT>`): upper case.
# `html` keeps such tags in a record; `arabic` must not lowercase them, or the next cleaning
# would take `<TITLE>` for HTML and strip it.
SGML_FIELD_NAME = "[A-Z][A-Z0-9]*"
