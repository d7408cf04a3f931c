"""The form's validation action and the stop action, on trackers shaped as Rasa sends them, with
what they say rendered through Rasa's response generator and the real domain (both languages)."""

import asyncio
import copy
import re
from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.prearrival import ActionPrearrivalStop, ValidatePrearrivalForm, looks_like_question

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-25"
FORM = "prearrival_form"


@pytest.fixture(scope="module")
def nlg():
    return TemplatedNaturalLanguageGenerator(Domain.load(str(ROOT / "domain")).responses)


class _Slots:
    def __init__(self, slots):
        self.slots = slots

    def current_slot_values(self):
        return self.slots


def user(text, intent, confidence=0.9, entities=()):
    return {"event": "user", "text": text, "parse_data": {
        "text": text, "intent": {"name": intent, "confidence": confidence}, "entities": list(entities)}}


def tracker(text, intent, confidence=0.9, *, requested=None, lang="en", slots=None, starting=False,
            resuming=False, entities=()):
    """The tracker validate_prearrival_form gets: the student's message, then the form's events."""
    message = user(text, intent, confidence, entities)
    slots = {"language": lang, "arrival_date": None, "country": None, "programme": None,
             "requested_slot": requested, **(slots or {})}
    events = [{"event": "action", "name": "action_listen"}, message]
    if starting:
        events.append({"event": "active_loop", "name": FORM})
    if resuming:  # the form was rejected, the question answered, and the form runs again
        events += [{"event": "action_execution_rejected", "name": FORM},
                   {"event": "action", "name": "utter_cvec"}, {"event": "bot", "text": "The CVEC is..."}]
    events += [{"event": "slot", "name": "requested_slot", "value": requested},
               {"event": "action", "name": FORM}]
    return Tracker.from_dict({
        "sender_id": "test", "slots": slots, "latest_message": message["parse_data"], "events": events,
        "paused": False, "followup_action": None, "active_loop": {"name": FORM},
        "latest_action_name": FORM,
    })


def run(nlg, action, state: Tracker, monkeypatch, today=TODAY):
    monkeypatch.setenv("ACTIONS_TODAY", today)
    monkeypatch.setenv("ACTIONS_PUBLIC_URL", "https://assistant.example.org/actions")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {}))
    uttered = asyncio.run(RemoteAction._utter_responses(
        copy.deepcopy(dispatcher.messages), CollectingOutputChannel(), nlg, _Slots(state.slots)))
    texts = [e.text for e in uttered]
    for text in texts:
        assert text and not re.search(r"\{\w+\}", text), f"unfilled placeholder in {text!r}"
    return texts, events, [m.get("response") for m in dispatcher.messages]


def validate(nlg, state, monkeypatch, today=TODAY):
    return run(nlg, ValidatePrearrivalForm(), state, monkeypatch, today)


# --- starting --------------------------------------------------------------------------------------


def test_start_introduces_and_forgets_an_earlier_checklist(nlg, monkeypatch):
    state = tracker("I got admitted, build my checklist", "prearrival_checklist", starting=True,
                    slots={"arrival_date": "2027-09-01", "country": "IN", "programme": "master"})
    texts, events, _ = validate(nlg, state, monkeypatch)
    assert texts[0].startswith("Congratulations on your admission!")
    assert events == [SlotSet("arrival_date", None), SlotSet("country", None), SlotSet("programme", None)]


def test_start_keeps_what_the_first_message_gives_in_french(nlg, monkeypatch):
    state = tracker("je pars du Cameroun le mois prochain pour le master, que dois-je préparer ?",
                    "prearrival_checklist", lang="fr", starting=True)
    texts, events, _ = validate(nlg, state, monkeypatch)
    assert texts[0].startswith("Félicitations pour votre admission !")
    assert "je compte à partir du 1 décembre 2026" in texts[1]
    assert texts[2] == "🌍 C'est noté : Cameroun (hors UE/EEE/Suisse : visa VLS-TS)."
    assert texts[3] == "🎓 C'est noté : master ou mastère spécialisé."
    assert events == [SlotSet("arrival_date", "2026-12-01"), SlotSet("country", "CM"), SlotSet("programme", "master")]


def test_start_does_not_take_the_language_for_a_nationality(nlg, monkeypatch):
    state = tracker("fais-moi ma checklist en français", "prearrival_checklist", lang="fr", starting=True)
    _, events, _ = validate(nlg, state, monkeypatch)
    assert SlotSet("country", None) in events


# --- answers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang, noted", [
    ("le 3 septembre", "fr", "📅 C'est noté : arrivée le 3 septembre 2027."),
    ("03/09/2027", "en", "📅 Noted: arrival on 3 September 2027."),
    ("early September", "en", "📅 Noted: I count from 1 September 2027, the earliest day you gave"),
    ("dans 3 semaines", "fr", "📅 C'est noté : je compte à partir du 16 décembre 2026"),
])
def test_a_date_is_noted(nlg, monkeypatch, text, lang, noted):
    texts, events, _ = validate(nlg, tracker(text, "nlu_fallback", 0.2, requested="arrival_date", lang=lang),
                                monkeypatch)
    assert texts[0].startswith(noted)
    assert len(events) == 1 and events[0]["name"] == "arrival_date"


def test_a_past_date_is_questioned(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("3 January 2025", "nlu_fallback", 0.2, requested="arrival_date"),
                                monkeypatch)
    assert texts == ["3 January 2025 has already passed: I need the date you will arrive. "
                     "If you are already in Alès, tell me \"today\"."]
    assert events == [SlotSet("arrival_date", None)]  # set, so the form asks again (not rejected)


def test_a_far_date_is_questioned_in_french(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("2072-09-01", "out_of_scope", 0.8, requested="arrival_date",
                                             lang="fr"), monkeypatch)
    assert texts[0].startswith("Le 1 septembre 2072, c'est dans plus de deux ans")
    assert events == [SlotSet("arrival_date", None)]


@pytest.mark.parametrize("text, intent, lang, expected", [
    ("blah blah", "nlu_fallback", "en", "I didn't get the date: try \"3 September\" or \"03/09/2027\"."),
    ("31/02", "nlu_fallback", "en", "I didn't get the date"),
    ("je sais pas", "deny", "fr", "Je n'ai pas compris la date : essayez « 3 septembre » ou « 03/09/2027 »."),
])
def test_an_unreadable_date_is_asked_again_saying_what_is_expected(nlg, monkeypatch, text, intent, lang, expected):
    texts, events, _ = validate(nlg, tracker(text, intent, 0.7, requested="arrival_date", lang=lang), monkeypatch)
    assert texts[0].startswith(expected)
    assert events == [SlotSet("arrival_date", None)]


def test_nationality_answers(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("je suis marocaine", "nlu_fallback", 0.2, requested="country",
                                             lang="fr"), monkeypatch)
    assert texts == ["🌍 C'est noté : Maroc (hors UE/EEE/Suisse : visa VLS-TS)."]
    assert events == [SlotSet("country", "MA")]
    texts, events, _ = validate(nlg, tracker("German", "nlu_fallback", 0.2, requested="country"), monkeypatch)
    assert texts == ["🌍 Noted: Germany (EU/EEA/Switzerland: no visa)."]


def test_two_nationalities_ask_which_passport(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("French and Moroccan", "nlu_fallback", 0.2, requested="country"),
                                monkeypatch)
    assert texts[0].startswith("You named several countries (")
    assert "which passport will you travel with?" in texts[0]
    assert events == [SlotSet("country", None)]


def test_unknown_country_is_asked_again(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("Narnia", "nlu_fallback", 0.2, requested="country"), monkeypatch)
    assert texts[0].startswith("I didn't recognise a country: write your nationality")
    assert events == [SlotSet("country", None)]


def test_a_programme_button_fills_the_programme(nlg, monkeypatch):
    state = tracker('/prearrival_checklist{"programme":"phd"}', "prearrival_checklist", 1.0,
                    requested="programme", entities=[{"entity": "programme", "value": "phd"}],
                    slots={"arrival_date": "2027-09-03", "country": "DE"})
    texts, events, _ = validate(nlg, state, monkeypatch)
    assert SlotSet("programme", "phd") in events and texts[0] == "🎓 Noted: PhD."


def test_an_answer_that_also_gives_another_value_fills_both(nlg, monkeypatch):
    texts, events, _ = validate(nlg, tracker("I'm Indian and I arrive on 5 September", "nlu_fallback", 0.2,
                                             requested="country"), monkeypatch)
    assert SlotSet("country", "IN") in events and SlotSet("arrival_date", "2027-09-05") in events


# --- questions and stop: the form is rejected (no event), the rules answer ---------------------------


@pytest.mark.parametrize("text, intent, confidence", [
    ("what is the CVEC?", "cvec", 0.95),
    ("c'est quoi la CVEC ?", "cvec", 0.99),
    ("CVEC", "cvec", 0.98),  # a topic the classifier is sure of, and no value
    ("do I need health insurance", "health_insurance", 0.99),
    ("stop", "stop", 0.98),
    ("annule", "stop", 0.94),
    ("what is the CVEC for a master?", "cvec", 0.9),  # a question, though it names a programme
])
def test_questions_and_stop_are_not_swallowed(nlg, monkeypatch, text, intent, confidence):
    texts, events, _ = validate(nlg, tracker(text, intent, confidence, requested="programme",
                                             slots={"arrival_date": "2027-09-03", "country": "IN"}), monkeypatch)
    assert texts == [] and events == []


def test_nothing_is_read_again_when_the_form_resumes_after_a_question(nlg, monkeypatch):
    state = tracker("what is the CVEC?", "cvec", 0.95, requested="country", resuming=True)
    assert validate(nlg, state, monkeypatch)[:2] == ([], [])


def test_short_answers_with_a_question_mark_are_answers(nlg, monkeypatch):
    _, events, _ = validate(nlg, tracker("Erasmus?", "erasmus", 0.99, requested="programme"), monkeypatch)
    assert events == [SlotSet("programme", "exchange")]
    assert looks_like_question("c'est quoi la CVEC ?") and looks_like_question("how does the CAF work")
    assert not looks_like_question("le 3 septembre ?") and not looks_like_question("je suis indienne")


# --- the checklist ------------------------------------------------------------------------------


def test_the_last_answer_gives_the_checklist_in_english(nlg, monkeypatch):
    state = tracker("Master", "damage_master", 0.25, requested="programme",
                    slots={"arrival_date": "2027-09-03", "country": "IN"})
    texts, events, responses = validate(nlg, state, monkeypatch)
    assert events == [SlotSet("programme", "master")]
    assert responses == ["utter_prearrival_noted_programme", "utter_prearrival_checklist_summary",
                         "utter_prearrival_checklist_section", "utter_prearrival_checklist_section",
                         "utter_prearrival_checklist_section", "utter_prearrival_checklist_calendar"]
    summary, before, arrival, after, calendar = texts[1:]
    assert summary.startswith("✅ Your checklist, in the order to do things: arrival on 3 September 2027 · "
                              "India (outside the EU/EEA/Switzerland: VLS-TS visa) · master's or specialised master.")
    assert "administrative registration is not in my sources" in summary
    assert before.startswith("✈️ Before you arrive\n1. Campus France")
    assert "date set by the Campus France office of your country (calendar not in my sources)" in before
    assert "2. Student long-stay visa (VLS-TS) — by 2 September 2027 (before you travel)" in before
    assert "The 2027-2028 amount is not in my sources yet (last known: €105 for 2025-2026)." in before
    assert "Welcome Day date not in my sources yet" in arrival
    assert after.startswith("📌 After you arrive\n13. Online validation of your VLS-TS — by 2 December 2027")
    assert "https://assistant.example.org/actions/checklist.ics?arrival=2027-09-03&country=IN" \
           "&programme=master&lang=en" in calendar
    assert "\n\n" not in "".join(texts)  # Rasa's channels would cut a message there


def test_an_eu_exchange_student_in_french_gets_no_visa_and_no_cvec(nlg, monkeypatch):
    state = tracker("Erasmus", "erasmus", 0.99, requested="programme", lang="fr",
                    slots={"arrival_date": "2027-02-01", "country": "IT"})
    texts, _, _ = validate(nlg, state, monkeypatch)
    text = "\n".join(texts)
    assert "Italie (UE/EEE/Suisse : pas de visa)" in text
    assert "carte européenne d'assurance maladie" in text
    for absent in ("Visa long séjour", "Validation en ligne du VLS-TS", "Campus France", "CVEC (contribution",
                   "Sécurité sociale (ameli)"):
        assert absent not in text
    assert "vous ne payez pas de frais de scolarité" in text
    assert "lang=fr" in texts[-1]


def test_an_algerian_student_gets_the_residence_permit_and_the_apt(nlg, monkeypatch):
    state = tracker("cycle ingénieur", "clubs", 0.3, requested="programme", lang="fr",
                    slots={"arrival_date": "2027-09-03", "country": "DZ"})
    text = "\n".join(validate(nlg, state, monkeypatch)[0])
    assert "Demande de titre de séjour — au plus tard le 2 novembre 2027 (dans les deux mois" in text
    assert "Autorisation provisoire de travail (APT) — avant tout emploi" in text
    assert "Validation en ligne du VLS-TS" not in text
    assert "4 400 €/an hors UE" in text


# --- stop ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, expected", [
    ("en", "OK, I've stopped the checklist."), ("fr", "D'accord, j'arrête la checklist."),
])
def test_stop_leaves_the_form_and_says_so(nlg, monkeypatch, lang, expected):
    texts, events, _ = run(nlg, ActionPrearrivalStop(), tracker("stop", "stop", requested="country", lang=lang),
                           monkeypatch)
    assert texts[0].startswith(expected)
    assert events == [ActiveLoop(None), SlotSet("requested_slot", None)]
