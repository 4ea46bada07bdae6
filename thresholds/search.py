"""Search across every framework's indicators, in the words practitioners actually type.

How a query is understood:
- case, hyphens and punctuation do not matter ("Self-harm" = "self harm"), "&" reads as
  "and" ("A&E" = "A and E"), and simple plurals are folded ("injuries" = "injury");
- a phrase from a synonym group (fixtures/search-synonyms.yaml) or a glossary abbreviation
  (CSE = Child Sexual Exploitation) matches any phrase of its group;
- every remaining word (except little words such as "the") must appear.

Matching runs in Python over an index built once per content version, so the results are
the same on SQLite and PostgreSQL and do not need a query per indicator.
"""

import difflib
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from hubs.models import Contact
from portal.cache import content_version
from thresholds.models import Indicator, Level, Synonym, Term

SHOWN = 100  # results listed on a page (and given by the API); the total is always said

STOP_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "is", "are", "at", "by", "be", "from", "as", "it"}
WORD = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """Folds simple English plurals: injuries -> injury, carers -> carer, needs -> need."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(text.lower().replace("&", " and "))]


@dataclass(frozen=True)
class Entry:
    kind: str  # indicator, level or contact
    key: str
    framework: str
    framework_name: str
    area: str
    level: int
    level_name: str
    domain: str | None
    domain_name: str | None
    text: str
    order: int
    url: str
    levels: tuple[int, ...] = ()  # a contact's levels (editorial), for the level filter


@dataclass
class Index:
    entries: list[Entry]
    texts: list[str]  # each entry's stems joined by spaces, padded: " a b c "
    postings: dict[str, set[int]]
    groups: dict[tuple[str, ...], frozenset[tuple[str, ...]]]  # phrase -> every phrase of its group
    longest_phrase: int
    vocabulary: list[str]
    areas: dict[str, str] = field(default_factory=dict)  # framework slug -> area
    glossary: dict[tuple[str, ...], list[Term]] = field(default_factory=dict)


def _entries() -> list[tuple[Entry, str]]:
    """Everything search can find, each with the text it is found by."""
    found = []
    # Plain values, not model instances: building the index for 50,000 indicators stays quick.
    rows = Indicator.objects.order_by("framework__slug", "order").values_list(
        "key", "text", "order", "level__number", "level__name", "domain__key", "domain__name",
        "framework__slug", "framework__name", "framework__partnership__area",
    )
    for key, text, order, number, level_name, domain_key, domain_name, slug, name, area in rows.iterator(chunk_size=5000):
        entry = Entry(
            kind="indicator", key=key, framework=slug, framework_name=name, area=area, level=number,
            level_name=level_name, domain=domain_key, domain_name=domain_name, text=text, order=order,
            url=f"/thresholds/{slug}/indicators/{key}/",
        )
        found.append((entry, text))
    for level in Level.objects.select_related("framework__partnership").prefetch_related("texts"):
        entry = Entry(
            kind="level", key=level.key, framework=level.framework.slug, framework_name=level.framework.name,
            area=level.framework.partnership.area, level=level.number, level_name=level.name, domain=None,
            domain_name=None, text=level.summary, order=level.number,
            url=f"/thresholds/{level.framework.slug}/levels/{level.number}/",
        )
        found.append((entry, " ".join([level.name, level.summary] + [t.body for t in level.texts.all()])))
    for contact in Contact.objects.select_related("partnership").prefetch_related("phones"):
        entry = Entry(
            kind="contact", key=contact.key, framework="", framework_name="", area=contact.partnership.area,
            level=0, level_name="", domain=None, domain_name=None, text=contact.name, order=contact.order,
            url=f"/contacts/{contact.key}/", levels=tuple(contact.editorial_levels),
        )
        found.append((entry, f"{contact.name} {contact.description}"))
    return found


def build_index() -> Index:
    entries, texts, postings = [], [], defaultdict(set)
    for position, (entry, text) in enumerate(_entries()):
        entries.append(entry)
        stems = normalise(text)
        texts.append(" " + " ".join(stems) + " ")
        for word in stems:
            postings[word].add(position)
    groups: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    glossary: dict[tuple[str, ...], list[Term]] = defaultdict(list)
    phrase_sets = [[tuple(normalise(word)) for word in synonym.words] for synonym in Synonym.objects.all()]
    for term in Term.objects.filter(kind=Term.Kind.ABBREVIATION).select_related("framework__partnership"):
        phrase_sets.append([tuple(normalise(term.term)), tuple(normalise(term.meaning))])
        glossary[tuple(normalise(term.term))].append(term)
    for phrases in phrase_sets:
        phrases = [p for p in phrases if p]
        members = set(phrases)
        for phrase in phrases:
            groups[phrase] |= members
    # Groups that share a phrase (DV is in two lists, say) are joined.
    joined = {phrase: frozenset(set().union(*(groups[p] for p in members))) for phrase, members in groups.items()}
    return Index(
        entries=entries, texts=texts, postings=dict(postings), groups=joined,
        longest_phrase=max((len(p) for p in joined), default=1), vocabulary=sorted(postings),
        glossary=dict(glossary),
        areas={e.framework: e.area for e in entries if e.framework},
    )


_cache: dict[str, object] = {}
_lock = threading.Lock()


def get_index() -> Index:
    """This process's index for the current content version (rebuilt when content changes)."""
    version = content_version()
    with _lock:
        if _cache.get("version") != version:
            _cache["index"], _cache["version"] = build_index(), version
        return _cache["index"]


@dataclass
class Results:
    query: str
    entries: list[Entry]
    stems: set[str]  # matched words, for highlighting
    terms: list[Term]  # glossary entries the query named
    suggestions: list[str]


def concepts(index: Index, words: list[str]) -> list[frozenset[tuple[str, ...]]]:
    """Splits the query into concepts: synonym phrases (longest first) and single words."""
    found, position = [], 0
    while position < len(words):
        for size in range(min(index.longest_phrase, len(words) - position), 0, -1):
            phrase = tuple(words[position : position + size])
            if phrase in index.groups:
                found.append(index.groups[phrase])
                position += size
                break
        else:
            if words[position] not in STOP_WORDS:
                found.append(frozenset({(words[position],)}))
            position += 1
    return found


def matching(index: Index, phrase: tuple[str, ...]) -> set[int]:
    postings = [index.postings.get(word, set()) for word in phrase]
    candidates = set.intersection(*postings) if postings else set()
    if len(phrase) == 1:
        return candidates
    needle = " " + " ".join(phrase) + " "
    return {position for position in candidates if needle in index.texts[position]}


def search(query: str, *, framework: str | None = None, level: int | None = None, domain: str | None = None) -> Results:
    index = get_index()
    words = normalise(query)
    wanted = concepts(index, words)
    terms = [term for phrase in {tuple(words)} for term in index.glossary.get(phrase, [])]
    if not wanted:
        return Results(query, [], set(), terms, [])
    hits: set[int] | None = None
    stems: set[str] = set()
    for concept in wanted:
        concept_hits: set[int] = set()
        for phrase in concept:
            found = matching(index, phrase)
            if found:
                concept_hits |= found
                stems |= set(phrase)
        hits = concept_hits if hits is None else hits & concept_hits
    entries = [index.entries[position] for position in sorted(hits or ())]
    area = index.areas.get(framework) if framework else None
    entries = [e for e in entries if wanted_by_filters(e, framework=framework, area=area, level=level, domain=domain)]
    suggestions = [] if entries else suggest(index, words)
    return Results(query, entries, stems - STOP_WORDS, terms, suggestions)


def in_display_order(entries: list[Entry]) -> list[Entry]:
    """Contacts first (someone typing "MASH" wants the number), then levels, then indicators
    by area in level order."""
    return sorted(entries, key=lambda e: (e.kind != "contact", e.kind != "level", e.area, e.level, e.order))


def wanted_by_filters(entry: Entry, *, framework: str | None, area: str | None, level: int | None, domain: str | None) -> bool:
    """The filters: a contact belongs to its area's framework and to its (editorial) levels."""
    if domain is not None and entry.domain != domain:
        return False  # only indicators have a domain
    if framework is not None and (entry.area != area if entry.kind == "contact" else entry.framework != framework):
        return False
    if level is not None and level != entry.level and level not in entry.levels:
        return False
    return True


def suggest(index: Index, words: list[str]) -> list[str]:
    """The closest words the content does contain, for a search that found nothing."""
    close = []
    for word in words:
        if word not in STOP_WORDS and word not in index.postings:
            close += difflib.get_close_matches(word, index.vocabulary, n=3, cutoff=0.75)
    return list(dict.fromkeys(close))[:5]
