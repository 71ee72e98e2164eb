"""A document's entity mentions by character offset: which entity, if any, the words at an offset name (for
reading a claim's arguments)."""
from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Token

from ..records import DocRecord


class EntityIndex:
    """Local entity mentions by character offset: which entity, if any, the words at an offset name."""

    def __init__(self, record: DocRecord):
        rows = sorted((m.start, m.end, e.id, e.type) for e in record.entities for m in e.mentions)
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def within(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.rows) and self.rows[i][0] < end:
            if self.rows[i][1] <= end:
                out.append(self.rows[i])
            i += 1
        return out

    def at(self, tok: Token) -> Optional[tuple[int, int, str, str]]:
        """The mention that covers this token."""
        i = bisect.bisect_right(self.starts, tok.idx) - 1
        while i >= 0 and self.rows[i][0] > tok.idx - 200:
            s, e, _, _ = self.rows[i]
            if s <= tok.idx < e:
                return self.rows[i]
            i -= 1
        return None
