"""Calendar names: months, years, spelled-out years, decades, centuries, seasons and holidays."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from dateutil.easter import easter

from ...lexicon.dates import MONTH, month_number
from ...lexicon.numbers import NUMWORD, amount
from .. import timevalues as tv
from ..timelexicon import SEASON, YEAR, YEAR_SHORT, ordinal
from .base import TEMPORAL_PREP, Context, Value, before, capitalized, next_word, prev_word, rule
from .resolution import full_year, month_value

MOD = r"(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|close|turn)\s+of|the\s+(?:first|second|third|last|final)\s+week\s+of)[\s-]+)"
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "june", "april", "august", "aug", "sept", "sep", "dec", "jun", "jul"}


def _month_alone_ok(m: re.Match, text: str) -> bool:
    mo = m.group("mo")
    if not (capitalized(mo) or text.islower()):
        return False
    if m.group("mod") or m.group("y") or m.group("rel") or m.group("ry"):
        return True
    key = mo.lower().rstrip(".")
    pw = prev_word(text, m.start())
    if key == "march" and re.match(r"\s+(?:of|on)\s+(?:the\s+)?[A-Z]", text[m.end():]) and pw in ("the", "a", "", ","):
        return False  # "the March of the Combatant Mothers", "the March on Washington": a procession
    if key in AMBIGUOUS_MONTHS and capitalized(next_word(text, m.end())) and not re.match(r"\s*[,.;:]", text[m.end():]):
        return False  # "Jan Smith", "April Ryan": a first name
    if pw in TEMPORAL_PREP or re.match(r"\s*[’']s\b", text[m.end():]):
        return True
    if pw in ("a", "an", "its", "his", "her", "their", "our") and re.match(r"\s+[a-z]", text[m.end():]):
        return True  # "under a June agreement": a month naming when a thing was made
    if key in AMBIGUOUS_MONTHS or "." in mo or len(key) <= 4:
        return False
    return not capitalized(next_word(text, m.end()))


@rule("month year", 690, rf"{MOD}?(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mo>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}|{YEAR_SHORT})|\s+(?:of\s+)?(?P<ry>last|this|next)\s+year)?", accept=_month_alone_ok)
def _month(m: re.Match, ctx: Context) -> Value:
    y = full_year(m.group("y"), ctx.anchor) if m.group("y") else None
    if m.group("ry") and ctx.anchor is not None:
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("ry").lower()]
    rel = (m.group("rel") or "").lower()
    v = month_value(ctx, month_number(m.group("mo")), y, "last" if rel == "past" else rel)
    return ("DATE", v) if v else None


NOT_YEAR_BEFORE = {"no", "no.", "nos", "number", "flight", "room", "route", "article", "resolution", "section", "chapter",
                   "page", "pages", "p", "pp", "model", "version", "code", "highway", "interstate", "bus", "suite",
                   "unit", "box", "#", "windows", "boeing", "airbus", "lot", "form", "rule", "bill", "s", "h.r", "hr",
                   "rs", "rupees", "yen", "about", "some", "nearly", "almost", "approximately", "roughly", "over",
                   "than", "least", "top", "dow", "index", "at"}


def _year_ok(m: re.Match, text: str) -> bool:
    s, e = m.start(), m.end()
    if s > 0 and text[s - 1] in "$£€#.,:/-+" and not re.search(r"(?:pre|post|mid)-$", before(text, s, 6), re.I) or re.match(r"[.,:/]\d|\s*(?:%|percent|per cent)", text[e:e + 12]):
        return False
    if m.group("mod") or m.group("fy") or m.groupdict().get("the"):
        return True
    y = int(m.group("y"))
    pw = prev_word(text, s)
    if pw in NOT_YEAR_BEFORE:
        return False
    raw_prev = re.search(r"(\S+)\s+$", before(text, s, 30))
    if raw_prev and raw_prev.group(1)[:1].isupper() and raw_prev.group(1)[-1:].isalpha() and pw not in TEMPORAL_PREP:
        try:
            month_number(raw_prev.group(1))
        except KeyError:
            return False  # "Orion 1980", "Expo 2020": part of a name
    nw = next_word(text, e)
    # "1,990 people" never reaches here; "1990 people" does: a lower-case plural after the number counts things
    not_nouns = ("was", "has", "is", "saw", "brings", "marks", "sees", "begins", "ends", "as", "remains", "this", "its",
                 "us", "his")
    counted = re.fullmatch(r"[a-z]+s", nw) and nw not in not_nouns
    after_names = re.match(r"\s*(?:[A-Z][\w-]*\s+){0,2}([a-z]+s)\b", text[e:e + 40])
    if pw in ("every", "each") and after_names and after_names.group(1) not in not_nouns:
        return False   # "one in every 1007 Windows users": a count of things, names and all
    if pw == "for" and re.fullmatch(r"[a-z]+s", nw.rstrip(".,;:!?")) and nw.rstrip(".,;:!?") not in ("years", "decades"):
        return False   # "passes for 1099 yards": "for" measures as often as it dates
    if pw in TEMPORAL_PREP or pw.endswith("'s"):
        return 1000 <= y <= 2099
    if counted:
        return False
    return 1900 <= y <= 2099


@rule("year", 680, rf"{MOD}?(?:(?P<fy>fiscal|calendar|FY|the\s+year|model\s+year|fiscal\s+year)\s*)?(?P<y>{YEAR})(?:[’']s)?", accept=_year_ok)
def _year(m: re.Match, ctx: Context) -> Value:
    return "DATE", m.group("y")


SPELLED_YEAR = rf"(?:nineteen|twenty)\s+(?:hundred(?:\s+and)?\s+)?(?:{NUMWORD})|two\s+thousand(?:\s+and\s+(?:{NUMWORD}))?|the\s+year\s+two\s+thousand"
SPELLED_YEAR_RE = re.compile(rf"(?:(?P<mo>{MONTH})\s+)?(?P<w>{SPELLED_YEAR})", re.I)


@rule("spelled year", 670, rf"(?:(?P<mo>{MONTH})\s+)?(?P<w>{SPELLED_YEAR})",
      accept=lambda m, text: prev_word(text, m.start()) in TEMPORAL_PREP or bool(m.group("mo")) or m.group("w").lower().startswith("the"))
def _spelled_year(m: re.Match, ctx: Context) -> Value:
    w = re.sub(r"\s+", " ", m.group("w").lower()).replace("the year ", "")
    if w.startswith("two thousand"):
        y = 2000 + (amount(w.split(" and ", 1)[1]) or 0 if " and " in w else 0)
    else:
        head, rest = w.split(" ", 1)
        rest = rest.replace("hundred and ", "").replace("hundred ", "")
        n = amount(rest)
        if n is None or n >= 100:
            return None
        y = (19 if head == "nineteen" else 20) * 100 + int(n)
    if m.group("mo"):
        return "DATE", tv.month(int(y), month_number(m.group("mo")))
    return "DATE", f"{int(y)}"


@rule("decade", 660, r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0|'(?P<sd>\d)0)[’']?s")
def _decade(m: re.Match, ctx: Context) -> Value:
    if m.group("c"):
        return "DATE", f"{m.group('c')}{m.group('d')}"
    return "DATE", f"19{m.group('sd')}"


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


@rule("decade words", 650, r"the\s+(?:(?:early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
      accept=lambda m, text: not re.match(r"\s+(?:of|and)\b", text[m.end():]) or True)
def _decade_words(m: re.Match, ctx: Context) -> Value:
    return "DATE", f"19{DECADE_WORDS[m.group('w').lower()]}"


CENTURY_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"


@rule("century", 640, rf"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>{CENTURY_ORD})[\s-]+century")
def _century(m: re.Match, ctx: Context) -> Value:
    w = m.group("n").lower()
    n = int(re.match(r"\d+", w).group()) if w[0].isdigit() else ordinal(w)
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


def _season_ok(m: re.Match, text: str) -> bool:
    if m.group("y") or m.group("sy") or m.group("rel"):
        return True
    if m.group("det") or m.group(0).lower().startswith("the ") or prev_word(text, m.start()) in ("in", "during", "by", "until", "since", "through", "over", "before", "after", "this", "last", "next", "early", "late", "mid"):
        # "the fall of the city" is an event, "the fall of 2022" a season
        return not re.match(r"\s+of\s+(?!\d)", text[m.end():])
    return False


@rule("season", 630, rf"(?:the\s+(?=early|mid|late))?{MOD}?(?:(?P<rel>this\s+past|this|last|next|past|coming)\s+|(?P<det>the)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<sy>{SPELLED_YEAR})))?", accept=_season_ok)
def _season(m: re.Match, ctx: Context) -> Value:
    code = tv.SEASON_CODE[m.group("s").lower()]
    if m.group("y"):
        return "DATE", f"{m.group('y')}-{code}"
    if m.group("sy"):
        y = _spelled_year(SPELLED_YEAR_RE.fullmatch(m.group("sy")), ctx)
        return ("DATE", f"{y[1]}-{code}") if y else None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    a = ctx.anchor
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    y = a.year
    if rel == "this past":
        y -= 1 if tv.SEASON_MONTH[code] + 2 > a.month else 0  # the latest one already over
    elif rel in ("last", "past"):
        y -= 1
    elif rel in ("next", "coming"):
        y += 1 if tv.SEASON_MONTH[code] <= a.month else 0
    elif not rel:
        k = tv.SEASON_MONTH[code] - a.month
        if ctx.tense == "past" and k > 0:
            y -= 1
        elif ctx.tense == "future" and k < -2:
            y += 1
    return "DATE", f"{y}-{code}"


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = tv.add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4), "veterans day": lambda y: dt.date(y, 11, 11),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter sunday": easter, "easter": easter, "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "boxing day": lambda y: dt.date(y, 12, 26), "may day": lambda y: dt.date(y, 5, 1),
}
HOLIDAY_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+").replace("'", "[’']?") for k in sorted(HOLIDAYS, key=len, reverse=True))


@rule("holiday", 620, rf"(?P<h>{HOLIDAY_RE})(?:,?\s+(?P<y>{YEAR}))?",
      accept=lambda m, text: capitalized(m.group("h").replace("the ", "")) and not re.match(r"\s+(?:Island|Parade|Declaration|Rising)", text[m.end():]))
def _holiday(m: re.Match, ctx: Context) -> Value:
    key = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    key = key if key in HOLIDAYS else key.replace("s day", "'s day").replace("s eve", "'s eve")
    fn = HOLIDAYS.get(key)
    if fn is None:
        return None
    if m.group("y"):
        return "DATE", fn(int(m.group("y"))).isoformat()
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
    if ctx.tense == "past":
        pick = max((c for c in cands if c <= a), default=cands[1])
    elif ctx.tense == "future":
        pick = min((c for c in cands if c >= a), default=cands[1])
    else:
        pick = min(cands, key=lambda c: abs((c - a).days))
    return "DATE", pick.isoformat()
