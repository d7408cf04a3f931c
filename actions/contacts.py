"""Contact look-up: "how do I reach the social worker?" -> the service's contact cards."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import render
from actions.conversation import wanted
from actions.knowledge_base import CONTACT_FIELDS, Contact, Labels, Unknown, get_kb


def card(contact: Contact, labels: Labels, lang: str) -> Dict[str, Any]:
    """The response and values of one contact card: the known fields, one line each, and the
    unknown ones named in the "not published yet" line with the best known route."""
    lines = [contact.about(lang)]
    missing = []
    for name in CONTACT_FIELDS:
        value = getattr(contact, name)
        if isinstance(value, Unknown):
            missing.append(labels.fields[name](lang))
        elif value is not None:
            lines.append(f"{labels.fields[name].icon} {render.text(value, lang)}")
    if contact.note:
        lines.append(f"{labels.note_icon} {contact.note(lang)}")
    values = {
        "response": "utter_contact_card",
        "office": contact.office(lang),
        "details": "\n".join(lines),
        "source": render.sources(contact.source, labels, lang),
        "as_of": render.as_of(contact.as_of, labels, lang),
    }
    if missing:
        values.update(
            response="utter_contact_card_partial", missing=", ".join(missing), route=contact.route(lang)
        )
    return values


class ActionContactLookup(Action):
    def name(self) -> Text:
        return "action_contact_lookup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        kb = get_kb()
        lang = render.language(tracker)
        service_id, unknown = wanted(
            tracker, "service", kb.services, kb.match_service, kb.service_for_intent
        )
        if service_id is None:
            dispatcher.utter_message(
                response="utter_contact_unknown_service" if unknown else "utter_contact_which",
                buttons=render.buttons(kb.services.values(), "ask_contact", "service", lang),
            )
        else:
            for contact in kb.contacts_of(service_id):
                dispatcher.utter_message(**card(contact, kb.labels, lang))
        # The next question starts afresh: no service carried over from this one.
        return [SlotSet("service", None)]
