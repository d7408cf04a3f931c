"""The look-up actions on real tracker fixtures (tests/data/*.json), in both languages.

Each test runs an action with a CollectingDispatcher, then renders what it asked for through
Rasa's own response generator and the templates of domain/lookups.yml, exactly as the Rasa server
does with an action server's reply; the assertions are on the text the student would read.
"""

import asyncio
import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contacts import ActionContactLookup
from actions.deadlines import ActionDeadlineLookup, ActionUpcomingDeadlines

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DOMAIN = ROOT / "domain" / "lookups.yml"
ACTIONS = {"contact": ActionContactLookup, "deadline": ActionDeadlineLookup, "upcoming": ActionUpcomingDeadlines}


@pytest.fixture(scope="module")
def nlg():
    return TemplatedNaturalLanguageGenerator(Domain.from_path(DOMAIN).responses)


class _Slots:
    """The part of Rasa's tracker its response generator reads: the slot values."""

    def __init__(self, slots):
        self.slots = slots

    def current_slot_values(self):
        return self.slots


def say(nlg, fixture: str, today: str, monkeypatch):
    """Run the fixture's action on 25 Nov 2026 (or `today`); return (bubbles, events)."""
    monkeypatch.setenv("ACTIONS_TODAY", today)
    state = json.loads((DATA / f"{fixture}.json").read_text(encoding="utf-8"))
    action = ACTIONS[fixture.split("_")[0]]()
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, Tracker.from_dict(state), {}))
    uttered = asyncio.run(
        RemoteAction._utter_responses(
            copy.deepcopy(dispatcher.messages), CollectingOutputChannel(), nlg, _Slots(state["slots"])
        )
    )
    bubbles = [{"text": e.text, "buttons": e.data.get("buttons") or []} for e in uttered]
    assert bubbles and all(b["text"] for b in bubbles), "every message has text"
    for bubble in bubbles:
        assert not re.search(r"\{\w+\}", bubble["text"]), f"unfilled placeholder in {bubble['text']!r}"
    return bubbles, events


def text_of(bubbles) -> str:
    return "\n\n".join(b["text"] for b in bubbles)


TODAY = "2026-11-25"

# --- contacts ------------------------------------------------------------------------------------


def test_social_worker_in_english_says_what_is_not_published_and_the_route(nlg, monkeypatch):
    bubbles, events = say(nlg, "contact_social_worker_en", TODAY, monkeypatch)
    text = text_of(bubbles)
    assert "Social worker (student welfare office)" in text
    assert "Not published yet: location, how to book, email, phone, opening hours." in text
    assert "Ask the student welfare office, or check imt-mines-ales.fr." in text
    assert "(Source: school report, 2019; this may have changed since" in text
    assert "Pas encore publié" not in text
    assert events == [SlotSet("service", None)]  # no service leaks into the next question


def test_crous_in_french_gives_old_details_marked_as_old(nlg, monkeypatch):
    bubbles, _ = say(nlg, "contact_crous_fr", TODAY, monkeypatch)
    assert len(bubbles) == 3  # Montpellier head office, Nîmes office, online procedures
    head_office = bubbles[0]["text"]
    assert "📞 04 67 41 50 00" in head_office
    assert "2 rue Monteil, CS 85053, 34093 Montpellier Cedex 5" in head_office
    assert "du lundi au vendredi, de 9 h à 16 h" in head_office
    assert "guide 2016-2017 : elles sont anciennes" in head_office
    assert "Pas encore publié : e-mail, site web." in head_office
    assert "(Source : doczz.fr, 2016-2017 ; ces informations ont pu changer depuis" in head_office
    assert "04 66 64 18 61" in bubbles[1]["text"]
    assert "messervices.etudiant.gouv.fr" in bubbles[2]["text"]


def test_button_payload_finds_the_international_office_in_english(nlg, monkeypatch):
    bubbles, _ = say(nlg, "contact_button_international_office_en", TODAY, monkeypatch)
    text = text_of(bubbles)
    assert "International office (Direction de l'action internationale)" in text
    assert "🌐 https://imt-mines-ales.fr/en/international/mobilities-0" in text
    assert "Not published yet: location, email, phone, opening hours." in text
    assert "6, avenue de Clavières, 30319 Alès Cedex" in text


def test_alias_in_the_text_and_french_when_no_language_is_set(nlg, monkeypatch):
    bubbles, _ = say(nlg, "contact_alias_no_language_slot", TODAY, monkeypatch)
    text = text_of(bubbles)
    assert "Référent handicap des élèves" in text
    assert "Pas encore publié : lieu, prise de rendez-vous, e-mail, téléphone." in text


def test_follow_up_question_uses_the_last_topic(nlg, monkeypatch):
    # "is there a psychologist?" ... "thanks" ... "how do I book?"
    bubbles, _ = say(nlg, "contact_follow_up_psychologist_en", TODAY, monkeypatch)
    assert bubbles[0]["text"].startswith("📇 School psychologist")
    assert "sees them by appointment" in bubbles[0]["text"]
    assert any("📞 3114" in b["text"] and "24/7" in b["text"] for b in bubbles)


def test_a_service_slot_left_by_an_earlier_message_does_not_leak(nlg, monkeypatch):
    # "is there a psychologist?" (service slot filled) ... "where can I live?" ... "how do I contact them?"
    bubbles, _ = say(nlg, "contact_stale_slot_en", TODAY, monkeypatch)
    assert bubbles[0]["text"].startswith("📇 Housing offered to students")
    assert "psychologist" not in text_of(bubbles)

def test_unknown_service_lists_the_known_ones_as_buttons_in_french(nlg, monkeypatch):
    bubbles, events = say(nlg, "contact_unknown_service_fr", TODAY, monkeypatch)
    assert bubbles[0]["text"] == "Je n'ai pas encore de coordonnées pour ce service. Voici ceux que je connais :"
    buttons = {b["title"]: b["payload"] for b in bubbles[0]["buttons"]}
    assert buttons["Assistante sociale"] == '/ask_contact{"service":"social_worker"}'
    assert buttons["Bureau de l'aide sociale aux élèves"] == '/ask_contact{"service":"student_welfare_office"}'
    assert events == [SlotSet("service", None)]


def test_no_service_at_all_asks_which_one_in_english(nlg, monkeypatch):
    bubbles, _ = say(nlg, "contact_nothing_en", TODAY, monkeypatch)
    assert bubbles[0]["text"] == "Which service do you want to reach? Pick it below."
    titles = [b["title"] for b in bubbles[0]["buttons"]]
    assert "Social worker" in titles and "International office" in titles and "Crous Montpellier-Occitanie" in titles


# --- one deadline --------------------------------------------------------------------------------


def test_dse_when_the_coming_campaign_is_not_published(nlg, monkeypatch):
    bubbles, events = say(nlg, "deadline_dse_fr", TODAY, monkeypatch)
    text = text_of(bubbles)
    assert "la prochaine échéance n'est pas encore publiée" in text
    assert "PAS ENCORE CONFIRMÉ" in text
    assert "Dernières dates connues, passées : 13 mars – 31 mai 2025 (session 2025-2026)." in text
    assert "Surveillez messervices.etudiant.gouv.fr" in text
    assert "2027" not in text  # no invented date for the 2026-2027 campaign
    assert events == [SlotSet("deadline", None)]


@pytest.mark.parametrize(
    "today, expected",
    [
        ("2025-03-01", "ouverture le 13 mars 2025, échéance le 31 mai 2025, dans 91 jours."),
        ("2025-05-29", "prochaine échéance le 31 mai 2025, dans 2 jours."),
        ("2025-05-30", "l'échéance, c'est demain, le 31 mai 2025."),
        ("2025-05-31", "l'échéance, c'est aujourd'hui, le 31 mai 2025 !"),
    ],
)
def test_dse_before_and_on_a_confirmed_deadline(nlg, monkeypatch, today, expected):
    text = text_of(say(nlg, "deadline_dse_fr", today, monkeypatch)[0])
    assert expected in text
    assert "PAS ENCORE CONFIRMÉ" not in text
    assert "(source : service-public.fr, 11 mars 2025)" in text


def test_eiffel_in_english_after_the_last_known_date(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_eiffel_en", TODAY, monkeypatch)[0])
    assert "the next deadline is not published yet" in text
    assert "NOT YET CONFIRMED: usually early January" in text
    assert "Last known dates, now past: 8 January 2026 (2026 session)." in text
    assert "You do not apply yourself: the school nominates its candidates" in text
    assert "2027" not in text  # 8 January 2027 is not published: never said


def test_eiffel_in_english_before_a_confirmed_date(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_eiffel_en", "2025-12-20", monkeypatch)[0])
    assert "next deadline 8 January 2026, in 19 days." in text
    assert "NOT YET CONFIRMED" not in text


def test_follow_up_deadline_question_uses_the_last_topic_in_french(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_follow_up_eiffel_fr", TODAY, monkeypatch)[0])
    assert text.startswith("📅 Bourse d'excellence Eiffel : la prochaine échéance n'est pas encore publiée.")
    assert "8 janvier 2026" in text


def test_cvec_is_told_as_its_rule_not_a_date(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_cvec_en", TODAY, monkeypatch)[0])
    assert "no fixed date" in text
    assert "before your administrative registration" in text
    assert "cvec.etudiant.gouv.fr" in text
    assert not re.search(r"\b20\d\d\b", text)  # no year: it depends on the student's own dates


def test_visa_validation_gives_the_rule_and_the_algerian_exception_in_french(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_visa_validation_fr", TODAY, monkeypatch)[0])
    assert "pas de date fixe" in text
    assert "dans les 3 mois qui suivent votre arrivée en France" in text
    assert "Ressortissants algériens" in text
    assert "administration-etrangers-en-france.interieur.gouv.fr" in text


def test_caf_summer_rolls_over_to_next_year(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_caf_summer_en", TODAY, monkeypatch)[0])
    assert "next deadline 1 July 2027, in 218 days." in text


def test_crous_meals_known_for_one_past_year_only(nlg, monkeypatch):
    text = text_of(say(nlg, "deadline_crous_meals_en", TODAY, monkeypatch)[0])
    assert "no date is published for this year" in text
    assert "The only known date is past: 2 January 2024 (2023-2024 session)." in text


def test_unknown_deadline_lists_the_known_ones_as_buttons(nlg, monkeypatch):
    bubbles, events = say(nlg, "deadline_unknown_en", TODAY, monkeypatch)
    assert bubbles[0]["text"] == "I don't track that deadline yet. Here are the ones I know:"
    payloads = [b["payload"] for b in bubbles[0]["buttons"]]
    assert '/ask_deadline{"deadline":"dse"}' in payloads and len(payloads) == 7
    assert events == [SlotSet("deadline", None)]


# --- coming up -----------------------------------------------------------------------------------


def test_coming_up_in_french_with_nothing_confirmed_in_60_days(nlg, monkeypatch):
    bubbles, _ = say(nlg, "upcoming_fr", TODAY, monkeypatch)
    confirmed, expected, relative = (b["text"] for b in bubbles)
    assert confirmed.startswith("📅 Aucune échéance confirmée dans les 60 prochains jours.")
    assert "• 31 mai 2027 — Remboursement de la CVEC" in confirmed
    assert "PAS ENCORE CONFIRMÉES" in expected
    assert "• Bourse d'excellence Eiffel — début janvier" in expected
    assert "8 janvier 2027" not in expected
    assert "CVEC (contribution de vie étudiante et de campus)" in relative
    assert '/ask_deadline{"deadline":"eiffel"}' in [b["payload"] for b in bubbles[-1]["buttons"]]


def test_coming_up_in_english_with_a_confirmed_deadline_in_the_window(nlg, monkeypatch):
    bubbles, _ = say(nlg, "upcoming_en", "2025-12-01", monkeypatch)
    assert bubbles[0]["text"].startswith("📅 Confirmed deadlines in the next 60 days:")
    assert "• 8 January 2026 — Eiffel Excellence scholarship" in bubbles[0]["text"]
    assert "Dossier Social" not in bubbles[0]["text"]  # past campaign, never shown as upcoming


# --- the domain holds every sentence, in both languages ---------------------------------------------


def test_every_response_the_actions_use_exists_in_french_and_english():
    responses = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))["responses"]
    used = set()
    for module in ("contacts", "deadlines"):
        used |= set(re.findall(r'"(utter_\w+)"', (ROOT / "actions" / f"{module}.py").read_text(encoding="utf-8")))
    assert used and used <= set(responses)
    for name, variations in responses.items():
        default = [v for v in variations if "condition" not in v]
        english = [v for v in variations if v.get("condition") == [{"type": "slot", "name": "language", "value": "en"}]]
        assert default and english, name
        placeholders = {frozenset(re.findall(r"\{(\w+)\}", v["text"])) for v in variations}
        assert len(placeholders) == 1, f"{name}: French and English use different placeholders"
