"""The pre-arrival checklist form: reading the student's answers, the checklist itself, stopping,
and its calendar file (GET /checklist.ics, added to the action server by actions/__main__.py).

`prearrival_form` (domain/prearrival_form.yml) asks for the arrival date, the nationality and the
programme. Its slots have custom mappings: only `validate_prearrival_form` fills them, and only
when the message really gives a value. A message that is a question (or "stop") gets no value,
so Rasa rejects the form, the rules answer it, and AssistantPolicy asks the form's question again.
An answer that cannot be read gets a re-ask saying what is expected.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Text
from urllib.parse import urlencode, urlsplit

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import checklist, countries, ics, render, settings
from actions.dates_parse import find_date, normalise
from actions.knowledge_base import get_kb

FORM = "prearrival_form"
DATE, COUNTRY, PROGRAMME = "arrival_date", "country", "programme"
SLOTS = (DATE, COUNTRY, PROGRAMME)
REQUESTED = "requested_slot"
# A date further ahead than this is questioned ("2072": a typo?).
FAR_AHEAD = timedelta(days=730)
# Intents that say nothing about being a question: their message is read as an answer.
ANSWER_INTENTS = {None, "nlu_fallback", "affirm", "deny", "prearrival_checklist", "thank", "greet"}
STOP_INTENT = "stop"
# A topic intent this sure, on a message that gives no value, is a question ("CVEC", "logement").
TOPIC_CONFIDENCE = 0.8
QUESTION_WORDS = {
    "what", "when", "where", "how", "who", "why", "which", "is", "are", "do", "does", "can", "could",
    "should", "would", "quoi", "quand", "ou", "comment", "qui", "pourquoi", "quel", "quelle",
    "quels", "quelles", "combien", "puis", "dois", "faut",
}
# Shorter than this, a message is an answer even with a "?" ("Erasmus ?", "le 3 septembre ?").
QUESTION_MIN_WORDS = 4


# --- reading an answer (pure) ---------------------------------------------------------------------


@dataclass
class Reading:
    """What one message gives: slot values, and what to tell the student about it."""

    values: Dict[str, Any] = field(default_factory=dict)
    messages: List[Dict[str, Any]] = field(default_factory=list)  # utter_message arguments
    cleared: List[str] = field(default_factory=list)  # slots whose value was refused


def looks_like_question(text: str) -> bool:
    words = normalise(text).split()
    if len(words) < QUESTION_MIN_WORDS:
        return False
    return "?" in text or words[0] in QUESTION_WORDS or " ".join(words[:2]) == "est ce"


def read_answer(text: str, entities: List[Dict[str, Any]], requested: Optional[str], today: date,
                places: countries.Countries, data: checklist.ChecklistFile, lang: str) -> Reading:
    """The values a message gives. `requested`: the slot just asked (None: the message that started
    the form, read strictly: "en français" is not a nationality there)."""
    reading = Reading()
    found = find_date(text, today)
    if found is not None:
        if not found.valid:
            if requested == DATE:
                reading.messages.append({"response": "utter_prearrival_date_not_understood"})
                reading.cleared.append(DATE)
        elif found.value < today:
            if requested is not None:
                reading.messages.append({"response": "utter_prearrival_date_past",
                                         "date": render.day(found.value, lang)})
                reading.cleared.append(DATE)
        elif found.value > today + FAR_AHEAD:
            if requested is not None:
                reading.messages.append({"response": "utter_prearrival_date_far",
                                         "date": render.day(found.value, lang)})
                reading.cleared.append(DATE)
        else:
            reading.values[DATE] = found.value.isoformat()
            if found.approximate:
                reading.messages.append({"response": "utter_prearrival_noted_date_approx",
                                         "date": render.day(found.value, lang)})
            else:
                reading.messages.append({"response": "utter_prearrival_noted_date",
                                         "date": render.day(found.value, lang)})

    country = places.find(text, strict=requested != COUNTRY)
    if country is not None:
        if country.code is None:
            if requested == COUNTRY:
                names = ", ".join(places.name(code, lang) for code in country.candidates)
                reading.messages.append({"response": "utter_prearrival_country_ambiguous", "countries": names})
                reading.cleared.append(COUNTRY)
        else:
            reading.values[COUNTRY] = country.code
            group = places.group(country.code)
            reading.messages.append({"response": "utter_prearrival_noted_country",
                                     "country": places.name(country.code, lang),
                                     "group": data.labels.nationality[group](lang)})

    programme = next((str(e.get("value")) for e in entities
                      if e.get("entity") == PROGRAMME and e.get("value") in checklist.PROGRAMMES), None)
    programme = programme or checklist.find_programme(text, data)
    if programme is not None:
        reading.values[PROGRAMME] = programme
        reading.messages.append({"response": "utter_prearrival_noted_programme",
                                 "programme": data.labels.programme[programme](lang)})
    return reading


NOT_UNDERSTOOD = {
    DATE: "utter_prearrival_date_not_understood",
    COUNTRY: "utter_prearrival_country_not_understood",
    PROGRAMME: "utter_prearrival_programme_not_understood",
}


def is_question(text: str, intent: Optional[str], confidence: float, reading: Reading) -> bool:
    """Whether the message asks something (the form then lets the rules answer it)."""
    if intent == STOP_INTENT and not reading.values:
        return True
    if looks_like_question(text):
        return True
    return (not reading.values and not reading.messages and intent not in ANSWER_INTENTS
            and confidence >= TOPIC_CONFIDENCE)


# --- the checklist -------------------------------------------------------------------------------


def profile_of(arrival: date, code: str, programme: str, places: countries.Countries) -> checklist.Profile:
    return checklist.Profile(arrival=arrival, group=places.group(code), programme=programme)


def _when(entry: checklist.Entry, labels: checklist.Labels, lang: str) -> str:
    timing = entry.item.timing(lang)
    if entry.due is None:
        return timing
    day = render.day(entry.due, lang)
    if entry.late:
        return labels.when.late(lang).format(date=day)
    if entry.started:
        return f"{labels.when.now(lang)} ({timing})"
    template = {"by": labels.when.by, "from": labels.when.from_, "at": labels.when.at}[entry.item.kind]
    return f"{template(lang).format(date=day)} ({timing})"


def _source(entry: checklist.Entry, labels: checklist.Labels, lang: str) -> str:
    kb_labels = get_kb().labels
    return labels.source(lang).format(source=render.sources(entry.item.source, kb_labels, lang),
                                      as_of=render.as_of(entry.item.as_of, kb_labels, lang))


def calendar_url(arrival: date, code: str, programme: str, lang: str) -> str:
    query = urlencode({"arrival": arrival.isoformat(), "country": code, "programme": programme, "lang": lang})
    return f"{settings.public_url()}/checklist.ics?{query}"


def checklist_messages(arrival: date, code: str, programme: str, lang: str, today: date) -> List[Dict[str, Any]]:
    """The checklist as utter_message arguments: a summary, one message per section, then the
    calendar link. (No blank line inside a message: Rasa's channels cut a text at blank lines.)"""
    data = checklist.load(settings.kb_dir())
    places = countries.load(settings.kb_dir())
    profile = profile_of(arrival, code, programme, places)
    entries = checklist.build(profile, data, today)
    labels = data.labels
    used = checklist.anchors_used(entries)
    notes = " ".join(anchor.note(lang) for name, anchor in data.anchors.items() if name in used)
    messages = [{
        "response": "utter_prearrival_checklist_summary",
        "arrival": render.day(arrival, lang),
        "country": places.name(code, lang),
        "group": labels.nationality[profile.group](lang),
        "programme": labels.programme[programme](lang),
        "notes": notes,
    }]
    number = 0
    for section, section_entries in checklist.sections(entries):
        lines = []
        for entry in section_entries:
            number += 1
            lines.append(
                f"{number}. {entry.item.title(lang)} — {_when(entry, labels, lang)}\n"
                f"→ {checklist.what_to_do(entry, profile, data, lang)} ({_source(entry, labels, lang)})"
            )
        messages.append({"response": "utter_prearrival_checklist_section",
                         "heading": getattr(labels.sections, section)(lang), "items": "\n".join(lines)})
    messages.append({"response": "utter_prearrival_checklist_calendar",
                     "url": calendar_url(arrival, code, programme, lang)})
    return messages


def calendar_file(arrival: date, code: str, programme: str, lang: str, today: date, stamp: datetime) -> str:
    """The checklist's dated steps as an iCalendar file (steps with no known date are left out)."""
    data = checklist.load(settings.kb_dir())
    places = countries.load(settings.kb_dir())
    profile = profile_of(arrival, code, programme, places)
    labels = data.labels
    host = urlsplit(settings.public_url()).hostname or "localhost"
    events = []
    for entry in checklist.build(profile, data, today):
        if entry.due is None:
            continue
        description = "\n".join([
            _when(entry, labels, lang),
            checklist.what_to_do(entry, profile, data, lang),
            f"{_source(entry, labels, lang)}. {labels.calendar_check(lang)}",
        ])
        events.append(ics.Event(
            uid=f"prearrival-{entry.item.id}-{arrival:%Y%m%d}-{code}-{programme}@{host}",
            day=entry.due, summary=entry.item.title(lang), description=description,
        ))
    return ics.calendar(events, labels.calendar_name(lang), stamp)


def check_data() -> None:
    """Load checklist.yml and countries.yml (raises KnowledgeBaseError): the server's start check."""
    checklist.load(settings.kb_dir())
    countries.load(settings.kb_dir())


# --- actions -------------------------------------------------------------------------------------


def _resuming(tracker: Tracker) -> bool:
    """The form runs again after a question was answered, not right after the student's message."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in ("slot", "active_loop", "user_featurization") or (
                kind == "action" and event.get("name") in (FORM, "action_extract_slots")):
            continue
        return not (kind == "user" or (kind == "action" and event.get("name") == "action_listen"))
    return False


def _starting(tracker: Tracker) -> bool:
    """The form is being activated by this message (a new checklist), or nothing was asked yet."""
    if tracker.get_slot(REQUESTED) is None:
        return True
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            return True
    return False


class ValidatePrearrivalForm(Action):
    """Fills the form's slots from what the student wrote (see the module docstring)."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if _resuming(tracker):
            return []  # nothing new to read: the form asks its question again
        data = checklist.load(settings.kb_dir())
        places = countries.load(settings.kb_dir())
        lang = render.language(tracker)
        today = settings.today()
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        intent = (message.get("intent") or {}).get("name")
        confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
        starting = _starting(tracker)
        requested = None if starting else tracker.get_slot(REQUESTED)
        reading = read_answer(text, message.get("entities") or [], requested, today, places, data, lang)

        if starting:
            # A new checklist: answers of an earlier one are forgotten, values in this message kept.
            messages = [{"response": "utter_prearrival_checklist"}] + reading.messages
            events = [SlotSet(slot, reading.values.get(slot)) for slot in SLOTS]
        else:
            if is_question(text, intent, confidence, reading):
                return []  # rejected: the rules answer, then the form asks again
            messages = list(reading.messages)
            if not reading.values and requested not in reading.cleared:
                messages.append({"response": NOT_UNDERSTOOD.get(requested, NOT_UNDERSTOOD[DATE])})
                reading.cleared.append(requested)
            events = [SlotSet(slot, value) for slot, value in reading.values.items()]
            events += [SlotSet(slot, None) for slot in reading.cleared if slot not in reading.values]

        slots = {slot: tracker.get_slot(slot) for slot in SLOTS}
        slots.update({e["name"]: e["value"] for e in events})
        if all(slots.values()):
            messages += checklist_messages(date.fromisoformat(slots[DATE]), slots[COUNTRY],
                                           slots[PROGRAMME], lang, today)
        for utterance in messages:
            dispatcher.utter_message(**utterance)
        return events


class ActionPrearrivalStop(Action):
    """"stop" during the form: leave it, and say so."""

    def name(self) -> Text:
        return "action_prearrival_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_prearrival_stopped")
        return [ActiveLoop(None), SlotSet(REQUESTED, None)]


# --- the calendar file route ---------------------------------------------------------------------

CODE = re.compile(r"^[A-Z]{2}$")


async def checklist_ics(request):
    """GET /checklist.ics?arrival=2027-09-03&country=IN&programme=master&lang=en"""
    from sanic import response  # the action server's web framework, imported only when serving

    args = request.args
    try:
        arrival = date.fromisoformat(args.get("arrival") or "")
    except ValueError:
        return response.text("arrival: a date written YYYY-MM-DD is expected\n", status=400)
    code = (args.get("country") or "").upper()
    places = countries.load(settings.kb_dir())
    if not CODE.match(code) or not places.known(code):
        return response.text("country: a two-letter country code (ISO 3166) is expected\n", status=400)
    programme = args.get("programme") or ""
    if programme not in checklist.PROGRAMMES:
        return response.text(f"programme: one of {', '.join(checklist.PROGRAMMES)} is expected\n", status=400)
    lang = "en" if args.get("lang") == "en" else "fr"
    body = calendar_file(arrival, code, programme, lang, settings.today(), datetime.now(timezone.utc))
    return response.text(body, content_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="checklist-{arrival.isoformat()}.ics"',
        "Cache-Control": "no-store",
    })


def add_routes(app) -> None:
    app.add_route(checklist_ics, "/checklist.ics", methods=["GET"])

