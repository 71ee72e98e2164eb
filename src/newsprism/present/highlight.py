"""Article text as HTML with marked spans, built only from escaped pieces.

Text is split at span offsets and every piece is escaped on its own, so no byte of article
text ever reaches the page as markup. Offsets are Python (code point) offsets; the browser
counts UTF-16 code units, so `js_offset` converts for the report's script.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional
from urllib.parse import urlsplit

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One stretch to mark: `<mark class="{cls}" data-…>` around `text[start:end]`."""

    start: int
    end: int
    cls: str
    title: Optional[str] = None
    data: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    priority: int = 0  # lower wins where two marks overlap


def choose(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks that fit the text and do not overlap, preferring low priority, then longer spans."""
    chosen: list[Mark] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(marks, key=lambda m: (m.priority, -(m.end - m.start), m.start, m.cls)):
        if not (0 <= m.start < m.end <= length):
            continue
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def text_html(text: str) -> Markup:
    """Escaped text; a carriage return is written as a reference because HTML parsing would drop it."""
    return Markup(str(escape(text)).replace("\r", "&#13;"))


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as escaped HTML with each chosen mark wrapped; the page's text content equals `text`."""
    out: list[str] = []
    pos = 0
    for m in choose(marks, len(text)):
        out.append(text_html(text[pos:m.start]))
        attrs = [f' class="{escape(m.cls)}"']
        if m.title:
            attrs.append(f' title="{escape(m.title)}"')
        attrs += [f' data-{escape(k)}="{escape(v)}"' for k, v in m.data]
        out.append(f"<mark{''.join(attrs)}>{text_html(text[m.start:m.end])}</mark>")
        pos = m.end
    out.append(text_html(text[pos:]))
    return Markup("".join(out))


def js_offset(text: str, offset: int) -> int:
    """A code-point offset as the UTF-16 offset JavaScript strings use."""
    return len(text[:offset].encode("utf-16-le")) // 2


def safe_url(url: Optional[str]) -> Optional[str]:
    """`url` when it is an absolute http(s) URL, else None (never a javascript: or data: link)."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None
