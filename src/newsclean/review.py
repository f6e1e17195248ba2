"""The review page: one self-contained HTML file that shows people what cleaning changed.

Terminals render Arabic and Persian without shaping or proper bidi, and a change to a
zero-width space or a directional mark gives diff lines that look the same. The page shows
each change beside its line before and after, right to left where the text is (``dir="auto"``),
the characters changed highlighted, the invisible ones as labelled badges, and the cleaner
that made it; filters by cleaner and by file. No network, no external assets.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsclean.tables.invisible import BIDI_CONTROLS, IMPLICIT_MARKS, ZERO_WIDTH
from newsclean.tables.unicode_spaces import UNICODE_SPACES

# Characters a reader cannot see, or cannot tell from another, shown as badges where they
# changed: short labels where people know one, else the code point alone.
_LABELS = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
    "\u00a0": "NBSP",
    "\u202f": "NNBSP",
    "\u00ad": "SHY",
    "\ufeff": "BOM",
    "\u0640": "TATWEEL",
    "\t": "TAB",
    "\r": "CR",
    "\u2028": "LSEP",
    "\u2029": "PSEP",
}
_INVISIBLE = frozenset(_LABELS) | frozenset(ZERO_WIDTH + BIDI_CONTROLS + IMPLICIT_MARKS + UNICODE_SPACES)


def _is_badged(char: str) -> bool:
    code = ord(char)
    presentation_form = 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF
    return char in _INVISIBLE or presentation_form or unicodedata.category(char) in ("Cc", "Cf")


@dataclass
class FileReview:
    path: str
    status: str  # changed, unchanged, skipped, failed
    message: str = ""
    encoding: str = "utf-8"
    total: int = 0  # changes found
    changes: list[dict[str, Any]] = field(default_factory=list)  # the first REVIEW_CAP of them


@dataclass
class Review:
    """What a run saw, gathered file by file, written as one page at the end."""

    command: str
    path: Path | None = None  # where `write` puts the page
    files: list[FileReview] = field(default_factory=list)

    def write(self, cleaners: Sequence[str]) -> None:
        """Write the page to ``path`` atomically (a page half-written is no page)."""
        from newsclean.writing import write_atomically

        assert self.path is not None
        write_atomically(self.path, [self.html(cleaners).encode("utf-8")], compare=False)

    def add(self, path: str, status: str, message: str, review: dict[str, Any]) -> None:
        self.files.append(
            FileReview(
                path,
                status,
                message,
                review.get("encoding", "utf-8"),
                review.get("total", 0),
                review.get("changes", []),
            )
        )

    def model(self) -> dict[str, Any]:
        """The counts the page shows, which a test can check against what it draws."""
        shown = [change for file in self.files for change in file.changes]
        statuses = Counter(file.status for file in self.files)
        return {
            "files": len(self.files),
            "changed": statuses["changed"],
            "unchanged": statuses["unchanged"],
            "skipped": statuses["skipped"],
            "failed": statuses["failed"],
            "changes": sum(file.total for file in self.files),
            "changes_shown": len(shown),
            "highlights": sum(_highlights(change) for change in shown),
            "lines_changed": len({(file.path, c["line"]) for file in self.files for c in file.changes}),
            "characters_changed": sum(_characters(change) for change in shown),
            "by_cleaner": dict(Counter(change["cleaner"] for change in shown)),
            "encodings": {
                file.path: file.encoding for file in self.files if file.encoding not in ("utf-8", "ascii")
            },
        }

    def html(self, cleaners: Sequence[str]) -> str:
        model = self.model()
        files = sorted((file for file in self.files if file.changes), key=lambda file: -file.total)
        return _PAGE.format(
            style=_STYLE,
            script=_SCRIPT,
            command=html.escape(self.command),
            when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            summary=_summary(model, self.files),
            chart=_chart(model["by_cleaner"], cleaners),
            filters=_filters(model["by_cleaner"], cleaners, files),
            files="\n".join(_file(file) for file in files) or "<p class=clean>Nothing to change: every file is clean.</p>",
            model=json.dumps(model, ensure_ascii=False).replace("</", "<\\/"),  # (no end of the script)
        )


def _highlights(change: dict[str, Any]) -> int:
    return sum((b1 < b2) + (a1 < a2) for b1, b2, a1, a2 in change["spans"])


def _characters(change: dict[str, Any]) -> int:
    return sum(max(b2 - b1, a2 - a1) for b1, b2, a1, a2 in change["spans"])


def _summary(model: dict[str, Any], files: Iterable[FileReview]) -> str:
    rows = [
        ("files seen", model["files"]),
        ("changed", model["changed"]),
        ("unchanged", model["unchanged"]),
        ("skipped", model["skipped"]),
        ("failed", model["failed"]),
        ("changes", model["changes"]),
        ("lines changed (shown)", model["lines_changed"]),
        ("characters changed (shown)", model["characters_changed"]),
    ]
    items = "".join(f"<div><dt>{name}</dt><dd>{value:,}</dd></div>" for name, value in rows)
    parts = [f"<dl class=counts>{items}</dl>"]
    if model["encodings"]:
        encodings = "".join(
            f"<tr><td dir=auto>{html.escape(path)}</td><td>{html.escape(encoding)} &rarr; utf-8</td></tr>"
            for path, encoding in model["encodings"].items()
        )
        parts.append(f"<table class=encodings><caption>Re-encoded</caption><tr><th>file<th>encoding{encodings}</table>")
    problems = [file for file in files if file.status in ("skipped", "failed")]
    if problems:
        items = "".join(f"<li><strong>{file.status}</strong>: {html.escape(file.message)}</li>" for file in problems)
        parts.append(f"<h3>Skipped and failed</h3><ul class=problems>{items}</ul>")
    return "\n".join(parts)


def _chart(by_cleaner: dict[str, int], cleaners: Sequence[str]) -> str:
    """Changes per cleaner as horizontal bars, in inline SVG."""
    names = [name for name in cleaners if by_cleaner.get(name)]
    if not names:
        return ""
    top = max(by_cleaner[name] for name in names)
    bar_height, label_width, width = 22, 110, 420
    bars = []
    for row, name in enumerate(names):
        y = row * (bar_height + 6)
        length = max(2, round((width - label_width - 60) * by_cleaner[name] / top))
        bars.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{name}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" rx="3"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}">{by_cleaner[name]}</text>'
        )
    height = len(names) * (bar_height + 6)
    title = ", ".join(f"{name} {by_cleaner[name]}" for name in names)
    return (
        f'<figure><svg class=chart role="img" aria-labelledby="chart-title" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title id="chart-title">Changes per cleaner: {title}</title>'
        f'{"".join(bars)}</svg><figcaption>Changes shown, per cleaner</figcaption></figure>'
    )


def _filters(by_cleaner: dict[str, int], cleaners: Sequence[str], files: list[FileReview]) -> str:
    if not files:
        return ""
    boxes = "".join(
        f'<label><input type=checkbox class=cleaner-filter value="{name}" checked> {name} ({by_cleaner[name]})</label>'
        for name in cleaners
        if by_cleaner.get(name)
    )
    options = "".join(f'<option value="{html.escape(file.path)}">{html.escape(file.path)}</option>' for file in files)
    return (
        f'<section class=filters aria-labelledby=filters-title><h2 id=filters-title>Filters</h2>'
        f"<fieldset><legend>Cleaners</legend>{boxes}</fieldset>"
        f'<label>File <select id=file-filter><option value="">all files</option>{options}</select></label>'
        f"<label><input type=checkbox id=inline-view> before above after</label></section>"
    )


def _file(file: FileReview) -> str:
    rows = "\n".join(_row(change) for change in file.changes)
    more = file.total - len(file.changes)
    rest = f"<p class=more>{more:,} more changes not shown (the page shows the first {len(file.changes)} of each file).</p>" if more else ""
    encoding = f", re-encoded from {html.escape(file.encoding)}" if file.encoding not in ("utf-8", "ascii") else ""
    return (
        f'<article class=file data-file="{html.escape(file.path)}"><h3 dir=auto>{html.escape(file.path)}</h3>'
        f"<p class=meta>{file.total:,} change{'' if file.total == 1 else 's'}{encoding}</p>"
        f"<table class=changes><thead><tr><th scope=col>line<th scope=col>cleaner<th scope=col>before"
        f"<th scope=col>after</thead><tbody>{rows}</tbody></table>{rest}</article>"
    )


def _row(change: dict[str, Any]) -> str:
    before, after = change["before"], change["after"]
    spans = change["spans"]
    line = change["line"] or "new"
    return (
        f'<tr class=change data-cleaner="{change["cleaner"]}"><td class=num>{line}</td>'
        f'<td><span class="tag {change["cleaner"]}">{change["cleaner"]}</span></td>'
        f'<td><div class="text before" dir=auto>{_marked(before, [(b1, b2) for b1, b2, _, _ in spans], "del")}</div></td>'
        f'<td><div class="text after" dir=auto>{_marked(after, [(a1, a2) for _, _, a1, a2 in spans], "ins")}</div></td></tr>'
    )


def _marked(text: str, ranges: list[tuple[int, int]], tag: str) -> str:
    """``text`` escaped, each range in ``<del>``/``<ins>``, what cannot be seen in it as badges."""
    pieces, position = [], 0
    for start, end in ranges:
        if start >= end:
            continue
        pieces.append(_visible(text[position:start], badges=False))
        pieces.append(f"<{tag} class=hl>{_visible(text[start:end], badges=True)}</{tag}>")
        position = end
    pieces.append(_visible(text[position:], badges=False))
    return "".join(pieces)


def _visible(text: str, *, badges: bool) -> str:
    if not badges:  # (text that did not change: its line end is not shown)
        return html.escape(text.rstrip("\n").replace("\r", ""))
    out = []
    for char in text:
        if char == "\n":
            out.append('<span class=badge title="U+000A LINE FEED">LF</span>')
        elif _is_badged(char):
            label = _LABELS.get(char, f"U+{ord(char):04X}")
            name = unicodedata.name(char, "")
            out.append(f'<span class=badge title="U+{ord(char):04X} {name}">{html.escape(label)}</span>')
        else:
            out.append(html.escape(char))
    return "".join(out)


_STYLE = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5561; --line: #d0d7de; --del: #ffd7d5; --ins: #c9f2d2; }
body { font: 15px/1.5 system-ui, "Noto Sans", "Noto Naskh Arabic", "Vazirmatn", sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 1.5rem; } h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.run, .meta, .more, figcaption { color: var(--muted); }
code { font-family: ui-monospace, monospace; }
dl.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 0; }
dl.counts div { min-width: 7rem; } dt { color: var(--muted); font-size: .85rem; } dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
.chart rect { fill: #0a5fb4; } .chart text { font-size: 13px; fill: var(--ink); }
.filters { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; }
.filters fieldset { border: 0; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filters label { cursor: pointer; } .filters select { font: inherit; max-width: 40rem; }
input:focus-visible, select:focus-visible { outline: 3px solid #0a5fb4; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: start; }
th { font-size: .85rem; color: var(--muted); } td.num { font-variant-numeric: tabular-nums; color: var(--muted); width: 3.5rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; font-size: 1.05rem; }
del.hl { background: var(--del); color: #000; text-decoration: line-through; text-decoration-color: #a40e26; }
ins.hl { background: var(--ins); color: #000; text-decoration: none; outline: 1px solid #1a7f37; }
.badge { display: inline-block; font: 600 .7rem/1.3 ui-monospace, monospace; color: #000; background: #fff3b0;
         border: 1px solid #9a6700; border-radius: 3px; padding: 0 .2rem; margin: 0 .1rem; vertical-align: middle; direction: ltr; unicode-bidi: isolate; }
.tag { font: .8rem ui-monospace, monospace; background: #eef1f4; border-radius: 3px; padding: 0 .3rem; }
body.inline table.changes thead { display: none; }
body.inline tr.change { display: grid; grid-template-columns: 3.5rem 8rem 1fr; }
body.inline tr.change td:nth-child(4) { grid-column: 3; }
body.inline tr.change[hidden] { display: none; }
.clean { font-size: 1.1rem; }
@media print { .filters { display: none; } body { max-width: none; font-size: 11pt; } tr.change, tr.change[hidden] { display: table-row; break-inside: avoid; } article.file[hidden] { display: block; } }
"""

_SCRIPT = """
(function () {
  const boxes = Array.from(document.querySelectorAll('.cleaner-filter'));
  const fileFilter = document.getElementById('file-filter');
  const inline = document.getElementById('inline-view');
  function apply() {
    const shown = new Set(boxes.filter(b => b.checked).map(b => b.value));
    const file = fileFilter ? fileFilter.value : '';
    document.querySelectorAll('article.file').forEach(article => {
      let visible = 0;
      article.querySelectorAll('tr.change').forEach(row => {
        const on = shown.has(row.dataset.cleaner);
        row.hidden = !on;
        if (on) visible++;
      });
      article.hidden = visible === 0 || (file !== '' && article.dataset.file !== file);
    });
  }
  boxes.forEach(b => b.addEventListener('change', apply));
  if (fileFilter) fileFilter.addEventListener('change', apply);
  if (inline) inline.addEventListener('change', () => document.body.classList.toggle('inline', inline.checked));
})();
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsclean review</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>newsclean review</h1>
<p class=run><code>{command}</code> &middot; {when}</p>
</header>
<main>
<section aria-labelledby=summary-title>
<h2 id=summary-title>Summary</h2>
{summary}
{chart}
</section>
{filters}
<section aria-labelledby=changes-title>
<h2 id=changes-title>Changes</h2>
{files}
</section>
</main>
<script type="application/json" id="model">{model}</script>
<script>{script}</script>
</body>
</html>
"""
