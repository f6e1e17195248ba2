"""Space characters that scrapers leave where a plain space belongs.

U+00A0 NO-BREAK SPACE, U+2000..U+200A (EN QUAD .. HAIR SPACE), U+202F NARROW NO-BREAK SPACE,
U+205F MEDIUM MATHEMATICAL SPACE, U+3000 IDEOGRAPHIC SPACE.
"""

UNICODE_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Every space inside a line that `whitespace` turns into one plain space, but a tab after text:
# that one starts a column (a table's cell, a poem's second hemistich) and stays.
SPACES = " \t" + UNICODE_SPACES
# The spaces the rules around marks, quotes and brackets may take away: a tab they leave, for
# the same reason.
SPACES_BUT_TAB = " " + UNICODE_SPACES
