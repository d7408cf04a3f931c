"""Deadline look-ups: "when is the DSE deadline?" and "what deadlines are coming up?"."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import render, settings
from actions.conversation import wanted
from actions.deadline_dates import CONFIRMED, PAST_ONLY, RELATIVE, Next, next_deadline, upcoming
from actions.knowledge_base import Deadline, KnowledgeBase, get_kb


def _details(deadline: Deadline, lang: str) -> str:
    return "\n".join(t(lang) for t in (deadline.what_to_do, deadline.note) if t is not None)


def answer(deadline: Deadline, nxt: Next, kb: KnowledgeBase, lang: str) -> Dict[str, Any]:
    """The response and values telling when `deadline` falls next."""
    origin = nxt.last if nxt.last is not None else deadline  # the fact the answer rests on
    if nxt.status == CONFIRMED and deadline.sessions:
        origin = next(s for s in deadline.sessions if s.known and s.closes == nxt.due)
    values = {
        "deadline_id": deadline.id,  # the "Remind me" button's payload
        "name": deadline.name(lang),
        "details": _details(deadline, lang),
        "where": deadline.where,
        "source": render.sources(origin.source, kb.labels, lang),
        "as_of": render.as_of(origin.as_of, kb.labels, lang),
    }
    if nxt.status == RELATIVE:
        return {"response": "utter_deadline_relative", "rule": deadline.rule(lang), **values}
    if nxt.status == CONFIRMED:
        values.update(date=render.day(nxt.due, lang), days=nxt.days)
        if nxt.opens:
            return {"response": "utter_deadline_not_open_yet", "opens": render.day(nxt.opens, lang), **values}
        near = {0: "utter_deadline_today", 1: "utter_deadline_tomorrow"}
        return {"response": near.get(nxt.days, "utter_deadline_confirmed"), **values}
    values.update(
        last_dates=render.period(nxt.last.opens, nxt.last.closes, lang), last_session=nxt.last.session
    )
    if nxt.status == PAST_ONLY:
        return {"response": "utter_deadline_past_only", **values}
    return {"response": "utter_deadline_unconfirmed", "usual": deadline.usual(lang), **values}


class ActionDeadlineLookup(Action):
    def name(self) -> Text:
        return "action_deadline_lookup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        kb = get_kb()
        lang = render.language(tracker)
        deadline_id, unknown = wanted(
            tracker, "deadline", kb.deadlines, kb.match_deadline, kb.deadline_for_intent
        )
        if deadline_id is None:
            dispatcher.utter_message(
                response="utter_deadline_unknown" if unknown else "utter_deadline_which",
                buttons=render.buttons(kb.deadlines.values(), "ask_deadline", "deadline", lang),
            )
        else:
            deadline = kb.deadlines[deadline_id]
            dispatcher.utter_message(**answer(deadline, next_deadline(deadline, settings.today()), kb, lang))
        # The next question starts afresh: no deadline carried over from this one.
        return [SlotSet("deadline", None)]


class ActionUpcomingDeadlines(Action):
    def name(self) -> Text:
        return "action_upcoming_deadlines"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        kb = get_kb()
        lang = render.language(tracker)
        window = settings.UPCOMING_WINDOW_DAYS
        coming = upcoming(kb.deadlines.values(), settings.today(), window)
        messages = []
        if not coming.confirmed:
            messages.append({"response": "utter_upcoming_none_confirmed", "window_days": window})
        else:
            items = "\n".join(
                f"• {render.day(n.due, lang)} — {d.name(lang)}\n   {d.what_to_do(lang)}"
                for d, n in coming.confirmed
            )
            response = "utter_upcoming_later" if coming.beyond_window else "utter_upcoming_confirmed"
            messages.append({"response": response, "window_days": window, "items": items})
        if coming.expected:
            items = "\n".join(f"• {d.name(lang)} — {d.usual(lang)}" for d, _ in coming.expected)
            messages.append({"response": "utter_upcoming_expected", "items": items})
        if coming.relative:
            items = "\n".join(f"• {d.name(lang)} — {d.rule(lang)}" for d in coming.relative)
            messages.append({"response": "utter_upcoming_relative", "items": items})
        # The last message offers each deadline it mentioned, to ask for its details.
        listed = [d for d, _ in coming.confirmed] + [d for d, _ in coming.expected] + coming.relative
        messages[-1]["buttons"] = render.buttons(listed, "ask_deadline", "deadline", lang)
        for message in messages:
            dispatcher.utter_message(**message)
        # Every look-up returns an event: an action that returns none has failed (policy.py).
        return [SlotSet("deadline", None)]
