"""The characters the `separators` cleaner treats as layout debris."""

PIPES = "|¦│"  # column bars: never a list marker, dangling at either end of a line is debris
BULLETS = "•·▪◦►◄"  # list markers at the start of a line, debris in runs or alone
DASHES = "-–—"  # separators only when they stand alone between spaces
RULE_CHARACTERS = "-=_*~#"  # three or more alone on a line make a rule (or a setext underline)
