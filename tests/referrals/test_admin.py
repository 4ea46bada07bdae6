"""Leads edit their own partnership's checklist and guidance, with history; never the other's."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from referrals.models import Checklist, ChecklistItem, GuidancePage
from thresholds.models import Partnership
from thresholds.services import create_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def coventry_lead(client: Client) -> Client:
    user = create_lead(username="cov-lead", password="a-long-test-password", partnership=Partnership.objects.get(slug="coventry"))
    client.force_login(user)
    return client


def test_a_coventry_lead_sees_the_coventry_checklist_and_not_the_warwickshire_one(coventry_lead: Client):
    page = coventry_lead.get("/admin/referrals/checklist/").content.decode()
    assert "Online Multi-Agency Referral Form (MARF)" in page
    assert "Call to Family Connect Warwickshire" not in page
    warwickshire = Checklist.objects.get(key="war-family-connect-call")
    response = coventry_lead.get(f"/admin/referrals/checklist/{warwickshire.pk}/change/")
    assert response.status_code in (302, 403, 404)
    item = ChecklistItem.objects.get(key="war-fc-history")
    assert coventry_lead.get(f"/admin/referrals/checklistitem/{item.pk}/change/").status_code in (302, 403, 404)
    items = coventry_lead.get("/admin/referrals/checklistitem/?q=Family+Connect").content.decode()
    assert "war-fc-" not in items and "Call to Family Connect Warwickshire" not in items


def test_a_coventry_lead_sees_only_coventry_guidance(coventry_lead: Client):
    page = coventry_lead.get("/admin/referrals/guidancepage/").content.decode()
    assert "Information sharing" in page and "What happens after you call Family Connect" not in page
    assert ">Warwickshire<" not in page and "Warwickshire Safeguarding" not in page
    war = GuidancePage.objects.get(key="war-guide-consent")
    assert coventry_lead.get(f"/admin/referrals/guidancepage/{war.pk}/change/").status_code in (302, 403, 404)


def test_a_leads_edit_is_recorded_in_the_history_and_shows_on_the_site(coventry_lead: Client, client: Client):
    item = ChecklistItem.objects.get(key="cov-marf-names-checked")
    form = coventry_lead.get(f"/admin/referrals/checklistitem/{item.pk}/change/")
    assert form.status_code == 200
    data = {
        "question": "", "text": "All names should be checked to ensure they are spelt correctly, including aliases.", "why": "",
        "group": item.group, "only_at_levels": "[]", "order": item.order, "source_file": item.source_file,
        "source_section": item.source_section,
        "options-TOTAL_FORMS": "0", "options-INITIAL_FORMS": "0", "options-MIN_NUM_FORMS": "0", "options-MAX_NUM_FORMS": "0",
    }
    response = coventry_lead.post(f"/admin/referrals/checklistitem/{item.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert item.text.endswith("including aliases.") and item.role == "tick"
    assert item.history.count() >= 2
    history = coventry_lead.get(f"/admin/referrals/checklistitem/{item.pk}/history/")
    assert history.status_code == 200 and "cov-lead" in history.content.decode()
    page = client.get("/ready-to-refer/coventry/ready/?danger=no&level=4&family=yes").content.decode()
    assert "including aliases." in page


def test_a_lead_cannot_change_what_the_flow_relies_on(coventry_lead: Client):
    danger = ChecklistItem.objects.get(key="cov-marf-immediate-danger")
    page = coventry_lead.get(f"/admin/referrals/checklistitem/{danger.pk}/change/").content.decode()
    assert 'name="role"' not in page and 'name="options-0-value"' not in page and 'name="options-0-label"' in page
    assert coventry_lead.get(f"/admin/referrals/checklistitem/{danger.pk}/delete/").status_code == 403
    add = coventry_lead.get("/admin/referrals/checklistitem/add/").content.decode()
    assert 'value="tick"' in add and 'value="immediate_danger"' not in add
    assert "Call to Family Connect Warwickshire" not in add


def test_level_lists_edited_in_the_admin_must_be_lists_of_numbers():
    checklist = Checklist.objects.get(key="cov-marf")
    for wrong in ("4", ["4"], {"level": 4}, [True]):
        checklist.refer_at_levels = wrong
        with pytest.raises(ValidationError):
            checklist.full_clean()
    checklist.refer_at_levels = [3, 4]
    checklist.full_clean()
