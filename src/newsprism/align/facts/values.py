"""What a figure's value says, as the ledger compares it: the value as a key, whether it is stated exactly in digits,
when two figures are far apart or one is the other rounded, and the counted noun without what happened to it."""
from __future__ import annotations

import math
import re
from typing import Optional

from ...model import FigureValue


def value_key(v: FigureValue) -> tuple:
    """The value as compared: ('a', amount, qualifier, close) or ('r', min, max); a score is one amount."""
    if v.score:   # "17-14": both numbers are the value
        return ("a", float(v.amount or 0) + sum(float(x) / 1000 ** (k + 1) for k, x in enumerate(v.score[1:])),
                "", False)
    if v.amount is not None:
        return ("a", float(v.amount), v.qualifier or "", v.close)
    return ("r", float(v.min or 0), float(v.max or 0))


def stated(v: FigureValue) -> bool:
    """An exact figure written in digits."""
    return v.exact and bool(re.search(r"\d", v.text))


def in_digits(v: FigureValue) -> bool:
    """An exact or approximate figure in digits; bounds ('at least 10') are left out: they count a part."""
    return v.amount is not None and v.qualifier in (None, "=", "~", "<") \
        and (v.qualifier != "<" or v.close) and bool(re.search(r"\d", v.text))


def far_apart(a: FigureValue, b: FigureValue, factor: float) -> bool:
    """Two figures in digits that cannot both be true by a wide gap, even when one is approximate:
    'an estimated 11 million' / '44 million'; never 'more than 30' / '93', whose intervals meet."""
    if not (in_digits(a) and in_digits(b)) or a.compatible(b):
        return False
    (alo, ahi), (blo, bhi) = a.interval(), b.interval()
    lo_top, hi_bottom = (ahi, blo) if ahi < blo else (bhi, alo)
    return lo_top > 0 and hi_bottom / lo_top >= factor


def significant(x: float) -> str:
    return f"{abs(x):.6f}".replace(".", "").strip("0") or "0"


def rounded(x: float, y: float) -> bool:
    """One amount is the other rounded: '$43 million' for '$43,885,310', '1,500' for '1,520'."""
    for r, p in ((x, y), (y, x)):
        if r == 0 or r == p or len(significant(r)) >= len(significant(p)):
            continue
        scale = 10 ** (math.floor(math.log10(abs(r))) - len(significant(r)) + 1)
        same_magnitude = math.floor(math.log10(abs(r))) == math.floor(math.log10(abs(p or 1)))
        # sums in millions are cut ('$43 million' for $43,885,310); counts are rounded ('300' for 329, not 364)
        reach = scale if scale >= 1_000_000 else scale / 2
        if scale >= 100 and abs(r - p) <= reach and same_magnitude:    # '1,000' rounds '1,020', never '71'
            return True
    return False


def amount(v: FigureValue) -> float:
    return float(v.amount or 0)


def base_unit(v: FigureValue) -> tuple[str, Optional[str]]:
    """The counted noun without what happened to it ('people killed' -> 'people', 'killed')."""
    unit, role = v.unit, v.role
    if role and unit.endswith(" " + role):
        unit = unit[: -len(role) - 1]
    what = measured(v)
    if what:
        unit = unit[: -len(what) - 1]   # "a 90-day treatment" is counted in days, like "90 days of treatment"
    return unit, role


def measured(v: FigureValue) -> Optional[str]:
    """What a size measures: 'a 90-day treatment' -> 'treatment' (the unit is the measure, then the noun)."""
    unit, noun = v.unit, v.noun
    if noun and unit != noun and unit.endswith(" " + noun) and " " not in unit[: -len(noun) - 1] \
            and noun != v.role:
        return noun
    return None
