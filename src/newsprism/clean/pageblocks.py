"""What the article extractor left out of a page, block by block, each with its reason.

trafilatura chooses the article's blocks from the page tree and returns only their text: the
menus, captions, comment threads and "read more" boxes it drops never reach the line cleaner,
so the line cleaner cannot say why they went. This module reads the same lxml tree (no second
parse) for the page's visible text blocks (paragraphs, headings, list items, cells, captions,
the text of any element that holds some), finds those whose text is not in what the extractor
kept, and names the reason from the box each sits in:

    extractor: navigation      <nav>, a menu, breadcrumb or skip-link box
    extractor: photo caption   <figure>, <figcaption>, a caption or photo-credit box
    extractor: comments        a comment thread or comment form
    extractor: related links   "related", "read more", "recommended", "more from" boxes
    extractor: trending        "most read", "popular", "trending" boxes
    extractor: social buttons  share and follow boxes
    extractor: byline          the author and date line, an author box
    extractor: title           the page's <h1> headline (kept as the document's title)
    extractor: standfirst      display copy under the headline that the page names a dek, standfirst,
                               subtitle or description: a summary written for the page, not a paragraph
                               of the story (a lead that is a heading, or no full sentence, too)
    extractor: advertisement   ads, sponsored and promoted boxes
    extractor: newsletter      newsletter, subscription, sign-up and paywall boxes
    extractor: cookies         cookie and consent banners
    extractor: footer          <footer>, a copyright box
    extractor: sidebar         <aside>, a sidebar or widget rail
    extractor: form            a <form> (search boxes, log-in)
    extractor: hidden          an element the page hides (hidden, aria-hidden, display:none, <noscript>,
                               <template>)
    extractor: <kind>          a block in no named box whose own words are page chrome: the kinds
                               of chrome.py (subscribe, share prompt, cookies, ...), or a byline
    extractor: boilerplate     any other block the extractor judged not to be the article's

A box is named by its tag or by a word of its class or id ("related-posts", "site-footer",
"commentList"): the innermost named box wins. Consecutive blocks left out for one reason are one entry.
Two kinds of block the extractor left out go back into the text instead: a lead paragraph (the
story's first paragraph, set apart under the headline in a box the page names "lead", "intro" or
"summary"), and the paragraphs of a story split over several boxes of one kind (the same tag and
class as the box whose paragraphs were kept; precision mode keeps the first box only).

    >>> from trafilatura.utils import load_html
    >>> tree = load_html('<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>'
    ...                  '<article><p>The bridge reopened on Monday.</p>'
    ...                  '<figure><figcaption>The bridge at dawn.</figcaption></figure></article></body></html>')
    >>> [(r.reason, r.text) for r in dropped_blocks(tree, "The bridge reopened on Monday.", 40)]
    [('extractor: navigation', 'Home World'), ('extractor: photo caption', 'The bridge at dawn.')]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree
from lxml.html import HtmlElement

from newsprism.clean.bylines import parse_byline
from newsprism.clean.chrome import chrome_reason, is_full_sentence
from newsprism.model import Removed

PREFIX = "extractor: "
BOILERPLATE = PREFIX + "boilerplate"

# Elements that start a block of text; inline elements (a, span, b, em, ...) belong to the block around them.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split())
# Tags that name their box by themselves.
_TAG_KIND = {"nav": "navigation", "figure": "photo caption", "figcaption": "photo caption", "footer": "footer",
             "aside": "sidebar", "form": "form", "h1": "title", "time": "byline", "address": "byline",
             "noscript": "hidden", "template": "hidden"}
# Words of a class or id that name a box (the first or last word of a name, or a name's start or end).
_WORD_KIND: dict[str, str] = {}
for _kind, _words in (
        ("navigation", "nav navbar navigation menu menubar breadcrumb breadcrumbs skiplink skip topbar subnav toolbar"),
        ("photo caption", "caption captions figcaption credit credits imagecredit photocredit"),
        ("comments", "comment comments disqus discussion replies respond"),
        ("related links", ("related recommended recommendation recommendations recirculation readmore moreon "
                           "morefrom teaser teasers promo promos outbrain taboola seealso alsoread")),
        ("trending", "trending popular mostread mostpopular mostviewed"),
        ("social buttons", "share sharing sharebar shares social socials sociallinks"),
        ("byline", "byline bylines author authors dateline timestamp"),
        ("advertisement", "ad ads advert adverts advertisement advertising sponsor sponsored promoted dfp"),
        ("newsletter", "newsletter newsletters subscribe subscription signup paywall registration"),
        ("cookies", "cookie cookies consent gdpr"),
        ("footer", "footer copyright"),
        ("sidebar", "sidebar sidebars widget widgets rail"),
):
    for _w in _words.split():
        _WORD_KIND[_w] = _kind
# Long words also name a box glued to others ("relatedArticles", "commentlist", "sharebar").
_LONG = "|".join(sorted((w for w in _WORD_KIND if len(w) >= 6), key=len, reverse=True))
_GLUED = re.compile(f"^({_LONG})|({_LONG})$")
_NAMED: dict[str, Optional[str]] = {}  # class and id names already read (pages of a site share them)
NAMES_KEPT = 50_000  # ... up to this many, then the memory starts again
_WORDS = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")

# Text nodes of the body; those of code, styles, templates and drawings are not read.
_TEXT = etree.XPath("//body//text()[normalize-space()]")
_CODE = frozenset({"script", "style"})
_CLOSES = frozenset(",.;:!?)]}»”’%")
_OPENS = frozenset("([{«“‘$£€#@/-")
_UNSEEN = frozenset({"script", "style", "template", "svg", "math", "head", "title"})


def _box_kind(node: HtmlElement) -> Optional[str]:
    """The box this element is, by its attributes (hidden; a class or id that names a box) or its tag."""
    names = ""
    for key, value in node.items():
        if key == "class" or key == "id":
            names += " " + value
        elif key == "hidden" or (key == "aria-hidden" and value == "true") or \
                (key == "style" and _HIDDEN_STYLE.search(value.lower())):
            return "hidden"
    if names:
        kind = _NAMED.get(names, "")
        if kind == "":
            if len(_NAMED) > NAMES_KEPT:
                _NAMED.clear()
            kind = _NAMED[names] = _kind_of_names(names.lower())
        if kind:
            return kind
    return _TAG_KIND.get(node.tag)


def _kind_of_names(names: str) -> Optional[str]:
    """"related-posts" -> related links: the first or last word of a name, or a long word it starts or
    ends with ("relatedArticles"); a BEM modifier ("x--share") names no box."""
    for token in names.split():
        if "--" in token:
            continue
        parts = [p for p in _WORDS.split(token) if p]
        if not parts:
            continue
        for word in (parts[0], parts[-1], "".join(parts[:2]), "".join(parts[-2:])):
            kind = _WORD_KIND.get(word)
            if kind:
                return kind
        glued = _GLUED.search("".join(parts))
        if glued:
            return _WORD_KIND[glued.group(1) or glued.group(2)]
    return None


_UNKNOWN = object()


class _Boxes:
    """The innermost named box around each element, each element looked at once."""

    def __init__(self) -> None:
        self.memo: dict[HtmlElement, Optional[str]] = {}

    def of(self, el: HtmlElement) -> Optional[str]:
        chain = []
        node: Optional[HtmlElement] = el
        found: Optional[str] = None
        memo = self.memo
        while node is not None:
            seen = memo.get(node, _UNKNOWN)
            if seen is not _UNKNOWN:
                found = seen
                break
            if node.tag in ("body", "html"):
                break
            found = _box_kind(node)
            if found:
                memo[node] = found
                break
            chain.append(node)
            node = node.getparent()
        for n in chain:
            memo[n] = found
        return found


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_blocks(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """(block element, its visible text) in page order, the text of inline elements joined to their block's."""
    blocks: dict[HtmlElement, list[str]] = {}
    owner_block: dict[HtmlElement, Optional[HtmlElement]] = {}
    for text in _TEXT(tree):
        owner = text.getparent()
        if text.is_tail:
            owner = owner.getparent()
        elif owner.tag in _CODE:
            continue
        if owner is None:
            continue
        if owner in owner_block:
            block = owner_block[owner]
        else:
            block = owner
            while block is not None and block.tag not in _BLOCK_TAGS:
                block = None if block.tag in _UNSEEN else block.getparent()
            owner_block[owner] = block
        if block is not None:
            blocks.setdefault(block, []).append(text)
    return [(el, _norm(_join(parts))) for el, parts in blocks.items()]


def _join(parts: list[str]) -> str:
    """The texts of a block's elements, a space where two elements meet ("<a>Home</a><a>News</a>"),
    none before punctuation or after an opening bracket ("(<em>Reuters</em>)")."""
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for prev, part in zip(parts, parts[1:]):
        if not (prev[-1].isspace() or part[0].isspace() or part[0] in _CLOSES or prev[-1] in _OPENS):
            out.append(" ")
        out.append(part)
    return "".join(out)


_CLAUSE = re.compile(r"(?<=[.!?:;,)])\s+")
KEPT_SHARE = 0.5  # a long block whose clauses are this much in the kept text was kept, less an inline widget
# Words of a class or id that name the story's lead paragraph (English, French "chapo", Spanish "entradilla", ...).
LEAD_WORDS = frozenset("lead lede leadin intro introduction summary chapo chapeau sapo entradilla".split())
# ... and the display copy under a headline that is no paragraph of the story (a "dek" summing it up).
STANDFIRST_WORDS = frozenset("standfirst dek deck strapline strap subtitle subheadline subhead excerpt abstract "
                             "description sommario".split())
CHROME_PROBE_CHARS = 300  # a longer block in no named box is prose the extractor passed over, not a prompt
LEAD_NAME_LEVELS = 3  # the name may sit on the paragraph or on the box around it, two levels up
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _bare(text: str) -> str:
    """How texts are compared: without their spaces, which extractors add and drop between inline elements."""
    return "".join(text.split())


def _mostly_in(text: str, kept: str, min_chars: int) -> bool:
    """The block's text is in the kept text, or most of its clauses are (the extractor took out a
    hidden span, an inline widget or a link card from the middle of a paragraph)."""
    if _bare(text) in kept:
        return True
    clauses = [c for c in _CLAUSE.split(text) if len(c) >= min_chars // 2]
    need, left, found = KEPT_SHARE * len(text), sum(map(len, clauses)), 0
    for clause in clauses:
        if found + left < need:
            return False  # what is left to look for could not make the share
        left -= len(clause)
        if _bare(clause) in kept:
            found += len(clause)
    return found >= need


@dataclass
class PageAudit:
    """What the extractor left out of a page, and the lead paragraph it should not have."""

    removed: list[Removed] = field(default_factory=list)
    lead: Optional[str] = None  # the story's first paragraph, set apart under the headline and left out
    # paragraphs of the story's own containers the extractor passed over (an article split into several
    # boxes of one kind), each with the kept block it follows on the page
    continued: list[tuple[str, str]] = field(default_factory=list)


def dropped_blocks(tree: HtmlElement, kept: str, min_sentence_chars: int) -> list[Removed]:
    """The page's text blocks that are not in `kept` (the extractor's text), each with its reason."""
    return audit_page(tree, kept, min_sentence_chars).removed


def audit_page(tree: HtmlElement, kept: str, min_sentence_chars: int) -> PageAudit:
    """Every text block of the page that is not in `kept` (the extractor's text), with its reason;
    and the lead paragraph, when the extractor left it out.

    A block of `min_sentence_chars` or more is kept when its text (or most of its clauses)
    occurs in the kept text; a shorter one ("News", "Share") only when it is a whole kept line,
    list item or table cell, so that a menu word is not found inside a sentence. Consecutive
    blocks left out for the same reason are one entry, their texts a line each.

    Continued: a full-sentence <p> in no named box, whose parent has the tag and class of the
    parent of a <p> kept before it (the story's next box, after an ad or a signup box between them).

    The lead: between the page's <h1> headline and the first block the extractor kept, a
    paragraph the page names as its lead ("lead", "intro", "summary", ...: LEAD_WORDS) in no
    other named box, that is a full sentence. What the page names a dek or standfirst
    (STANDFIRST_WORDS), and headings, are display copy, not the story's first paragraph: on the
    article-extraction benchmark 10 of 11 such summaries are outside the annotated body."""
    kept_bare = _bare(unicodedata.normalize("NFC", kept))
    units = set()
    for line in kept.split("\n"):
        line = _norm(line)
        if not line:
            continue
        units.add(_bare(line))
        if line.startswith("- "):
            units.add(_bare(line[2:]))
        if line.startswith("|"):
            units.update(_bare(cell) for cell in line.strip("|").split("|"))
    boxes = _Boxes()
    audit = PageAudit()
    runs: list[tuple[str, list[str]]] = []
    last: Optional[str] = None
    headline = body = False  # past the page's <h1>; past the first block kept after it
    containers: set[tuple[str, str]] = set()  # (tag, class) of the boxes whose paragraphs were kept
    previous = ""  # the last kept block
    for el, text in page_blocks(tree):
        if not text:
            continue
        if el.tag == "h1":
            headline = True
        if _bare(text) in units or (len(text) >= min_sentence_chars and
                                    _mostly_in(text, kept_bare, min_sentence_chars)):
            last = None
            body = body or (headline and el.tag != "h1")
            previous = text
            if el.tag == "p" and _container(el)[1]:
                containers.add(_container(el))
            continue
        kind = boxes.of(el)
        if kind is None and containers and el.tag == "p" and is_full_sentence(text, min_sentence_chars) \
                and _container(el) in containers:
            audit.continued.append((text, previous))
            last = None
            continue
        named = kind is None and headline and not body and _lead_name(el)
        if named == "lead" and audit.lead is None and el.tag not in _HEADINGS and \
                is_full_sentence(text, min_sentence_chars):
            audit.lead = text
            last = None
            continue
        if named:
            kind = "standfirst"
        if kind is None and len(text) <= CHROME_PROBE_CHARS:
            why = chrome_reason(text, min_sentence_chars)
            kind = why.split(": ", 1)[-1] if why else "byline" if parse_byline(text) else None
        reason = PREFIX + kind if kind else BOILERPLATE
        if reason == last:
            runs[-1][1].append(text)
        else:
            runs.append((reason, [text]))
        last = reason
    audit.removed = [Removed(text="\n".join(texts), reason=reason) for reason, texts in runs]
    return audit


def _container(el: HtmlElement) -> tuple[str, str]:
    """The named box a paragraph sits in: its parent's tag and class ("" when the parent has none)."""
    parent = el.getparent()
    return ("", "") if parent is None or not parent.get("class") else (parent.tag, parent.get("class"))


def _lead_name(el: HtmlElement) -> Optional[str]:
    """"lead" when the page names this block, or the box around it, as the story's lead paragraph;
    "standfirst" when it names it as display copy under the headline (that name wins: "summary dek")."""
    node: Optional[HtmlElement] = el
    found = None
    for _ in range(LEAD_NAME_LEVELS):
        if node is None or node.tag in ("body", "article", "main"):
            break
        if (node.get("itemprop") or "").lower() in STANDFIRST_WORDS:  # schema.org's description of the article
            return "standfirst"
        for token in f"{node.get('class') or ''} {node.get('id') or ''}".lower().split():
            parts = [p for p in _WORDS.split(token) if p]
            ends = {parts[0], parts[-1]} if parts else set()
            if ends & STANDFIRST_WORDS:
                return "standfirst"
            if ends & LEAD_WORDS:
                found = "lead"
        if found:
            return found
        node = node.getparent()
    return None
