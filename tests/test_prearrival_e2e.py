"""End-to-end: the pre-arrival checklist over the REST channel (real Rasa and action servers), in
both languages, for a non-EU and an EU student, with a question in the middle, a stop, and the
calendar file fetched from the link the checklist gives."""

import re
import urllib.error
import urllib.request
import uuid
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest

from tests.servers import say, texts
from tests.test_prearrival_checklist import parse

pytestmark = pytest.mark.e2e

# The action server runs on today's real date: arrivals are counted from it.
ARRIVAL = date.today() + timedelta(days=200)


def new_sender():
    return f"prearrival-{uuid.uuid4().hex[:8]}"


def converse(assistant, *messages):
    sender, replies = new_sender(), []
    for message in messages:
        replies.append(texts(say(assistant.port, sender, message)))
    return replies


def calendar_link(text: str) -> str:
    return re.search(r"https?://\S+/checklist\.ics\?\S+", text).group(0)


def fetch(assistant, link: str):
    """The link's path and query, asked of the test's own action server (the link's host is the
    public one)."""
    parts = urlsplit(link)
    url = f"http://127.0.0.1:{assistant.actions.port}{parts.path}?{parts.query}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers.get("Content-Type"), response.read().decode("utf-8")


def test_non_eu_student_in_french_with_a_question_in_the_middle(assistant):
    intro, noted_date, cvec, noted_country, checklist = converse(
        assistant, "Bonjour, je viens d'être admise, fais-moi ma checklist",
        ARRIVAL.strftime("%d/%m/%Y"), "c'est quoi la CVEC ?", "je suis indienne", "master")
    assert "Félicitations pour votre admission" in intro and "Quand pensez-vous arriver" in intro
    assert "C'est noté : arrivée le" in noted_date and "Quelle est votre nationalité" in noted_date
    assert "cvec.etudiant.gouv.fr" in cvec and "Quelle est votre nationalité" in cvec  # answered, then asked again
    assert "Inde (hors UE/EEE/Suisse : visa VLS-TS)" in noted_country and "Dans quel programme" in noted_country
    for step in ("Visa long séjour étudiant (VLS-TS)", "Validation en ligne du VLS-TS", "CVEC (contribution",
                 "Sécurité sociale (ameli)", "date fixée par l'Espace Campus France de votre pays"):
        assert step in checklist
    content_type, body = fetch(assistant, calendar_link(checklist))
    assert content_type.startswith("text/calendar")
    _, events = parse(body)
    days = {e["DTSTART"][1] for e in events}
    assert (ARRIVAL - timedelta(days=1)).strftime("%Y%m%d") in days  # visa, CVEC... before arrival
    assert any("VLS-TS" in e["SUMMARY"][1] for e in events)


def test_non_eu_student_in_english(assistant):
    replies = converse(assistant, "Hi, I got admitted, can you build my checklist?",
                       ARRIVAL.strftime("%d %B %Y"), "I'm Brazilian", "PhD")
    assert "When do you plan to arrive in Alès?" in replies[0]
    assert "Brazil (outside the EU/EEA/Switzerland: VLS-TS visa)" in replies[2]
    checklist = replies[3]
    assert "Student long-stay visa (VLS-TS)" in checklist and "Online validation of your VLS-TS" in checklist
    assert "lang=en" in calendar_link(checklist)


def test_eu_student_in_french_gets_no_visa(assistant):
    replies = converse(assistant, "checklist avant d'arriver", ARRIVAL.isoformat(), "allemande",
                       "cycle ingénieur")
    checklist = replies[-1]
    assert "Allemagne (UE/EEE/Suisse : pas de visa)" in checklist
    assert "Carte européenne d'assurance maladie" in checklist and "2 400 €/an" in checklist
    assert "Visa long séjour" not in checklist and "Validation en ligne" not in checklist


def test_eu_exchange_student_in_english_with_an_unreadable_answer(assistant):
    replies = converse(assistant, "make me a checklist", "blah blah", "early September", "Italian", "Erasmus")
    assert "I didn't get the date" in replies[1] and "When do you plan to arrive" in replies[1]
    assert "1 September" in replies[2]
    checklist = replies[-1]
    assert "Italy (EU/EEA/Switzerland: no visa)" in checklist
    assert "you pay no tuition fees at the school" in checklist
    assert "CVEC (student" not in checklist and "VLS-TS)" not in checklist


def test_stop_leaves_the_form_and_questions_are_answered_again(assistant):
    replies = converse(assistant, "build my checklist", ARRIVAL.isoformat(), "cancel", "what is the CVEC?")
    assert "OK, I've stopped the checklist." in replies[2]
    assert "cvec.etudiant.gouv.fr" in replies[3]
    assert "nationality" not in replies[3]  # the form does not come back


def test_calendar_link_refuses_bad_parameters(assistant):
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(assistant, "http://x/checklist.ics?arrival=2027-09-03&country=XX&programme=master")
    assert error.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(assistant, "http://x/checklist.ics?arrival=soon&country=IN&programme=master")
    assert error.value.code == 400
