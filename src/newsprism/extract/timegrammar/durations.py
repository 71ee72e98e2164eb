"""Durations: "three weeks", "several years", "half an hour", "the year" (as a span of time)."""
from __future__ import annotations

import re

from ...lexicon.numbers import amount
from .. import timevalues as tv
from ..timelexicon import NUM, UNIT, unit_name
from .base import Context, Value, before, prev_word, rule

DUR_PRE = r"(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial|ensuing|preceding|subsequent|last|same|other|entire|whole|full|better\s+part\s+of\s+the|same)"
DUR_Q = (r"(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|over|under|some|roughly|around|approximately|another|only|just|barely|fewer\s+than|no\s+more\s+than|an\s+additional|a\s+further|a\s+full|well\s+over|close\s+to|upwards\s+of|a\s+mere|the\s+better\s+part\s+of)")
FREQ_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yuan|rubles?|million|billion|trillion|once|twice|thrice|times|barrels|tons|tonnes|units|visitors|passengers|people|miles|km)\W{0,3}$", re.I)


def _duration_ok(m: re.Match, text: str) -> bool:
    if m.group("tail") and "old" in m.group("tail").lower():
        return False  # ages ("a 6-year-old boy") are not tagged in TimeBank
    unit = m.group("unit").lower()
    if re.fullmatch(r"\d{3,}", m.group("num")) and not unit.endswith("s") and "-" not in m.group(0):
        return False  # "the 1988 second quarter"
    if unit.startswith("quarter") and re.match(r"\s+of\b", text[m.end():]):
        return False  # "three-quarters of the vote": a fraction
    if unit == "second" and m.group("num").lower() in ("a", "an") and not re.match(r"\s*(?:[,.;:)]|later|earlier|ago|or|and|before|after)", text[m.end():]):
        return False  # "a second time", "a second round": an ordinal
    return True


@rule("duration", 390, rf"(?:(?P<det>the|its|their|his|her|this|that|these|those)\s+)?(?:(?P<pre>{DUR_PRE})\s+)?(?:(?P<q>{DUR_Q})\s+)?(?P<num>{NUM})(?:(?:\s+|-)(?:to|or|and|-)(?:\s+|-)?(?P<num2>{NUM}))?[\s-]+(?:(?:more|additional|consecutive|straight|full|long|short|trading|business|working|calendar|extra|further|successive|odd|plus)[\s-]+)?(?P<unit>{UNIT})(?P<tail>[\s-]+(?:old|long))?(?:[\s-]+(?:and\s+a\s+half))?", accept=_duration_ok)
def _duration(m: re.Match, ctx: Context) -> Value:
    num = re.sub(r"\s+", " ", m.group("num").lower())
    unit = unit_name(m.group("unit"))
    n = amount(m.group(0)[m.start("num") - m.start():m.end("num") - m.start()])
    if m.group(0).lower().rstrip().endswith("and a half") and n is not None and not num.endswith("half"):
        n += 0.5
    if num in ("a", "an") and not m.group("det") and not m.group("pre") and not m.group("q") and not m.group("tail"):
        if FREQ_BEFORE.search(before(ctx.text, m.start(), 25)):
            return "SET", tv.duration(1, unit if unit != "night" else "day")
    if unit == "night":
        unit = "day"
    if unit == "weekend":
        return "DURATION", tv.duration(2 * n if n is not None else None, "day")
    if m.group("num2") and n is not None and amount(m.group("num2")) is None:
        n = None
    return "DURATION", tv.duration(n, unit)


@rule("plural units", 380, r"(?:(?P<mod>recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+ensuing|the\s+following|the\s+preceding|the\s+early|the\s+final|the\s+last\s+few|many|several|few|a\s+few|some|numerous|countless|dozens\s+of|hundreds\s+of|the)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:[\s-]long)?(?P<ahead>\s+ahead)?",
      accept=lambda m, text: bool(m.group("mod") and m.group("mod").lower() != "the") or prev_word(text, m.start()) in ("for", "over", "within", "after", "in", "take", "took", "takes", "taken", "lasted", "lasting", "spent", "spend", "of")
      or bool(re.match(r"-long|\s+ahead|\s+(?:ago|earlier|later)\b", text[m.end() - 6 if m.group(0).endswith("long") else m.end():])) or (bool(m.group("mod")) and prev_word(text, m.start()) in ("over", "in", "during", "throughout", "for", "of")))
def _plural_units(m: re.Match, ctx: Context) -> Value:
    mod = (m.group("mod") or "").lower()
    if mod in ("the early", "the final"):
        return "DURATION", tv.duration(None, "year")
    return "DURATION", tv.duration(None, unit_name(m.group("unit")))


@rule("half an hour", 370, r"(?:(?P<pre>about|nearly|almost|more\s+than|less\s+than|at\s+least|only|just)\s+)?half\s+(?:an?\s+)?(?P<unit>hour|day|year|century|decade|minute|month)")
def _half(m: re.Match, ctx: Context) -> Value:
    return "DURATION", tv.duration(0.5, unit_name(m.group("unit")))


@rule("the year", 360, r"the\s+(?:whole\s+|entire\s+|full\s+)?(?P<u>year|week|month)(?!\s*-|\w)",
      accept=lambda m, text: prev_word(text, m.start()) in ("for", "over", "during", "throughout", "through", "all", "in", "of") and not re.match(r"\s+(?:of|before|after|in|when|that|since|\d)", text[m.end():]))
def _the_year(m: re.Match, ctx: Context) -> Value:
    pw = prev_word(ctx.text, m.start())
    u = m.group("u").lower()
    if re.match(r"\s+(?:ended|ending)\b", ctx.text[m.end():]):
        return "DURATION", tv.duration(1, u)  # "the year ended March 31": twelve months up to a date, a fiscal year
    if u == "year" and re.search(r"\bfull\s", m.group(0)) and ctx.anchor is not None:
        return "DATE", tv.shift(ctx.anchor, 0, "year")  # "sales for the full year": the whole current year
    if pw in ("in", "of") and ctx.anchor is not None:
        return "DATE", tv.shift(ctx.anchor, 0, u)
    return "DURATION", tv.duration(1, u)
