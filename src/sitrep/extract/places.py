"""Places: toponyms resolved against the offline gazetteer, one item per place with all its mentions.

sitrep.places/3 finds candidates in spaCy's GPE/LOC/FAC entities, in PERSON/ORG entities and
capitalised words the gazetteer knows as a place where the syntax says "place" ("in Pokrovsk",
"near Ternove, Verbove and Vovche", "Parkland, Florida"), in "<name> region/oblast" phrases,
and in adjectives modifying a noun ("Syrian army", GeoWebNews' modifier toponyms). Each
candidate is resolved by scoring its gazetteer entries (own name over old or alternate name,
the state written after it, the article's countries, the regions it names, nearby places,
population); a toponym used for a government
("Kyiv denies", "Moscow's claim", "the Kremlin") is marked ``literal=False``
(metonymy.py), and relative locations ("3 km south of Pokrovsk") are kept on their anchor.

    >>> doc = nlp("Fighting continues near Pokrovsk in the Donetsk region.")  # doctest: +SKIP
    >>> [(p.name, p.country) for p in doc._.places]  # doctest: +SKIP
    [('Pokrovsk', 'UA'), ('Donetsk region', 'UA')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from spacy.attrs import IS_TITLE, IS_UPPER
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..geo import Entry, Gazetteer, get_gazetteer, name_key
from ..models import Place, RelativeLocation, Span
from .base import ensure_doc_extension, extractor_id, span_of
from .geocoding import _ENGLISH, Candidate, local_fallback, resolve
from .metonymy import is_metonym

NAME = "places"
VERSION = 3
EXTRACTOR = extractor_id(NAME, VERSION)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# spaCy's small model tags front-line towns as PERSON or ORG ("Pokrovsk", "Myrnohrad"): these are
# kept only when the gazetteer knows them and the syntax or the rest of the article says "place".
MISLABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
LOCATIVE = set(
    "across around at besieged between beyond captured cities city embattled from front-line frontline in "
    "inside into liberated near nearby neighboring neighbouring occupied of off outside outskirts seized "
    "settlement settlements through to took toward towards town towns village villages".split()
)
WEAK_LOCATIVE = {"of", "to", "from", "at"}
# Organisations the small model tags GPE ("Nato" is also a village in the Philippines).
NOT_PLACES = {"nato", "un", "osce", "iaea", "opec", "brics", "g7", "g20", "who", "imf", "interpol"}
# Last words of organisation names that are buildings or sites (GeoWebNews counts them as toponyms).
POI_HEADS = set(
    "School Elementary High Middle University College Church Cathedral Basilica Library Hospital Airport "
    "Station Park Museum Theatre "
    "Theater Stadium Arena Mall Hotel Inn Farm Farms Plant Factory Bridge Square Street Avenue Road "
    "Boulevard Base Prison Zoo Market Refinery Port Harbor Harbour Dam".split()
)
# Nouns after which "of/to/from" introduces a place: "outskirts of", "capture of", "road to".
PLACE_HEADS = set(
    "advance area arrive assault attack axis battle border capture center centre city control defence "
    "defense direction east edge encirclement evacuation fall front governor heart highway kilometer "
    "kilometre km liberation mayor mile north northeast northwest outskirts part push region resident "
    "retreat return road sector settlement shelling south southeast southwest strike suburb town village "
    "way west withdraw withdrawal".split()
)
# Adjectives of places that are not countries (countries come from the gazetteer's demonyms).
ADJECTIVE_PLACES = {
    "european": "Europe",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "kurdish": "Kurdistan",
}
REGION_WORDS = set("county district krai oblast province raion region republic state territory".split())
LEADING = set(
    "central east eastern north northeastern northern northwestern occupied south southeastern southern "
    "southwestern the west western".split()
)
POSSESSIVE = ("'s", "’s", "'", "’")
CYRILLIC_MIN = 80
CYRILLIC_COUNTRIES = {"UA", "RU", "BY"}
CYRILLIC_TITLE = re.compile(r"^[А-ЯЄІЇҐ][а-яєіїґ’']{2,}$")
_RELATIVE = re.compile(
    r"(?P<dist>\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+(?:of\s+)?"
    r"|(?P<rel>on the outskirts of|the outskirts of|outskirts of|outside|near|close to|just off|around)\s+)$",
    re.IGNORECASE,
)


def clean_span(span: SpacySpan, gaz: Gazetteer) -> SpacySpan | None:
    """The toponym inside an entity: without a leading 'the' (or 'eastern' unless the gazetteer
    has the longer name: "North Carolina", "Eastern Ghouta") and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in LEADING and end - start > 1:
        if span.doc[start].lower_ != "the" and gaz.lookup(span.doc[start:end].text):
            break
        start += 1
    while end > start and span.doc[end - 1].text in POSSESSIVE:
        end -= 1
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


def qualifier(doc: Doc, end: int, gaz: Gazetteer) -> Entry | None:
    """The state, region or country written after a name: "Parkland, Florida", "Gainesville, Va."

    The commonest way news pins down a town (Associated Press style), and strong evidence that
    the name before the comma is a place, even an ordinary word ("Parkland", "Bowling Green").
    """
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for n in (3, 2, 1):
        part = doc[end + 1 : end + 1 + n]
        if len(part) < n or not all(t.is_title or t.is_upper for t in part):
            continue
        for e in gaz.lookup(part.text):
            if e.main and e.feature in QUALIFIERS and (e.id < 0 or e.feature == "country"):
                return e
    return None


def is_dateline(tok: Token) -> bool:
    """'KYIV, Feb 5 (Reuters)': an upper-case place name opening a line, before a comma or a dash."""
    if not (tok.is_upper and tok.is_alpha and len(tok) > 2):
        return False
    at_line_start = tok.i == 0 or "\n" in tok.doc[tok.i - 1].text_with_ws or tok.doc[tok.i - 1].is_space
    return at_line_start and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in {",", "(", "-", "—", "–"}


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
    for n in range(min(3, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            part = span.doc[toks[i].i : toks[i].i + n]
            if not all(t.is_title or t.is_upper for t in part) or part.text.lower() in {"the", "of"}:
                continue
            entries = gaz.lookup(part.text)
            if any(
                e.main and (e.id < 0 or e.feature == "country" or e.population >= 100_000) for e in entries
            ):
                return part
    return None


def notable(word: str, gaz: Gazetteer) -> bool:
    """A country, curated region or city of 500,000+ by its own name ("Kyiv", "Kharkiv"): a place
    even where the parser missed it and no preposition says so ("Kyiv denies …")."""
    return any(
        e.main and (e.feature == "country" or e.id < 0 or e.population >= 500_000) for e in gaz.lookup(word)
    )


def in_list(doc: Doc, i: int, taken: set[int]) -> bool:
    """Token i follows a place in a list: "Orestopil, Vovche, Novooleksandrivka, and Hai"."""
    j = i - 1
    while j >= 0 and doc[j].text in {",", "and", "or"} and i - j <= 2:
        j -= 1
    return j < i - 1 and j in taken


def find_candidates(doc: Doc, gaz: Gazetteer, english: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every mention that may be a place, in text order, with its gazetteer entries (docs/gazetteer.md)."""
    taken: set[int] = set()
    found: list[Candidate] = []

    def add(span: SpacySpan, from_ner: bool) -> None:
        if any(i in taken for i in range(span.start, span.end)):
            return
        name = name_of(span)
        if len(name) < 2 or not any(c.isalpha() for c in name) or "\n" in name or name.lower() in NOT_PLACES:
            return
        entries = gaz.lookup(name)
        within = qualifier(doc, span.end, gaz)
        if from_ner and len(span) == 1 and plain_word(name, entries, english) and within is None:
            return  # "East", "West", "Centre" tagged GPE: ordinary words naming only small places
        if (
            not entries
            and 1 < len(span) <= 3
            and all(any(e.feature == "country" for e in gaz.lookup(t.text)) for t in span)
        ):
            for t in span:  # "Greece Italy", a list whose comma went missing: one place per country
                add(doc[t.i : t.i + 1], from_ner)
            return
        if not entries and name.lower().endswith(" city"):  # "Donetsk City"
            entries = gaz.lookup(name[:-5])
        if not entries and CYRILLIC_TITLE.match(name) and (entry := cyrillic_entry(name, gaz)) is not None:
            entries = (entry,)  # "України", tagged GPE
        taken.update(range(span.start, span.end))
        found.append(Candidate(span, name, entries, from_ner, within=within))

    mislabelled = []
    for ent in doc.ents:
        span = clean_span(ent, gaz)
        if span is None:
            continue
        if ent.label_ in PLACE_LABELS:
            if gaz.demonym(span.text):  # "Ukrainian", tagged GPE now and then: a side, not a place
                continue
            add(extend_region(span, gaz), True)
        elif ent.label_ in MISLABELS:
            mislabelled.append((span, ent.label_))
    known = {name_key(c.name) for c in found if c.entries}
    inside = []
    for span, label in mislabelled:
        entries = list(gaz.lookup(name_of(span)))
        # "the Kremlin" and "Crimea", tagged ORG: seats of government and curated regions are places.
        curated = any(e.feature in {"building", "country"} or (e.id < 0 and e.main) for e in entries)
        listed = span.root.dep_ == "conj" and span.root.head.i in taken
        longer = extend_region(span, gaz)
        # "Kramatorsk" tagged PRODUCT: a city of 50,000+ under a label that is not a person's,
        # or of 500,000+ under any ("defeat of Kyiv", Kyiv tagged PERSON).
        floor = 500_000 if label == "PERSON" else 50_000
        city = any(e.main and e.population >= floor for e in entries)
        if (entries or len(longer) > len(span)) and (
            curated
            or listed
            or city
            or len(longer) > len(span)
            or name_key(name_of(span)) in known
            or after_locative(doc, span.start)
            or qualifier(doc, span.end, gaz) is not None
        ):
            add(longer, False)
        elif label == "ORG" and len(span) > 1 and span[-1].text in POI_HEADS:
            add(span, True)  # "Patriot High School", "Holy Redeemer Church": a building, not a body
        elif len(span) > 1 and label != "PERSON" and (part := embedded(span, gaz)) is not None:
            inside.append((part, label == "ORG"))
    for part, in_org in inside:
        add(part, False)
        if in_org and found and found[-1].span == part:
            found[-1].in_org = True
    # Capitalised words outside entities: "near Ternove, Verbove and Vovche", datelines ("KYIV, Feb 5").
    # Only capitalised tokens are visited (one array read), not every token of the article.
    flags = doc.to_array([IS_TITLE, IS_UPPER])
    for i in (flags[:, 0] + flags[:, 1]).nonzero()[0].tolist():
        if i in taken:
            continue
        tok = doc[i]
        if is_dateline(tok) and gaz.lookup(tok.text):
            add(doc[i : i + 1], False)
            continue
        if CYRILLIC_TITLE.match(tok.text):
            entry = cyrillic_entry(tok.text, gaz)
            if entry is not None:
                taken.add(i)
                found.append(Candidate(doc[i : i + 1], tok.text, (entry,), False))
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
                and qualifier(doc, span.end, gaz) is None
            ):
                span = None
            if span is not None:
                add(extend_region(span, gaz), False)
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


def relative_of(cand: Candidate, text: str) -> list[RelativeLocation]:
    """'3 km south of Pokrovsk', 'on the outskirts of Pokrovsk': the words right before the mention.

    `text` is the article text (``doc.text`` rebuilds it from the tokens on every access).
    """
    start = max(0, cand.span.start_char - 60)
    before = text[start : cand.span.start_char]
    m = _RELATIVE.search(before)
    if not m:
        return []
    begin = start + m.start()
    distance = None
    if m.group("dist"):
        number, unit = re.match(r"([\d.,]+)\s*(\w+)", m.group("dist")).groups()  # type: ignore[union-attr]
        distance = float(number.replace(",", ".")) * (1.609 if unit.lower().startswith("mi") else 1.0)
    direction = m.group("dir")
    relation = (
        "direction"
        if direction
        else (m.group("rel") or "").lower().replace("on the ", "").replace("the ", "")
    )
    if direction:
        direction = direction.lower().removesuffix("ern")
    span = Span(start=begin, end=cand.span.end_char, text=text[begin : cand.span.end_char])
    return [
        RelativeLocation(
            text=span.text, relation=relation or "near", direction=direction, distance_km=distance, span=span
        )
    ]


def find_places(
    doc: Doc, gaz: Gazetteer | None = None, *, english: frozenset[str] = frozenset()
) -> list[Place]:
    """Every place the article names, resolved, with all its mentions.

    `english` holds lower-case English words (the lemmatizer's index): single capitalised words
    found by syntax alone are dropped when they are ordinary words.
    """
    gaz = gaz or get_gazetteer()
    text = doc.text
    candidates = find_candidates(doc, gaz, english)
    resolve(candidates, doc, gaz)
    taken = {i for c in candidates for i in range(c.span.start, c.span.end)}
    candidates += adjective_candidates(doc, gaz, taken)
    groups: dict[object, list[Candidate]] = {}
    nouns = {c.chosen.id for c in candidates if c.chosen and not c.adjective}
    for c in candidates:
        # GeoWebNews Embedded_Non_Lit: a toponym in an organisation's name stands for it.
        c.metonym = c.in_org or is_metonym(c.span, c.chosen)
        c.relative = relative_of(c, text)
        key: object = c.chosen.id if c.chosen else name_key(c.name)
        if c.adjective and key not in nouns:
            key = ("adjective", key)  # "Syrian" is its own item unless the article names Syria
        groups.setdefault(key, []).append(c)
    fallback = local_fallback(groups)
    places = []
    for cands in groups.values():
        # A folded-in adjective ("Russian forces" next to "Russia") neither names nor judges the item.
        voters = [c for c in cands if not c.adjective] or cands
        first, entry = voters[0], voters[0].chosen
        metonyms = sum(c.metonym for c in voters)
        # Streets, buildings and the article's own county or township ("Morris County", unknown to
        # cities500) sit in the article's town.
        local = (
            first.span.root.ent_type_ in {"FAC", "LOC"}
            or first.span[-1].text in POI_HEADS
            or (len(first.span) > 1 and first.span[-1].lower_ in {"county", "township", "parish"})
        )
        base = entry or (fallback if local else None)
        # Unknown to the gazetteer and one word, or no capital letter ("veranda"): a tagger's guess.
        if base is None and (len(first.span) == 1 or first.name.islower()):
            continue
        places.append(
            Place(
                name=first.name,
                canonical=entry.name if entry else None,
                geonameid=entry.geonameid if entry else None,
                lat=base.lat if base else None,
                lon=base.lon if base else None,
                country=base.cc if base else None,
                region=base.region if base else None,
                feature=entry.feature if entry else ("local" if base else None),
                literal=metonyms * 2 <= len(voters),  # metonym when most mentions are
                anchor_of=[r.text for c in cands for r in c.relative],
                relative=[r for c in cands for r in c.relative],
                spans=[span_of(c.span) for c in sorted(cands, key=lambda c: c.span.start)],
                extractor=EXTRACTOR,
            )
        )
    return places


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words from the pipeline's lemmatizer tables (empty when it has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


class PlaceFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.english = english_words(nlp)
        _ENGLISH.update(self.english)

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, english=self.english)
        return doc


ensure_doc_extension(NAME)


@Language.factory("sitrep_places", assigns=["doc._.places"], requires=["doc.ents", "token.dep"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
