"""The guidance pages: consent, what happens after you refer, information sharing, Pathway to Change."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def test_coventry_consent_has_section_7_and_the_family_pages_paragraph(client: Client):
    html = page(client, "/ready-to-refer/coventry/consent/")
    assert "Early help is a voluntary assessment process" in html
    assert "the decision must be recorded in the child&#x27;s file with reasons, dated and signed and included on the MARF" in html
    assert "When submitting a MARF you will be asked to confirm that a discussion has taken place with the family" in html
    assert "Source: Right help, right time, Section 7: Consent" in html


def test_warwickshire_consent_has_why_tips_benefits_disagreement_and_names_gillick_and_fraser(client: Client):
    html = page(client, "/ready-to-refer/warwickshire/consent/")
    for words in (
        "Why ask for consent?",
        "Clearly explain your role and purpose",
        "Avoid: Adding consent as an afterthought.",
        "How working with us on a voluntary basis can benefit the family",
        "What if they disagree?",
        "Consent for children under sixteen should follow Gillick competence and Fraser Guidelines.",
        "Police must apply the agreed Domestic Abuse Pathway (DAP) referral criteria",
    ):
        assert words in html, words
    assert "<li>It shows respect and builds trust with families.</li>" in html


def test_coventry_after_you_refer_covers_mash_assessment_plans_reviews_visits_transfer_and_teams(client: Client):
    html = page(client, "/ready-to-refer/coventry/after-you-refer/")
    for words in (
        "information is triaged and a Threshold Decision applied",
        "this could be a short 10 day assessment or full 45 day multi-agency Child and Family Assessment",
        "a child in need plan, or a child protection plan",
        "reviewed at a minimum of every six months",
        "These are called statutory visits",
        "This may include a lead practitioner being identified",
        "there is now 15 teams across 4 areas being Central, West, East and South",
        "Horizon Team which works with Child Exploitation",
        "the referrer will receive written feedback",
    ):
        assert words in html, words
    assert '<h2 class="govuk-heading-l" id="what-social-workers-do">What social workers do</h2>' in html
    assert 'href="#what-social-workers-do"' in html  # on this page
    assert '<h3 class="govuk-heading-m">Statutory visits</h3>' in html


def test_warwickshire_after_you_call_covers_pathways_lead_practitioners_and_the_feedback_letter(client: Client):
    html = page(client, "/ready-to-refer/warwickshire/after-you-refer/")
    assert "The outcomes of these conversations will result in a clearly defined pathway:" in html
    assert re.search(r"<li>Single agency support</li>", html)
    assert "Family Help Lead Practitioner (FHLP)" in html
    assert "A consultation feedback letter is provided as a record of all conversations" in html
    assert "Warwickshire police, South Warwickshire Foundation Trust, and education." in html


def test_information_sharing_names_the_seven_golden_rules_without_inventing_them(client: Client):
    html = page(client, "/ready-to-refer/coventry/information-sharing/")
    assert "a failure by practitioners to record information, to share it, to understand its significance" in html
    assert "The seven golden rules of information sharing are illustrated on this poster." in html
    assert "the document does not write the rules out" in html
    assert len(re.findall(r"<li>", html.split("<main")[1].split("More guidance")[0])) == 0


def test_pathway_to_change_worksheet_prints_with_space_to_write_and_no_form_fields(client: Client):
    html = page(client, "/ready-to-refer/warwickshire/pathway-to-change/")
    main = html.split('id="main-content"')[1]
    for prompt in ("What happened in the past?", "What is happening now?", "What triggers this now?", "What positives and strengths are there?", "Who is affected and how?"):
        assert f">{prompt}</h3>" in main, prompt
    assert main.count('class="app-writing-box"') == 6 and main.count('class="app-writing-line"') == 2
    assert "<input" not in main and "<textarea" not in main and "<form" not in main
    assert "You may wish to use this space to draw out a genogram or ecomap" in main
    assert main.count("app-worksheet__start") == 1
    assert "data-print-button hidden" in main
    assert "gives prompts for the Situation boxes only" in main


def test_guidance_pages_link_to_each_other_and_to_the_checklist(client: Client):
    html = page(client, "/ready-to-refer/coventry/consent/")
    assert 'href="/ready-to-refer/coventry/after-you-refer/"' in html
    assert 'href="/ready-to-refer/coventry/danger/"' in html
    assert 'href="/ready-to-refer/warwickshire/consent/"' not in html


def test_an_unknown_guidance_page_is_not_found(client: Client):
    assert client.get("/ready-to-refer/coventry/pathway-to-change/").status_code == 404
    assert client.get("/ready-to-refer/nowhere/consent/").status_code == 404
