"""Claims read from one article: events with their arguments, figures, dates and sources, with exact offsets.

Entities and times come from stand-ins built here (spaCy's own entities; times listed by hand), so these
tests exercise the claim reader alone.
"""
from __future__ import annotations

import pytest

from newsprism.config import Config
from newsprism.extract.claims import component, predicate_class
from newsprism.model import Document, Entity, Mention, Time
from newsprism.records import DocRecord, local_id

TEXT = (
    "Port deal sparks row in Valdora\n"
    "The Merovian delegation, led by deputy trade minister Anton Keller, arrived in Valdora on 3 March. "
    "The visit was condemned by Senator Rosa Imbert. "
    "Keller is heading a delegation of twelve officials. "
    "Councillor Paul Brandt was among those who participated in the talks, as reported by the Harbour Gazette. "
    "According to the port authority, the fire on 5 March destroyed at least 40 containers. "
    "\u201cThe lease was signed in secret,\u201d said a statement from the ministry. "
    "The harbour master reportedly resigned. "
    "Officials said there are no plans to sell the docks."
)
TIMES = {"on 3 March": "2024-03-03", "5 March": "2024-03-05"}


def analyse(nlp, text=TEXT, times=TIMES):
    doc = Document(id="d1", text=text, published="2024-03-07")
    sdoc = nlp(text)
    record = DocRecord(doc="d1", published=doc.published)
    by_name: dict[str, Entity] = {}
    for ent in sdoc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            e = by_name.setdefault(ent.text, Entity(id=local_id("d1", len(by_name)), name=ent.text, type=ent.label_))
            e.mentions.append(Mention(doc="d1", start=ent.start_char, end=ent.end_char, text=ent.text))
    record.entities = list(by_name.values())
    for words, value in times.items():
        at = text.index(words)
        record.times.append(Time(id=f"t{len(record.times) + 1}", doc="d1", start=at, end=at + len(words), text=words,
                                 type="DATE", value=value))
    component(doc, sdoc, record, Config())
    names = {e.id: e.name for e in record.entities}
    return record, names


@pytest.fixture(scope="module")
def claims(nlp):
    return analyse(nlp)


def find(claims, predicate, words):
    record, _ = claims
    return [c for c in record.claims if c.predicate == predicate and words in c.text]


def test_every_claim_quotes_its_text_exactly(claims):
    record, _ = claims
    assert record.claims
    for c in record.claims:
        assert TEXT[c.start:c.end] == c.text and c.doc == "d1" and c.id.startswith("d1#c")


def test_reduced_relative_names_the_leader(claims):
    [lead] = find(claims, "lead", "led by")
    record, names = claims
    assert names[lead.subject] == "Anton Keller"
    assert lead.object_text.startswith("The Merovian delegation")


def test_arrival_is_a_visit_dated_by_its_time_expression(claims):
    [visit] = find(claims, "visit", "arrived")
    assert visit.when == "2024-03-03"


def test_passive_agent_is_the_subject(claims):
    [condemn] = find(claims, "condemn", "condemned")
    record, names = claims
    assert names.get(condemn.subject) == "Rosa Imbert" or "Rosa Imbert" in (condemn.subject_text or "")
    assert condemn.object_text == "The visit"


def test_is_heading_a_delegation_is_lead(claims):
    [lead] = find(claims, "lead", "heading")
    assert lead.object_text.startswith("a delegation")


def test_among_those_who_participated(claims):
    [part] = find(claims, "participate", "among those")
    record, names = claims
    assert "Paul Brandt" in names.get(part.subject, "")
    assert part.attribution_text == "the Harbour Gazette" and part.modality == "reported"


def test_figure_and_event_date_and_sentence_source(claims):
    [fire] = [c for c in claims[0].claims if c.value and c.value.unit.startswith("container")]
    assert (fire.value.amount, fire.value.qualifier) == (40, ">=")
    assert fire.attribution_text == "the port authority" and fire.modality == "reported"
    [dated] = [c for c in claims[0].claims if c.when == "2024-03-05"]
    assert dated.predicate == "disaster"


def test_quoted_statement_keeps_its_source(claims):
    [signed] = [c for c in claims[0].claims if "signed in secret" in c.text and c.predicate != "say"]
    assert signed.attribution_text == "a statement from the ministry"
    assert signed.modality == "reported"


def test_hedge_and_denial(claims):
    [resigned] = [c for c in claims[0].claims if "resigned" in c.text]
    assert resigned.modality == "hedged"
    [plans] = [c for c in claims[0].claims if "no plans" in c.text and c.predicate != "say"]
    assert plans.modality == "denied" and plans.attribution_text == "Officials"


def test_predicate_classes():
    assert predicate_class("arrive") == predicate_class("visit") == "visit"
    assert predicate_class("thank") == "praise"
    assert predicate_class("wander") == "wander"


def test_a_figure_in_an_event_noun_phrase_counts_that_event(nlp):
    """'arrested a woman in the 1967 killings of two workers': the two are the killed, not the arrested."""
    record, _ = analyse(nlp, "Police arrested a woman in the 1967 killings of two workers.", {"1967": "1967"})
    [c] = [c for c in record.claims if c.value and c.value.text.startswith("two")]
    assert c.predicate == "kill" and c.when == "1967"


def test_a_bare_weekday_names_the_day_of_the_act(nlp):
    """An undated report's 'on Wednesday' has no calendar date, yet it says which day the act was."""
    record, _ = analyse(nlp, "Northwind released an emergency patch on Wednesday.", {"Wednesday": "XXXX-WXX-3"})
    [c] = [c for c in record.claims if c.predicate == "release"]
    assert c.when is None and c.time == "t1"


def test_attribution_is_never_dropped(nlp):
    """Whenever a claim is reported, the words of its source are kept."""
    record, _ = analyse(nlp)
    for c in record.claims:
        if c.modality == "reported":
            assert c.attribution and c.attribution_text


def figure_claim(nlp, text, figure):
    record, _ = analyse(nlp, text, {})
    [c] = [c for c in record.claims if c.value and c.value.text.endswith(figure)]
    return c


def test_a_figure_carries_its_slot_from_the_parse(nlp):
    """What the figure is about, read from the parse: verb and its class, the doer, modifiers, prepositions."""
    c = figure_claim(nlp, "Fire crews sent 40 fire trucks to the warehouse blaze.", "40")
    slot = c.value.slot
    assert (slot.verb, slot.pred) == ("send", "send")
    assert slot.subj.lemma == "crew" and c.text[slot.subj.at - c.start:].startswith("crews")
    assert slot.mods == ["fire"] and "to blaze" in slot.preps
    killed = figure_claim(nlp, "Five miners died in the collapse at the Orlen pit.", "Five").value.slot
    assert killed.pred == "die" and "in collapse" in killed.preps


def test_an_age_names_whose_it_is(nlp):
    c = figure_claim(nlp, "The 33-year-old actress Jane Roe was arrested in Fenwick.", "33-year-old")
    assert c.value.unit == "years old" and c.value.slot.owner.lemma == "roe"


def test_a_place_before_the_noun_owns_no_age(nlp):
    c = figure_claim(nlp, "A 61-year-old Toronto man was charged on Saturday.", "61-year-old")
    assert c.value.slot.owner is None


def test_what_a_linking_verb_says_of_its_thing_is_the_slot(nlp):
    """'remain solvent for 75 years' and 'keep the fund solvent for 75 years' are about being solvent."""
    remain = figure_claim(nlp, "The pension fund will remain solvent for the next 75 years, the report said.", "75")
    keep = figure_claim(nlp, "The two changes would keep the pension fund solvent for 75 years.", "75")
    assert remain.value.slot.obj.lemma == keep.value.slot.obj.lemma == "solvent"


def test_a_planned_visit_names_its_visitor_and_is_told_as_coming(nlp):
    """'X is slated to visit Y': X is the visitor (the raised subject), and the visit is still to come."""
    record, names = analyse(nlp, "Officials said President Mara Velt is slated to visit Lisbon shortly. "
                                 "Velt visited Porto in May.", times={})
    planned = next(c for c in record.claims if c.predicate == "visit" and "slated" in c.text)
    done = next(c for c in record.claims if c.predicate == "visit" and "Porto" in c.text)
    assert "Velt" in (names.get(planned.subject) or planned.subject_text or "")
    assert (planned.tense, done.tense) == ("future", "past")


def test_an_age_qualifying_a_name_is_a_claim_of_its_own_and_the_act_stays_an_event(nlp):
    """'Velt, 49, escaped ...': the age is the person's (quoted as the noun phrase), the escape an event."""
    record, names = analyse(nlp, "Ivo Velt, 49, escaped from a prison van in Dorn on Monday.", times={})
    [age] = [c for c in record.claims if c.value is not None]
    assert (age.predicate, age.text, age.value.amount) == ("be", "Ivo Velt, 49", 49)
    [escape] = [c for c in record.claims if c.predicate == "escape"]
    assert escape.value is None and "prison van" in escape.text
    # an age a verb states stays in its clause
    record, _ = analyse(nlp, "Ivo Velt drove the van. He was 49.", times={})
    assert [c.text for c in record.claims if c.value is not None] == ["He was 49"]


def test_an_inverted_judgement_is_no_doer(nlp):
    """'Particularly perturbing was ..., welcoming X': the judgement word parses as the subject, yet nobody
    named 'perturbing' welcomes anyone; the act keeps its object and no doer."""
    record, names = analyse(nlp, "Particularly perturbing was the news about the club's reception last month "
                                 "welcoming the banned coach.", times={})
    welcome = [c for c in record.claims if "welcoming" in c.text]
    assert welcome and all("perturbing" not in (c.subject_text or "") for c in welcome)
    assert any("coach" in (c.object_text or "") for c in welcome)


def test_a_phrasal_verb_is_read_with_its_particle(nlp):
    """'checked herself into a clinic' enters the clinic (the place, not 'herself', is what is entered); 'passed
    away' is a death; 'opened fire on' shoots at whom the preposition names."""
    record, _ = analyse(nlp, "Singer Ana Roth checked herself into the Larch Clinic on Monday. "
                             "Her uncle passed away last year. A gunman opened fire on commuters in Dorn.", times={})
    by_pred = {c.predicate: c for c in record.claims}
    assert "Larch Clinic" in (by_pred["enter"].object_text or "")
    assert "passed away" in by_pred["die"].text
    assert by_pred["shoot"].object_text.startswith("commuters")
    record, _ = analyse(nlp, "The dockers said they would keep up their weekly protests.", times={})
    assert [c.object_text for c in record.claims if c.predicate == "continue"] == ["their weekly protests"]
    record, _ = analyse(nlp, "The firm rushed out a patch on Friday. Vera Lind set a record in the relay. "
                             "The coach was relieved of his duties.", times={})
    assert {c.predicate for c in record.claims} >= {"release", "break", "fire"}
    # the parser may hang 'of' on the object: the one relieved stays the one fired; a shooting touched off riots
    record, _ = analyse(nlp, "The team has relieved Maurice Oke of his coaching duties. "
                             "The shooting touched off riots in Dorn.", times={})
    by_pred = {c.predicate: c for c in record.claims}
    assert by_pred["fire"].object_text.startswith("Maurice Oke") and "trigger" in by_pred
    record, _ = analyse(nlp, "Lena Ivo eclipsed the school scoring record. Tom Hart defended his title in Dorn. "
                             "The update closes a hole in the browser. The judge handed Pell a life sentence.",
                        times={})
    assert {c.predicate for c in record.claims} >= {"break", "retain", "fix", "sentence"}


def test_an_act_that_took_a_life_is_a_killing(nlp):
    """'fatally injured', 'mortally wounded', 'stabbed to death', 'shot dead' tell a killing; 'froze to death', done
    to no one, a death; 'found dead' and 'sentenced to death' are neither."""
    record, _ = analyse(nlp, "A van fatally injured a cyclist in Dorn. Pell stabbed his neighbour to death. "
                             "Police shot dead a gunman. A guard was mortally wounded.", times={})
    kills = [c for c in record.claims if c.predicate == "kill"]
    assert [c.object_text for c in kills] == ["a cyclist in Dorn", "his neighbour", "a gunman", "A guard"]
    record, _ = analyse(nlp, "Two climbers froze to death. A hiker was found dead. Pell was sentenced to death.",
                        times={})
    assert [c.predicate for c in record.claims] == ["die", "find", "sentence"]


def test_a_participle_joined_to_a_passive_is_done_to_its_subject(nlp):
    """'was shot and killed by police': the killing, too, is done to the teenager, by the police."""
    record, _ = analyse(nlp, "A teenager was shot and killed by police in Dorn. Ivo Pell was arrested and charged.",
                        times={})
    got = {(c.predicate, c.subject_text, c.object_text) for c in record.claims}
    assert ("kill", "police in Dorn", "A teenager") in got and ("charge", None, "Ivo Pell") in got


def test_heading_somewhere_is_travel_and_a_title_among_others_is_still_defended(nlp):
    """'headed to a clinic' is no leading of it ('headed the delegation' is); 'defended the WBA, WBO and IBF
    titles' keeps them as 'defended his title' does; 'pushed out a patch' releases it; a fire 'ripped through' a
    church, as one that 'gutted' or 'badly damaged' it, destroyed some of it."""
    record, _ = analyse(nlp, "The singer headed to a clinic in Dorn. Ana Roth headed the delegation. "
                             "Tom Hart successfully defended the WBA, WBO and IBF titles.", times={})
    assert [c.predicate for c in record.claims] == ["visit", "lead", "retain"]
    record, _ = analyse(nlp, "The firm will push out a patch. A fire ripped through the church. "
                             "An arsonist badly damaged the hall.", times={})
    assert [c.predicate for c in record.claims] == ["release", "destroy", "destroy"]


def test_a_particle_the_lexicon_does_not_know_makes_another_act(nlp):
    """'took over the port' is no taking of the port, 'called off the strike' no calling: the particle stays in the
    predicate. A particle also settles which phrasal verb it is: 'carried out a raid on the town' is the raid, not
    'carry on'."""
    record, _ = analyse(nlp, "The rebels took over the port. The army took the bridge. "
                             "The union called off the strike. Militants carried out a raid on the town.", times={})
    preds = {c.predicate: c for c in record.claims}
    assert preds["take over"].object_text == "the port" and preds["take"].object_text == "the bridge"
    assert preds["call off"].object_text == "the strike"
    assert preds["attack"].object_text == "the town" and "continue" not in preds



def test_not_going_to_act_is_a_denial_of_the_act(nlp):
    """'is not going to pay': the paying is told as coming and denied (the clause of going stays, for the figures
    its fuller words place; the ledger reads no act in a bare going)."""
    record, _ = analyse(nlp, "Dorn is not going to pay for the new wall.", times={})
    assert [(c.tense, c.modality) for c in record.claims if c.predicate == "pay"] == [("future", "denied")]


def test_a_catenative_verb_tells_the_act_it_governs(nlp):
    """'managed to board' is a boarding, and the verb of managing no claim of its own; 'tried to board' is an
    attempt, which happened, and a boarding told as not yet done."""
    record, _ = analyse(nlp, "Pirates managed to board the tanker. Pirates tried to board the ferry.", times={})
    assert sorted((c.predicate, c.tense) for c in record.claims) == [("board", "future"), ("board", "past"),
                                                                     ("try", "past")]
    assert all(c.subject_text == "Pirates" for c in record.claims)
    # 'continued to shell', 'began to evacuate': the act goes on or begins; continuing is no act of its own
    record, _ = analyse(nlp, "Rebels continued to shell the port. Firefighters began to evacuate the block.", times={})
    assert sorted(c.predicate for c in record.claims) == ["attack", "evacuate"]


def test_a_headline_passive_without_its_was_names_the_one_it_was_done_to(nlp):
    """'Teen killed by police': the teen was killed, the police killed; a whole active clause stays active."""
    record, _ = analyse(nlp, "Teen killed by police in Harlow", {})
    [kill] = [c for c in record.claims if c.predicate == "kill"]
    assert kill.object_text == "Teen" and kill.subject_text.startswith("police")
    record, _ = analyse(nlp, "Local man arrested on suspicion of arson", {})
    [arrest] = [c for c in record.claims if c.predicate == "arrest"]
    assert arrest.subject_text is None and arrest.object_text == "Local man"
    record, _ = analyse(nlp, "Police arrested the man on Sunday.", {})
    [arrest] = [c for c in record.claims if c.predicate == "arrest"]
    assert arrest.subject_text == "Police" and arrest.object_text == "the man"


def test_a_noun_phrase_the_parser_splits_keeps_its_head(nlp):
    """'Toronto Owls goalie Pete Karlsson was suspended': the parser reads the team as a second subject; the goalie
    is the one suspended, and the team is not made the one who suspended him."""
    record, _ = analyse(nlp, "Reports came in.\n\nToronto Owls goalie Pete Karlsson was suspended on Monday.", {})
    [suspend] = [c for c in record.claims if c.predicate == "suspend"]
    assert suspend.subject_text is None and suspend.object_text.endswith("Pete Karlsson")


def test_a_role_names_the_person_it_holds_not_its_possessor_nor_a_later_name(nlp):
    record, names = analyse(nlp, (
        "One senior adviser close to the palace said on Monday that Anton Keller had made no effort. "
        "Anton Keller's top advisers unanimously supported the port deal. "
        "Trade minister Rosa Imbert signed the lease."), {})
    said = next(c for c in record.claims if c.predicate == "say")
    supported = next(c for c in record.claims if c.predicate == "support")
    signed = next(c for c in record.claims if c.text.startswith("Trade minister") or "signed" in c.text)
    assert names.get(said.subject) != "Anton Keller"
    assert names.get(supported.subject) != "Anton Keller"
    assert names.get(signed.subject) == "Rosa Imbert"


def test_an_event_nouns_date_dates_the_verb_only_when_both_name_one_act(nlp):
    record, _ = analyse(nlp, (
        "As part of a tour of Europe in 1961, Anton Keller travelled to Valdora. "
        "Rosa Imbert condemned the raid on 3 March."), {"1961": "1961", "3 March": "2024-03-03"})
    travel = next(c for c in record.claims if c.predicate == "visit")
    condemn = next(c for c in record.claims if c.predicate == "condemn")
    assert travel.when == "1961"
    assert condemn.when != "2024-03-03"


def test_a_role_names_the_first_person_after_it_not_one_in_its_relative_clause(nlp):
    record, names = analyse(nlp, (
        "The mayor welcomed the transport minister, Anton Keller, who signed a memorandum with Rosa Imbert."), {})
    welcomed = next(c for c in record.claims if "welcomed" in c.text)
    assert names.get(welcomed.object) == "Anton Keller"


def test_a_relative_pronoun_done_to_is_the_one_it_stands_for(nlp):
    """'Anton Keller, whom the mayor fired in February': the one fired is Keller, not 'whom'."""
    record, names = analyse(nlp, "The council praised Anton Keller, whom the mayor fired in February.", {})
    fired = next(c for c in record.claims if c.predicate == predicate_class("fire"))
    assert names.get(fired.object) == "Anton Keller" and "whom" not in (fired.object_text or "")
