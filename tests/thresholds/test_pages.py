"""Need tables, level, indicator, family and crosswalk pages."""

import pytest
from django.test import Client

from thresholds.models import Indicator

pytestmark = pytest.mark.django_db


def test_framework_overview_shows_the_levels_as_a_continuum(client: Client):
    html = client.get("/thresholds/warwickshire/").content.decode()
    assert 'class="app-continuum"' in html
    for name in ("Universal", "Early Support", "Family Help", "Family Help - immediate protection"):
        assert name in html
    assert "Level 4 of 4" in html
    assert "Next review due" in html


def test_need_table_is_a_real_table_with_every_indicator(client: Client):
    html = client.get("/thresholds/coventry/table/").content.decode()
    assert "<table" in html and '<th scope="col"' in html and '<th scope="row"' in html
    for indicator in Indicator.objects.filter(framework__slug="coventry"):
        assert indicator.get_absolute_url() in html
    assert 'data-label="Level 2 - Early Help"' in html  # what each cell shows on a phone


def test_need_table_keeps_nested_bullets_nested(client: Client):
    html = client.get("/thresholds/warwickshire/table/", {"level": 3, "domain": "war-domain-social-emotional"}).content.decode()
    child = Indicator.objects.filter(framework__slug="warwickshire", parent__isnull=False).first()
    parent_at = html.index(child.parent.get_absolute_url())
    child_at = html.index(child.get_absolute_url())
    assert parent_at < child_at
    assert html[parent_at:child_at].count("<ul") == 1  # the child's list opens inside the parent's item


def test_need_table_filters_by_level_and_domain_without_javascript(client: Client):
    html = client.get("/thresholds/coventry/table/", {"level": "4", "domain": "cov-domain-parental-capacity"}).content.decode()
    assert "Suspected non-accidental injury." in html
    assert "Poor supervision of the child." not in html  # level 2
    assert "Non-mobile child with injury." not in html  # another domain
    assert "Clear filters" in html


@pytest.mark.parametrize("params", [{"level": "9"}, {"domain": "war-domain-health"}, {"level": "two"}])
def test_need_table_bad_filters_get_an_error_summary(client: Client, params):
    response = client.get("/thresholds/coventry/table/", params)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_print_view_has_no_links_and_fits_a4_landscape(client: Client):
    html = client.get("/thresholds/coventry/table/print/").content.decode()
    assert "Achieving milestones." in html and "/indicators/" not in html
    assert "data-print-button" in html
    css = open("frontend/scss/_portal.scss").read()
    assert "size: A4 landscape" in css


def test_level_page_has_meaning_actions_families_indicators_and_contacts(client: Client):
    html = client.get("/thresholds/coventry/levels/2/").content.decode()
    assert "What this level means" in html and "RHRT level 2 (Targeted Early Help)" in html
    assert "What to do" in html and "Early Help Assessment should be considered, but is not a requirement." in html
    assert "How families can get this help" in html and "Access support directly through your local family hub." in html
    assert "Indicators at this level" in html and "Poor attachment." in html
    assert "Who to contact" in html and "Family Hub" in html
    assert "Source: Right help, right time, Section 4: Responding to identified need" in html


def test_unknown_level_and_indicator_are_not_found(client: Client):
    assert client.get("/thresholds/coventry/levels/9/").status_code == 404
    assert client.get("/thresholds/coventry/indicators/war-health-1-registered-gp/").status_code == 404
    assert client.get("/thresholds/nowhere/").status_code == 404


def test_indicator_page_shows_source_and_the_levels_either_side(client: Client):
    html = client.get("/thresholds/coventry/indicators/cov-dev-3-self-harm-suicidal/").content.decode()
    assert "Self-harm with suicidal ideation." in html
    assert "Section 9: Identifying need table" in html
    assert "Level 2 - Early Help" in html and "Low level mental health issues, self-harm without suicidal thought or intent." in html
    assert "Level 4 - Statutory Intervention" in html and "High level emotional health issues." in html


def test_family_pages_use_the_family_wording(client: Client):
    html = client.get("/for-families/coventry/").content.decode()
    assert "This is support that all or many children and families receive" in html
    assert "Support at this level is voluntary and families must consent to gain support" in html
    html = client.get("/for-families/warwickshire/").content.decode()
    assert "Help with money issues" in html


def test_crosswalk_sets_both_areas_side_by_side_with_the_language_of_need(client: Client):
    html = client.get("/thresholds/crosswalk/").content.decode()
    assert "Level 3 - Multi-agency Early Help" in html and "Family Help" in html
    assert "language we may use to describe need" in html
    for word in ("Thriving", "Getting advice", "Child protection"):
        assert word in html
