"""A page whose whole text is a consent banner or a paywall: no article, whatever its length.

The line cleaner drops chrome lines from plain text, but it is lighter on text an HTML extractor
chose, and an extractor that finds only a cookie banner or a "subscribe to continue" box returns
that. Such a text is refused when every line of it is page chrome (as the line cleaner judges it,
or a consent button) and at least one line is consent or subscription talk.

    >>> only_chrome("We use cookies to improve your experience. See our privacy policy.\\nAccept all\\nManage preferences")
    'cookie-consent and subscription text'
    >>> only_chrome("Harbour pilots ended their strike on Friday, the union said.\\nSubscribe to our newsletter.") is None
    True
"""
from __future__ import annotations

import re
from typing import Optional

from newsprism.clean.lines import chrome_reason

GATE_KINDS = frozenset({"cookies", "subscribe", "newsletter", "donation appeal"})
# What consent banners and paywalls say to the reader, in any wording of the trade.
_GATE = re.compile(
    r"\bcookies?\b|\bconsent\b|\bsubscri(?:be|ber|bers|ption)\b|\bsign (?:in|up)\b|\blog ?in\b|\bunlimited access\b"
    r"|\bfree trial\b|\balready (?:a|an) (?:subscriber|member)\b|\bcontinue reading\b|\bpaywall\b"
    r"|\bpersonali[sz]ed (?:ads|advertising|content)\b|\bprivacy (?:policy|settings|preferences)\b"
    r"|\b(?:your|our) (?:partners|vendors)\b", re.I)
# The buttons of a consent box or paywall: a short line that only offers a choice.
_BUTTON = re.compile(
    r"^(?:accept|reject|decline|allow|agree|i agree|manage|customi[sz]e|options|settings|preferences|ok|okay|got it|"
    r"continue|close|dismiss|more information|learn more|subscribe|sign in|log in|register)\b[\w\s&/-]{0,30}$", re.I)
_SHORT_WORDS = 8


def _gate_line(line: str) -> bool:
    words = line.split()
    return bool(_GATE.search(line)) and (len(words) <= _SHORT_WORDS or re.search(r"\byou(?:r)?\b", line, re.I) is not None)


def only_chrome(text: str, min_sentence_chars: int = 40) -> Optional[str]:
    """'cookie-consent and subscription text' when that is all the text holds, else None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    gate = False
    for line in lines:
        reason = chrome_reason(line, min_sentence_chars)
        kind = reason.removeprefix("boilerplate: ") if reason else None
        if kind in GATE_KINDS or _gate_line(line):
            gate = True
        elif not (reason or _BUTTON.match(line)):
            return None  # a line that is not chrome: there is an article
    return "cookie-consent and subscription text" if gate else None
