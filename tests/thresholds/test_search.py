"""Search understands how practitioners type: abbreviations, hyphens, case and plurals."""

import pytest
from django.test import Client

from thresholds.search import normalise, search, stem

pytestmark = pytest.mark.django_db


def texts(query: str, **filters) -> set[str]:
    return {entry.text for entry in search(query, **filters).entries if entry.kind == "indicator"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("DV", "Reported domestic abuse where impact on child is not immediately known, e.g. the child is not present."),
        ("domestic violence", "Domestic abuse impacting on child's development."),
        ("CSE", "Medium or high risk of exploitation."),
        ("CCE", "Child is at significant risk of harm from gang affiliation and/or criminal exploitation."),
        ("FGM", "At risk of female genital mutilation."),
        ("NAI", "Suspected non-accidental injury."),
        ("SEND", "Profound permanent multiple disabilities."),
        ("A&E", "Attendance at A and E."),
        ("a and e", "Attendance at A and E."),
        ("self harm", "Self-harm with suicidal ideation."),
        ("self-harm", "Low level mental health issues, self-harm without suicidal thought or intent."),
        ("SELF HARM", "Self-harm with suicidal ideation."),
        ("injuries", "Non-mobile child with injury."),
        ("injury", "Suspected non-accidental injury."),
        ("young carer", "Young carers."),
    ],
)
def test_practitioners_words_find_the_indicator(query, expected):
    assert expected in texts(query)


@pytest.mark.parametrize("query, kind", [("EHA", "level"), ("MASH", "contact"), ("MASH", "level")])
def test_abbreviations_of_processes_and_services_find_levels_and_contacts(query, kind):
    assert any(entry.kind == kind for entry in search(query).entries)


def test_glossary_abbreviation_is_explained():
    terms = search("CSE").terms
    assert [term.meaning for term in terms] == ["Child Sexual Exploitation"]


def test_hyphen_case_and_plural_variants_find_the_same_results():
    assert texts("self harm") == texts("Self-Harm") == texts("self-harms")
    assert texts("injuries") == texts("injury")


def test_every_word_must_match():
    results = texts("missed appointments")
    assert results and all("missed" in t.lower() and "appointment" in t.lower() for t in results)


def test_filters_by_framework_level_and_domain():
    assert all(e.framework == "coventry" for e in search("neglect", framework="coventry").entries if e.kind != "contact")
    assert all(e.level == 4 for e in search("neglect", level=4).entries if e.kind != "contact")
    assert texts("neglect", domain="cov-domain-parental-capacity") == {
        "Signs of neglect.",
        "Suspected neglect, for example persistent reports of child presenting as hungry/scavenging for food, or at risk due to being overweight/underweight.",
    }


def test_no_results_offers_the_closest_words():
    results = search("neglct")
    assert results.entries == []
    assert "neglect" in results.suggestions


def test_stemming_and_normalising():
    assert stem("injuries") == "injury" and stem("carers") == "carer" and stem("needs") == "need"
    assert stem("misuse") == "misuse" and stem("process") == "process"
    assert normalise("Self-harm & A&E") == ["self", "harm", "and", "a", "and", "e"]


def test_search_page_groups_results_and_highlights_words(client: Client):
    html = client.get("/search/", {"q": "self harm"}).content.decode()
    assert 'result' in html and "Indicators: Coventry, Right Help, Right Time" in html
    assert '<mark class="app-highlight">harm</mark>' in html


def test_search_page_with_no_results_points_to_contacts(client: Client):
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "No results for" in html and "find who to contact" in html


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "!!!"}, {"q": "x" * 201}, {"q": "harm", "framework": "mars"}, {"q": "harm", "level": "x"}])
def test_search_page_bad_input_gets_an_error(client: Client, params):
    response = client.get("/search/", params)
    assert response.status_code == 400 and "There is a problem" in response.content.decode()


def test_glossary_terms_in_the_index_carry_their_area_without_a_query_each(django_assert_num_queries):
    """The search page prints each named term's area (term.framework.partnership.area)."""
    from thresholds.search import build_index

    index = build_index()
    terms = [term for found in index.glossary.values() for term in found]
    assert terms
    with django_assert_num_queries(0):
        assert all(term.framework.partnership.area for term in terms)
