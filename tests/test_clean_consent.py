"""only_chrome: a text that is nothing but a consent banner or a paywall is refused; an article never is."""
import pytest

from newsprism.clean.consent import only_chrome

GATE = "cookie-consent and subscription text"


@pytest.mark.parametrize("text", [
    "We use cookies to improve your experience on our site.\nAccept all\nReject all\nManage preferences",
    "Subscribe\nAlready a subscriber? Sign in",
    "This content is available to subscribers only.\nStart your free trial today for unlimited access.\nLog in",
    "We and our partners use cookies to personalise ads. You can change your choice at any time in the privacy settings.",
])
def test_consent_and_paywall_texts(text):
    assert only_chrome(text) == GATE


@pytest.mark.parametrize("text", [
    "Harbour pilots ended their strike on Friday, the union said.\nSubscribe to our newsletter.",
    "Regulators fined the company over its cookie banners on Monday, saying users could not refuse tracking.",
    "Magazine subscriptions fell by a tenth last year, the publishers' association said on Tuesday.",
    "Share\nComments (4)",  # chrome, but not a gate: the line cleaner's business
    # a report that quotes someone speaking to "you" about signing in is still a report
    "\u201cYou have to sign in every morning,\u201d said the worker, who had been suspended for feuding with "
    "colleagues before he returned to the plant on Friday.",
    "",
])
def test_articles_and_other_texts_are_not_gates(text):
    assert only_chrome(text) is None


def test_a_long_text_is_never_judged_a_gate():
    banner = "We use cookies to improve your experience on our site.\nAccept all\n"
    assert only_chrome(banner * 3) is not None and only_chrome(banner * 40) is None
