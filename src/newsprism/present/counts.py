"""The counts a reader sees at the top of every view, worded so they add up: storylines hold events,
a story with no events of its own is counted once, and every noun agrees with its number."""
from __future__ import annotations

from ..model import Analysis, Story
from .names import doc_name, plural, site_of


def story_parts(a: Analysis) -> tuple[list[Story], list[Story], list[Story]]:
    """(storylines, their events, stories on their own)."""
    ids = {s.id for s in a.stories}
    roots = [s for s in a.stories if not s.parent or s.parent not in ids]
    children = {r.id: [c for c in a.stories if c.parent == r.id and c.id != r.id] for r in roots}
    lines = [r for r in roots if children[r.id]]
    return lines, [c for r in lines for c in children[r.id]], [r for r in roots if not children[r.id]]


def story_count(a: Analysis) -> str:
    """'1 storyline of 2 events and 1 other story', '3 stories', 'no stories'."""
    lines, events, single = story_parts(a)
    parts = []
    if lines:
        parts.append(f"{plural(len(lines), 'storyline')} of {plural(len(events), 'event')}")
    if single:
        parts.append(plural(len(single), "other story" if lines else "story",
                            "other stories" if lines else "stories"))
    return " and ".join(parts) or "no stories"


def outlet_count(a: Analysis) -> str:
    """'3 outlets', '2 outlets (1 document names none)', 'no outlet named': an outlet is a named publisher
    or a web site; a document known only by its title is not counted as one."""
    named = {doc_name(d) for d in a.documents if (d.outlet or "").strip() or site_of(d.url) or site_of(d.source)}
    unnamed = sum(1 for d in a.documents if not ((d.outlet or "").strip() or site_of(d.url) or site_of(d.source)))
    if not named:
        return "no outlet named" if a.documents else "no outlets"
    return plural(len(named), "outlet") + (f" ({plural(unnamed, 'document')} without one)" if unnamed else "")


def storyline_title(line: Story, events: list[Story]) -> str:
    """A storyline's own title, unless it is only one of its events' headlines: then say what it is."""
    if line.title and all(line.title != e.title for e in events):
        return line.title
    return f"Storyline of {plural(len(events), 'event')}"
