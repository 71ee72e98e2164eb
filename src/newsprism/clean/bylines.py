"""Who wrote an article and who published it, from the lines where pages say so: bylines and
editor lines ("By <name>", "<name>, Contributor"), source and copyright lines ("© 2024 <outlet>")
and a masthead alone on a line.

Each parser looks at one line and answers only when the whole line has the shape it knows.
Which lines are offered (the head and foot of the page) is decided by `lines.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# the month and weekday tables live with the date parsers
from ..lexicon.dates import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .metadata import parse_dateline

# -- bylines -----------------------------------------------------------------------------------

_PARTICLES = {"de", "da", "del", "della", "di", "van", "von", "der", "den", "ter", "la", "le", "du", "al", "el",
              "bin", "ibn", "bint", "y", "dos", "das", "st.", "mc", "ben"}
_CONNECTORS = {"and", "&", ","}
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS)
_NEVER_IN_NAMES = frozenset({"this", "that", "these", "those", "then", "now", "far", "contrast", "comparison", "way",
                             "all", "some", "most", "many", "no", "default", "then", "late", "early", "mid"})
_ROLES = (r"(?:senior |chief |special |staff |guest |foreign |political |diplomatic |defen[cs]e |"
          r"security |economics |[A-Z][a-z]+ )?"
          r"(?:contributors?|correspondents?|reporters?|writers?|columnists?|journalists?|analysts?|"
          r"bureau chief|staff|news desk|contributing writer|contributing editor)")
_BYLINE_LEAD = re.compile(r"^(?:written|reported|reporting|words|story|text|report)?\s*by\s*[:\-–]?\s+(?P<rest>\S.*)$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:authors?|writer|reporter|byline)\s*[:\-–]\s*(?P<rest>\S.*)$", re.I)
_ROLE_TRAIL = re.compile(rf"^(?P<rest>.+?)\s*[,|–—-]\s*(?P<role>{_ROLES})\.?$", re.I)
_EDITOR = re.compile(r"^(?:edited|editing|reviewed|fact[- ]?checked|additional reporting|translated|"
                     r"compiled|produced)\s+by\b|^editors?\s*:", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’]*-[A-Z][\w'’]*|"
                         r"(?:al|el)-[A-Z][\w'’\-]*|O['’][A-Z][\w'’\-]*|Mc[A-Z][\w'’\-]*)$")


@dataclass(frozen=True)
class Byline:
    """What a byline line states; `kind` says which shape it had ("by", "label", "role", "editor")."""

    kind: str
    author: Optional[str] = None
    published: Optional[str] = None


def _person_or_desk(words: str) -> Optional[str]:
    """The words when they read as a name (or names joined by "and"), else None."""
    words = words.strip(" .,;:|-–—")
    if not words or len(words) > 70 or re.search(r"\d|[!?@/\\]|https?:", words):
        return None
    upper = words.isupper() and any(c.isalpha() for c in words)
    if upper:  # BY JANE DOE: shout-case bylines are still names
        words = " ".join(w.lower() if w.lower() in _PARTICLES | _CONNECTORS else w.capitalize() for w in words.split())
    tokens = re.findall(r"[^\s,]+|,", words)
    names = 0
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _CONNECTORS and 0 < i < len(tokens) - 1:
            continue
        if low in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        word = low.rstrip(".")
        # "By Monday", "By this time": a date or a phrase, not a name ("Theresa May" is a name).
        if word in _NEVER_IN_NAMES or (i == 0 and word in _DATE_WORDS) or (i > 0 and word == "the"):
            return None
        if not _NAME_TOKEN.match(tok):
            return None
        names += 1
    if not 1 <= names <= 8:
        return None
    if names == 1 and not upper and len(tokens) == 1 and len(words) < 3:
        return None
    return re.sub(r"\s+,", ",", words)


def _split_trailing_date(rest: str) -> tuple[str, Optional[str]]:
    """"Jane Doe - March 3, 2024" -> ("Jane Doe", "2024-03-03"); the date must fill the tail."""
    for m in re.finditer(r"\s*(?:[|·•–—,]|\s-|\bon\b|\bat\b|\bupdated\b|\bpublished\b)\s*", rest):
        head, tail = rest[:m.start()], rest[m.end():]
        date = parse_dateline(tail)
        if head and date:
            return head, date
    return rest, None


def _strip_affiliation(name_part: str) -> str:
    """Drop what follows the name: ", Reuters", " | The Herald", " in Kyiv", ", Staff Writer"."""
    m = _ROLE_TRAIL.match(name_part)
    if m:
        name_part = m.group("rest")
    name_part = re.split(r"\s*[|·•–—;]\s*|\s+-\s+|\s+(?:in|for|from)\s+[A-Z]", name_part, maxsplit=1)[0]
    parts = [p.strip() for p in name_part.split(",")]
    # "Jane Doe, Reuters" -> the name; "Jane Doe, John Roe and Ann Poe" keeps the list of names.
    if len(parts) > 1 and not re.search(r"\band\b|&", parts[-1]):
        name_part = parts[0]
    return name_part


def parse_byline(line: str) -> Optional[Byline]:
    """The author (and date) a byline states; editors are recognised but never made authors.

    >>> parse_byline("By Jane Doe - March 3, 2024")
    Byline(kind='by', author='Jane Doe', published='2024-03-03')
    >>> parse_byline("Jane Doe, Contributor").author
    'Jane Doe'
    >>> parse_byline("Edited by John Roe").author is None
    True
    >>> parse_byline("By the end of the week, the talks had stalled.") is None
    True
    """
    text = line.strip()
    if text.startswith("(") and text.endswith(")"):  # "(Reporting by X; Editing by Y)"
        text = text[1:-1].strip()
    if not text or len(text) > 120:
        return None
    m = _EDITOR.match(text)
    if m:  # only a short line of names: "Edited by X" opening a long sentence is body text
        rest, _ = _split_trailing_date(text[m.end():].strip(" :"))
        return Byline(kind="editor") if _person_or_desk(_strip_affiliation(rest)) else None
    for kind, rx in (("by", _BYLINE_LEAD), ("label", _AUTHOR_LABEL)):
        m = rx.match(text)
        if m:
            rest, date = _split_trailing_date(m.group("rest").strip())
            author = _person_or_desk(_strip_affiliation(rest))
            if author:
                return Byline(kind=kind, author=author, published=date)
            return None
    m = _ROLE_TRAIL.match(text)
    if m:
        author = _person_or_desk(m.group("rest"))
        if author:
            return Byline(kind="role", author=author)
    return None


def person_name(line: str) -> Optional[str]:
    """The line when it is nothing but a name ("Jane Doe"), else None.

    >>> person_name("Ingrid Solberg")
    'Ingrid Solberg'
    >>> person_name("Talks resume today") is None
    True
    """
    return _person_or_desk(line)


# -- outlet ------------------------------------------------------------------------------------

_OUTLET_LINES = (
    re.compile(r"^(?:source|sources|publisher|published by)\s*:\s*(?P<name>.+)$", re.I),
    re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?"
               r"\s*,?\s*(?P<name>[^|]+?)(?:[.,]?\s*all rights reserved.*)?$", re.I),
    re.compile(r"^(?:this (?:article|story|piece|report) (?:was|is|has been) )?(?:originally|first) "
               r"(?:published|appeared|posted)\s+(?:by|in|on|at)\s+(?P<name>.+?)(?:\s+on\s+.+)?\.?$", re.I),
)


def parse_outlet_line(line: str) -> Optional[str]:
    """The outlet an explicit source or copyright line names.

    >>> parse_outlet_line("© 2024 The Northern Ledger. All rights reserved.")
    'The Northern Ledger'
    >>> parse_outlet_line("Originally published by Harbor Times")
    'Harbor Times'
    >>> parse_outlet_line("© Harbor Times 2021-2024")
    'Harbor Times'
    """
    text = line.strip()
    if len(text) > 120:
        return None
    for rx in _OUTLET_LINES:
        m = rx.match(text)
        if m:
            name = m.group("name").strip(" .,:;|-–—")
            name = re.split(r"\s*[|;]\s*|,\s+", name, maxsplit=1)[0]
            # a copyright year (or span of years) after the name is not part of it
            name = re.sub(r"\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\.?$", "", name).strip(" .,:;|-–—")
            if _looks_like_outlet(name):
                return name
    return None


def _looks_like_outlet(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or re.search(r"[!?@]", name):
        return False
    if not (name[0].isupper() or name[0].isdigit()):
        return False
    # An outlet name is capitalised words with the odd small word ("of", "the", "and", a domain).
    small = {"of", "the", "and", "for", "de", "la", "el", "al", "&"}
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in small or re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", w)
               for w in words)


# The nouns newspapers, agencies and magazines put last in their names.
_MASTHEAD_NOUNS = frozenset(
    "times post herald tribune gazette journal news chronicle courier ledger telegraph observer guardian express "
    "standard mail mirror monitor press record review wire daily weekly magazine bulletin dispatch examiner inquirer "
    "independent sentinel star sun globe register reporter today insider digest report".split())


def masthead_name(line: str) -> Optional[str]:
    """The line when it is nothing but a publication's name: capitalised words ending in a
    masthead noun ("The Harbour Gazette", "Daily Ledger").

    >>> masthead_name("The Harbour Gazette")
    'The Harbour Gazette'
    >>> masthead_name("Jane Doe") is None
    True
    >>> masthead_name("Talks resume at the port press") is None
    True
    """
    name = line.strip().strip(" .|-–—")
    words = name.split()
    if not 2 <= len(words) <= 5 or not _looks_like_outlet(name) or re.search(r"[\d:,;()\[\]]", name):
        return None
    return name if words[-1].lower() in _MASTHEAD_NOUNS else None
