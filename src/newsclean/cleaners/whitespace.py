"""Line ends, spaces and blank lines."""

import re

from newsclean.tables.unicode_spaces import UNICODE_SPACES

_SPACE = f"[ \\t{UNICODE_SPACES}]"
_CARRIAGE_RETURN = re.compile(r"\r\n?")
_UNICODE_SPACE = re.compile(f"[{UNICODE_SPACES}]")
# Indentation made of ASCII spaces and tabs is deliberate (Markdown, poetry, code); a leading
# run holding a no-break or other Unicode space is what scrapers leave before a paragraph.
_SCRAPED_INDENT = re.compile(f"^(?=[ \\t]*[{UNICODE_SPACES}]){_SPACE}+", re.MULTILINE)
_TRAILING = re.compile(f"{_SPACE}+$", re.MULTILINE)
# Only runs that need a change match: two or more spaces, or one that is not a plain space.
# The pattern opens with a character class, so the scan for it stays in C.
_INNER_RUN = re.compile(f"{_SPACE}(?<=\\S{_SPACE})(?:(?<! ){_SPACE}*|{_SPACE}+)(?=\\S)")
_BLANK_RUN = re.compile(r"\n{3,}")


def fix_whitespace(text: str, *, hard_breaks: bool = False) -> str:
    """Normalize line ends, spaces and blank lines, keeping deliberate indentation.

    Scraped text mixes CRLF with LF, no-break and typographic spaces with plain ones, and
    leaves trailing spaces and runs of blank lines that make diffs noisy and search brittle.

    >>> fix_whitespace("خبر\\u00a0عاجل  اليوم \\r\\n\\r\\n\\r\\n\\u00a0 تفاصيل\\t\\tالخبر")
    'خبر عاجل اليوم\\n\\nتفاصيل الخبر\\n'
    >>> fix_whitespace("\\n\\n    code block\\n\\tindented\\n")
    '    code block\\n\\tindented\\n'
    >>> fix_whitespace("unchanged line\\n")
    'unchanged line\\n'

    With ``hard_breaks`` (Markdown), two or more spaces that end a line of text are
    Markdown's line break and stay, as two.
    """
    if "\r" in text:
        text = _CARRIAGE_RETURN.sub("\n", text)
    # Substring tests run at memory speed: the patterns run only where they can match.
    unicode_spaces = _UNICODE_SPACE.search(text) is not None
    if unicode_spaces:
        text = _SCRAPED_INDENT.sub("", text)
    if unicode_spaces or " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = _TRAILING.sub(_keep_hard_break if hard_breaks else "", text)
    if unicode_spaces or "  " in text or "\t" in text:
        text = _INNER_RUN.sub(" ", text)
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    text = text.strip("\n")
    return text + "\n" if text else ""


def _keep_hard_break(match: re.Match) -> str:
    # Markdown's hard line break: two or more spaces ending a line of text stay, as two.
    # Where no line follows, Markdown ignores them; keeping them there too makes the rule
    # independent of what follows, so cleaning twice gives what cleaning once gave.
    text, start = match.string, match.start()
    run = match.group()
    if len(run) >= 2 and run.strip(" ") == "" and start and not text[start - 1].isspace():
        return "  "
    return ""
