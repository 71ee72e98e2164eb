"""clean_lines: body text stays, page chrome goes with a reason, head lines become metadata."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean.chrome import is_full_sentence
from newsprism.clean.lines import clean_lines
from newsprism.clean.normalize import normalize_text
from newsprism.config import CleanConfig

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
CFG = CleanConfig()


def cleaned(name: str):
    return clean_lines(normalize_text((FIXTURES / name).read_text(encoding="utf-8")), CFG)


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def paragraphs(result) -> list[str]:
    return result.text.split("\n\n")


# -- head of the page ------------------------------------------------------------------------------

def test_wire_story_head_gives_title_byline_and_dateline():
    r = cleaned("wire_story.txt")
    assert r.title == "Harbour strike enters second week as talks stall"
    assert r.author == "Ingrid Solberg and Tomas Reyes"
    assert r.published == "2024-03-12T09:14:00+00:00"
    why = reasons(r)
    assert why["Harbour strike enters second week as talks stall"] == "title"
    assert why["By Ingrid Solberg and Tomas Reyes, Staff Writers"] == "byline"
    assert why["Published March 12, 2024 9:14 AM GMT | Updated March 12, 2024 11:02 AM GMT"] == "dateline"
    assert why["Home › World › Europe"] == "navigation"
    assert why["Skip to main content"].startswith("boilerplate")


def test_standfirst_after_the_title_stays_in_the_body():
    r = cleaned("wire_story.txt")
    assert paragraphs(r)[0] == "Dock workers in Valmora vow to stay out until wages rise"


def test_short_subheadings_and_quotes_in_the_body_are_kept():
    r = cleaned("wire_story.txt")
    assert "Port Authority Responds" in paragraphs(r)
    assert '"We are not going back until the offer is fair," said union leader Marta Kovacs.' in paragraphs(r)


def test_foot_chrome_goes_and_the_copyright_line_names_the_outlet():
    r = cleaned("wire_story.txt")
    why = reasons(r)
    assert why["Advertisement"] == "boilerplate: advertisement"
    assert why["Share this article"] == "boilerplate: share prompt"
    assert why["Facebook Twitter Email"] == "boilerplate: social buttons"
    assert why["Sign up for our morning newsletter"] == "boilerplate: newsletter"
    assert r.outlet == "The Valmora Courier"
    assert "©" not in r.text and "newsletter" not in r.text


def test_section_label_above_the_headline_is_not_the_title():
    r = cleaned("opinion_blog.txt")
    assert r.title == "Why the river tunnel is a bad bet for the city"
    assert reasons(r)["OPINION"] == "section label"


def test_a_date_inside_the_body_is_never_the_publication_date():
    r = cleaned("opinion_blog.txt")
    assert r.published is None and r.author is None and r.outlet is None
    assert "When the council approved the river tunnel on 4 May 2023" in r.text


def test_long_reader_prompt_is_chrome_though_it_is_a_sentence():
    r = cleaned("opinion_blog.txt")
    prompt = "If you enjoyed this article, please share it with your friends and subscribe to our newsletter."
    assert reasons(r)[prompt].startswith("boilerplate")
    assert prompt not in r.text


def test_related_links_and_comment_widgets_at_the_foot_go():
    r = cleaned("opinion_blog.txt")
    why = reasons(r)
    for line in ("Related Articles", "Council votes on budget", "Mayor defends tunnel plan", "12 Comments",
                 "Leave a comment", "Name", "Email"):
        assert line in why, line
    assert r.text.endswith("Their tunnels cost twice the estimate and carried half the traffic.")


def test_short_lines_closing_an_article_stay_until_a_footer_widget_appears():
    text = ("Cup draw made for the last eight\n\n"
            "The quarter-final ties were drawn on Sunday evening at the national stadium.\n\n"
            "Northby v Eastwick\nSouthport Rovers v Westfield\n\n"
            "Share this article\nStriker signs new contract\nCoach leaves after defeat")
    r = clean_lines(text, CFG)
    assert "Northby v Eastwick\n\nSouthport Rovers v Westfield" in r.text
    why = reasons(r)
    assert why["Share this article"] == "boilerplate: share prompt"
    assert why["Striker signs new contract"] == why["Coach leaves after defeat"] == "boilerplate: page tail"


def test_headlines_listed_under_a_related_label_go_until_the_body_resumes():
    text = ("Cup draw made for the last eight\n\n"
            "The quarter-final ties were drawn on Sunday evening at the national stadium.\n\n"
            "Read more\nStriker signs new contract\nCoach leaves after defeat\n\n"
            "The first legs will be played in the second week of March, the league said.")
    r = clean_lines(text, CFG)
    assert reasons(r)["Striker signs new contract"] == "boilerplate: linked headline"
    assert r.text.endswith("The first legs will be played in the second week of March, the league said.")


def test_glued_section_label_gives_the_clean_title():
    text = "SportsUnited sign young striker\nUnited sign young striker\n\nThe club confirmed the transfer on Friday after a medical."
    r = clean_lines(text, CFG)
    assert r.title == "United sign young striker"
    assert reasons(r) == {"SportsUnited sign young striker": "section label glued to title",
                          "United sign young striker": "title"}


def test_a_headline_may_use_a_chrome_word_but_page_furniture_is_not_a_headline():
    body = "\n\nThe company said on Monday that annual profit would be far below forecasts."
    assert clean_lines("Share prices slide after profit warning" + body, CFG).title == \
        "Share prices slide after profit warning"
    r = clean_lines("Sign up for our morning newsletter\nProfit warning hits shares" + body, CFG)
    assert r.title == "Profit warning hits shares"
    assert reasons(r)["Sign up for our morning newsletter"] == "boilerplate: newsletter"


def test_page_opening_with_body_text_has_no_title():
    text = "The council approved the budget on Tuesday after a long debate.\n\nThe vote was close."
    r = clean_lines(text, CFG)
    assert r.title is None and r.removed == []


def test_known_title_is_removed_from_the_head_instead_of_guessing():
    text = "World\nCouncil approves budget\nThe council approved the budget on Tuesday after a long debate."
    r = clean_lines(text, CFG, known_title="Council approves budget")
    assert r.title == "Council approves budget"
    assert reasons(r)["Council approves budget"] == "title"
    assert r.text.endswith("after a long debate.")


# -- bylines, editors, contacts at the foot -------------------------------------------------------

def test_contributor_line_is_the_author_and_editor_is_not():
    r = cleaned("foot_credits.txt")
    why = reasons(r)
    assert r.author == "Priya Natarajan"
    assert why["Priya Natarajan, Contributor"] == "byline"
    assert why["Edited by Owen Blake"] == "editor line"
    assert "Owen Blake" not in (r.author or "")


def test_contact_prompt_with_email_and_phone_is_chrome():
    r = cleaned("foot_credits.txt")
    line = "Have a story we should cover? Email us at tips@example-gazette.org or call 0161 555 0182."
    assert reasons(r)[line].startswith("boilerplate")
    assert r.outlet == "Oakridge Gazette"
    assert r.text.endswith("Residents have raised 18,000 pounds to replace shelving and computers.")


def test_bare_name_beside_the_dateline_is_the_byline():
    r = cleaned("magazine_style.txt")
    assert r.author == "Camille Durand"
    assert r.published == "2023-10-26T17:30:00+01:00"
    assert reasons(r)["Camille Durand"] == "byline"


def test_wire_credit_line_gives_the_reporter_not_the_editor():
    text = ("Overnight trains will run again on the northern line from December, the operator said.\n\n"
            "Reporting by Camille Durand; Editing by Piet Jansen")
    r = clean_lines(text, CFG)
    assert r.author == "Camille Durand"
    assert reasons(r)["Reporting by Camille Durand; Editing by Piet Jansen"] == "byline"


def test_reading_time_tags_and_broadcast_style_image_lines_go():
    why = reasons(cleaned("magazine_style.txt"))
    assert why["5 min read"].startswith("boilerplate")
    assert why["Tags: Rail, Travel, Transport"].startswith("boilerplate")
    assert why["Image source, Rail Press Agency"] == "photo credit"
    assert why["Image caption, A sleeper train waits at the northern terminus"] == "photo caption"


def test_chrome_words_inside_quoted_speech_keep_the_sentence():
    r = cleaned("magazine_style.txt")
    assert '"If you click on the booking page today, you will see the first dates," a spokesperson said.' in r.text


# -- photos and repetition ------------------------------------------------------------------------

def test_caption_repeating_body_goes_and_the_body_copy_stays_in_place():
    r = cleaned("caption_repeat.txt")
    why = reasons(r)
    assert why["Photo: Lina Duarte / Southern Wire"] == "photo credit"
    assert why["A rescue worker carries a child from the rubble in Serrano on Sunday."] == "caption repeats body text"
    assert paragraphs(r)[1] == "A rescue worker carries a child from the rubble in Serrano on Sunday."
    assert why["Updated 3 hours ago"] == "dateline"


def test_repeated_line_is_kept_once():
    r = cleaned("caption_repeat.txt")
    line = "Officials said at least 40 people were still missing and that aftershocks were hampering the search."
    assert r.text.count(line) == 1
    assert reasons(r)[line] == "duplicate line"


def test_caption_repeating_the_title_goes():
    text = ("Ferry service resumes after storm\nPhoto: Harbour Office\nFerry service resumes after storm.\n\n"
            "The first ferry left the harbour at dawn on Monday with 200 passengers on board.")
    r = clean_lines(text, CFG)
    assert reasons(r)["Ferry service resumes after storm."] == "repeats the title"


def test_caption_ending_in_a_credit_goes():
    text = ("Ferry service resumes after storm\n\n"
            "Passengers board the first ferry on Monday (Photo: Harbour Office)\n\n"
            "The first ferry left the harbour at dawn on Monday with 200 passengers on board.")
    r = clean_lines(text, CFG)
    assert reasons(r)["Passengers board the first ferry on Monday (Photo: Harbour Office)"] == "photo caption"



# -- paragraphs ------------------------------------------------------------------------------------

def test_hard_wrapped_lines_stay_in_their_paragraph_even_with_chrome_words():
    r = cleaned("wrapped_plain.txt")
    assert r.author == "Lena Park"
    assert "share the catch unfairly between large trawlers and small boats." in r.text
    assert paragraphs(r)[0].count("\n") == 2
    assert not any(x.reason.startswith("boilerplate") for x in r.removed)


def test_paragraphs_are_separated_by_one_blank_line():
    r = cleaned("wire_story.txt")
    assert "\n\n\n" not in r.text
    assert all(p.strip() == p and p for p in paragraphs(r))



# -- tables, inline links, mastheads --------------------------------------------------------------

def test_table_rows_are_content_not_navigation():
    text = ("Final standings after the regatta\n\n"
            "The harbour club published the final standings of the autumn regatta on Sunday evening.\n\n"
            "| Pos | Crew | Points |\n|---|---|---|\n| 1 | Northwind | 42 |\n| 2 | Sea Lark | 39 |\n\n"
            "The next regatta is planned for the first weekend of May, the club said.")
    r = clean_lines(text, CFG)
    assert "| Pos | Crew | Points |" in r.text and "| 2 | Sea Lark | 39 |" in r.text
    assert "Home › World › Europe" not in r.text


def test_a_related_label_carrying_its_own_link_leaves_the_next_subheading_alone():
    text = ("Making pear jam at home takes an afternoon and a few jars from the cupboard.\n\n"
            "Related post: Pickled beans for the winter\n\n"
            "WHAT YOU NEED\n\n"
            "A large pot, a wooden spoon and six clean jars with new lids are all the equipment required.")
    r = clean_lines(text, CFG)
    assert reasons(r)["Related post: Pickled beans for the winter"] == "boilerplate: related links"
    assert "WHAT YOU NEED" in paragraphs(r)


def test_section_label_over_a_known_title_goes():
    text = ("Economy\n\nFerry line opens to the east\n\n"
            "The new ferry line carried its first 300 passengers across the bay on Tuesday morning.")
    r = clean_lines(text, CFG, known_title="Ferry line opens to the east")
    assert reasons(r) == {"Economy": "section label", "Ferry line opens to the east": "title"}


def test_a_masthead_alone_in_the_foot_names_the_outlet():
    body = "The council approved the harbour budget on Tuesday after a debate lasting four hours."
    r = clean_lines(f"{body}\n\nComments (3)\n\nThe Valmora Gazette\n\nSubscribe to our newsletter", CFG)
    assert r.outlet == "The Valmora Gazette" and reasons(r)["The Valmora Gazette"] == "source line"
    # Title-case headlines listed under a label are links, not the outlet.
    r = clean_lines(f"{body}\n\nMost read\n\nHarbour Strike Enters Second Week\n\nThe Week In Review", CFG)
    assert r.outlet is None


# -- extracted HTML --------------------------------------------------------------------------------

EXTRACTED = ("Ferry timetable changes for the winter\n\n"
             "Photo: Harbour Office / Lena Berg\n\n"
             "The ferry company announced a reduced winter timetable for the island routes on Monday.\n\n"
             "Morning departures\n\n- Leaves at 7:15 from Pier 2\n\n"
             "Evening departures\n\n- Leaves at 7:15 from Pier 2\n\n"
             "Tickets: https://ferries.example/tickets\n\n"
             "Subscribe to our newsletter\n\n"
             "Island Ferries Ltd\n\nPier 2, Valmora harbour")


def test_extracted_html_keeps_its_repeats_links_and_foot():
    r = clean_lines(EXTRACTED, CFG, known_title="Ferry timetable changes for the winter", extracted=True)
    assert r.text.count("- Leaves at 7:15 from Pier 2") == 2  # one list item under each heading
    assert "Tickets: https://ferries.example/tickets" in r.text
    assert r.text.endswith("Island Ferries Ltd\n\nPier 2, Valmora harbour")


def test_extracted_html_still_loses_title_credits_and_prompts():
    why = reasons(clean_lines(EXTRACTED, CFG, known_title="Ferry timetable changes for the winter", extracted=True))
    assert why == {"Ferry timetable changes for the winter": "title",
                   "Photo: Harbour Office / Lena Berg": "photo credit",
                   "Subscribe to our newsletter": "boilerplate: subscribe"}


def test_the_same_lines_as_scraped_text_lose_the_repeat():
    r = clean_lines(EXTRACTED, CFG, known_title="Ferry timetable changes for the winter")
    assert r.text.count("- Leaves at 7:15 from Pier 2") == 1
    assert reasons(r)["- Leaves at 7:15 from Pier 2"] == "duplicate line"


# -- properties ------------------------------------------------------------------------------------

_WORDS = ("council minister river harbour talks budget strike workers officials villagers report agreement "
          "delegation capital weekend morning court ruling election coalition farmers prices bridge "
          # words chrome also uses, in their ordinary sense in body text
          "share comment follow popular page related news story you").split()
_VERBS = "said approved rejected discussed announced delayed reported welcomed criticised examined".split()
_CHROME = ["Share this article", "Subscribe to our newsletter", "Follow us on Twitter", "Related stories",
           "Most popular", "Advertisement", "Comments (4)", "Photo: Agency Images", "Skip to content",
           "Click here for more", "Like our page on Facebook", "© 2024 Some Outlet", "Trending now",
           "Please add a comment in the box below or send an email to our desk.", "Back to top", "Home › News › Local"]


@st.composite
def sentence(draw):
    subject = draw(st.sampled_from(_WORDS)).capitalize()
    verb = draw(st.sampled_from(_VERBS))
    rest = draw(st.lists(st.sampled_from(_WORDS + ["the", "of", "on", "in", "and", "with", "after"]),
                         min_size=5, max_size=14))
    end = draw(st.sampled_from([".", "!", "?", '."', ".”"]))
    opener = draw(st.sampled_from(["The", "Local", "Several", "Angry", "Two"]))
    body = f"{opener} {subject.lower()} {verb} the " + " ".join(rest) + end
    if end.endswith(('"', "”")):
        body = ("“" if end.endswith("”") else '"') + body
    return body


@st.composite
def article(draw):
    sentences = draw(st.lists(sentence(), min_size=1, max_size=8))
    chrome = draw(st.lists(st.sampled_from(_CHROME), max_size=8))
    lines = draw(st.permutations(sentences + chrome))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, seps)), sentences


@settings(max_examples=100, deadline=None)
@given(article())
def test_property_full_sentences_of_body_text_are_never_dropped(case):
    text, sentences = case
    r = clean_lines(normalize_text(text), CFG)
    kept = r.text.split("\n")
    for s in sentences:
        assert is_full_sentence(s, CFG.min_sentence_chars)
        assert s in kept or s == r.title, (s, r.removed)


@settings(max_examples=100, deadline=None)
@given(article())
def test_property_every_removed_line_is_a_line_of_the_input(case):
    text, _ = case
    r = clean_lines(normalize_text(text), CFG)
    input_lines = {line.strip() for line in text.split("\n")}
    assert all(x.text in input_lines for x in r.removed)
    assert all(x.reason for x in r.removed)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_property_removed_lines_come_from_the_text_whatever_it_is(text):
    norm = normalize_text(text)
    r = clean_lines(norm, CFG)
    lines = {line.strip() for line in norm.split("\n")}
    assert all(x.text in lines for x in r.removed)
