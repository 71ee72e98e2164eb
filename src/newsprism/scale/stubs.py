"""Which entity stubs each storyline group of the Spark ledger receives: those it can read, found by joins on ids
and name keys instead of every stub of the corpus broadcast to every group.

A group's ledger (`align.facts.align_facts` over one storyline) reads entities two ways:

* by id: the entities its documents' mentions name (the group holds them, with those mentions) and the ones its
  claims name as subject, object or attribution ("wants");
* by name: the leader named in passing of a 'lead' claim ('Minister Nurlan Rakhimov') is looked up among all the
  people of the analysis (`Context.person_index`, through `functional.person_lookups`: the ledger's only such
  lookup). `PersonIndex.candidates` returns a superset of the people `same_person` accepts, by the keys
  `name_index.asked_keys` lists and the ones each person's names are filed under (`filed_keys`).

So a group receives its wants and the people sharing a key with its lookups, as stubs (an entity without
mentions, documents or evidence) in the corpus order: the ledger finds the same entities, hence the same facts.

    stubs (place, id, type, names, stub)            the groups' wants (key, id), lookups' keys (key, k)
    -> mapInPandas: each person's filed keys (id, k)
    -> the distinct surname keys, mapInPandas: `Surnames.near` per partition of them for the lookups' surname
       keys (those alone broadcast: a Jaro-Winkler search has no exact key), (asked, near)
    lookups' keys join filed keys on k -> (key, id); with the wants, join the stubs on id -> (key, place, stub)
    (shuffle joins, hinted: unhinted, Spark broadcast the stubs and the filed keys, a side under 10 MB, to every
    partition)
    -> `scale.corpus` cogroups them with the groups on the key.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..align.facts.functional import person_lookups
from ..align.facts.name_index import PersonIndex, Surnames, asked_keys, filed_keys
from ..model import Analysis, Entity
from .codec import pack

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

STUBS = "place long, id string, type string, names array<string>, stub binary"
FILED = "id string, k string"
NEAR = "asked string, near string"
SHUFFLE = "shuffle_hash"   # a join hint: without one Spark broadcasts a side under 10 MB (AQE at run time), every stub


def stub(e: Entity) -> Entity:
    """An entity without its mentions, documents and evidence: what a group needs of one it does not hold. Unbound:
    a bound copy would pickle the whole analysis with it."""
    s = e.model_copy(update={"mentions": [], "documents": [], "evidence": []})
    s.__pydantic_private__["_analysis"] = None
    return s


def key_text(k: tuple) -> str:
    """A name key as one string to join on: ("t", ("mira", "sand")) -> 't:mira sand' (tokens hold no space)."""
    kind, value = k
    return f"{kind}:{' '.join(value) if kind == 't' else value}"


def wants(part: Analysis) -> set[str]:
    """The entities a group reads by id: its own (with its documents' mentions) and those its claims name (a
    claim's subject or object is the words where no entity resolves: the join on ids drops them)."""
    return {e.id for e in part.entities} | {r for c in part.claims for r in (c.subject, c.object, c.attribution) if r}


def lookup_keys(part: Analysis) -> tuple[set[str], set[str]]:
    """The exact name keys (as `key_text`) and the surname keys the group's person lookups ask for."""
    exact: set[str] = set()
    surnames: set[str] = set()
    for name in person_lookups(part.claims):
        ks, ss = asked_keys(name)
        exact |= {key_text(k) for k in ks}
        surnames |= {s for s in ss if s}
    return exact, surnames


def needed(part: Analysis, ids: set[str], people: PersonIndex) -> set[str]:
    """What `stubs_by_group` gives a group, on one machine: its wants that are entities (`ids`: every entity of the
    analysis) and the candidates of its lookups among `people` (every person of the analysis, by `names_of`)."""
    return (wants(part) & ids) | {e for n in person_lookups(part.claims) for e in people.candidates(n)}


def _filed(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
    import pandas as pd

    for batch in batches:
        people = zip(batch["id"], batch["type"], batch["names"], strict=True)
        rows = {(ref, key_text(k)) for ref, kind, aliases in people if kind == "PERSON"
                for n in aliases for k in filed_keys(n)}
        yield pd.DataFrame(sorted(rows), columns=["id", "k"])


def _near(asked: list[str]):
    def run(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        keys = [k for batch in batches for k in batch["s"]]
        index, present = Surnames(keys), set(keys)
        yield pd.DataFrame([(a, s) for a in asked for s in sorted(index.near(a) & present)],
                           columns=["asked", "near"])
    return run


def stubs_by_group(spark: "SparkSession", groups: dict[str, Analysis], analysis: Analysis) -> "DataFrame":
    """(key, place, stub): the stubs each group needs (`needed`), each with its place in the corpus order."""
    from pyspark.sql import functions as F

    entities = [(k, e.id, e.type, sorted({e.name, *e.aliases}), pack(stub(e))) for k, e in enumerate(analysis.entities)]
    stubs = spark.createDataFrame(entities, STUBS)
    wanted = spark.createDataFrame([(key, ref) for key, part in groups.items() for ref in sorted(wants(part))],
                                   "key string, id string")
    exact, surnames = [], []
    for key, part in groups.items():
        ks, ss = lookup_keys(part)
        exact += [(key, k) for k in sorted(ks)]
        surnames += [(key, s) for s in sorted(ss)]
    if exact or surnames:
        filed = stubs.filter(F.col("type") == "PERSON").select("id", "type", "names").mapInPandas(_filed, FILED)
        asked = spark.createDataFrame(exact, "key string, k string")
        if surnames:
            distinct = sorted({s for _, s in surnames})
            near = (filed.filter(F.col("k").startswith("s:")).select(F.substring("k", 3, 1 << 20).alias("s"))
                    .distinct().mapInPandas(_near(distinct), NEAR))
            by_surname = (spark.createDataFrame(surnames, "key string, asked string").join(near.hint(SHUFFLE), "asked")
                          .select("key", F.concat(F.lit("s:"), F.col("near")).alias("k")))
            asked = asked.unionByName(by_surname)
        wanted = wanted.unionByName(asked.join(filed.hint(SHUFFLE), "k").select("key", "id"))
    return wanted.distinct().join(stubs.hint(SHUFFLE), "id").select("key", "place", "stub")
