"""Phone numbers shown the British way and linked as tel: in international form."""

import re

import pytest

from hubs.models import Phone
from hubs.phones import display, tel
from hubs.templatetags.contact_tags import bare_url, option_label, uk_moment
from tests.hubs.conftest import uk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "shown", "link"),
    [
        ("024 7678 8555", "024 7678 8555", "tel:+442476788555"),
        ("02476785621", "024 7678 5621", "tel:+442476785621"),  # as 001 prints The Moat's: "024 76785621"
        ("01926 414144", "01926 414144", "tel:+441926414144"),
        ("0800 408 1558", "0800 408 1558", "tel:+448004081558"),
        ("0808 800 5000", "0808 800 5000", "tel:+448088005000"),
        ("999", "999", "tel:999"),
    ],
)
def test_numbers_are_shown_british_and_linked_international(number, shown, link):
    assert display(number) == shown
    assert tel(number) == link


def test_every_stored_number_displays_as_the_fixtures_write_it_and_links_validly():
    phones = list(Phone.objects.all())
    assert len(phones) >= 14
    for phone in phones:
        assert display(phone.number) == phone.number, phone.number
        assert re.fullmatch(r"tel:(\+44[1-9]\d{9}|999)", tel(phone.number)), phone.number


def test_menu_options_read_as_the_document_lays_them_out():
    assert option_label({"key": 3, "label": "To make a referral"}) == "Option 3: To make a referral"


def test_times_on_pages_are_dates_not_today_or_tomorrow():
    assert uk_moment(uk(2026, 3, 30, 8, 30)) == "8:30am on Monday 30 March"
    assert uk_moment(uk(2026, 4, 17, 16, 30)) == "4:30pm on Friday 17 April"
    assert uk_moment(None) == ""


def test_web_addresses_read_as_the_documents_print_them():
    assert bare_url("https://www.warwickshire.gov.uk/fis") == "www.warwickshire.gov.uk/fis"
