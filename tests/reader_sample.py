"""A hand-built Analysis as the ledger writes it, for the reader-facing tests: documents with machine ids
and no outlet (one with a web address, one with a long title, one a copy of another), ledger-style
`about` strings, one document's restatements of a figure, a pronoun speaker, a label inside someone
else's quotation, and a storyline that took its event's headline. All wording is invented."""
from __future__ import annotations

from newsprism.model import Analysis

IDS = ("000_9a1c33e07b5d2f41", "001_4be8d0c1a6f7e932", "002_c0ffee12ab34cd56")

# document 0: a web address, no outlet
BAY = ("Port Ellis officials hosted a trade delegation on Tuesday.\n\n"
       "Mayor Ana Pop welcomed the visitors. He said the talks would go on.\n\n"
       "The storm killed at least 12 Valerian sailors, and the coast guard later confirmed that 12 Valerian "
       "sailors died. The council called for the expulsion of the smugglers.\n\n"
       "The ministry said in a statement that the \u201csmuggling cartel\u201d must be stopped.")
# document 1: only a long title
DOCKS = ("The harbour council called for expelling the smugglers on Tuesday. Port Ellis hosted the delegation, "
         "the council said. \u201c\u201cWe will not wait,\u201d said Ion Vale.\n\n"
         "Some 40 ships waited outside the breakwater.")
# document 2: a copy of document 1
COPY = DOCKS

LONG_TITLE = "Harbour council demands the expulsion of smugglers after a week of protests at the docks"


def span(text: str, words: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


def claim(cid: str, doc: int, text: str, words: str, nth: int = 0, **kw) -> dict:
    return {"id": cid, "doc": IDS[doc], **span(text, words, nth), **kw}


def build() -> Analysis:
    kill_slot = {"mods": ["valerian"], "verb": "kill", "pred": "kill"}
    claims = [
        claim("c1", 0, BAY, "Port Ellis officials hosted a trade delegation on Tuesday", predicate="host",
              subject_text="Port Ellis officials", object_text="a trade delegation"),
        claim("c2", 1, DOCKS, "Port Ellis hosted the delegation", predicate="host", subject_text="Port Ellis",
              object_text="the delegation"),
        claim("c3", 0, BAY, "The storm killed at least 12 Valerian sailors", predicate="kill",
              value={"amount": 12, "qualifier": ">=", "unit": "sailor killed", "noun": "sailor", "role": "killed",
                     "text": "at least 12", "slot": kill_slot}),
        claim("c4", 0, BAY, "12 Valerian sailors died", predicate="die",
              value={"amount": 12, "unit": "sailor killed", "noun": "sailor", "role": "killed", "text": "12",
                     "slot": kill_slot}),
        claim("c5", 0, BAY, "The council called for the expulsion of the smugglers", predicate="call for expel",
              subject_text="The council", object_text="the smugglers"),
        claim("c6", 1, DOCKS, "The harbour council called for expelling the smugglers on Tuesday",
              predicate="call for expel", subject_text="The harbour council", object_text="the smugglers"),
        claim("c7", 2, COPY, "The harbour council called for expelling the smugglers on Tuesday",
              predicate="call for expel", subject_text="The harbour council", object_text="the smugglers"),
        claim("c8", 0, BAY, "the talks would go on", predicate="say", attribution_text="He"),
        claim("c9", 1, DOCKS, "\u201c\u201cWe will not wait,\u201d said Ion Vale", predicate="say",
              subject_text="Ion Vale"),
        claim("c10", 1, DOCKS, "Some 40 ships waited outside the breakwater", predicate="wait",
              value={"amount": 40, "qualifier": "~", "unit": "ship", "noun": "ship", "text": "Some 40",
                     "slot": {"verb": "wait", "pred": "wait"}}),
    ]
    docs = [
        {"id": IDS[0], "source": "https://www.bay-gazette.example/harbour/2025/visit", "url":
         "https://www.bay-gazette.example/harbour/2025/visit", "title": "Officials host trade delegation",
         "published": "2025-03-04", "language": "en", "text": BAY},
        {"id": IDS[1], "source": f"uploads/{IDS[1]}.txt", "title": LONG_TITLE, "published": "2025-03-04",
         "language": "en", "text": DOCKS, "near_duplicates": [{"doc": IDS[2], "similarity": 1.0}]},
        {"id": IDS[2], "source": f"uploads/{IDS[2]}.txt", "title": LONG_TITLE, "published": "2025-03-05",
         "language": "en", "text": COPY, "near_duplicates": [{"doc": IDS[1], "similarity": 1.0}]},
    ]
    return Analysis.model_validate({
        "generated": "2025-03-06T00:00:00Z",
        "documents": docs,
        "stories": [
            {"id": "s1", "title": "Officials host trade delegation", "documents": [IDS[0]], "parent": "s3",
             "first_seen": "2025-03-04", "last_seen": "2025-03-04"},
            {"id": "s2", "title": LONG_TITLE, "documents": [IDS[1], IDS[2]], "parent": "s3",
             "first_seen": "2025-03-04", "last_seen": "2025-03-05"},
            {"id": "s3", "title": "Officials host trade delegation", "documents": list(IDS), "parent": None,
             "first_seen": "2025-03-04", "last_seen": "2025-03-05"},
        ],
        "entities": [
            {"id": "e1", "name": "Ana Pop", "type": "PERSON", "documents": [IDS[0]],
             "mentions": [{"doc": IDS[0], **span(BAY, "Ana Pop")}]},
            {"id": "e2", "name": "Port Ellis", "type": "GPE", "documents": [IDS[0], IDS[1]],
             "mentions": [{"doc": IDS[0], **span(BAY, "Port Ellis")}, {"doc": IDS[1], **span(DOCKS, "Port Ellis")}]},
            {"id": "e3", "name": "Ion Vale", "type": "PERSON", "documents": [IDS[1]],
             "mentions": [{"doc": IDS[1], **span(DOCKS, "Ion Vale")}]},
            {"id": "e4", "name": "Harbour Ministry", "type": "ORG", "documents": [IDS[0]],
             "mentions": [{"doc": IDS[0], **span(BAY, "ministry")}]},
        ],
        "claims": claims,
        "facts": [
            {"id": "f1", "about": "Port Ellis host delegation", "verdict": "corroborated",
             "positions": [{"value": "Port Ellis host delegation", "claims": ["c1", "c2"], "documents": [IDS[0], IDS[1]]}],
             "explanation": "2 independent documents state the same.", "claims": ["c1", "c2"]},
            {"id": "f2", "about": "council call for expel smugglers", "verdict": "corroborated",
             "positions": [{"value": "council call for expel smugglers", "claims": ["c5", "c6", "c7"],
                            "documents": list(IDS)}],
             "explanation": "2 independent documents state the same.", "claims": ["c5", "c6", "c7"]},
            {"id": "f3", "about": "Number of sailor killed", "verdict": "single_source",
             "positions": [{"value": "at least 12", "claims": ["c3"], "documents": [IDS[0]], "normalized": 12}],
             "explanation": "Only one document (or copies of it) states this.", "claims": ["c3"]},
            {"id": "f4", "about": "Number of sailor killed", "verdict": "single_source",
             "positions": [{"value": "12", "claims": ["c4"], "documents": [IDS[0]], "normalized": 12}],
             "explanation": "Only one document (or copies of it) states this.", "claims": ["c4"]},
            {"id": "f5", "about": "Number of ship", "verdict": "single_source",
             "positions": [{"value": "Some 40", "claims": ["c10"], "documents": [IDS[1]], "normalized": 40}],
             "explanation": "Only one document (or copies of it) states this.", "claims": ["c10"]},
            {"id": "f6", "about": "Ana Pop say", "verdict": "single_source",
             "positions": [{"value": "Ana Pop say", "claims": ["c8"], "documents": [IDS[0]]}],
             "explanation": "Only one document (or copies of it) states this.", "claims": ["c8"]},
            {"id": "f7", "about": "Ion Vale say", "verdict": "single_source",
             "positions": [{"value": "Ion Vale say", "claims": ["c9"], "documents": [IDS[1]]}],
             "explanation": "Only one document (or copies of it) states this.", "claims": ["c9"]},
        ],
        "framing": [
            {"doc": IDS[0], "genre": "news",
             "actors": [{"name": "smugglers", "labels": ["smuggling cartel"],
                         "label_spans": [{"doc": IDS[0], **span(BAY, "smuggling cartel"), "attributed_to": "e4"}]}],
             "loaded_terms": [{"doc": IDS[0], **span(BAY, "cartel"), "category": "news/label;quoted"}],
             "voices": [{"speaker": "He", "quotes": 1, "spans": [{"doc": IDS[0], **span(BAY, "the talks would go on")}]},
                        {"speaker": "Harbour Ministry", "entity": "e4", "quotes": 1,
                         "spans": [{"doc": IDS[0], **span(BAY, "\u201csmuggling cartel\u201d")}]}]},
            {"doc": IDS[1], "genre": "news",
             "actors": [{"name": "smugglers", "labels": ["smugglers"],
                         "label_spans": [{"doc": IDS[1], **span(DOCKS, "smugglers"), "attributed_to": None}]}],
             "loaded_terms": [], "voices": [{"speaker": "Ion Vale", "entity": "e3", "quotes": 1}]},
        ],
    })
