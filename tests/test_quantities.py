"""Figures in a sentence: amount, qualifier, what is counted, and which figures can both be true."""
from __future__ import annotations

from newsprism.extract.quantities import find_quantities
from newsprism.model import FigureValue


def values(nlp, text):
    doc = nlp(text)
    return [q.value() for s in doc.sents for q in find_quantities(s)]


def test_qualifier_and_role_make_the_unit(nlp):
    [v] = values(nlp, "The raid on the border town killed over 1,400 Israelis.")
    assert (v["amount"], v["qualifier"], v["unit"]) == (1400, ">", "israeli killed")
    assert v["text"] == "over 1,400"


def test_casualty_nouns_count_the_nationality_that_died(nlp):
    [v] = values(nlp, "The assault led to more than 1,400 Israeli casualties.")
    assert v["unit"] == "israeli killed" and v["qualifier"] == ">"


def test_at_least_is_a_lower_bound(nlp):
    [v] = values(nlp, "The captives include at least six Russians.")
    assert (v["amount"], v["qualifier"], v["unit"]) == (6, ">=", "russian")


def test_vague_plurals_are_ranges(nlp):
    [v] = values(nlp, "Thousands of people were displaced by the floods in Veloria.")
    assert (v["min"], v["max"], v["unit"]) == (1000, 9999, "people displaced")
    [d] = values(nlp, "Dozens of protesters gathered outside the ministry.")
    assert (d["min"], d["max"]) == (24, 99)


def test_money_percent_and_votes(nlp):
    money, pct = values(nlp, "The bill authorizes $716 billion for defense, up 5% on last year.")
    assert (money["amount"], money["unit"]) == (716_000_000_000, "USD")
    assert (pct["amount"], pct["unit"]) == (5, "percent")
    [votes] = values(nlp, "The measure needed 60 votes in the Senate.")
    assert (votes["amount"], votes["unit"]) == (60, "vote")


def test_nearly_is_below_but_close(nlp):
    [v] = values(nlp, "Nearly 300 civilians were injured in the blast.")
    assert v["qualifier"] == "<" and v["close"] and v["unit"] == "civilian injured"
    lo, hi = FigureValue(**v).interval()
    assert 240 <= lo < hi < 300


def test_dates_years_and_labels_are_not_counts(nlp):
    assert values(nlp, "The riot took place on October 29, 2023 at Gate No. 2 at 3:30 p.m.") == []


def test_sizes_and_ages_are_figures_of_their_noun(nlp):
    size, age = values(nlp, "Boras wants a 10-year deal for the 33-year-old slugger.")
    assert (size["amount"], size["unit"]) == (10, "year deal")
    assert (age["amount"], age["unit"]) == (33, "years old")


def test_an_impossible_bare_age_is_still_read_as_an_age(nlp):
    """'She was 258.' is a typo or a falsehood, and either way the reader must see it next to the others' 85."""
    [age] = values(nlp, "The actress died on Thursday in Fenwick. She was 258.")
    assert (age["amount"], age["unit"]) == (258, "years old")


def test_a_sum_restated_after_or_is_no_range(nlp):
    total, yearly = values(nlp, "Halden offered Mora an eight-year deal worth $184 million or $23 million a season.")[1:]
    assert (total["amount"], yearly["amount"]) == (184_000_000, 23_000_000)
    assert values(nlp, "The storm left 140 or 150 homes without power.") == []   # a range climbs


def test_gauges_and_bits_are_sizes_of_their_noun(nlp):
    [gun] = values(nlp, "He stole a 12-gauge shotgun from the patrol car.")
    assert (gun["amount"], gun["unit"]) == (12, "gauge shotgun")


def test_scores_and_records_are_one_figure_of_two_numbers(nlp):
    win = values(nlp, "In the Harbours' 17-14 victory over Dunmore, Okafor ran for two touchdowns.")[0]
    assert (win["text"], win["score"], win["unit"]) == ("17-14", [17, 14], "score win")
    [record] = values(nlp, "Halden fell to 15-17 after the defeat.")
    assert (record["score"], record["unit"]) == ([15, 17], "score record")
    assert values(nlp, "He served on the council from 1997-2001.") == []
    assert values(nlp, "Temperatures were 20-25 degrees on Monday.") == []    # a range, not a score
    fig = FigureValue(**win)
    assert not fig.compatible(FigureValue(**{**win, "score": [17, 10]})) and fig.compatible(FigureValue(**win))


def test_a_crew_of_nineteen_counts_the_crew_and_lengths_of_time_are_counts(nlp):
    [crew] = values(nlp, "The vessel left port on Saturday with a crew of 19.")
    assert (crew["amount"], crew["unit"]) == (19, "crew")
    [years] = values(nlp, "The fund would remain solvent for the next 75 years, the report said.")
    assert (years["amount"], years["unit"]) == (75, "year")


def test_minutes_and_seconds_of_a_length_are_counts_but_clock_readings_are_not(nlp):
    got = values(nlp, "With no timeouts left, 10 seconds ran off. She returned 12 minutes later with a gun.")
    assert [(v["amount"], v["unit"]) for v in got] == [(10, "second"), (12, "minute")]
    [size] = values(nlp, "By rule a 37 second clock runoff was instituted and the game ended.")
    assert (size["amount"], size["unit"], size["text"]) == (37, "second runoff", "37 second")
    assert values(nlp, "Reid scored with 4 minutes 48 seconds remaining. The quake struck at 09:10 hours.") == []
    assert values(nlp, "Reid scored with one second left in the first half.") == []
    assert values(nlp, "He was hired three years ago.") == []


def test_a_figure_the_parser_left_unattached_counts_the_noun_after_it(nlp):
    # a year-like number ("1007") breaks the parse of "one in every 1007 users"
    [v] = values(nlp, "Analysts estimated that one in every 1007 Windows users had been exposed to the flaw.")
    assert (v["amount"], v["unit"]) == (1007, "user")


def test_a_number_that_ends_a_name_is_no_count(nlp):
    assert values(nlp, "The ferry docked at Pier 3 shortly after dawn with 312 passengers.") == [
        {"amount": 312, "qualifier": None, "unit": "passenger", "text": "312", "noun": "passenger"}]
    # a name's number before a singular noun names the thing ('the Pier 3 terminal')
    assert values(nlp, "They discussed the lease of the Pier 3 terminal to a Kazakh operator.") == []
    # ... and one between a name and the plural it names ('Boeing 737 jets'), or after 'version', counts nothing
    assert values(nlp, "The attacks target Internet Explorer 9 users and Windows 2000 users.") == []
    assert values(nlp, "The carrier grounded its Boeing 737 jets and the patch covers version 5.") == []
    assert values(nlp, "Microsoft lists Internet Explorer 5.01, 6, and 7 as affected software.") == []
    # a place before a count is no name of it
    assert [v["amount"] for v in values(nlp, "In Gaza 30 people were killed.")] == [30]


def test_bare_ages_after_a_name_or_closing_a_sentence(nlp):
    """'Tom Hale, 38, of Troy' and 'He was 95.' are ages; a bare figure elsewhere is not."""
    [hale] = values(nlp, "The gunman, Tom Hale, 38, of Troy, was arrested.")
    assert (hale["amount"], hale["unit"], hale["text"]) == (38, "years old", "38")
    [old] = values(nlp, "He died at home on Sunday. He was 95.")
    assert (old["amount"], old["unit"]) == (95, "years old")
    assert values(nlp, "The final score was 51.") == []


def test_the_age_a_death_came_at_is_no_death_toll(nlp):
    """'dies at 91' gives an age; so do 'at age 85', 'at the age of 85' and 'aged 85'. A toll stays a toll."""
    for text in ("Ardent swimmer Mira Voss dies at 91", "Mira Voss died on Thursday at age 91.",
                 "Mira Voss, who died at the age of 91, swam for Tarvel.", "The swimmer has died, aged 91."):
        assert [(v["amount"], v["unit"]) for v in values(nlp, text)] == [(91, "years old")], text
    [toll] = values(nlp, "At least 12 people died at the scene.")
    assert (toll["amount"], toll["unit"]) == (12, "people killed")
    [reid] = values(nlp, "The singer, aged 33, entered a clinic.")
    assert (reid["amount"], reid["unit"]) == (33, "years old")
    # an age at some earlier act is no age now: it never contests 'a 46-year-old'
    assert all(v["unit"] != "years old" for v in values(nlp, "Ivo Pell moved to Dorn at age 13."))


def test_a_word_that_starts_like_a_month_is_no_date(nlp):
    # "separate", "marines", "mayors" begin like Sept., Mar., May: the figure before them is still a count
    got = values(nlp, "Five marines and 3 mayors met 12 separate delegations in Tarvel on 7 Sept. 2010.")
    assert [(v["amount"], v["unit"]) for v in got] == [(5, "marine"), (3, "mayor"), (12, "delegation")]


def test_a_classifier_noun_counts_what_follows_of(nlp):
    # "31 pieces of apparatus" counts apparatus, as "31 fire apparatus" does in another report
    got = values(nlp, "A total of 31 separate pieces of firefighting apparatus came, and 40 head of cattle died.")
    assert [(v["amount"], v["unit"].split()[0]) for v in got] == [(31, "apparatus"), (40, "cattle")]


def test_the_entity_around_a_token_is_the_one_doc_ents_holds(nlp):
    from newsprism.extract.quantities import _entity_around

    doc = nlp("On 7 October 2023 the Board of Trade met in New York City for three days.")
    assert doc.ents
    for ent in doc.ents:
        assert all((_entity_around(t).start, _entity_around(t).end) == (ent.start, ent.end) for t in ent)


def test_pounds_after_a_weight_or_a_height_weigh_and_otherwise_are_sterling(nlp):
    [w] = values(nlp, "The lineman from Corvale weighed 310 pounds at the combine.")
    assert (w["amount"], w["unit"]) == (310, "pound")
    [h] = values(nlp, "Mara Vell, a 6-foot-4, 240 pounds forward, signed on Monday.")[-1:]
    assert h["unit"] == "pound"
    [m] = values(nlp, "The club paid 40 million pounds for the striker.")
    assert (m["amount"], m["unit"]) == (40_000_000, "GBP")


def test_a_pair_referred_to_is_no_count_but_a_pair_counted_is(nlp):
    assert values(nlp, "The two countries signed the accord in Valdora.") == []
    assert values(nlp, "It is a friendship that binds our two nations.") == []
    [v] = values(nlp, "Two men were arrested in Corvale on Friday.")
    assert v["amount"] == 2
    [w] = values(nlp, "The three suspects were held overnight.")
    assert w["amount"] == 3


def test_one_without_an_act_is_no_count_and_a_vague_scale_is_a_range(nlp):
    assert values(nlp, "In one memo, the minister questioned the deal.") == []
    [killed] = values(nlp, "One person was killed in the blast in Corvale.")
    assert killed["amount"] == 1
    assert values(nlp, "The party filed a multi-million dollar lawsuit.") == []
    [several] = values(nlp, "Several hundred dockworkers gathered outside Gate 2.")
    assert (several.get("amount"), several["min"], several["max"]) == (None, 200, 999)
    [million] = values(nlp, "A million people marched in Valdora.")
    assert million["amount"] == 1_000_000


def test_a_vague_scale_is_quoted_whole_and_read_as_a_range(nlp):
    """'several hundred' is quoted as said and reads as 'hundreds'; 'several trillion' is a figure too."""
    [v] = values(nlp, "Several hundred protesters gathered in Dorn.")
    assert (v["text"], v["min"], v["max"]) == ("Several hundred", 200, 999)
    [v] = values(nlp, "A few thousand people crossed into Tarvel.")
    assert (v["text"], v["min"], v["max"]) == ("A few thousand", 1000, 9999)
    [v] = values(nlp, "The plan would cost several trillion dollars.")
    assert (v["text"], v["unit"], v["min"]) == ("several trillion", "USD", 1e12)


def test_a_house_number_counts_nothing(nlp):
    """'9 Main Street' is where, not how many: an address on its street; the people counted beside it stay a
    count, and so do traders of a street named before them."""
    people, where = values(nlp, "Four people died at 9 Main Street on Sunday.")
    assert (people["text"], people["unit"]) == ("Four", "people killed")
    assert (where["amount"], where["unit"], where["text"]) == (9, "address on main street", "9")
    [v] = values(nlp, "The fire broke out at 1600 Pennsylvania Avenue late on Friday.")
    assert v["unit"] == "address on pennsylvania avenue"
    [v] = values(nlp, "Officers were called to 221 Baker St. in the evening.")
    assert v["unit"] == "address on baker st."
    [v] = values(nlp, "Police said 3 Wall Street traders were arrested.")
    assert (v["amount"], v["unit"]) == (3, "trader arrested")


def test_figures_joined_by_and_count_one_noun_and_share_what_happened(nlp):
    """'two sons, ages 6 and 16' gives two ages (the 16 counted nothing before); 'arrested 12 men and 4 women'
    arrested the women too; a range ('between five and 12 seats') and a vague 'one or two justices' are no figures
    for their second number."""
    ages = [(v["amount"], v["unit"]) for v in values(nlp, "He is also survived by two sons, ages 6 and 16.")]
    assert (6, "age") in ages and (16, "age") in ages
    arrested = [v["unit"] for v in values(nlp, "Police arrested 12 men and 4 women.")]
    assert arrested == ["man arrested", "woman arrested"]
    assert not [v for v in values(nlp, "It projected a pick-up of between five and 12 seats.") if v["amount"] == 12]
    assert not [v for v in values(nlp, "He will choose one or two justices.") if v["amount"] == 2]
