"""The fact ledger on small multi-outlet fixtures: every verdict, and compatible values that never contest.

Claims are written here directly (as the claim reader would give them), so these tests need no parse.
"""
from __future__ import annotations

from typing import Optional

from newsprism.align.facts import align_facts
from newsprism.config import Config
from newsprism.model import Analysis, Claim, Document, Entity, Mention, NearDuplicate, Story, Time

CFG = Config()


class Corpus:
    """Builds documents, entities, claims and times that point at exact offsets."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.claims: list[Claim] = []
        self.times: list[Time] = []
        self.entities: dict[str, Entity] = {}
        self.dups: dict[str, list[str]] = {}

    def entity(self, eid: str, name: str, type_: str = "PERSON") -> str:
        self.entities.setdefault(eid, Entity(id=eid, name=name, type=type_))
        return eid

    def claim(self, doc: str, text: str, **fields) -> Claim:
        body = self.texts.get(doc, "")
        start = len(body) + (1 if body else 0)
        self.texts[doc] = (body + " " if body else "") + text
        c = Claim(id=f"c{len(self.claims) + 1}", doc=doc, start=start, end=start + len(text), text=text, **fields)
        self.claims.append(c)
        for ref, words in ((fields.get("subject"), fields.get("subject_text")), (fields.get("object"), fields.get("object_text"))):
            if ref in self.entities and words and words in text:
                at = start + text.index(words)
                self.entities[ref].mentions.append(Mention(doc=doc, start=at, end=at + len(words), text=words))
        return c

    def mention(self, doc: str, words: str, ref: str) -> None:
        """The entity `ref` named by the last occurrence of these words in `doc` (a place, a venue)."""
        at = self.texts[doc].rindex(words)
        self.entities[ref].mentions.append(Mention(doc=doc, start=at, end=at + len(words), text=words))

    def time(self, doc: str, words: str, value: str) -> None:
        """A time expression in the last claim of `doc` that holds these words, and that dates the claim."""
        body = self.texts[doc]
        at = body.rindex(words)
        tid = f"t{len(self.times) + 1}"
        self.times.append(Time(id=tid, doc=doc, start=at, end=at + len(words), text=words, value=value))
        dated = [c for c in self.claims if c.doc == doc and c.start <= at < c.end]
        if dated and dated[-1].when:
            dated[-1].time = tid

    def analysis(self, published: str = "2024-03-07", stories: Optional[list[Story]] = None) -> Analysis:
        docs = [Document(id=d, text=t, published=published,
                         near_duplicates=[NearDuplicate(doc=o, similarity=0.95) for o in self.dups.get(d, [])])
                for d, t in sorted(self.texts.items())]
        return Analysis(documents=docs, entities=list(self.entities.values()), claims=self.claims, times=self.times,
                        stories=stories or [Story(id="s1", documents=sorted(self.texts))])


def killed(v, q=None, text=None):
    return {"amount": v, "qualifier": q, "unit": "villager killed", "text": text or str(v)}


def facts_of(corpus):
    a = corpus.analysis()
    return align_facts(a, CFG)


def verdicts(facts, about_part):
    return [f.verdict for f in facts if about_part in f.about]


def test_same_bound_said_three_ways_is_agreement_never_a_dispute():
    c = Corpus()
    c.claim("a", "The raid killed over 1,400 villagers in Dorn.", predicate="kill", value=killed(1400, ">", "over 1,400"))
    c.claim("b", "More than 1,400 villagers were killed in the raid on Dorn.", predicate="kill",
            value=killed(1400, ">", "More than 1,400"))
    c.claim("c", "The raid on Dorn killed at least 1,400 villagers.", predicate="kill", value=killed(1400, ">=", "at least 1,400"))
    facts = facts_of(c)
    [fact] = [f for f in facts if "villager killed" in f.about]
    assert fact.verdict == "compatible"
    assert {d for p in fact.positions for d in p.documents} == {"a", "b", "c"}
    assert not [f for f in facts if f.verdict == "contested"]


def test_identical_figures_corroborate():
    c = Corpus()
    c.claim("a", "The raid killed 52 villagers in Dorn.", predicate="kill", value=killed(52))
    c.claim("b", "In Dorn, 52 villagers were killed in the raid.", predicate="kill", value=killed(52))
    [fact] = facts_of(c)
    assert fact.verdict == "corroborated" and fact.positions[0].normalized == 52


def bound_and_figure(unit: str, predicate: str, bound: tuple[str, int, str], figure: tuple[str, int]) -> list:
    """Two outlets: one gives a lower bound (its sentence, the amount, its words), the other an exact figure."""
    c = Corpus()
    said, low, words = bound
    c.claim("a", said, predicate=predicate, value={"amount": low, "qualifier": ">", "text": words, "unit": unit})
    said, amount = figure
    c.claim("b", said, predicate=predicate, value={"amount": amount, "qualifier": None, "text": str(amount),
                                                   "unit": unit})
    return facts_of(c)


def test_bound_and_exact_figure_that_fit_are_compatible():
    facts = bound_and_figure("people hostage", "hold captive",
                             ("Gunmen seized over 200 hostages from the ferry.", 200, "over 200"),
                             ("The gunmen hold 224 people hostage from the ferry.", 224))
    assert verdicts(facts, "hostage") == ["compatible"]


def test_a_bound_far_short_of_a_figure_counts_another_thing():
    """'more than three years' of delays and a sentence of '485 years': both can be true, but a writer with 485 in
    mind would not write 'more than three'; the two are kept apart, neither agreeing nor disputed."""
    facts = bound_and_figure("year", "sentence",
                             ("After more than three years of delays in Dorn, Pell was sentenced.", 3, "more than three"),
                             ("Pell was sentenced in Dorn to 485 years in prison.", 485))
    assert not [f for f in facts if f.about.startswith("Number of year")]


def test_different_exact_figures_for_the_same_count_contest():
    c = Corpus()
    c.claim("a", "The raid on Dorn killed 12 villagers, officials said.", predicate="kill", value=killed(12))
    c.claim("b", "The raid on Dorn killed 19 villagers, officials said.", predicate="kill", value=killed(19))
    c.claim("c", "Officials said the raid on Dorn killed 12 villagers.", predicate="kill", value=killed(12))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    values = {p.normalized: set(p.documents) for p in fact.positions}
    assert values == {12: {"a", "c"}, 19: {"b"}}
    assert "12" in fact.explanation and "19" in fact.explanation


def test_a_document_giving_both_figures_counts_two_things():
    c = Corpus()
    c.claim("a", "The raid on Dorn killed 12 villagers.", predicate="kill", value=killed(12))
    c.claim("a", "The raid on Dorn killed 19 villagers in all.", predicate="kill", value=killed(19))
    c.claim("b", "The raid on Dorn killed 19 villagers.", predicate="kill", value=killed(19))
    assert not [f for f in facts_of(c) if f.verdict == "contested"]


def test_unrelated_clauses_with_the_same_unit_do_not_contest():
    c = Corpus()
    c.claim("a", "The raid on Dorn killed 12 villagers.", predicate="kill", value=killed(12))
    c.claim("b", "Floods last spring in the northern hills killed 300 villagers.", predicate="kill", value=killed(300))
    assert not [f for f in facts_of(c) if f.verdict == "contested"]


def test_near_duplicates_do_not_corroborate_each_other():
    c = Corpus()
    c.claim("a", "The raid killed 52 villagers in Dorn.", predicate="kill", value=killed(52))
    c.claim("b", "The raid killed 52 villagers in Dorn.", predicate="kill", value=killed(52))
    c.dups = {"a": ["b"], "b": ["a"]}
    [fact] = facts_of(c)
    assert fact.verdict == "single_source"


def test_two_leaders_of_one_delegation_contest():
    c = Corpus()
    c.entity("e1", "Anton Keller")
    c.entity("e2", "Mira Sand")
    c.claim("a", "The delegation, led by trade minister Anton Keller", predicate="lead", subject="e1",
            subject_text="Anton Keller", object_text="The delegation")
    c.claim("b", "A delegation from Merovia, led by envoy Mira Sand", predicate="lead", subject="e2",
            subject_text="Mira Sand", object_text="A delegation from Merovia")
    c.claim("c", "The delegation, led by Anton Keller", predicate="lead", subject="e1",
            subject_text="Anton Keller", object_text="The delegation")
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert fact.about == "Who led the delegation"
    assert {p.value: set(p.documents) for p in fact.positions} == {"Anton Keller": {"a", "c"}, "Mira Sand": {"b"}}


def test_meeting_different_people_is_not_a_dispute_nor_one_event():
    """Keller meeting Sand and Keller meeting Brandt are two meetings: neither contested nor one fact."""
    c = Corpus()
    c.entity("e1", "Anton Keller")
    c.entity("e2", "Mira Sand")
    c.entity("e3", "Paul Brandt")
    c.claim("a", "Anton Keller met with Mira Sand.", predicate="meet", subject="e1", subject_text="Anton Keller",
            object="e2", object_text="Mira Sand")
    c.claim("b", "Anton Keller met with Paul Brandt.", predicate="meet", subject="e1", subject_text="Anton Keller",
            object="e3", object_text="Paul Brandt")
    assert facts_of(c) == []
    # the same meeting told by a third document is one event with the first
    c.claim("c", "On Monday Keller met Mira Sand in Lisbon.", predicate="meet", subject="e1", subject_text="Keller",
            object="e2", object_text="Mira Sand")
    facts = facts_of(c)
    assert [(f.verdict, f.about, f.positions[0].documents) for f in facts] == \
        [("corroborated", "Anton Keller meet Mira Sand", ["a", "c"])]


def test_event_dates_that_cannot_both_be_true_contest_and_overlapping_ones_do_not():
    c = Corpus()
    c.claim("a", "the rebels launched an attack on Dorn in September 2023", predicate="attack", when="2023-09")
    c.time("a", "September 2023", "2023-09")
    c.claim("b", "the attack on Dorn on October 7", predicate="attack", when="2023-10-07")
    c.time("b", "October 7", "2023-10-07")
    c.claim("c", "the October 7 attack on Dorn", predicate="attack", when="2023-10-07")
    c.time("c", "October 7", "2023-10-07")
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized: set(p.documents) for p in fact.positions} == {"2023-09": {"a"}, "2023-10-07": {"b", "c"}}

    ok = Corpus()
    ok.claim("a", "the attack on Dorn in October 2023", predicate="attack", when="2023-10")
    ok.time("a", "October 2023", "2023-10")
    ok.claim("b", "the attack on Dorn on October 7", predicate="attack", when="2023-10-07")
    ok.time("b", "October 7", "2023-10-07")
    assert verdicts(facts_of(ok), "attack") == ["compatible"]


def test_relative_dates_never_contest():
    c = Corpus()
    c.claim("a", "the attack on Dorn on Sunday", predicate="attack", when="2023-10-08")
    c.time("a", "on Sunday", "2023-10-08")
    c.claim("b", "the attack on Dorn on October 7", predicate="attack", when="2023-10-07")
    c.time("b", "October 7", "2023-10-07")
    assert not [f for f in facts_of(c) if f.verdict == "contested"]


def test_positions_stay_small_and_facts_are_numbered():
    c = Corpus()
    for k in range(4):
        c.claim("a", f"The raid on Dorn killed 52 villagers ({k}).", predicate="kill", value=killed(52))
    c.claim("b", "The raid on Dorn killed 52 villagers.", predicate="kill", value=killed(52))
    [fact] = facts_of(c)
    assert fact.id == "f1" and fact.story == "s1"
    assert sum(1 for cid in fact.positions[0].claims if cid in {"c1", "c2", "c3", "c4"}) <= 2


def test_one_person_named_with_a_stray_word_in_front_is_one_leader():
    c = Corpus()
    c.entity("e1", "Anton Keller")
    c.entity("e2", "Trade Anton Keller", "ORG")   # a mention read with a title word in front
    c.claim("a", "The delegation, led by Anton Keller", predicate="lead", subject="e1",
            subject_text="Anton Keller", object_text="The delegation")
    c.claim("b", "The delegation, led by Minister of Trade Anton Keller", predicate="lead", subject="e2",
            subject_text="Trade Anton Keller", object_text="The delegation")
    c.claim("c", "A delegation led by Minister Mira Sand", predicate="lead", subject_text="Minister Mira Sand",
            object_text="A delegation")
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert sorted(p.value for p in fact.positions) == ["Anton Keller", "Mira Sand"]
    assert {d for p in fact.positions if p.value == "Anton Keller" for d in p.documents} == {"a", "b"}


def test_the_names_the_ledger_looks_up_among_all_people_are_its_leaders_named_in_passing():
    """`person_lookups`: what a Spark group must be able to find among the people of other storylines."""
    from newsprism.align.facts.functional import person_lookups

    c = Corpus()
    c.entity("e1", "Anton Keller")
    c.claim("a", "The delegation, led by Minister of Transport Nurlan Rakhimov", predicate="lead",
            subject_text="Minister of Transport Nurlan Rakhimov", object_text="The delegation")
    c.claim("a", "The delegation, led by Anton Keller", predicate="lead", subject="e1", subject_text="Anton Keller",
            object_text="The delegation")
    c.claim("b", "A delegation led by the minister", predicate="lead", subject_text="the minister",
            object_text="A delegation")
    c.claim("b", "Mira Sand visited Astana.", predicate="visit", subject_text="Mira Sand", object_text="Astana")
    assert person_lookups(c.claims) == {"Nurlan Rakhimov", "Anton Keller"}    # a superset: Keller is an entity


def test_a_rounded_figure_agrees_with_the_precise_one():
    c = Corpus()
    usd = {"unit": "USD"}
    c.claim("a", "The couple paid $43 million in federal taxes.", predicate="pay",
            value={"amount": 43_000_000, "qualifier": None, "text": "$43 million", **usd})
    c.claim("b", "The couple paid $43,885,310 in federal taxes.", predicate="pay",
            value={"amount": 43_885_310, "qualifier": None, "text": "$43,885,310", **usd})
    assert not [f for f in facts_of(c) if f.verdict == "contested"]


def test_when_talks_began_is_one_date():
    c = Corpus()
    c.claim("a", "Talks on the lease began in March 2024", predicate="begin", subject_text="Talks on the lease",
            when="2024-03")
    c.time("a", "March 2024", "2024-03")
    c.claim("b", "The talks with the operator began in May 2024", predicate="begin",
            subject_text="The talks with the operator", when="2024-05")
    c.time("b", "May 2024", "2024-05")
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized: set(p.documents) for p in fact.positions} == {"2024-03": {"a"}, "2024-05": {"b"}}


def permits(v, slot=None):
    value = {"amount": v, "qualifier": None, "unit": "permit", "text": str(v)}
    return {**value, "slot": slot} if slot else value


def test_figures_worded_apart_line_up_on_their_parse_slot():
    """No clause word in common, but the same verb class, the same doer and the same anchor: one count."""
    slot = {"verb": "grant", "pred": "grant", "subj": {"lemma": "council", "at": 0}, "preps": ["for quarry"]}
    plain = Corpus()
    plain.claim("a", "Councillors granted 12 permits.", predicate="grant", value=permits(12))
    plain.claim("b", "Drilling licences numbering 19 went through.", predicate="grant", value=permits(19))
    assert not [f for f in facts_of(plain) if f.verdict == "contested"]
    parsed = Corpus()
    parsed.claim("a", "Councillors granted 12 permits.", predicate="grant", value=permits(12, slot))
    parsed.claim("b", "Drilling licences numbering 19 went through.", predicate="grant", value=permits(19, slot))
    [fact] = [f for f in facts_of(parsed) if f.verdict == "contested"]
    assert {p.normalized for p in fact.positions} == {12, 19}


def age(v, owner_at=None):
    slot = {"verb": "leave", "pred": "leave"}
    if owner_at is not None:
        slot["owner"] = {"lemma": "reid", "at": owner_at}
    return {"amount": v, "qualifier": None, "unit": "years old", "noun": "age", "text": f"{v}-year-old", "slot": slot}


def test_an_unnamed_age_belongs_to_the_person_the_article_is_about():
    c = Corpus()
    reid = c.entity("e1", "Lana Reid")
    for words in ("Lana Reid entered a clinic.", "Reid thanked her fans.", "Reid will return to Fenwick."):
        c.claim("a", words, predicate="say", subject=reid, subject_text=words.split(" ")[0] if words[0] != "L"
                else "Lana Reid")
    hale = c.entity("e2", "Tom Hale")
    # the name next to the age is her agent's: the age is still hers
    c.claim("a", "The 33-year-old actress left the clinic, her agent Tom Hale said.", predicate="leave",
            object=hale, object_text="Tom Hale", value=age(33))
    body = c.texts.get("b", "")
    c.claim("b", "The 36-year-old Reid left the clinic in Fenwick.", predicate="leave", subject=reid,
            subject_text="Reid", value=age(36, len(body) + len("The 36-year-old ")))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized for p in fact.positions} == {33, 36}


def test_ages_of_two_named_people_never_dispute_through_an_unnamed_one():
    """'Dana Ruiz, 40' and 'Omar Platt, 61' are two people's ages; 'a 61-year-old man' told in words like Ruiz's
    must not make the two one disputed age."""
    def aged(v: int, lemma: Optional[str] = None, at: Optional[int] = None) -> dict:
        slot = {"verb": "shoot", "pred": "shoot"} | ({"owner": {"lemma": lemma, "at": at}} if lemma else {})
        return {"amount": v, "qualifier": None, "unit": "years old", "noun": "age", "text": str(v), "slot": slot}
    c = Corpus()
    ruiz, platt = c.entity("e1", "Dana Ruiz"), c.entity("e2", "Omar Platt")
    c.claim("a", "Dana Ruiz, 40, was shot at the office party on Friday.", predicate="shoot", object=ruiz,
            object_text="Dana Ruiz", value=aged(40, "ruiz", 5))
    c.claim("b", "A 61-year-old man was shot at the office party on Friday.", predicate="shoot",
            object_text="A 61-year-old man", value=aged(61))
    c.claim("c", "Omar Platt, 61, was shot at the office party on Friday.", predicate="shoot", object=platt,
            object_text="Omar Platt", value=aged(61, "platt", 5))
    assert [f for f in facts_of(c) if f.verdict == "contested"] == []


def test_two_named_peoples_same_age_in_one_report_is_not_one_figure():
    """'Dana Ruiz, 23' and 'Omar Platt, 23' in one report are two ages: another report's unnamed '23-year-old'
    must not make them one figure that two outlets agree on."""
    def aged(lemma: Optional[str] = None, at: Optional[int] = None) -> dict:
        slot = {"verb": "cross", "pred": "cross"} | ({"owner": {"lemma": lemma, "at": at}} if lemma else {})
        return {"amount": 23, "qualifier": None, "unit": "years old", "noun": "age", "text": "23", "slot": slot}
    c = Corpus()
    ruiz, platt = c.entity("e1", "Dana Ruiz"), c.entity("e2", "Omar Platt")
    first = c.claim("a", "Dana Ruiz, 23, crossed the border at dawn.", predicate="cross", subject=ruiz,
                    subject_text="Dana Ruiz", value=aged("ruiz", 5))
    start = len(c.texts["a"]) + 1
    second = c.claim("a", "Omar Platt, 23, crossed the border at dawn.", predicate="cross", subject=platt,
                     subject_text="Omar Platt", value=aged("platt", start + 5))
    c.claim("b", "A 23-year-old crossed the border at dawn.", predicate="cross", subject_text="A 23-year-old",
            value=aged())
    ages = [f for f in facts_of(c) if f.about.startswith("Number of years")]
    assert ages and not any({first.id, second.id} <= set(f.claims) for f in ages)


def test_one_speakers_unrelated_statements_are_not_one_fact():
    """'Costa say' groups only statements that say the same thing, not everything Costa said."""
    c = Corpus()
    costa = c.entity("e1", "Ana Costa")
    said = dict(predicate="say", subject=costa, subject_text="Costa")
    c.claim("a", "Costa said the old bridge would reopen to lorries in May.", **said)
    c.claim("b", "Costa said the old bridge would reopen to lorries next spring.", **said)
    c.claim("c", "Costa said tolls on the ring road would stay.", **said)
    [fact] = [f for f in facts_of(c) if f.about == "Ana Costa say"]
    assert fact.verdict == "corroborated"
    assert {d for p in fact.positions for d in p.documents} == {"a", "b"}


def test_a_size_and_a_count_of_the_same_measure_meet():
    """'a 90-day treatment' and '281 days of treatment' measure one thing; a 10-year deal and a 30-year lease do not."""
    c = Corpus()
    c.claim("a", "She began a 90-day treatment in Fenwick.", predicate="begin",
            value={"amount": 90, "qualifier": None, "unit": "day treatment", "noun": "treatment", "text": "90-day"})
    c.claim("b", "The court ordered her to serve 281 days of treatment.", predicate="serve",
            value={"amount": 281, "qualifier": None, "unit": "day", "noun": "day", "text": "281",
                   "slot": {"verb": "serve", "pred": "serve", "preps": ["of treatment"]}})
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized for p in fact.positions} == {90, 281}
    d = Corpus()
    d.claim("a", "Boras wants a 10-year deal for the pitcher.", predicate="want",
            value={"amount": 10, "qualifier": None, "unit": "year deal", "noun": "deal", "text": "10-year"})
    d.claim("b", "The club signed a 30-year lease for the pitch.", predicate="sign",
            value={"amount": 30, "qualifier": None, "unit": "year lease", "noun": "lease", "text": "30-year"})
    assert not [f for f in facts_of(d) if f.verdict == "contested"]


def test_a_bound_never_bridges_two_exact_figures_into_agreement():
    """'at least 10' fits both '10' and '37': it may not make them one cluster, and the dispute stands."""
    c = Corpus()
    c.claim("a", "The quake on Qarn island killed 10 villagers, officials said.", predicate="kill", value=killed(10))
    c.claim("b", "The quake on Qarn island killed at least 10 villagers, officials said.", predicate="kill",
            value=killed(10, ">=", "at least 10"))
    c.claim("c", "The quake on Qarn island killed 37 villagers, officials said.", predicate="kill", value=killed(37))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    by_value = {p.value: set(p.documents) for p in fact.positions}
    assert by_value["37"] == {"c"} and "c" not in by_value.get("10", set())


def test_many_figures_of_one_unit_are_matched_one_to_one_not_lumped():
    """A game report lists many yardages; a changed one contests its own counterpart only, in a small fact."""
    yards = lambda v: {"amount": v, "qualifier": None, "unit": "yard", "text": str(v)}  # noqa: E731
    c = Corpus()
    lines = [("Mora completed 29 of 34 passes for {} yards against Halden.", 364),
             ("Okafor ran for {} yards on 20 carries.", 91),
             ("The Halden defence gave up {} yards in all.", 409),
             ("Tran caught five passes for {} yards in the first half.", 68)]
    for doc, changed in (("a", None), ("b", None), ("c", 364)):
        for line, v in lines:
            shown = v * 3 + 7 if v == changed else v
            c.claim(doc, line.format(shown), predicate="complete", value=yards(shown))
    contested = [f for f in facts_of(c) if f.verdict == "contested"]
    assert len(contested) == 1 and len(contested[0].positions) == 2
    assert {p.normalized: set(p.documents) for p in contested[0].positions} == {364: {"a", "b"}, 1099: {"c"}}


def test_an_approximate_figure_far_from_the_exact_one_contests_on_a_sure_match():
    immigrants = lambda v, q, t: {"amount": v, "qualifier": q, "unit": "immigrant", "text": t}  # noqa: E731
    c = Corpus()
    c.claim("a", "The bill offers a path to legal status for an estimated 11 million undocumented immigrants in the "
            "country.", predicate="offer", value=immigrants(11_000_000, "~", "estimated 11 million"))
    c.claim("b", "The bill offers a path to legal status for 44 million undocumented immigrants in the country.",
            predicate="offer", value=immigrants(44_000_000, None, "44 million"))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.value for p in fact.positions} == {"estimated 11 million", "44 million"}
    near = Corpus()   # 'about 11 million' and '12 million' can both be true: no dispute
    near.claim("a", "The bill offers a path to legal status for about 11 million undocumented immigrants.",
               predicate="offer", value=immigrants(11_000_000, "~", "about 11 million"))
    near.claim("b", "The bill offers a path to legal status for 12 million undocumented immigrants.",
               predicate="offer", value=immigrants(12_000_000, None, "12 million"))
    assert not [f for f in facts_of(near) if f.verdict == "contested"]


def test_a_bare_surname_kept_apart_by_resolution_is_still_the_same_person_here():
    """Cautious resolution may keep 'Gigante' apart from 'Vincent Gigante'; their sentences are one count."""
    sentence = lambda v: {"amount": v, "qualifier": None, "unit": "year sentence", "text": f"{v}-year",  # noqa: E731
                          "noun": "sentence"}
    c = Corpus()
    full, bare = c.entity("e1", "Vincent Gigante"), c.entity("e2", "Gigante")
    c.claim("a", "Vincent Gigante was serving a 12-year sentence for racketeering.", predicate="serve",
            subject=full, subject_text="Vincent Gigante", value=sentence(12))
    c.claim("b", "Gigante was serving a 47-year sentence for racketeering.", predicate="serve",
            subject=bare, subject_text="Gigante", value=sentence(47))
    assert [f.verdict for f in facts_of(c) if "sentence" in f.about] == ["contested"]
    other = Corpus()   # two full names that differ are two people
    m, e = other.entity("e1", "Mario Williams"), other.entity("e2", "Esther Williams")
    other.claim("a", "Mario Williams, 32-year-old, was serving a 12-year sentence.", predicate="serve", subject=m,
                subject_text="Mario Williams", value=sentence(12))
    other.claim("b", "Esther Williams, 91-year-old, was serving a 47-year sentence.", predicate="serve", subject=e,
                subject_text="Esther Williams", value=sentence(47))
    assert "contested" not in [f.verdict for f in facts_of(other)]


def test_a_round_figure_never_bridges_two_precise_ones():
    """'300 yards' may round '329' or '364', not both: the two quarterbacks' figures stay apart."""
    yards = lambda v: {"amount": v, "qualifier": None, "unit": "yard", "text": str(v)}  # noqa: E731
    c = Corpus()
    c.claim("a", "Mora threw for 364 yards against Halden on Sunday.", predicate="throw", value=yards(364))
    c.claim("b", "Mora threw for 300 yards against Halden on Sunday.", predicate="throw", value=yards(300))
    c.claim("c", "Mora threw for 329 yards against Halden on Sunday.", predicate="throw", value=yards(329))
    [fact] = facts_of(c)
    assert fact.verdict == "contested"
    assert {p.value: tuple(p.documents) for p in fact.positions} == {"329 / 300": ("b", "c"), "364": ("a",)}


def test_copies_of_one_report_that_differ_on_a_figure_contest():
    """Near-duplicates never corroborate each other, but a copy with another figure is a discrepancy."""
    c = Corpus()
    c.claim("a", "The raid on Dorn killed 52 villagers, officials said on Monday.", predicate="kill", value=killed(52))
    c.claim("b", "The raid on Dorn killed 25 villagers, officials said on Monday.", predicate="kill", value=killed(25))
    c.dups = {"a": ["b"], "b": ["a"]}
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized for p in fact.positions} == {52, 25}


def test_two_reports_of_one_final_score_that_differ_contest():
    score = lambda a, b: {"amount": a, "qualifier": None, "unit": "score win", "text": f"{a}-{b}",  # noqa: E731
                          "score": [a, b]}
    c = Corpus()
    c.claim("a", "In the Harbours' 17-14 victory over Dunmore, Okafor ran for 63 yards.", predicate="run",
            value=score(17, 14))
    c.claim("b", "In the Harbours' 17-14 victory over Dunmore, Okafor scored twice.", predicate="score",
            value=score(17, 14))
    c.claim("c", "In the Harbours' 17-10 victory over Dunmore, Okafor ran for 63 yards.", predicate="run",
            value=score(17, 10))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.value: set(p.documents) for p in fact.positions} == {"17-14": {"a", "b"}, "17-10": {"c"}}


def test_a_size_is_no_count_of_its_unit_unless_the_thing_sized_is_near_it():
    """'a 41-yard touchdown pass' sizes a pass; '37 yards' on the last drive counts a drive's gain."""
    yard = lambda v, noun=None: {"amount": v, "qualifier": None, "text": f"{v}-yard" if noun else str(v),  # noqa: E731
                                 "unit": f"yard {noun}" if noun else "yard", **({"noun": noun} if noun else {})}
    c = Corpus()
    c.claim("a", "Mora threw a 41-yard touchdown pass to Tran.", predicate="throw", value=yard(41, "pass"))
    c.claim("b", "Tran gained 37 yards on the last drive.", predicate="gain", value=yard(37))
    assert not [f for f in facts_of(c) if f.verdict == "contested"]
    near = Corpus()   # the pass named beside the count: the same thing, and two figures for it contest
    near.claim("a", "Mora threw a 41-yard touchdown pass to Tran.", predicate="throw", value=yard(41, "pass"))
    near.claim("b", "Mora's touchdown pass to Tran covered 37 yards.", predicate="cover", value=yard(37))
    assert [f.verdict for f in facts_of(near)] == ["contested"]


def test_a_part_is_no_rival_of_the_whole_it_is_part_of():
    """'eight of their last 10 games': the eight are a part, so the ten face the other report's figure alone."""
    games = lambda v, t=None: {"amount": v, "qualifier": None, "unit": "game", "text": t or str(v)}  # noqa: E731
    c = Corpus()
    c.claim("a", "The Harriers have lost eight of their last 10 games, and the coach was dismissed on Friday.",
            predicate="lose", value=games(8, "eight"))
    text = "The Harriers have lost eight of their last 10 games, and the coach was dismissed on Friday."
    # the claim reader gives each figure of a sentence its own claim over the same span
    c.claims.append(Claim(id="c2", doc="a", start=0, end=len(text), text=text, predicate="lose", value=games(10)))
    c.claim("b", "The coach was dismissed on Friday after the Harriers lost seven times in their last 31 games.",
            predicate="lose", value=games(31))
    contested = [f for f in facts_of(c) if f.verdict == "contested"]
    assert [{p.normalized for p in f.positions} for f in contested] == [{10, 31}]


def test_a_figure_stated_beside_both_says_they_count_one_thing():
    """'a deal worth $379 million or $23 million per season' / '$184 million, or a $23 million average annual
    value': no word in common, but the $23 million beside both says the two sums are one offer."""
    def usd(v, text):
        return {"amount": v, "qualifier": None, "unit": "USD", "text": text}

    def offer(share: str):
        c = Corpus()
        ta = "The club offered Ruiz a deal worth $379 million or $23 million per season."
        c.claim("a", ta, predicate="offer", value=usd(379e6, "$379 million"))
        c.claims.append(Claim(id="ca2", doc="a", start=0, end=len(ta), text=ta, predicate="offer",
                              value=usd(23e6, "$23 million")))
        tb = f"Sources put it at $184 million, or a {share} average annual value, in the end."
        c.claim("b", tb, predicate="put", value=usd(184e6, "$184 million"))
        c.claims.append(Claim(id="cb2", doc="b", start=len(c.texts["b"]) - len(tb), end=len(c.texts["b"]), text=tb,
                              predicate="put", value=usd(float(share.split()[0].strip("$")) * 1e6, share)))
        return [sorted(p.normalized for p in f.positions) for f in facts_of(c) if f.verdict == "contested"]

    assert offer("$23 million") == [[184e6, 379e6]]
    assert offer("$31 million") == []     # nothing beside them in common: two sums, not one disputed


def test_the_last_games_and_the_next_games_are_two_stretches():
    """'lost six of their last 14 games' / 'won 9 of its next 14 games': one figure, two different stretches;
    'the past 14 games' is the last 14 in other words."""
    def games(v, mods):
        return {"amount": v, "qualifier": None, "unit": "game", "text": str(v), "slot": {"pred": "lose", "mods": mods}}
    c = Corpus()
    c.claim("a", "The Harriers have lost six of their last 14 games before the trade.", predicate="lose",
            value=games(14, ["their", "last"]))
    c.claim("b", "After the trade the Harriers won nine of their next 14 games.", predicate="win",
            value=games(14, ["their", "next"]))
    c.claim("c", "The Harriers lost six of their past 19 games before the trade.", predicate="lose",
            value=games(19, ["their", "past"]))
    contested = [f for f in facts_of(c) if f.verdict == "contested"]
    assert [sorted((p.normalized, tuple(p.documents)) for p in f.positions) for f in contested] == \
        [[(14, ("a",)), (19, ("c",))]]


def test_a_name_beside_a_figure_may_be_someone_else_than_the_clause_is_about():
    """'... lasted 52 games before being replaced by Ford': the games are the one who lasted, not Ford's."""
    games = lambda v, slot=None: {"amount": v, "qualifier": None, "unit": "game", "text": str(v),  # noqa: E731
                                  **({"slot": slot} if slot else {})}
    c = Corpus()
    ayers, ford = c.entity("e1", "Randall Ayers"), c.entity("e2", "Curtis Ford")
    text_a = "Assistant coach Randall Ayers, promoted by the owners in the spring after a long search for a " \
             "successor, lasted 52 games before being replaced by Curtis Ford."
    c.claim("a", text_a, predicate="last", subject=ayers, subject_text="Randall Ayers",
            value=games(52, {"pred": "last", "subj": {"lemma": "Ayers", "at": text_a.index("Randall Ayers")}}))
    c.claim("b", "Randall Ayers was fired 163 games into the season, when Curtis Ford replaced him on the bench.",
            predicate="fire", subject=ayers, subject_text="Randall Ayers", value=games(163))
    c.entities[ford].mentions.append(Mention(doc="a", start=text_a.index("Curtis Ford"),
                                             end=text_a.index("Curtis Ford") + len("Curtis Ford"), text="Curtis Ford"))
    assert [{p.normalized for p in f.positions} for f in facts_of(c) if f.verdict == "contested"] == [{52, 163}]


def test_reports_that_share_no_figure_may_be_two_events():
    """Two reports that each give several figures and share none may tell two earthquakes apart: a dispute
    between them needs a surer match than between two reports that repeat some figure."""
    from newsprism.align.facts import context, figure_match, figures

    def fig(v, unit):
        return {"amount": v, "qualifier": None, "unit": unit, "text": str(v)}

    def injured_pair(share: bool, days: tuple[str, str] = ()):
        c = Corpus()
        c.claim("a", "The quake injured 40 people on Friday, officials said.", predicate="injure",
                value=fig(40, "people injured"))
        c.claim("b", "The earthquake injured 80 people on Friday, the agency said.", predicate="injure",
                value=fig(80, "people injured"))
        for doc, (houses, villages, tents) in (("a", (12, 7, 300)), ("b", (25, 3, 300 if share else 90))):
            c.claim(doc, f"It destroyed {houses} houses.", predicate="destroy", value=fig(houses, "house"))
            c.claim(doc, f"Rescuers searched {villages} villages.", predicate="search", value=fig(villages, "village"))
            c.claim(doc, f"Then {tents} tents were sent.", predicate="send", value=fig(tents, "tent"))
        for doc, day in zip("ab", days):
            c.time(doc, "Friday", day)
        a = c.analysis()
        ctx = context.build_context(a, CFG.facts)
        x, y = (figures.figure(ctx, cl) for cl in a.claims[:2])
        return ctx, x, y

    middling = CFG.facts.contest_min + CFG.facts.other_event / 2
    assert figure_match._contests(*injured_pair(share=True), middling)
    assert not figure_match._contests(*injured_pair(share=False), middling)
    assert figure_match._contests(*injured_pair(share=False), CFG.facts.contest_min + CFG.facts.other_event)
    # reports that name one calendar day ("on Friday", both resolved to 2024-03-01) may tell one event even
    # when the one figure they shared is the one they now dispute; an unresolved weekday names no day
    assert figure_match._contests(*injured_pair(share=False, days=("2024-03-01", "2024-03-01TMO")), middling)
    assert not figure_match._contests(*injured_pair(share=False, days=("2024-03-01", "XXXX-WXX-5")), middling)


def test_names_around_a_short_clause_say_what_its_figure_is_about():
    """'It is costing the group $9 million' / 'The flight is going to be $1 million': nothing in common but
    the places the sentence before names in both reports, spelled two ways ('Fort Myers', 'Ft. Myers')."""
    usd = lambda v, t: {"amount": v, "qualifier": None, "unit": "USD", "text": t}  # noqa: E731
    c = Corpus()
    places = {"e1": ("Port Varna", "Pt. Varna"), "e2": ("Mount Tarvel", "Mt. Tarvel"), "e3": ("Fort Ostrov", "Ft. Ostrov")}
    for eid, (name, _) in places.items():
        c.entity(eid, name, "GPE")
    c.texts["a"] = "The advertisement will air in Port Varna, Mount Tarvel and Fort Ostrov next week."
    c.claim("a", "It is costing the Clean Harbours group $9 million.", predicate="cost", value=usd(9e6, "$9 million"))
    c.claim("a", "Separately, the group raised $4 million from donors.", predicate="raise", value=usd(4e6, "$4 million"))
    c.texts["b"] = "The spot runs in Pt. Varna, Mt. Tarvel and Ft. Ostrov from Monday."
    c.claim("b", "The flight is ultimately going to be $1 million, an official said.", predicate="be",
            value=usd(1e6, "$1 million"))
    c.claim("b", "Donors gave the group $4 million.", predicate="give", value=usd(4e6, "$4 million"))
    for doc, text in c.texts.items():
        for eid, forms in places.items():
            name = next(f for f in forms if f in text)
            at = text.index(name)
            c.entities[eid].mentions.append(Mention(doc=doc, start=at, end=at + len(name), text=name))
    assert [{p.normalized for p in f.positions} for f in facts_of(c) if f.verdict == "contested"] == [{9e6, 1e6}]


def test_a_figure_said_to_be_of_a_separate_thing_is_no_telling_of_the_story_s_figure():
    """'launched a separate $1 million radio spot' is not the flight the other report prices at $1 million: the
    flight's cost is contested ($9 million / $1 million), and the separate spot sides with neither."""
    usd = lambda v, t: {"amount": v, "qualifier": None, "unit": "USD", "text": t}  # noqa: E731
    c = Corpus()
    c.claim("a", "The harbour ad flight is costing the Clean Harbours group $9 million.", predicate="cost",
            value=usd(9e6, "$9 million"))
    c.claim("a", "The Clean Harbours group also launched a separate $1 million harbour ad flight on radio.",
            predicate="launch", value=usd(1e6, "$1 million"))
    c.claim("b", "The harbour ad flight is ultimately going to cost the Clean Harbours group $1 million.",
            predicate="cost", value=usd(1e6, "$1 million"))
    [fact] = [f for f in facts_of(c) if f.verdict == "contested"]
    assert {p.normalized: set(p.documents) for p in fact.positions} == {9e6: {"a"}, 1e6: {"b"}}


def rebels_killed(c: Corpus, doc: str, text: str, value=None) -> None:
    rebels = c.entity("e9", "Dorn Front", "ORG")
    c.claim(doc, text, predicate="kill", subject=rebels, subject_text="Dorn Front", object_text="villagers",
            tense="past", value=value)


def test_a_figure_agreed_on_is_told_by_the_event_that_holds_all_its_claims():
    """'killed 12 villagers' twice and 'killed villagers' once are one killing, not a count beside an event."""
    c = Corpus()
    rebels_killed(c, "a", "Dorn Front fighters killed 12 villagers near the dam.", killed(12, text="12"))
    rebels_killed(c, "b", "Dorn Front gunmen killed 12 villagers near the dam.", killed(12, text="12"))
    rebels_killed(c, "c", "Dorn Front fighters killed villagers near the dam.")
    [fact] = [f for f in facts_of(c) if f.verdict != "single_source"]
    assert fact.verdict == "corroborated" and sorted(fact.claims) == ["c1", "c2", "c3"]
    assert not fact.about.startswith("Number of")


def test_a_figure_agreed_on_stays_whole_when_its_event_counts_another_amount_too():
    """An event that also holds '40 villagers' tells two counts: the agreement on 12 stands as its own fact, and
    the event, left with one document, is no fact."""
    c = Corpus()
    rebels_killed(c, "a", "Dorn Front fighters killed 12 villagers near the dam.", killed(12, text="12"))
    rebels_killed(c, "b", "Dorn Front gunmen killed 12 villagers near the dam.", killed(12, text="12"))
    rebels_killed(c, "b", "Last year Dorn Front fighters killed 40 villagers near the dam.", killed(40, text="40"))
    facts = [f for f in facts_of(c) if f.verdict != "single_source"]
    assert [(f.about.startswith("Number of"), f.verdict, sorted(f.claims)) for f in facts] == \
        [(True, "corroborated", ["c1", "c2"])]


def sentencing(serving: tuple[str, ...], c: Optional[Corpus] = None, judge: str = "Rhea Moss",
               convict: str = "Ana Pell", docs: str = "abeg") -> Corpus:
    """Two outlets (`docs` 0, 1): 'Moss sentenced Pell to seven life sentences'; outlets `serving`: 'Pell must serve
    seven life sentences'; two more (`docs` 2, 3) tell the sentencing with no figure."""
    c = c or Corpus()
    n = len(c.entities)
    pell, moss = c.entity(f"e{n + 1}", convict), c.entity(f"e{n + 2}", judge)
    seven = {"amount": 7, "unit": "sentence", "text": "seven"}
    for doc in docs[:2]:
        c.claim(doc, f"{judge} sentenced {convict} to seven life sentences.", predicate="sentence", subject=moss,
                subject_text=judge, object=pell, object_text=convict, tense="past", value=seven)
    for doc in serving:
        c.claim(doc, f"{convict} must serve seven life sentences.", predicate="serve", subject=pell,
                subject_text=convict, tense="present", value=seven)
    for doc in docs[2:]:
        c.claim(doc, f"{judge} sentenced {convict} on Friday.", predicate="sentence", subject=moss,
                subject_text=judge, object=pell, object_text=convict, tense="past")
    return c


def test_an_agreed_figure_names_the_event_its_clauses_tell():
    """The seven sentences stand as their own agreement (three outlets, one telling it as what Pell must serve),
    and name the sentencing as their event: most of their clauses tell it. Where most tell another act, the
    figure names no event."""
    facts = {f.about: f for f in facts_of(sentencing(("d",)))}
    figure, event = facts["Number of sentence"], facts["Rhea Moss sentence Ana Pell"]
    assert figure.verdict == event.verdict == "corroborated" and figure.event == event.id and event.event is None
    assert not set(figure.claims) & set(event.claims)
    facts = {f.about: f for f in facts_of(sentencing(("d", "h", "k")))}
    assert facts["Number of sentence"].event is None and "Rhea Moss sentence Ana Pell" in facts


def test_a_larger_event_keeps_a_clause_of_a_figure_told_across_acts():
    """Seven life sentences, which two outlets give in the sentencing and three in three other acts (what Pell
    serves, faces, received): the sentencing, told by six outlets, keeps its two clauses, and the figure stands on
    the other three. Where the event is told by no more outlets than the figure, the figure stays whole (and an
    agreement is never undone for an event)."""
    def build(docs: str) -> dict:
        c = sentencing((), docs=docs)
        seven = {"amount": 7, "unit": "sentence", "text": "seven"}
        for doc, verb in (("d", "serve"), ("h", "face"), ("k", "receive")):
            c.claim(doc, f"Ana Pell must {verb} seven life sentences.", predicate=verb, subject="e1",
                    subject_text="Ana Pell", tense="present", value=seven)
        return {f.about: f for f in facts_of(c)}

    def docs_of(f) -> set:
        return {d for p in f.positions for d in p.documents}

    facts = build("abegmn")
    assert docs_of(facts["Number of sentence"]) == {"d", "h", "k"}
    assert docs_of(facts["Rhea Moss sentence Ana Pell"]) == set("abegmn")
    facts = build("abeg")
    assert docs_of(facts["Number of sentence"]) == {"a", "b", "d", "h", "k"}


def test_a_position_lists_every_document_that_states_it_though_it_quotes_a_few():
    """Twenty outlets giving one figure: the position quotes what a reader has room for, and names all twenty."""
    c = Corpus()
    docs = [f"d{k:02}" for k in range(20)]
    for doc in docs:
        c.claim(doc, "The raid on the village of Dorn, carried out before dawn by the Front's northern brigades, "
                     "killed 52 villagers.", predicate="kill", value=killed(52))
    [fact] = facts_of(c)
    assert fact.verdict == "corroborated" and fact.positions[0].documents == docs
    assert len(fact.positions[0].claims) < len(docs)


def test_an_event_that_gives_its_tie_back_to_a_figure_is_read_again_from_what_it_keeps():
    """Hart's statement with his 12 aides ties two others that share nothing with each other (the talks, the dam).
    The 12 aides are their own agreement, so that clause goes to the figure; the two left say different things and
    are no fact (before, they stayed one 'Tom Hart say' fact with nothing in common)."""
    c = Corpus()
    hart = c.entity("e1", "Tom Hart")
    aides = {"amount": 12, "unit": "aide", "text": "12"}
    said = {"predicate": "say", "subject": hart, "subject_text": "Tom Hart", "tense": "past"}
    c.claim("a", "Tom Hart said the peace talks would end the border war and that he would tour the Dorn dam "
                 "with 12 aides.", value=aides, **said)
    c.claim("b", "Tom Hart will bring 12 aides on his tour.", predicate="bring", subject=hart, subject_text="Tom Hart",
            tense="future", value=aides)
    c.claim("c", "Tom Hart said the peace talks would end the border war.", **said)
    c.claim("e", "Tom Hart said he would tour the Dorn dam.", **said)
    for doc, verb in (("f", "rain"), ("g", "snow"), ("h", "freeze")):   # the coverage's other reports
        c.claim(doc, f"It will {verb} over the northern hills.", predicate=verb, tense="future")
    facts = [f for f in facts_of(c) if f.verdict != "single_source"]
    assert [(f.about, sorted(f.claims)) for f in facts] == [("Number of aide", ["c1", "c2"])]


def test_two_reports_one_count_each_that_share_only_a_name_in_their_paragraphs_count_two_things():
    """Each report gives one count of years: 'by his side for 19 years' (an adviser to Mr. Olsen speaking) and
    'I ran the city for 12 years' (Olsen speaking) share nothing but Olsen, named outside both clauses: two things.
    Where the one shared is whom the clause is about, told just outside a short clause ('a 14-year-old clerk' hired
    by Olsen / 'when she was 14'), the single counts may be one, and differ."""
    years = lambda v, t: {"amount": v, "qualifier": None, "unit": "year", "noun": "year", "text": t}  # noqa: E731
    c = Corpus()
    olsen = c.entity("e1", "Piet Olsen")
    c.texts["a"] = "Dirk Marr, an adviser to Mr. Olsen, spoke on Monday."
    c.mention("a", "Olsen", olsen)
    c.claim("a", "I have been by his side for 19 years.", predicate="be", value=years(19, "19"))
    c.texts["b"] = "Olsen spoke to donors in Haldern on Friday."
    c.mention("b", "Olsen", olsen)
    c.claim("b", "I had the chance to run the largest city in the state for 12 years.", predicate="run",
            value=years(12, "12"))
    assert not [f for f in facts_of(c) if f.verdict == "contested"]
    aged = lambda v, slot: {"amount": v, "qualifier": None, "unit": "years old", "noun": "age",  # noqa: E731
                            "text": str(v), "slot": slot}
    d = Corpus()
    olsen = d.entity("e1", "Piet Olsen")
    d.texts["a"] = "Piet Olsen hired"
    d.mention("a", "Piet Olsen", olsen)
    d.claim("a", "a 39-year-old clerk", predicate="hire", subject=olsen,
            value=aged(39, {"verb": "hire", "pred": "hire", "subj": {"lemma": "olsen", "at": 0}}))
    d.texts["b"] = "The clerk said Olsen had hired her"
    d.mention("b", "Olsen", olsen)
    d.claim("b", "when she was 14, she told the court", predicate="be",
            value=aged(14, {"verb": "be", "pred": "be", "owner": {"lemma": "olsen", "at": 15}}))
    assert [{p.normalized for p in f.positions} for f in facts_of(d) if f.verdict == "contested"] == [{39, 14}]
