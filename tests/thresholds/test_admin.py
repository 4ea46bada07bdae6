"""The admin for safeguarding leads: each lead sees and changes only their partnership's content,
every change is in the history with who made it, a bad edit can be reverted, logins are throttled."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from django.test import Client

from hubs.models import Contact
from portal.cache import bump_content_version
from thresholds.models import Framework, Indicator, Partnership
from thresholds.services import create_lead, ensure_lead_group

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1234"
INDICATORS = "/admin/thresholds/indicator/"
CONTACTS = "/admin/hubs/contact/"


@pytest.fixture
def coventry_lead():
    return create_lead(username="cov-lead", password=PASSWORD, partnership=Partnership.objects.get(slug="coventry"))


@pytest.fixture
def warwickshire_lead():
    return create_lead(username="war-lead", password=PASSWORD, partnership=Partnership.objects.get(slug="warwickshire"))


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def form_values(form) -> dict:
    """What the browser would send back for an unchanged form."""
    values = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, (list, tuple, QuerySet)):
            values[form.add_prefix(name)] = [getattr(item, "pk", item) for item in value]
        else:
            values[form.add_prefix(name)] = value.pk if isinstance(value, Model) else value
    return values


def change_form_data(response) -> dict:
    """The POST data of an admin change page as shown, inlines and their management forms included."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        data |= {management.add_prefix(name): value for name, value in management.initial.items()}
        for form in formset.forms:
            data |= form_values(form)
    return data


def post_change(client: Client, url: str, **changes):
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, change_form_data(page) | changes)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return response


def test_a_coventry_lead_lists_coventry_indicators_and_no_warwickshire_indicator(coventry_lead):
    response = signed_in(coventry_lead).get(INDICATORS + "?all=")
    assert response.status_code == 200
    keys = {indicator.key for indicator in response.context["cl"].queryset}
    assert keys == set(Indicator.objects.filter(framework__slug="coventry").values_list("key", flat=True))
    assert len(keys) == 114
    html = response.content.decode()
    assert "Achieving milestones." in html
    assert "Children who are remanded." not in html and "Warwickshire" not in html and "Spectrum of Support" not in html
    assert "Extra-familial harm" not in html  # not even in the filters
    development = Indicator.objects.get(key="cov-dev-1-milestones").domain
    filtered = signed_in(coventry_lead).get(f"{INDICATORS}?domain__id__exact={development.pk}")
    assert filtered.context["cl"].result_count == 7 + 12 + 12 + 13


def test_a_coventry_lead_cannot_open_a_warwickshire_indicator_or_its_history(coventry_lead):
    indicator = Indicator.objects.get(key="war-ip-4-remanded")
    record = indicator.history.earliest()
    client = signed_in(coventry_lead)
    change = client.get(f"{INDICATORS}{indicator.pk}/change/")
    assert change.status_code == 302 and change.url == "/admin/"  # as if it did not exist
    assert client.get(f"{INDICATORS}{indicator.pk}/history/").status_code == 403
    assert client.get(f"{INDICATORS}{indicator.pk}/history/{record.history_id}/").status_code == 403
    assert client.post(f"{INDICATORS}{indicator.pk}/history/{record.history_id}/", {"text": "x"}).status_code == 403
    assert client.post(f"{INDICATORS}{indicator.pk}/change/", {"text": "Changed by the wrong lead."}).status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).text == "Children who are remanded."


def test_a_lead_is_offered_only_their_own_partnerships_choices(coventry_lead):
    indicator = Indicator.objects.get(key="cov-dev-2-poor-attachment")
    form = signed_in(coventry_lead).get(f"{INDICATORS}{indicator.pk}/change/").context["adminform"].form
    assert {level.framework.slug for level in form.fields["level"].queryset} == {"coventry"}
    assert form.fields["level"].queryset.count() == 4
    assert {domain.framework.slug for domain in form.fields["domain"].queryset} == {"coventry"}
    assert form.fields["domain"].queryset.count() == 3
    assert {parent.framework.slug for parent in form.fields["parent"].queryset} == {"coventry"}
    assert {area.framework.slug for area in form.fields["editorial_outcome_areas"].queryset} == {"coventry"}
    assert list(form.fields["framework"].queryset.values_list("slug", flat=True)) == ["coventry"]


def test_a_lead_cannot_post_another_partnerships_level(coventry_lead):
    indicator = Indicator.objects.get(key="cov-dev-2-poor-attachment")
    url = f"{INDICATORS}{indicator.pk}/change/"
    client = signed_in(coventry_lead)
    data = change_form_data(client.get(url)) | {"level": Indicator.objects.get(key="war-ip-4-remanded").level_id}
    response = client.post(url, data)
    assert response.status_code == 200 and "level" in response.context["adminform"].form.errors
    assert Indicator.objects.get(pk=indicator.pk).level.framework.slug == "coventry"


def test_a_lead_changes_an_indicator_and_the_history_says_who_then_reverts_it(coventry_lead):
    indicator = Indicator.objects.get(key="cov-dev-2-poor-attachment")
    client = signed_in(coventry_lead)
    post_change(client, f"{INDICATORS}{indicator.pk}/change/", text="Poor attachment (edited in a test).")
    assert Indicator.objects.get(pk=indicator.pk).text == "Poor attachment (edited in a test)."

    latest = indicator.history.latest()
    assert latest.history_user == coventry_lead and latest.history_type == "~"
    assert latest.prev_record.text == "Poor attachment."
    history = client.get(f"{INDICATORS}{indicator.pk}/history/")
    assert history.status_code == 200 and "cov-lead" in history.content.decode()

    # Revert: open the version before the edit and save it again (simple_history's history form).
    old = latest.prev_record
    url = f"{INDICATORS}{indicator.pk}/history/{old.history_id}/"
    page = client.get(url)
    assert page.status_code == 200 and "Poor attachment." in page.content.decode()
    response = client.post(url, change_form_data(page))
    assert response.status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).text == "Poor attachment."
    assert indicator.history.latest().history_user == coventry_lead


def test_contacts_are_scoped_to_the_leads_partnership(coventry_lead, warwickshire_lead):
    response = signed_in(coventry_lead).get(CONTACTS)
    assert response.status_code == 200
    keys = {contact.key for contact in response.context["cl"].queryset}
    assert keys == set(Contact.objects.filter(partnership__slug="coventry").values_list("key", flat=True))
    assert "Family Connect Warwickshire" not in response.content.decode()
    fis = Contact.objects.get(key="war-fis")
    assert signed_in(coventry_lead).get(f"{CONTACTS}{fis.pk}/history/").status_code == 403
    assert signed_in(coventry_lead).get(f"{CONTACTS}{fis.pk}/change/").status_code != 200
    assert signed_in(warwickshire_lead).get(f"{CONTACTS}{fis.pk}/change/").status_code == 200
    warwickshire = {c.key for c in signed_in(warwickshire_lead).get(CONTACTS).context["cl"].queryset}
    assert warwickshire == set(Contact.objects.filter(partnership__slug="warwickshire").values_list("key", flat=True))


def test_a_staff_user_who_is_no_lead_sees_no_content():
    user = get_user_model().objects.create_user(username="staff-only", password=PASSWORD, is_staff=True)
    user.groups.add(ensure_lead_group())
    client = signed_in(user)
    for url in (INDICATORS, CONTACTS, "/admin/thresholds/level/", "/admin/thresholds/framework/"):
        response = client.get(url)
        assert response.status_code == 403, url
    index = client.get("/admin/").content.decode()
    assert INDICATORS not in index and CONTACTS not in index
    indicator = Indicator.objects.get(key="cov-dev-1-milestones")
    assert client.get(f"{INDICATORS}{indicator.pk}/change/").status_code != 200


def test_a_superuser_sees_both_partnerships():
    admin = get_user_model().objects.create_superuser(username="super", password=PASSWORD)
    client = signed_in(admin)
    indicators = client.get(INDICATORS).context["cl"]
    assert indicators.result_count == 114 + 129
    assert {c.partnership.slug for c in client.get(CONTACTS).context["cl"].queryset} == {"coventry", "warwickshire"}
    remanded = Indicator.objects.get(key="war-ip-4-remanded")
    assert client.get(f"{INDICATORS}{remanded.pk}/change/").status_code == 200


def test_admin_login_is_locked_after_five_failures(coventry_lead):
    client = Client()
    for _ in range(5):
        response = client.post("/admin/login/?next=/admin/", {"username": "cov-lead", "password": "wrong password"})
        assert "_auth_user_id" not in client.session
    response = client.post("/admin/login/?next=/admin/", {"username": "cov-lead", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_the_right_password_signs_in_before_the_limit(coventry_lead):
    client = Client()
    for _ in range(4):
        client.post("/admin/login/?next=/admin/", {"username": "cov-lead", "password": "wrong password"})
    response = client.post("/admin/login/?next=/admin/", {"username": "cov-lead", "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(coventry_lead.pk)


@pytest.fixture
def fresh_pages():
    yield
    bump_content_version()  # the test's rows are rolled back: drop pages cached from them


def test_public_pages_show_the_review_date_a_lead_sets(coventry_lead, django_capture_on_commit_callbacks, fresh_pages):
    public = Client()
    assert "Next review due: not set by the partnership yet" in public.get("/thresholds/coventry/").content.decode()
    framework = Framework.objects.get(slug="coventry")
    with django_capture_on_commit_callbacks(execute=True):
        post_change(signed_in(coventry_lead), f"/admin/thresholds/framework/{framework.pk}/change/", next_review_due="2027-04-01")
    assert framework.history.latest().history_user == coventry_lead
    for url in ("/thresholds/coventry/", "/thresholds/coventry/table/", "/thresholds/coventry/levels/2/"):
        response = public.get(url)
        assert response.status_code == 200
        assert "Next review due: 1 April 2027" in response.content.decode(), url
    assert "Next review due: not set by the partnership yet" in public.get("/thresholds/warwickshire/").content.decode()
