"""Character maps of the `arabic` cleaner, kept as data.

The presentation-form map is generated when this module loads, from Python's own Unicode
database (`unicodedata.normalize("NFKC", ...)` of each code point in U+FB50-U+FDFF and
U+FE70-U+FEFF), so it follows the Unicode version of the interpreter.
"""

from __future__ import annotations

import re
import unicodedata

from newsclean.tables.loader import load_word_lists

ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_LETTER = (
    "\u0620-\u063f\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9"
)
TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef: the marks a reader sees as vowels.
DIACRITICS = "\u064b-\u0652\u0670"
# Other combining marks of the script: maddah and hamza above/below, small high letters and
# the Quranic annotation marks.
OTHER_MARKS = "\u0610-\u061a\u0653-\u065f\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"

# Every Arabic-script combining mark: a ZWNJ after a letter's diacritic still stands between
# letters (the `invisible` cleaner), and marks are stripped or counted as a word's (language).
ARABIC_MARKS = DIACRITICS + OTHER_MARKS

PERSIAN_ONLY_LETTERS = "پچژگ"
ZWNJ = "\u200c"
# The letters that join the letter after them: Joining_Type D (dual joining) in Unicode's
# ArabicShaping.txt, in the blocks of ARABIC_LETTER. After the others (ا د ذ ر ز ژ و ة ...)
# nothing joins, with or without a non-joiner.
JOINS_THE_NEXT_LETTER = (
    "\u0620\u0626\u0628\u062a-\u062e\u0633-\u063f\u0641-\u0647\u0649\u064a\u066e\u066f"
    "\u0678-\u0687\u069a-\u06bf\u06c1\u06c2\u06cc\u06ce\u06d0\u06d1\u06fa-\u06fc\u06ff"
    "\u0750-\u0758\u075c-\u076a\u076d-\u0770\u0772\u0775-\u0777\u077a-\u077f"
    "\u08a0-\u08a9\u08af\u08b0\u08b3-\u08b8\u08ba-\u08c8"
)

# Letters of the other languages written in Arabic script, which neither Arabic nor Persian
# has: a text that holds them is Kurdish, Urdu, Pashto, Sindhi, Uyghur or Malay, and its
# letters are its own. (ڤ ڨ ڭ are left out: Gulf and Maghrebi Arabic write them for v and g; ھ
# too, which Arabic sites type for ه. Kashmiri needs none of its own: it writes Urdu's ہ ے ٹ.)
OTHER_LANGUAGE_LETTERS = (
    "ەێۆڕڵ"  # Sorani Kurdish: ae, yeh with small v, oe, reh with small v below, lam with small v
    "ےۓہۂۃٹڈڑں"  # Urdu: yeh barree, heh goal, teh marbuta goal, tteh, ddal, rreh, noon ghunna
    "ټډړږښځڅڼۍېګ"  # Pashto: teh with ring, ... , kaf with ring
    "ٺٽٿڀڄڃڇڊڌڍڏڙڦڪڱڳڻ۾"  # Sindhi: implosives, aspirates, swash kaf, the postposition sign
    "ۇۈۋ"  # Uyghur: u, yu, ve
    "ڠڽݢڬۏ"  # Malay (Jawi): nga, nya, ga (Malaysian, older), va
)

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ASCII_DIGITS = "0123456789"
# Every digit a number in Arabic-script text is written with.
DIGITS = ASCII_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS

# Letters typed on the wrong keyboard, by the language of the text they stand in.
# ە (ae) and ھ (heh doachashmee, which Arabic sites type for ه) are ه in Arabic; they are
# letters of Kurdish and Urdu, so Persian lines (which may quote those) keep them.
HEH_VARIANTS = {"ە": "ه", "ھ": "ه"}
TO_ARABIC = {"ک": "ك", **dict(zip(PERSIAN_DIGITS, ARABIC_INDIC_DIGITS, strict=False))}
ARABIC_YEH_FOR_PERSIAN = {"ی": "ي"}
TO_PERSIAN = {"ي": "ی", "ك": "ک", "ى": "ی", **dict(zip(ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, strict=False))}

# Search-profile foldings (each an option of the cleaner).
ALEF_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
ALEF_MAKSURA = {"ى": "ي"}
TEH_MARBUTA = {"ة": "ه"}
TO_ASCII_DIGITS = dict(zip(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, ASCII_DIGITS * 2, strict=False))

# U+FDF0..U+FDFD: whole words in one glyph (ﷺ, ﷲ); news keeps them, search expands them.
WORD_LIGATURES = "".join(map(chr, range(0xFDF0, 0xFDFE)))


def _presentation_forms() -> dict[str, str]:
    forms = {}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        character = chr(code)
        base = unicodedata.normalize("NFKC", character)
        # Isolated forms of marks decompose to a space and the mark: keep the mark alone.
        base = base.lstrip(" ")
        if base and base != character and character not in WORD_LIGATURES:
            forms[character] = base
    return forms


PRESENTATION_FORMS = _presentation_forms()
EXPANDED_LIGATURES = {
    c: unicodedata.normalize("NFKC", c) for c in WORD_LIGATURES if unicodedata.normalize("NFKC", c) != c
}

_ARABIC_WORD = re.compile(f"[{ARABIC_SCRIPT}]+")
WORDS = load_word_lists(
    "arabic_words.json",
    ("alef_maksura_words", "arabic_words", "persian_words", "shared_words", "common_words"),
    _ARABIC_WORD,
    exclusive=False,
)
