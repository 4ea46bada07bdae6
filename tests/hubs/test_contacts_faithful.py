"""Each contact against its source: every number, email, web address, hours note, age range,
menu option and sentence of description is in the document and section it cites."""

import re

import pytest
from django.conf import settings

from hubs.models import Contact

pytestmark = pytest.mark.django_db

# Names the portal spells differently from the extracted text (docs/content-format.md, "Words").
NAME_CORRECTIONS = {"Mosaic Family Hub": "Mosiac Family Hub"}
# Names the portal gives a contact that the document only implies (the heading it sits under).
NAMES_FROM_HEADINGS = {
    "cov-social-care": ["Children's Social Care", "Multi Agency Safeguarding Hub"],
    "cov-nspcc": ["NSPCC National Helpline"],
    "war-family-connect": ["Family Connect Warwickshire"],
    "war-family-network-service": ["Warwickshire Family Network Service"],
    "war-fis": ["Warwickshire Family Information Service", "Family Information Service (FIS)"],
    "war-children-family-centres": ["Children and Family Centres"],
}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def source(contact: Contact) -> str:
    return collapse((settings.SOURCE_DOCUMENTS_DIR / contact.source_file).read_text(encoding="utf-8"))


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def all_contacts() -> list[Contact]:
    return list(Contact.objects.prefetch_related("phones", "hours").select_related("partnership"))


def test_the_documents_contacts_are_all_here_and_nothing_else():
    by_area = {}
    for contact in all_contacts():
        by_area.setdefault(contact.partnership.slug, []).append(contact.key)
    assert len([k for k in by_area["coventry"] if k.startswith("cov-hub-")]) == 8  # "our 8 Family Hubs"
    assert set(by_area["coventry"]) - {k for k in by_area["coventry"] if k.startswith("cov-hub-")} == {
        "cov-social-care", "cov-edt", "cov-police", "cov-nspcc",
    }  # fmt: skip
    assert set(by_area["warwickshire"]) == {"war-family-connect", "war-family-network-service", "war-fis", "war-children-family-centres"}


def test_every_contact_cites_a_section_the_document_has():
    for contact in all_contacts():
        heading = re.sub(r"[^a-z0-9]+", " ", contact.source_section.lower()).strip()
        text = re.sub(r"[^a-z0-9]+", " ", source(contact).lower())
        assert heading in text, f"{contact.key}: no section '{contact.source_section}' in {contact.source_file}"


def test_every_contact_name_is_the_documents():
    for contact in all_contacts():
        names = NAMES_FROM_HEADINGS.get(contact.key, [NAME_CORRECTIONS.get(contact.name, contact.name)])
        text = source(contact)
        assert any(name in text for name in names), f"{contact.key}: {contact.name}"


def test_every_phone_number_and_menu_option_is_in_the_cited_source():
    checked = 0
    for contact in all_contacts():
        printed = {digits(n) for n in re.findall(r"\d[\d ]*\d", source(contact))}
        for phone in contact.phones.all():
            assert digits(phone.number) in printed, f"{contact.key}: {phone.number}"
            if phone.label:
                assert phone.label in source(contact), f"{contact.key}: {phone.label}"
            for option in phone.options:
                assert re.search(rf"Option {option['key']}\s+{re.escape(option['label'])}", source(contact)), option
            checked += 1
    assert checked == 15


def test_each_family_hub_number_is_printed_beside_that_hubs_name():
    rhrt = (settings.SOURCE_DOCUMENTS_DIR / "001_0047487914b27ebb.txt").read_text(encoding="utf-8")
    lines = {NAME_CORRECTIONS.get(line.split(" Tel:")[0], line.split(" Tel:")[0]): digits(line.split(" Tel:")[1]) for line in rhrt.splitlines() if " Tel:" in line and "Hub" in line}
    hubs = Contact.objects.filter(kind=Contact.Kind.FAMILY_HUB, partnership__slug="coventry").prefetch_related("phones")
    for hub in hubs:
        source_name = NAME_CORRECTIONS.get(hub.name, hub.name)
        assert lines[source_name] == digits(hub.phones.get().number), hub.name


def test_every_email_web_address_hours_note_and_age_range_is_in_the_cited_source():
    for contact in all_contacts():
        text = source(contact)
        for email in contact.emails:
            assert email in text, f"{contact.key}: {email}"
        for site in contact.websites:
            assert site["url"].removeprefix("https://") in text, f"{contact.key}: {site['url']}"
        if contact.hours_note:
            assert collapse(contact.hours_note) in text, f"{contact.key}: {contact.hours_note}"
        if contact.ages:
            assert contact.ages in text, f"{contact.key}: {contact.ages}"


def test_every_sentence_of_every_description_is_in_the_cited_source():
    for contact in all_contacts():
        text = source(contact)
        for block in re.split(r"\n\s*\n", contact.description):
            for line in block.splitlines():
                line = collapse(line.removeprefix("- "))
                if line:
                    assert line in text, f"{contact.key}: {line!r}"


def test_the_out_of_hours_rules_say_what_the_document_says():
    from hubs.now import describe_rules
    from hubs.selectors import rules_of

    edt = Contact.objects.get(key="cov-edt")
    assert "between 5pm and 8.30am Monday to Thursday and between 4.30pm on a Friday and 8.30am on a Monday" in edt.hours_note
    assert describe_rules(rules_of(edt)) == ["Monday to Thursday, 5pm to 8:30am the next day", "Friday 4:30pm to Monday 8:30am"]
    fis = Contact.objects.get(key="war-fis")
    assert fis.hours_note == "Monday - Friday, 9am - 5pm"
    assert describe_rules(rules_of(fis)) == ["Monday to Friday, 9am to 5pm"]


def test_hours_are_given_only_where_the_documents_give_them():
    with_rules = {c.key for c in all_contacts() if c.hours.all()}
    assert with_rules == {"cov-edt", "war-fis"}
    assert {c.key for c in all_contacts() if c.open_all_hours} == {"cov-police", "cov-nspcc"}
