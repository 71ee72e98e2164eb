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

from newsprism.clean.chrome import chrome_reason

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
_READER = re.compile(r"\byou(?:r)?\b", re.I)


def _gate_line(line: str, min_sentence_chars: int) -> Optional[bool]:
    """True for consent or subscription talk, False for other chrome, None for a line that may be the
    article's. Sentences are judged by the line cleaner alone; the gate vocabulary and the buttons
    decide short lines, as a banner's are, and sentences that speak to the reader with two of its words."""
    reason = chrome_reason(line, min_sentence_chars)
    if reason is not None and reason.removeprefix("boilerplate: ") in GATE_KINDS:
        return True
    if len(line.split()) <= _SHORT_WORDS and _GATE.search(line):
        return True
    cues = {m.group(0).lower() for m in _GATE.finditer(line)}
    if len(cues) >= 2 and _READER.search(line):  # "you agree to our use of cookies ... privacy policy"
        return True
    if reason is not None or _BUTTON.match(line):
        return False
    return None


def only_chrome(text: str, min_sentence_chars: int = 40, max_chars: int = 1500) -> Optional[str]:
    """'cookie-consent and subscription text' when that is all a text of at most `max_chars` holds, else None."""
    if len(text) > max_chars:
        return None  # a banner or a paywall box is short; a long text is judged by the line cleaner alone
    gate = False
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        verdict = _gate_line(line, min_sentence_chars)
        if verdict is None:
            return None  # a line that is not chrome: there is an article
        gate = gate or verdict
    return "cookie-consent and subscription text" if gate else None
