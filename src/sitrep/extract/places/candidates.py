"""Candidates: every mention in an article that may be a place, with its gazetteer entries.

Entities the parser tags as places; entities it mis-tags (PERSON, ORG …) where the syntax, a list
or the gazetteer says "place"; capitalised words in the same contexts; datelines; "Town, State";
Ukrainian and Russian word forms; adjectives of countries; and the streets, buildings and
businesses of sites.py. Resolution is geocoding.py's; the items are assembled in places.py.
docs/gazetteer.md lists the rules.

    >>> [c.name for c in find_candidates(doc, get_gazetteer())]  # doctest: +SKIP
    ['Pokrovsk', 'Donetsk region']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...geo import Entry, Gazetteer, name_key
from ...lexicons import lexicon
from ..base import POSSESSIVE
from .geocoding import Candidate
from .sites import POI_HEADS, institution, poi_run, street_list, venue, with_site_word

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# spaCy's small model tags front-line towns as PERSON or ORG ("Pokrovsk", "Myrnohrad"): these are
# kept only when the gazetteer knows them and the syntax or the rest of the article says "place".
MISLABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
RARE = 3  # a name borne by this many places at most is tried on a mis-tagged entity
LOCATIVE = LEX.words("places/locative")
WEAK_LOCATIVE = {"of", "to", "from", "at", "on"}
# Organisations the small model tags GPE ("Nato" is also a village in the Philippines).
NOT_PLACES = {"nato", "un", "osce", "iaea", "opec", "brics", "g7", "g20", "who", "imf", "interpol"}
# Military commands named like places (sitrep_units reports them).
COMMANDS = (
    "military district",
    "operational command",
    "group of forces",
    "grouping of forces",
    "fleet",
    "flotilla",
)
# News agencies the gazetteer knows as villages ("TASS" is a Tass in Hungary), cited as sources.
NOT_PLACES |= {
    "tass",
    "ria",
    "afp",
    "ap",
    "upi",
    "dpa",
    "efe",
    "ansa",
    "xinhua",
    "interfax",
    "unian",
    "ukrinform",
}
# Words after which "of/to/from/at/on" introduces a place: "outskirts of", "capture of", "road to",
# "fired on", "troops at".
PLACE_HEADS = LEX.words("places/place_heads")
# Adjectives of places that are not countries (countries come from the gazetteer's demonyms).
ADJECTIVE_PLACES = {
    "european": "Europe",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "kurdish": "Kurdistan",
}
TOWNS = {"capital", "city", "town", "village"}
REGION_WORDS = set("county district krai oblast province raion region republic state territory".split())
LEADING = set(
    "central east eastern north northeastern northern northwestern occupied south southeastern southern "
    "southwestern the west western".split()
)
CYRILLIC_MIN = 80
CYRILLIC_COUNTRIES = {"UA", "RU", "BY"}
CYRILLIC_TITLE = re.compile(r"^[А-ЯЄІЇҐ][а-яєіїґ’']{2,}$")


def clean_span(span: SpacySpan, gaz: Gazetteer) -> SpacySpan | None:
    """The toponym inside an entity: without a leading 'the' (or 'eastern' unless the gazetteer
    has the longer name: "North Carolina", "Eastern Ghouta"), a leading owner ("GM’s") and a
    trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in LEADING and end - start > 1:
        if span.doc[start].lower_ != "the" and gaz.lookup(span.doc[start:end].text):
            break
        start += 1
    # A trailing possessive, or a conjunction the tagger took in ("Pishchane and").
    while end > start and (
        span.doc[end - 1].text in POSSESSIVE or span.doc[end - 1].lower_ in {"and", "or", "&", ","}
    ):
        end -= 1
    # "GM’s Bowling Green", "Russia's Belgorod" tagged as one entity: the known place after the owner.
    # Not inside a known name ("Donetsk People's Republic"), nor to leave one ordinary word.
    if not gaz.lookup(span.doc[start:end].text):
        for k in range(start + 1, end - 1):
            rest = span.doc[k + 1 : end]
            if (
                span.doc[k].text in POSSESSIVE
                and (len(rest) > 1 or notable(rest.text, gaz))
                and gaz.lookup(rest.text)
            ):
                start = k + 1
                break
    return span.doc[start:end] if end > start else None


def name_of(span: SpacySpan) -> str:
    text = span.text
    for suffix in POSSESSIVE:
        text = text.removesuffix(suffix)
    return text.strip()


def extend_region(span: SpacySpan, gaz: Gazetteer, *, max_extra: int = 4) -> SpacySpan:
    """The longest known name from the span on: 'Donetsk' + 'region', 'Zaporizhzhia' + 'nuclear
    power plant' (the gazetteer's curated names), up to `max_extra` more words in the sentence."""
    doc, best = span.doc, span
    for end in range(span.end + 1, min(len(doc), span.end + max_extra) + 1):
        if not doc[end - 1].is_alpha or doc[end - 1].is_sent_start:
            break
        if gaz.lookup(doc[span.start : end].text):
            best = doc[span.start : end]
    return best


def after_locative(doc: Doc, i: int) -> bool:
    """The words before token i (skipping 'the') say 'place': 'in', 'near', 'the village of'.

    'of', 'to', 'from' and 'at' alone say little ("the words of Bautista", "said to Davis"):
    they count after a noun of place or of fighting ("outskirts of", "capture of", "road to").
    """
    j = i - 1
    while j >= 0 and doc[j].lower_ in LEADING and i - j <= 2:  # "to the northwestern Verbove"
        j -= 1
    if j < 0:
        return False
    word = doc[j].lower_
    if word in WEAK_LOCATIVE:
        if word == "of" and j > 0 and doc[j - 1].ent_type_ == "PERSON" and doc[j - 1].is_title:
            return True  # "Jodi Mahler of Bellmore": where a person lives, in news style
        if (
            word == "at"
            and j > 0
            and (
                doc[j - 1].ent_type_ in {"ORG", "FAC"}
                or (doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_type_ != "PERSON")
            )
        ):
            return True  # "California State University at San Marcos", "The Shops at Stonewall": a seat
        return j > 0 and doc[j - 1].lemma_.lower() in PLACE_HEADS
    return word in LOCATIVE


def title_run(doc: Doc, i: int, gaz: Gazetteer, *, max_len: int = 4) -> SpacySpan | None:
    """The longest run of capitalised tokens from i (up to max_len) that the gazetteer knows."""
    best = None
    for n in range(1, max_len + 1):
        if i + n > len(doc):
            break
        tok = doc[i + n - 1]
        if not (tok.is_title or (n > 1 and tok.text == "-")) and not (n > 1 and tok.lower_ in REGION_WORDS):
            break
        span = doc[i : i + n]
        if gaz.lookup(span.text):
            best = span
    return best


QUALIFIERS = {"country", "state", "province", "oblast", "nation", "krai", "republic", "territory", "region"}


def qualifier(doc: Doc, end: int, gaz: Gazetteer, of: str) -> tuple[Entry, SpacySpan] | None:
    """The state, region or country written after the name `of`, and where: "Parkland, Florida",
    "Gainesville, Va.", "Tacoma, Washington" (the state, not the capital).

    The commonest way news pins down a town (Associated Press style), and strong evidence that
    the name before the comma is a place, even an ordinary word ("Parkland", "Bowling Green").
    Only when a place of that name lies there: "Brussels, New York, or Beijing" is a list.
    """
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    towns = gaz.lookup(of)
    for n in (3, 2, 1):
        part = doc[end + 1 : end + 1 + n]
        if len(part) < n or not all(t.is_title or t.is_upper for t in part):
            continue
        for e in (*gaz.lookup(part.text), *gaz.lookup(f"{part.text} State")):
            if (
                e.main
                and e.feature in QUALIFIERS
                and (e.id < 0 or e.feature == "country")
                and any(t.cc == e.cc and (e.feature == "country" or t.admin1 == e.admin1) for t in towns)
            ):
                return e, part
    return None


DATELINE_END = {",", "(", "-", "—", "–"}


def dateline(doc: Doc, i: int, *, max_len: int = 3) -> SpacySpan | None:
    """'KYIV, Feb 5 (Reuters)', 'TIJUANA & SAN DIEGO, MARCH 29': an upper-case place name opening
    a line (or joined to one by "&"/"and"), before a comma, a bracket or a dash."""
    tok = doc[i]
    if not (tok.is_upper and tok.is_alpha and len(tok) > 2):
        return None
    before = doc[i - 1] if i else None
    # A line's start, or a sentence's after a headline run into the text ("… Event. IMMOKALEE –").
    at_line_start = before is None or "\n" in before.text_with_ws or before.is_space or tok.is_sent_start
    joined = before is not None and before.text in {"&", "and", "AND"} and i > 1 and doc[i - 2].is_upper
    if not (at_line_start or joined):
        return None
    end = i + 1
    while end < len(doc) and end - i < max_len and doc[end].is_upper and doc[end].is_alpha:
        end += 1
    if end < len(doc) and (doc[end].text in DATELINE_END or doc[end].text in {"&", "and", "AND"}):
        return doc[i:end]
    return None


def cyrillic_entry(word: str, gaz: Gazetteer) -> Entry | None:
    """A Ukrainian or Russian word form ("Львові", "України") to a known town, region or country.

    Case endings change the word's tail (and і/о alternate in Ukrainian), so the candidates are
    the names sharing its first letters, kept when close enough (rapidfuzz) and notable enough
    (a country, a region, or a town of 10,000+) not to be a surname that happens to be a village.
    """
    key = name_key(word)
    if len(key) < 4:
        return None
    best: tuple[float, int, Entry] | None = None
    for name, entry in gaz.prefixed(key[: min(4, len(key) - 1)]):
        if entry.feature != "country" and not (
            entry.cc in CYRILLIC_COUNTRIES and (entry.population >= 10_000 or entry.id < 0)
        ):
            continue
        if abs(len(name) - len(key)) > 3:
            continue
        ratio = fuzz.ratio(key, name)
        if ratio >= CYRILLIC_MIN and (best is None or (ratio, entry.population) > best[:2]):
            best = (ratio, entry.population, entry)
    return best[2] if best else None


def plain_word(word: str, entries: Sequence[Entry], english: frozenset[str] | set[str]) -> bool:
    """An ordinary English word ("Fall", "Price") that only small places are named after."""
    notable = any(e.id < 0 or e.feature == "country" or e.population >= 100_000 for e in entries)
    return word.lower() in english and not notable


def embedded(span: SpacySpan, gaz: Gazetteer) -> SpacySpan | None:
    """A notable place named inside an organisation: "University of Alberta", "U.S. Embassy".

    GeoWebNews annotates these (Embedded_Literal / Embedded_Non_Lit); only countries, curated
    regions and cities of 100,000+ are taken, so that "Wall Street Journal" stays a newspaper.
    """
    toks = list(span)
    claimed: set[int] = set()  # words of a longer known name: "York" inside "New York"
    for n in range(min(3, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            part = span.doc[toks[i].i : toks[i].i + n]
            if not all(t.is_title or t.is_upper for t in part) or part.text.lower() in {"the", "of"}:
                continue
            if any(t.i in claimed for t in part):
                continue
            entries = gaz.lookup(part.text)
            if any(
                e.main and (e.id < 0 or e.feature == "country" or e.population >= 100_000) for e in entries
            ):
                return part
            if entries and n > 1:
                if any(e.population >= 100_000 for e in entries):
                    return part  # a big city's other name: "New York" (New York City's)
                claimed.update(t.i for t in part)
    return None


def notable(word: str, gaz: Gazetteer) -> bool:
    """A country, curated region or city of 500,000+ by its own name ("Kyiv", "Kharkiv"): a place
    even where the parser missed it and no preposition says so ("Kyiv denies …")."""
    return any(
        e.main and (e.feature == "country" or e.id < 0 or e.population >= 500_000) for e in gaz.lookup(word)
    )


def in_list(doc: Doc, i: int, taken: set[int], *, max_items: int = 8) -> bool:
    """Token i is in a list that holds a place: "Hlyboke, Vilkhuvatka, Kozacha Lopan and Zelene".

    Walks back over the capitalised items of the list (names of several words or joined by a
    hyphen, "Kleban-Byk", among them), so that one name the gazetteer lacks ("Vilkhuvatka") does
    not cut the names after it off from the place before it.
    """
    j = i - 1
    for _ in range(max_items):
        k = j
        while k >= 0 and doc[k].text in {",", "and", "or"} and j - k < 2:
            k -= 1
        if k == j or k < 0:
            return False  # no separator: not a list
        # One item: a run of capitalised words and hyphens.
        start = k
        while (
            start >= 0 and k - start < 5 and (doc[start].is_title or (doc[start].text == "-" and start < k))
        ):
            if start in taken:
                return True
            start -= 1
        if start == k:
            return False
        j = start
    return False


def hyphenated_region(doc: Doc, i: int, gaz: Gazetteer) -> SpacySpan | None:
    """The first of two regions sharing a region word: "Dnipropetrovsk" in
    "the Dnipropetrovsk-Zaporizhia Oblast border" is Dnipropetrovsk Oblast."""
    if i + 3 >= len(doc) or doc[i + 1].text not in {"-", "–", "/"} or not doc[i + 2].is_title:
        return None
    word = doc[i + 3] if doc[i + 3].lower_ in REGION_WORDS else None
    if word is None or not gaz.lookup(f"{doc[i + 2].text} {word.text}"):
        return None
    return doc[i : i + 1] if gaz.lookup(f"{doc[i].text} {word.text}") else None


def paired_regions(span: SpacySpan, gaz: Gazetteer) -> tuple[SpacySpan, SpacySpan] | None:
    """The two regions of "Dnipropetrovsk-Zaporizhia Oblast" inside one entity."""
    for tok in span:
        if (
            tok.i + 3 <= span.end and hyphenated_region(span.doc, tok.i, gaz) is not None
        ):  # the region word may follow
            return span.doc[tok.i : tok.i + 1], span.doc[tok.i + 2 : tok.i + 4]
    return None


UNKNOWN_TYPES = {
    "DATE",
    "TIME",
    "NORP",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "LAW",
    "LANGUAGE",
}


def unknown_run(
    doc: Doc, i: int, gaz: Gazetteer, english: frozenset[str], *, max_words: int = 3
) -> SpacySpan | None:
    """A capitalised name from token i the gazetteer lacks: "Prylipka", "Rusyn Yar", "Kleban-Byk".

    Taken only where a list or a locative says "place"; coherence.py keeps it where its clause or
    list places it. Not an ordinary English word, a date, a demonym or a run of English words.
    """
    end, words = i, 0
    while end < len(doc) and words < max_words:
        tok = doc[end]
        if tok.is_title and tok.is_alpha and (end == i or not tok.is_sent_start):
            words += 1
            end += 1
            if end + 1 < len(doc) and doc[end].text in {"-", "‑"} and doc[end + 1].is_title:
                end += 1  # "Kleban-Byk": one name across a hyphen
                continue
            continue
        break
    if end > i and doc[end - 1].text in {"-", "‑"}:
        end -= 1
    if end == i:
        return None
    span = doc[i:end]
    alpha = [t for t in span if t.is_alpha]
    if any(t.ent_type_ in UNKNOWN_TYPES or gaz.demonym(t.text) for t in alpha):
        return None
    if all(t.lower_ in english for t in alpha):
        return None  # "Strikes", "Home Office": words, not names
    if (
        len(alpha) > 1
        and alpha[0].ent_type_ == "PERSON"
        and (alpha[0].lower_ in english or named_alone(doc, alpha[-1]))
    ):
        return None  # "Mark Zuckerberg", "Mike Tyson": a given name that is a word, or a surname used alone
    if gaz.lookup(span.text):
        return None
    return span


ECHELONS = LEX.words("units/echelons")


def names_formation(doc: Doc, end: int) -> bool:
    """The words after token `end` make the name a formation's: "Moscow Military District",
    "LNR Army Corps", "Kharkiv Operational Command" (echelons from the units lexicon)."""
    if end >= len(doc) or not doc[end].is_title:
        return False
    after = " ".join(t.lower_ for t in doc[end : end + 4] if not t.is_punct)
    if any(after.startswith(c) for c in COMMANDS):
        return True
    words = after.split()
    return (
        bool(words)
        and end < len(doc)
        and doc[end].is_title
        and (
            words[0] in ECHELONS
            or (
                len(words) > 1
                and words[0] in {"combined", "guards", "tank"}
                and words[1] in ECHELONS | {"arms", "tank"}
            )
        )
    )


SPLITTERS = {",", "and", "or", "near", "in", "toward", "towards", "between", "&"}


def listed_parts(ent: SpacySpan, gaz: Gazetteer | None = None) -> list[SpacySpan]:
    """An entity the tagger ran across a list or a clause ("Zelene and Sereda", "Novopavlivka near
    Dachne"), cut into its names; a place's own name ("Bosnia and Herzegovina") stays whole.

    A place entity is cut only where the gazetteer lacks it whole and knows its first part
    ("Pryluky and Zelene" tagged GPE): one place is one item.
    """
    if not any(t.lower_ in SPLITTERS for t in ent[1:-1]):
        return [ent]
    if ent.label_ in PLACE_LABELS:
        first = next((t for t in ent if t.lower_ in SPLITTERS), None)
        if gaz is None or first is None or gaz.lookup(name_of(ent)):
            return [ent]
        if not gaz.lookup(ent.doc[ent.start : first.i].text):
            return [ent]
    parts, start = [], ent.start
    for t in ent:
        if t.lower_ in SPLITTERS:
            if t.i > start:
                parts.append(SpacySpan(ent.doc, start, t.i, label=ent.label_))
            start = t.i + 1
    if start < ent.end:
        parts.append(SpacySpan(ent.doc, start, ent.end, label=ent.label_))
    return [p for p in parts if p[0].is_title]


def named_alone(doc: Doc, token: Token) -> bool:
    """The word is a person's name alone elsewhere in the article ("… Zuckerberg said")."""
    return any(
        ent.label_ == "PERSON" and len(ent) == 1 and ent.start != token.i and ent.text == token.text
        for ent in doc.ents
    )


def find_candidates(doc: Doc, gaz: Gazetteer, english: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every mention that may be a place, in text order, with its gazetteer entries (docs/gazetteer.md)."""
    taken: set[int] = set()
    found: list[Candidate] = []
    qualifiers: dict[int, tuple[Entry, SpacySpan]] = {}  # by first token: "Va." in "Gainesville, Va."

    def add(
        span: SpacySpan, from_ner: bool, *, site: bool = False, entries: tuple[Entry, ...] | None = None
    ) -> Candidate | None:
        """Take the span as a candidate unless it overlaps one; `entries` given: don't look it up."""
        if any(i in taken for i in range(span.start, span.end)):
            return None
        name = name_of(span)
        if len(name) < 2 or not any(c.isalpha() for c in name) or "\n" in name or name.lower() in NOT_PLACES:
            return None
        if name.lower().endswith(COMMANDS) or names_formation(doc, span.end):
            # "the Southern Military District", "the Black Sea Fleet", "Moscow Military District",
            # "2nd LNR Army Corps": commands and formations (sitrep_units), not places.
            return None
        looked_up = entries is None
        entries = gaz.lookup(name) if entries is None else entries
        qualified = qualifier(doc, span.end, gaz, name)
        within = qualified[0] if qualified else None
        if qualified:
            qualifiers[qualified[1].start] = qualified
        if from_ner and len(span) == 1 and plain_word(name, entries, english) and within is None:
            return None  # "East", "West", "Centre" tagged GPE: ordinary words naming only small places
        if (
            len(span) == 1
            and not site
            and span.start > 0
            and doc[span.start - 1].lower_ == "the"
            and not (span.end < len(doc) and doc[span.end].is_title)  # not "the Boise Fire Department"
            and span.root.dep_ != "compound"  # not "the Rome police"
            and not after_locative(doc, span.start)  # "atop the Mesa" is a place
            and name.lower() in english
            and within is None
            and not any(e.id < 0 or e.feature == "country" for e in entries)
        ):
            return None  # "the Commonwealth", "the Union": a body named by a word, not the town of that name
        if (
            looked_up
            and not entries
            and 1 < len(span) <= 3
            and all(any(e.feature == "country" for e in gaz.lookup(t.text)) for t in span)
        ):
            for t in span:  # "Greece Italy", a list whose comma went missing: one place per country
                add(doc[t.i : t.i + 1], from_ner)
            return None
        if looked_up and not entries and name.lower().endswith(" city"):  # "Donetsk City"
            entries = gaz.lookup(name[:-5])
        if looked_up and not entries:
            entries = gaz.with_article(name)
        if (
            looked_up
            and not entries
            and CYRILLIC_TITLE.match(name)
            and (entry := cyrillic_entry(name, gaz)) is not None
        ):
            entries = (entry,)  # "України", tagged GPE
        taken.update(range(span.start, span.end))
        cand = Candidate(span, name, entries, from_ner, within=within, site=site)
        found.append(cand)
        return cand

    mislabelled = []
    for whole in doc.ents:
        for ent in listed_parts(whole, gaz):
            span = clean_span(ent, gaz)
            if span is None:
                continue
            if (pair := paired_regions(span, gaz)) is not None:
                first, second = pair
                add(first, False, entries=gaz.lookup(f"{first.text} {second[-1].text}"))
                add(second, False)
                continue
            if ent.label_ in PLACE_LABELS:
                if gaz.demonym(span.text):  # "Ukrainian", tagged GPE now and then: a side, not a place
                    continue
                if (site := with_site_word(span)) is not None:
                    add(site, True, site=True)  # "St. Peter's Basilica", the entity stopping at "St. Peter's"
                else:
                    add(extend_region(span, gaz), True)
            elif ent.label_ in MISLABELS:
                mislabelled.append((span, ent.label_))
    known = {name_key(c.name) for c in found if c.entries}
    inside = []
    # Mis-tagged names of a rare place, kept if they resolve next to another place of the article
    # (find_places): a small town tagged PERSON beside a town it neighbours. Taken last, after every other
    # reading of their words; a common name ("Druzhba") is near anything, and not tried.
    tentative: list[SpacySpan] = []
    unknown: list[SpacySpan] = []  # names the gazetteer lacks where a list or a locative says "place"
    for span, label in mislabelled:
        entries = list(gaz.lookup(name_of(span)) or gaz.with_article(name_of(span)))
        # "the Kremlin" and "Crimea", tagged ORG: seats of government and curated regions are places.
        curated = any(e.feature in {"building", "country"} or (e.id < 0 and e.main) for e in entries)
        listed = (span.root.dep_ == "conj" and span.root.head.i in taken) or in_list(doc, span.start, taken)
        longer = extend_region(span, gaz)
        # "Kramatorsk" tagged PRODUCT: a city of 50,000+ under a label that is not a person's,
        # or of 500,000+ under any ("defeat of Kyiv", Kyiv tagged PERSON).
        floor = 500_000 if label == "PERSON" else 50_000
        city = any(e.main and e.population >= floor for e in entries)
        # "Ukraine and Western experts": an ordinary word only small places (or none) are named after.
        word = len(longer) == 1 and plain_word(name_of(span), entries, english)
        if (
            (entries or len(longer) > len(span))
            and not word
            and (
                curated
                or listed
                or city
                or len(longer) > len(span)
                or name_key(name_of(span)) in known
                or after_locative(doc, span.start)
                or qualifier(doc, span.end, gaz, name_of(span)) is not None
            )
        ):
            add(longer, False)
        elif (
            not entries
            and (listed or after_locative(doc, span.start))
            and (run := unknown_run(doc, span.start, gaz, english)) is not None
            and run.end >= span.end
        ):
            unknown.append(run)
        elif (
            len(span) == 1
            and 0 < len(entries) <= RARE
            and any(e.main for e in entries)
            and span.text.lower() not in english  # "Western", "Harvard", "Columbia": words and names
        ):
            tentative.append(span)
        elif label == "ORG" and len(span) > 1 and span[-1].text in POI_HEADS and not institution(span, gaz):
            add(
                span, True, site=True
            )  # "Patriot High School", "Holy Redeemer Church": a building, not a body
        elif len(span) > 1 and label != "PERSON" and (part := embedded(span, gaz)) is not None:
            inside.append((part, label == "ORG"))
    for part, in_org in inside:
        if (cand := add(part, False)) is not None:
            cand.in_org = in_org
    # Capitalised words outside entities: "near Hlyboke, Lyptsi and Vovchansk", datelines ("KYIV, Feb 5").
    # Only capitalised tokens are visited (one array read), not every token of the article.
    flags = doc.to_array([IS_TITLE, IS_UPPER])
    for i in (flags[:, 0] + flags[:, 1]).nonzero()[0].tolist():
        if i in taken:
            continue
        tok = doc[i]
        if (line := dateline(doc, i)) is not None and gaz.lookup(line.text):
            add(line, False)
            continue
        if CYRILLIC_TITLE.match(tok.text):
            entry = cyrillic_entry(tok.text, gaz)
            if entry is not None:
                taken.add(i)
                found.append(Candidate(doc[i : i + 1], tok.text, (entry,), False))
            continue
        if tok.is_title and (part := hyphenated_region(doc, i, gaz)) is not None:
            add(part, False, entries=gaz.lookup(f"{tok.text} {doc[i + 3].text}"))
            continue
        if tok.is_title and (i == 0 or not doc[i - 1].is_title or tok.is_sent_start):
            if (run := poi_run(doc, i, gaz, english)) is not None:
                add(run, True, site=True)  # a building or school, found by its last word
                continue
            if streets := street_list(doc, i):
                for street in streets:  # a street of the article's town, whatever else bears its name
                    add(street, False, site=True, entries=())
                continue
        if tok.is_title and (place := venue(doc, i, gaz)) is not None and not gaz.lookup(place.text):
            add(place, True, site=True)
            continue
        if not tok.is_title or tok.ent_type_ in MISLABELS:
            continue
        region = i + 1 < len(doc) and doc[i + 1].lower_ in REGION_WORDS  # "Ukraine's Sumy oblast"
        if region or after_locative(doc, i) or in_list(doc, i, taken) or notable(tok.text, gaz):
            span = title_run(doc, i, gaz)
            # A single English word ("Fall", "Price") is not taken for a place on syntax alone.
            if (
                span is not None
                and len(span) == 1
                and plain_word(span.text, gaz.lookup(span.text), english)
                and qualifier(doc, span.end, gaz, span.text) is None
            ):
                span = None
            if span is not None:
                add(extend_region(span, gaz), False)
            elif (
                not region
                and (after_locative(doc, i) or in_list(doc, i, taken))
                and (run := unknown_run(doc, i, gaz, english)) is not None
            ):
                unknown.append(run)
    for span in tentative:
        if (cand := add(span, False)) is not None:
            cand.tentative = True
    for span in unknown:
        if (cand := add(span, False, entries=())) is not None:
            cand.unknown = True
    # Later mentions of a one-word place the article already named ("drones struck Zelene again").
    named = {
        c.span[0].text: c for c in found if len(c.span) == 1 and c.entries and not (c.site or c.tentative)
    }
    for i in (flags[:, 0] + flags[:, 1]).nonzero()[0].tolist():
        tok = doc[i]
        if i in taken or tok.text not in named or len(tok) < 4:
            continue
        if (i > 0 and doc[i - 1].is_title and not tok.is_sent_start) or (
            i + 1 < len(doc) and doc[i + 1].is_title
        ):
            continue  # part of a longer name ("Zelene Hai", "Serhii Zelene")
        known_as = named[tok.text]
        add(doc[i : i + 1], known_as.from_ner, entries=known_as.entries)
    # The qualifier is a place itself, and the one it names there: "Washington" in "Tacoma, Washington".
    at = {c.span.start: c for c in found}
    for start, (entry, part) in qualifiers.items():
        if start in at and at[start].span.end == part.end:
            at[start].entries = (entry,)
        elif not any(i in taken for i in range(part.start, part.end)):
            taken.update(range(part.start, part.end))
            found.append(Candidate(part, part.text, (entry,), False))
    found.sort(key=lambda c: c.span.start)
    people = {
        t.lower_
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and not gaz.lookup(ent.text)
        for t in ent
    }
    return [c for c in found if not (people and surname(c, people))]


def surname(cand: Candidate, people: set[str]) -> bool:
    """A one-word name that is part of a person's full name in the article ("Jerry Howarth" … "Howarth").

    Only for names the gazetteer knows as small places, with no state or country written after them.
    """
    if len(cand.span) > 1 or cand.within is not None or cand.span[0].lower_ not in people:
        return False
    return not any(
        e.id < 0 or e.feature in {"country", "capital"} or e.population >= 100_000 for e in cand.entries
    )


def adjective_candidates(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Candidate]:
    """Adjectival toponyms modifying a noun: "Syrian army", "the Turkish border", "European carriers".

    GeoWebNews counts them as toponyms (Literal_Modifier / Non_Literal_Modifier), while a people
    noun ("Russians", "a Syrian") is a demonym and no place. They come resolved: the country the
    demonym names, or the continent or nation of ADJECTIVE_PLACES.
    """
    found = []
    for i in doc.to_array([IS_TITLE]).nonzero()[0].tolist():  # only capitalised tokens are visited
        tok = doc[i]
        if i in taken or tok.tag_ not in {"JJ", "NNP"}:
            continue
        role = tok if tok.dep_ != "conj" else tok.head  # "the Russian and Venezuelan delegations"
        if role.dep_ not in {"amod", "compound", "nmod"} or role.head.pos_ not in {"NOUN", "PROPN"}:
            continue
        if role.head.i == i + 1 and doc[i + 1].is_title and doc[i + 1].ent_type_ in PLACE_LABELS:
            continue  # "French Quarter", "Irish Sea": part of a longer name
        cc = gaz.demonym(tok.text)
        entry = gaz.country(cc) if cc else None
        if entry is None and (name := ADJECTIVE_PLACES.get(tok.lower_)):
            entry = next((e for e in gaz.lookup(name) if e.id < 0 or e.feature == "country"), None)
        if entry is not None:
            found.append(Candidate(doc[i : i + 1], tok.text, (entry,), False, chosen=entry, adjective=True))
    return found
