"""Byline, source-line and masthead parsers: each answers only when the whole line has the shape it knows."""
from __future__ import annotations

import pytest

from newsprism.clean.bylines import masthead_name, parse_byline, parse_outlet_line


@pytest.mark.parametrize("line, author, published", [
    ("By Jane Doe", "Jane Doe", None),
    ("By Jane Doe - March 3, 2024", "Jane Doe", "2024-03-03"),
    ("By News Desk - September 11 2022", "News Desk", "2022-09-11"),
    ("Written by Henrik Larsen", "Henrik Larsen", None),
    ("Author: Sam al-Hakim | March 3, 2024", "Sam al-Hakim", "2024-03-03"),
    ("Priya Natarajan, Contributor", "Priya Natarajan", None),
    ("Jane Doe, Senior Correspondent", "Jane Doe", None),
    ("By Ingrid Solberg and Tomas Reyes, Staff Writers", "Ingrid Solberg and Tomas Reyes", None),
    ("BY JANE DOE AND JOHN ROE", "Jane Doe and John Roe", None),
    ("By Jane Doe, Reuters", "Jane Doe", None),
    ("By Ana de la Cruz in Madrid", "Ana de la Cruz", None),
    ("By Theresa May", "Theresa May", None),
    ("By The Associated Press", "The Associated Press", None),
])
def test_bylines_give_the_author_without_dates_roles_or_outlets(line, author, published):
    byline = parse_byline(line)
    assert byline is not None and byline.author == author and byline.published == published


def test_editor_is_recognised_but_never_the_author():
    byline = parse_byline("Edited by Owen Blake")
    assert byline is not None and byline.kind == "editor" and byline.author is None


@pytest.mark.parametrize("line", [
    "By the end of the week, the talks had stalled.",
    "By contrast",
    "By Monday",
    "Edited by the ministry, the report was published on Monday after weeks of delay.",
    "Follow us on Twitter",
])
def test_sentences_and_prompts_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, outlet", [
    ("© 2024 The Northern Ledger. All rights reserved.", "The Northern Ledger"),
    ("Copyright © 2023 Fjord Post, all rights reserved", "Fjord Post"),
    ("Source: Oakridge Gazette", "Oakridge Gazette"),
    ("Originally published by Harbor Times", "Harbor Times"),
    ("This article was originally published on Harbor Times on May 3.", "Harbor Times"),
])
def test_explicit_source_lines_name_the_outlet(line, outlet):
    assert parse_outlet_line(line) == outlet


@pytest.mark.parametrize("line", [
    "Support The Riverside Bureau. Buy a mug today!",
    "Priya Natarajan, Contributor",
    "The source said the talks would resume.",
])
def test_appeals_and_contributor_lines_do_not_make_an_outlet(line):
    assert parse_outlet_line(line) is None


@pytest.mark.parametrize("line, name", [
    ("The Valmora Gazette", "The Valmora Gazette"),
    ("Harbour Daily", "Harbour Daily"),
    ("Portside Weekly.", "Portside Weekly"),
    ("Ingrid Solberg", None),                          # a person
    ("Harbour Strike Enters Second Week", None),       # a title-case headline
    ("Talks resume at the port press", None),          # lower-case words: a phrase
    ("Daily", None),                                   # one word says too little
    ("Gazette: 3 comments", None),
])
def test_a_masthead_is_capitalised_words_ending_in_a_publication_noun(line, name):
    assert masthead_name(line) == name
