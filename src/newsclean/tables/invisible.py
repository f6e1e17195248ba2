"""Invisible and control characters, grouped by what the `invisible` cleaner does with them."""


# Removed wherever they stand: they carry no text and break search and tokenization.
ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"  # ZWSP, WORD JOINER, stray BOM / ZWNBSP, SOFT HYPHEN
# Explicit embeddings, overrides and isolates: scrapers leave them unbalanced, and they reorder
# everything up to the end of the paragraph.
BIDI_CONTROLS = (
    "".join(map(chr, range(0x202A, 0x202F)))  # LRE, RLE, PDF, LRO, RLO
    + "".join(map(chr, range(0x2066, 0x206A)))  # LRI, RLI, FSI, PDI
)
# Implicit marks act only on their neighbours (UAX #9): translators put them beside brackets,
# digits or a Latin name in right-to-left text so that it displays right. They go only where
# they can change nothing.
IMPLICIT_MARKS = "\u200e\u200f\u061c"  # LRM, RLM, ARABIC LETTER MARK

# C0 and C1 controls other than TAB, LF and CR (CR is a line end; `whitespace` converts it).
# Those that separate text (VT, FF, FS..US, NEL) become a space so no two words merge.
SEPARATING_CONTROLS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
OTHER_CONTROLS = "".join(
    chr(c)
    for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if chr(c) not in "\t\n\r" + SEPARATING_CONTROLS
)

ZWJ = "\u200d"

# Code points that take part in emoji ZWJ sequences (pictographs, dingbats, skin tones,
# the emoji variation selector): a ZWJ between two of them builds one glyph and must stay.
EMOJI = "\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
