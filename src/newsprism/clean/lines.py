"""Judge every line of a scraped article: body text stays, page chrome goes, with a reason.

Each line's features (chrome.py) are weighed with where it sits (head or tail of the page,
beside a widget or a photo credit) and whether it repeats an earlier line, in named passes
that each leave alone what an earlier pass took out. Title, byline and dateline lines leave
the body for the metadata fields.

The one promise: a line that is a full sentence of body text (long enough, ending in
sentence punctuation) is never dropped, unless it repeats an earlier line exactly or is
chrome beyond doubt (a reader prompt that also names the page, a comment box, an e-mail).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsprism.clean import bylines
from newsprism.clean import metadata as meta
from newsprism.clean.chrome import (
    READER,
    chrome_hits,
    chrome_reason,
    ends_sentence,
    has_contact,
    holds_sentence,
    is_breadcrumb,
    is_credited_caption,
    is_full_sentence,
    is_photo_credit,
    is_section_label,
    is_table_row,
)
from newsprism.config import CleanConfig
from newsprism.model import Removed

# -- the judgement ---------------------------------------------------------------------------------

# Limits of the passes below, each a property of how pages are laid out.
LINKED_HEADLINES = 10          # lines under a bare "Related" / "Most read" label read as its list of links
LINKED_HEADLINE_WORDS = 15     # a linked headline is at most this long; a longer line is the body again
BODY_END_WORDS = 8             # a sentence this long (in words) may close the body, even when short in characters
TAIL_LINE_WORDS = 8            # past a footer widget, a line this short (in words) that ends no sentence is a link
FOOT_LINES = 5                 # the last lines of a page, where a source or copyright line names the outlet
BARE_LABEL_WORDS = 3           # "Related", "Most read", "Trending now": a list's label, with no link of its own
BYLINE_NAME_WORDS = (2, 4)     # a name alone on a line beside the dateline: two to four words
HEADLINE_WORDS = 4             # a headline that uses a chrome word has at least this many words
HEAD_LABEL_WORDS = 2           # a line this short above the headline, ending no sentence, is a section label


@dataclass
class CleanedText:
    """The cleaned body and what the head, bylines and source lines of the page said."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None


@dataclass
class _Page:
    """The lines of one page and what the passes have decided about them so far."""

    lines: list[str]
    nonempty: list[int]                 # indexes of the lines that say something
    head: list[int]                     # the first `head_lines` of them
    continues: set[int]                 # lines continuing the paragraph above (hard-wrapped text)
    full: set[int]                      # full sentences of body text
    reason: dict[int, str] = field(default_factory=dict)   # line -> why it leaves the body


def _key(line: str) -> str:
    """How lines are compared for repetition: case and spacing do not matter."""
    return " ".join(line.casefold().split())


def _loose_key(line: str) -> str:
    """A caption repeating the headline may add a full stop or quotes."""
    return _key(line).strip(" .!?:;,\"'“”‘’")


def clean_lines(text: str, cfg: Optional[CleanConfig] = None, known_title: Optional[str] = None,
                extracted: bool = False) -> CleanedText:
    """Split normalized text into lines, judge each, and rebuild the body from what stays.

    `known_title` (from HTML metadata or the input record) is removed from the head instead
    of guessing the title from the first lines.

    `extracted` says the text is what an HTML extractor kept of a page: its menus, footers and
    contact boxes are already gone, so what remains of the page's own lines is the article's.
    There a repeated line (a list item, a table header, an interview's recurring question) stays,
    as do bare links and addresses and the short lines at the foot; title, bylines, datelines,
    credits and the prompts that slip through are still taken out.

    The passes run in this order; each leaves alone the lines an earlier one took out.
    """
    cfg = cfg or CleanConfig()
    page = _read_page(text, cfg)
    out = CleanedText(text="")
    _mark_photo_credits(page)
    out.published, out.author = _mark_bylines_and_datelines(page)
    _mark_chrome(page, cfg, extracted)
    _mark_linked_headlines(page, cfg)
    _find_title(page, cfg, known_title, out)
    _drop_repeats(page, out.title, exact_repeats=not extracted)
    body_ends = _body_ends(page)
    if not extracted:  # an extractor has already cut the page's foot
        _mark_page_tail(page, body_ends)
    out.outlet = _mark_source_lines(page, body_ends) or _mark_foot_masthead(page)
    out.removed = [Removed(text=page.lines[i], reason=page.reason[i]) for i in sorted(page.reason)]
    out.text = _rebuild(page.lines, page.reason, page.continues)
    return out


def _read_page(text: str, cfg: CleanConfig) -> _Page:
    """The page's lines, which of them say something, its head, and which lines continue a paragraph."""
    lines = [line.strip() for line in text.split("\n")]
    nonempty = [i for i, line in enumerate(lines) if line]

    def prev_line(i: int) -> Optional[int]:
        return i - 1 if i > 0 and lines[i - 1] else None

    # A line that starts in lower case right after an unfinished line continues the same
    # paragraph (hard-wrapped text): it is judged with its paragraph, never on its own.
    continues = {i for i in nonempty if prev_line(i) is not None and lines[i][0].islower()
                 and not re.search(r"[.!?:\"”)]$", lines[i - 1])}
    full = {i for i in nonempty if is_full_sentence(lines[i], cfg.min_sentence_chars)}
    return _Page(lines, nonempty, nonempty[: cfg.head_lines], continues, full)


def _mark_photo_credits(page: _Page) -> None:
    """Photo credits, and captions that carry one."""
    lines, reason = page.lines, page.reason
    for i in page.nonempty:
        if i in page.continues:
            continue
        if i in page.full:
            continue
        if is_photo_credit(lines[i]):
            reason[i] = "photo caption" if re.match(r"\W*\w+ caption\b", lines[i], re.I) else "photo credit"
        elif is_credited_caption(lines[i]):
            reason[i] = "photo caption"


def _mark_bylines_and_datelines(page: _Page) -> tuple[Optional[str], Optional[str]]:
    """Bylines and editor lines may sit anywhere (often at the foot); datelines only at the head.
    Returns the first date the page states and its first byline's author."""
    lines, reason, head, continues = page.lines, page.reason, page.head, page.continues
    dates: list[tuple[int, str]] = []
    authors: list[tuple[int, str]] = []
    for i in page.nonempty:
        if i in reason or i in continues:
            continue
        byline = bylines.parse_byline(lines[i])
        if byline is None:
            continue
        if byline.kind == "editor":
            reason[i] = "editor line"
            continue
        reason[i] = "byline"
        if byline.author:
            authors.append((i, byline.author))
        if byline.published and i in head:
            dates.append((i, byline.published))
    for i in head:
        if i in reason or i in continues:
            continue
        date = meta.parse_dateline(lines[i]) or meta.parse_foreign_dateline(lines[i])
        if date:
            reason[i] = "dateline"
            dates.append((i, date))
        elif meta.is_relative_dateline(lines[i]):
            reason[i] = "dateline"
    authors += _bare_name_bylines(lines, head, reason)
    published = min(dates)[1] if dates else None  # the first date the page states
    author = min(authors)[1] if authors else None  # the first byline
    return published, author


def _mark_chrome(page: _Page, cfg: CleanConfig, extracted: bool) -> None:
    """Chrome by features (an extractor's text keeps its links and addresses)."""
    for i in page.nonempty:
        if i in page.reason or i in page.continues:
            continue
        why = chrome_reason(page.lines[i], cfg.min_sentence_chars)
        if why and not (extracted and why == "contact details"):
            page.reason[i] = why


def _mark_linked_headlines(page: _Page, cfg: CleanConfig) -> None:
    """Under a bare "Related" or "Most read" label come the linked headlines: short lines, no
    sentences. A label that carries its one link ("Related: Port strike ends") has no list
    below it: the short line after it is the article's own subheading."""
    lines, reason, nonempty = page.lines, page.reason, page.nonempty
    for n, i in enumerate(nonempty):
        if reason.get(i) in ("boilerplate: related links", "boilerplate: trending") and _is_bare_label(lines[i]):
            for j in nonempty[n + 1: n + 1 + LINKED_HEADLINES]:
                if j in reason:
                    continue
                if holds_sentence(lines[j], cfg.min_sentence_chars) or len(lines[j].split()) > LINKED_HEADLINE_WORDS \
                        or j in page.continues:
                    break
                reason[j] = "boilerplate: linked headline"


def _body_ends(page: _Page) -> list[int]:
    """The kept lines that end a stretch of body text: full sentences, or sentences of several words."""
    lines = page.lines
    kept = [i for i in page.nonempty if i not in page.reason]
    return [i for i in kept if ends_sentence(lines[i]) and (i in page.full or len(lines[i].split()) >= BODY_END_WORDS)]


def _mark_page_tail(page: _Page, body_ends: list[int]) -> None:
    """The foot of the page: once a footer widget shows up past the last line of body text
    ("Related", "Comments", a byline), the short lines below it are links and labels. Short
    lines before any widget may be the article's own list or table, and stay."""
    lines, reason, nonempty = page.lines, page.reason, page.nonempty
    kept = [i for i in nonempty if i not in reason]
    if body_ends:
        widgets = [i for i in nonempty if i > body_ends[-1] and i in reason]
        for i in kept:
            if widgets and i > widgets[0] and i not in page.continues and not ends_sentence(lines[i]) \
                    and len(lines[i].split()) <= TAIL_LINE_WORDS and not is_table_row(lines[i]):
                reason[i] = "boilerplate: page tail"


def _mark_source_lines(page: _Page, body_ends: list[int]) -> Optional[str]:
    """Source and copyright lines name the outlet, at the head or the foot only (a "Source:"
    under a chart in the body names the chart's source, not the publisher). The first one named."""
    lines, reason, nonempty = page.lines, page.reason, page.nonempty
    outlet: Optional[str] = None
    foot = set(nonempty[-FOOT_LINES:]) | {i for i in nonempty if body_ends and i > body_ends[-1]}
    for i in nonempty:
        if i in page.continues or (i in reason and not reason[i].startswith("boilerplate")):
            continue
        if i in page.head or i in foot or reason.get(i) == "boilerplate: copyright":
            found = bylines.parse_outlet_line(lines[i])
            if found:
                reason[i] = "source line"
                outlet = outlet or found
    return outlet


def _mark_foot_masthead(page: _Page) -> Optional[str]:
    """A masthead alone in the foot, between widgets ("The Harbour Gazette" under the comment
    box), names the outlet when no source line does; linked headlines come in lists instead."""
    lines, reason, nonempty = page.lines, page.reason, page.nonempty
    order = {i: n for n, i in enumerate(nonempty)}
    for i in nonempty:
        if reason.get(i) != "boilerplate: page tail":
            continue
        n = order[i]
        neighbours = nonempty[max(0, n - 1): n] + nonempty[n + 1: n + 2]
        name = bylines.masthead_name(lines[i])
        if name and neighbours and all(reason.get(j, "").startswith("boilerplate") and
                                       reason[j] != "boilerplate: page tail" for j in neighbours):
            reason[i] = "source line"
            return name
    return None


def _is_bare_label(line: str) -> bool:
    """"Related", "Most read:", "Trending now": a label over a list, with no link of its own."""
    return len(line.split()) <= BARE_LABEL_WORDS or line.rstrip().endswith(":")


def _bare_name_bylines(lines: list[str], head: list[int], reason: dict[int, str]) -> list[tuple[int, str]]:
    """A name alone on a line next to the dateline ("Jane Doe" / "March 3, 2024") is a byline."""
    fewest, most = BYLINE_NAME_WORDS
    for n, i in enumerate(head):
        if i in reason or not fewest <= len(lines[i].split()) <= most or ends_sentence(lines[i]):
            continue
        neighbours = head[max(0, n - 1): n] + head[n + 1: n + 2]
        if not any(reason.get(j) == "dateline" for j in neighbours):
            continue
        name = bylines.person_name(lines[i])
        if name:
            reason[i] = "byline"
            return [(i, name)]
    return []


_NOT_HEADLINE_CHROME = ("navigation", "cookies", "advertisement", "social buttons", "comments", "contact prompt")
_PAGE_VERB = re.compile(r"^(?:subscribe|sign|click|tap|log|register|follow|like|join|skip|read|watch|listen|see|get|"
                        r"share (?:this|on|via)|support|donate|buy|please)\b", re.I)


def _headline_despite_chrome(line: str, cfg: CleanConfig) -> bool:
    """A headline may use a chrome word ("Share boost for ...", "... wins copyright ruling");
    page furniture is shorter, talks to the reader, or orders them about."""
    why = chrome_reason(line, cfg.min_sentence_chars) or ""
    return (meta.title_like(line, cfg.min_sentence_chars) and len(line.split()) >= HEADLINE_WORDS
            and not READER.search(line) and not re.search(r"\b(?:our|us)\b", line, re.I)
            and not has_contact(line) and not is_breadcrumb(line) and not _PAGE_VERB.match(line)
            and not any(why.endswith(c) for c in _NOT_HEADLINE_CHROME) and len(set(chrome_hits(line))) <= 1)


def _find_title(page: _Page, cfg: CleanConfig, known_title: Optional[str], out: CleanedText) -> None:
    """The first headline-like line at the head; a section label glued to it is dropped."""
    lines, head, reason = page.lines, page.head, page.reason
    open_head = [i for i in head if i not in reason or (reason[i].startswith("boilerplate") and (
        known_title or _headline_despite_chrome(lines[i], cfg)))]
    if known_title:
        out.title = known_title
        want = _loose_key(known_title)
        for n, i in enumerate(open_head):
            nxt = open_head[n + 1] if n + 1 < len(open_head) else None
            clean = meta.split_glued_label(lines[i], lines[nxt] if nxt is not None else None)
            if clean and _loose_key(clean) == want and nxt is not None:
                reason[i], reason[nxt] = "section label glued to title", "title"
                return
            if _loose_key(lines[i]) == want:
                reason[i] = "title"
                for j in open_head[:n]:  # "Economy" over the headline: the site's section, not the article's
                    if is_section_label(lines[j]):
                        reason[j] = "section label"
                return
        return
    for n, i in enumerate(open_head):
        nxt = open_head[n + 1] if n + 1 < len(open_head) else None
        if is_section_label(lines[i]) and nxt is not None:
            reason[i] = "section label"
            continue
        clean = meta.split_glued_label(lines[i], lines[nxt] if nxt is not None else None)
        if clean and nxt is not None:
            reason[i], reason[nxt] = "section label glued to title", "title"
            out.title = clean
            return
        if meta.title_like(lines[i], cfg.min_sentence_chars) and any(lines[j] for j in range(i + 1, len(lines))):
            reason[i] = "title"
            out.title = lines[i]
            return
        if len(lines[i].split()) <= HEAD_LABEL_WORDS and not ends_sentence(lines[i]):
            reason[i] = "navigation"  # a section name or label above the headline
            continue
        return  # the page opens with body text: no headline to report


def _drop_repeats(page: _Page, title: Optional[str], exact_repeats: bool = True) -> None:
    """Keep the first copy of a repeated line; a caption repeating the body goes instead of the body's copy.

    Without `exact_repeats` only captions and copies of the headline go; other repeats stay."""
    lines, nonempty, reason, full = page.lines, page.nonempty, page.reason, page.full
    credits = {i for i, r in reason.items() if r == "photo credit"}
    order = {i: n for n, i in enumerate(nonempty)}

    def by_credit(i: int) -> bool:
        n = order[i]
        neighbours = nonempty[max(0, n - 1): n] + nonempty[n + 1: n + 2]
        return any(j in credits for j in neighbours)

    open_lines = [i for i in nonempty if i not in reason]
    where: dict[str, list[int]] = {}
    for i in open_lines:
        where.setdefault(_key(lines[i]), []).append(i)
    for i in open_lines:
        later = [j for j in where[_key(lines[i])] if j > i and not by_credit(j)]
        if by_credit(i) and later:
            reason[i] = "caption repeats body text"
    title_key = _loose_key(title) if title else None
    seen: set[str] = set()
    for i in open_lines:
        if i in reason:
            continue
        # A loose repeat of the headline (a caption adding a full stop) goes; a full sentence
        # only when it repeats the headline exactly or sits by a photo credit.
        if title_key and _loose_key(lines[i]) == title_key and (
                i not in full or by_credit(i) or _key(lines[i]) == _key(title or "")):
            reason[i] = "repeats the title"
            continue
        k = _key(lines[i])
        if k in seen and exact_repeats:
            reason[i] = "duplicate line"
        seen.add(k)


def _rebuild(lines: list[str], reason: dict[int, str], continues: set[int]) -> str:
    """Kept lines, one paragraph each (a hard-wrapped continuation stays in its paragraph)."""
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        if not line or i in reason:
            continue
        if i in continues and paragraphs and (i - 1) not in reason:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return "\n\n".join("\n".join(p) for p in paragraphs)
