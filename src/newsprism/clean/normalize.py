"""Unicode and white-space normalization of scraped text, before any line is judged.

Scraped pages mix non-breaking spaces, zero-width joiners and Windows line ends; folding
them first means every later rule (duplicates, patterns, offsets) sees one spelling.
Curly quotes and dashes are text and stay as they are.
"""
from __future__ import annotations

import re
import unicodedata

# Spaces that render like a plain space: NBSP, the U+2000 block, narrow NBSP, medium
# mathematical space, ideographic space, tabs and the odd vertical/feed controls inside lines.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Invisible characters that only break words apart for a matcher: ZWSP, ZWNJ, ZWJ, word
# joiner, BOM, soft hyphen.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_SEPARATORS = re.compile("\r\n|\r|\u2028|\u2029|\u0085")
_SPACE_RUN = re.compile(" {2,}")
_TRAILING_SPACE = re.compile(" +$", re.M)
_BLANK_RUN = re.compile("\n(?: *\n){2,}")


def normalize_text(s: str) -> str:
    """NFC text with one kind of space, one kind of line end and at most one blank line in a row.

    >>> normalize_text("Delegation\\u00a0 arrives\\r\\n\\r\\n\\r\\n\\r\\nin Oslo\\u200b ")
    'Delegation arrives\\n\\nin Oslo'
    """
    s = _LINE_SEPARATORS.sub("\n", s)
    s = _ZERO_WIDTH.sub("", s)
    s = _ODD_SPACES.sub(" ", s)
    s = _SPACE_RUN.sub(" ", s)
    s = _TRAILING_SPACE.sub("", s)
    s = _BLANK_RUN.sub("\n\n", s)
    # NFC last: removing an invisible character can bring a letter next to its accent.
    return unicodedata.normalize("NFC", s).strip("\n")
