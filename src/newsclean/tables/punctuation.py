"""Character classes for the `punctuation` cleaner, as regex class bodies."""

# What a word of Arabic script is made of for punctuation: letters and combining marks of the
# script (Arabic, Persian, Urdu; presentation forms). Not `tables.arabic.ARABIC_LETTER`, which
# holds letters only.
# Digits and punctuation are left out on purpose: `١,٥` is a number, not two words.
ARABIC_WORD_CHARACTER = (
    "\u0620-\u065f\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
)

# Marks that take no space before them (after an Arabic-script word).
# (Curly quotes are not here: Arabic and Urdu publishers open with ” as often as with “, so
# their side is read from the text around them, as for straight quotes; ‘ ’ are apostrophes too.)
NO_SPACE_BEFORE = "،؛:.!؟,;?)\\]}»›"
# Marks that take no space after them (before an Arabic-script word).
NO_SPACE_AFTER = "(\\[{«‹"
OPENING = "(\\[{«‹"
CLOSING = ")\\]}»›"
# Quotes whose side only their place tells: each set pairs within itself.
QUOTE_SETS = ('"', "“”")
# Marks after which an Arabic-script word needs a space.
SPACE_AFTER = "،؛.:!؟"
# Latin marks that become Arabic ones between Arabic-script words.
LATIN_TO_ARABIC_MARKS = {",": "،", ";": "؛", "?": "؟"}
# Marks whose repeats collapse; dots are handled apart (`...` is an ellipsis).
REPEATABLE = "!؟?،"
# Web addresses written in Arabic letters keep their dot: `العربية.نت`, `مصراوي.كوم`.
ARABIC_DOMAIN_SUFFIXES = ("نت", "كوم", "أورغ", "اورغ", "أورج", "اورج")
# Suffixes Persian and Kurdish write glued after a closing bracket or quote (`(کتاب)ها`,
# `"فلان"ی`, `(خۆیبوون)دا`): a space there would cut them off their word.
GLUED_SUFFIXES = (
    "ی", "ي", "ى", "ە", "ش", "ها", "های", "هاي", "ای", "اي", "یش", "اش", "ام", "ات", "ان",
    "مان", "تان", "شان", "یان", "دا", "ەکە", "ەكە",
)

# Wikipedia's inline notes as its pages show them, glued like a reference to what they mark
# (`محله قیطریه[نیازمند منبع] به دنیا آمد`): Persian's "citation needed" and Arabic's.
WIKIPEDIA_NOTES = ("نیازمند منبع", "بحاجة لمصدر")
