"""Features of one line: photo credits, and the chrome judgement (one cue for a short line, cues that
agree for a sentence; the cue strings never hide a pattern)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.chrome import _CHROME as CHROME_PATTERNS
from newsprism.clean.chrome import chrome_hits, chrome_reason, is_photo_credit


def test_photo_credit_shapes():
    assert is_photo_credit("Photo: Harbour Office")
    assert is_photo_credit("Images source: © Agency Images | A. Photographer")
    assert is_photo_credit("Getty Images")
    assert not is_photo_credit("The photographer said the images showed the damage clearly.")


# -- the chrome judgement on single lines -----------------------------------------------------------

def test_chrome_reason_for_short_lines_needs_one_cue():
    assert chrome_reason("Follow us on Instagram", 40) == "boilerplate: social follow"
    assert chrome_reason("Most read", 40) == "boilerplate: trending"
    assert chrome_reason("We use cookies", 40) == "boilerplate: cookies"
    assert chrome_reason("The Minister Responds", 40) is None


def test_chrome_reason_for_sentences_needs_cues_that_agree():
    assert chrome_reason("Please leave a comment in the box below and tell us what you think.", 40) is not None
    assert chrome_reason("Please note that the ministry declined to comment on the report.", 40) is None
    assert chrome_reason("The company said it would share the results with regulators next week.", 40) is None
    assert chrome_reason('"Follow us on this path and you will see," the general told the troops.', 40) is None


_CHROME_BITS = ("Share", "share this story", "shares rose", "Subscribe", "subscription", "Follow us", "followed",
                "follow Ana on Twitter", "Like our page", "Comments (4)", "declined to comment", "Newsletter",
                "Sign up", "signed", "Log in", "Click", "Related", "related stories", "Read more", "READ MORE:",
                "See also", "Watch:", "More from", "Most read", "most of", "Editor's picks", "Latest news",
                "Advertisement", "Ad", "Sponsored", "Story continues below", "Cookies", "Privacy policy",
                "Terms of use", "Skip to content", "Menu", "Top of page", "Back to top", "Home", "Email this",
                "Tags:", "5 min read", "Listen to this article", "©", "(c) 2024", "Copyright", "All rights reserved",
                "Facebook", "Twitter", "X", "WhatsApp", "Donate", "Support our journalism", "Buy a mug today",
                "Contact us", "Email us", "Send us a tip", "Got a tip?", "Feedback", "Download our app",
                "Get the app", "the council", "harbour", "said", "US", "us", "you", "-", ":", "|", "•", ".")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CHROME_BITS), min_size=1, max_size=8), st.booleans())
def test_property_cues_never_hide_a_chrome_pattern(bits, upper):
    # chrome_hits tries a pattern only when one of its cue strings is in the line; the cues must
    # never skip a pattern that would have matched.
    line = " ".join(bits)
    line = line.upper() if upper else line
    assert chrome_hits(line) == [reason for reason, _, _, rx in CHROME_PATTERNS if rx.search(line)]


def test_reprint_notices_and_bare_topic_labels_are_chrome():
    assert chrome_reason("Order Reprints", 40) == "boilerplate: reprints"
    notice = ("This copy is for your personal, non-commercial use only. To order copies for distribution "
              "to your colleagues or clients, visit our licensing partner.")
    assert chrome_reason(notice, 40) == "boilerplate: reprints"
    assert chrome_reason("Tags", 40) == "boilerplate: navigation"
    assert chrome_reason("He ordered reprints of the photograph for the family, his lawyer said.", 40) is None
    assert chrome_reason("The tags were cut from the shirts before the sale, officials said.", 40) is None
