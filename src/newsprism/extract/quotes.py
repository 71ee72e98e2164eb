"""Quotations in a text: where each one is, marks included. One reader for claims (is a statement quoted?)
and framing (whose voice is it?), so both agree on what is a quote.

>>> text = 'He said "yes." The Jonas’ crews called it “a ‘temporary’ repair”.'
>>> [text[a:b] for a, b in quote_spans(text)]
['"yes."', '“a ‘temporary’ repair”']
"""
from __future__ import annotations

import re

QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, marks included. Marks pair up within a paragraph (a stray mark does
    not swallow the text after it); a closing single mark before a letter is an apostrophe; a quotation
    nested in another ('“… ‘so-called’ …”') is part of the outer one."""
    spans: list[tuple[int, int]] = []
    for open_m, close_m in QUOTE_PAIRS:
        close = re.escape(close_m) + (r"(?![A-Za-z])" if close_m == "’" else "")
        pattern = re.escape(open_m) + r"[^" + re.escape(open_m + close_m) + r"\n]{1,3000}?" + close
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    offset = 0
    for para in text.split("\n"):
        pos = [m.start() + offset for m in re.finditer('"', para)]
        spans += [(pos[k], pos[k + 1] + 1) for k in range(0, len(pos) - 1, 2)]
        offset += len(para) + 1
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the spans."""
    return any(a <= start and end <= b for a, b in spans)
