"""Markup that more than one cleaner must read the same way."""

# The name in the tag of a field of a TREC/SGML record (`<DOCNO>`, `</TEXT>`): upper case.
# `html` keeps such tags in a record; `arabic` must not lowercase them, or the next cleaning
# would take `<TITLE>` for HTML and strip it.
SGML_FIELD_NAME = "[A-Z][A-Z0-9]*"

# Words that name the tag written after them (`الوسم <div>`, `العنصر <p>`, `تگ <br>`, `tag
# <table>`), as pattern alternatives: Arabic with its article and proclitics (`بالوسم`,
# `للعنصر`), Persian, English. A tag so named is written about, not left over by a scraper.
WORDS_NAMING_A_TAG = (
    "(?:[وفبلك]?ال|لل|[وفبلك])?(?:وسم|وسوم|عنصر|عناصر)",
    "تگ(?:\u200cهای)?",
    "برچسب(?:\u200cهای)?",
    "(?i:tags?|elements?)",
)
# What sets a tag off as written about: quotes, brackets, backticks around it (`«<br>»`).
OPENING_QUOTES_AND_BRACKETS = "«\"“‘'`([{"
CLOSING_QUOTES_AND_BRACKETS = "»\"”’'`)]}"
