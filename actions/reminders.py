"""Deadline reminders: subscribe, list, stop one, stop all, the reminder itself, and a staff preview.

    python -m actions.reminders preview --date 2027-05-17   # what would go out that day (sends nothing)

Reminders are sent on Telegram by the bridge (telegram_bridge/reminders.py), which asks the action
server what is due (actions/reminder_api.py), then has Rasa say it (intent
EXTERNAL_deadline_reminder -> action_deadline_reminder), so the text comes from the domain in the
conversation's language. A subscription made on another channel (the website) is not possible:
the student is told to ask on Telegram. Subscriptions live in actions/reminder_store.py; when
reminders go out is actions/reminder_schedule.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, time
from typing import Any, Dict, List, Optional, Text

from babel.dates import format_time
from babel.lists import format_list
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import render, settings
from actions.deadline_dates import next_deadline
from actions.knowledge_base import KnowledgeBase, get_kb, load
from actions.reminder_schedule import SCHEDULED, WAITING, due, planned, status
from actions.reminder_store import ReminderStore, Subscription, chat_id_of

EXTERNAL_INTENT = "EXTERNAL_deadline_reminder"
# Intents of this module: never "the topic" a follow-up refers to.
OWN_INTENTS = {"remind_me", "list_reminders", "stop_reminder", "stop_all_reminders", EXTERNAL_INTENT}


def store() -> ReminderStore:
    return ReminderStore(settings.reminders_db_url())


# --- values for the domain's {placeholders} ------------------------------------------------------


def offsets_text(offsets, lang: str) -> str:
    """"14 et 2" / "14 and 2"."""
    return format_list([str(o) for o in offsets], locale=render.LOCALES[lang])


def days_list(days, lang: str) -> str:
    """"17 mai 2027 et 29 mai 2027" (Babel's list and dates: no words of ours)."""
    return format_list([render.day(d, lang) for d in days], locale=render.LOCALES[lang])


def time_values(lang: str) -> Dict[str, str]:
    return {"send_time": format_time(settings.reminder_send_time(), format="short",
                                     locale=render.LOCALES[lang]),
            "timezone": settings.timezone().key,
            "offsets": offsets_text(settings.reminder_offsets(), lang)}


def details(deadline, lang: str) -> str:
    """What to do (and the note), from the knowledge base."""
    return "\n".join(t(lang) for t in (deadline.what_to_do, deadline.note) if t is not None)


def stop_payload(deadline_id: str) -> str:
    return "/stop_reminder" + json.dumps({"deadline": deadline_id}, separators=(",", ":"))


def remindable(kb: KnowledgeBase) -> list:
    """Deadlines with dates (not the ones relative to a student's own dates)."""
    return [d for d in kb.deadlines.values() if d.rule is None]


# --- which deadline the student means -----------------------------------------------------------


def _deadline_in(event: Dict[str, Any], kb: KnowledgeBase) -> Optional[str]:
    parse = event.get("parse_data") or {}
    for entity in parse.get("entities") or []:
        if entity.get("entity") == "deadline" and entity.get("value"):
            value = str(entity["value"])
            found = value if value in kb.deadlines else kb.match_deadline(value)
            if found:
                return found
    found = kb.match_deadline(event.get("text") or "")
    if found:
        return found
    intent = (parse.get("intent") or {}).get("name")
    return kb.deadline_for_intent(intent) if intent and intent not in OWN_INTENTS else None


def named_now(tracker: Tracker, kb: KnowledgeBase):
    """(id, None) if this message names a known deadline; (None, what it named) if it names an
    unknown one; (None, None) if it names none."""
    value = next(tracker.get_latest_entity_values("deadline"), None)
    if value:
        value = str(value)
        found = value if value in kb.deadlines else kb.match_deadline(value)
        return (found, None) if found else (None, value)
    return kb.match_deadline(tracker.latest_message.get("text") or ""), None


def mentioned_before(tracker: Tracker, kb: KnowledgeBase, among=None) -> Optional[str]:
    """The most recent deadline of the conversation (asked about, or reminded of): "remind me"
    right after "when is the DSE deadline?" means the DSE. Limited to `among` when given."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            found = _deadline_in(event, kb)
            if found and (among is None or found in among):
                return found
    return None


# --- actions ------------------------------------------------------------------------------------


class ActionRemindMe(Action):
    """"Remind me about the DSE deadline" / the "Remind me" button under a deadline answer."""

    def name(self) -> Text:
        return "action_remind_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, lang = get_kb(), render.language(tracker)
        chat_id = chat_id_of(tracker.sender_id or "")
        if chat_id is None:  # the website, the REST channel: reminders go out on Telegram only
            link = settings.telegram_bot_link()
            response = "utter_reminder_telegram_only" if link else "utter_reminder_telegram_only_no_link"
            dispatcher.utter_message(response=response, link=link)
            return [SlotSet("deadline", None)]
        deadline_id, unknown = named_now(tracker, kb)
        if deadline_id is None and unknown is None:
            deadline_id = mentioned_before(tracker, kb)
        if deadline_id is None:
            dispatcher.utter_message(
                response="utter_reminder_unknown" if unknown else "utter_reminder_which",
                buttons=render.buttons(remindable(kb), "remind_me", "deadline", lang))
            return [SlotSet("deadline", None)]
        deadline = kb.deadlines[deadline_id]
        values = {"name": deadline.name(lang), "deadline_id": deadline.id, "where": deadline.where,
                  **time_values(lang)}
        if deadline.rule is not None:
            dispatcher.utter_message(response="utter_reminder_relative", rule=deadline.rule(lang),
                                     **values)
            return [SlotSet("deadline", None)]
        now = settings.now()
        zone = settings.timezone()
        kind, deadline_date = status(deadline, now, zone)
        if kind == SCHEDULED:
            ahead = planned(deadline_date, now, settings.reminder_offsets(),
                            settings.reminder_send_time(), zone)
            if not ahead:
                dispatcher.utter_message(response="utter_reminder_too_close",
                                         date=render.day(deadline_date, lang),
                                         details=details(deadline, lang), **values)
                return [SlotSet("deadline", None)]
            store().subscribe(tracker.sender_id, chat_id, deadline.id, lang, now)
            dispatcher.utter_message(
                response="utter_reminder_subscribed", date=render.day(deadline_date, lang),
                send_dates=days_list([moment.date() for _, moment in ahead], lang), **values)
        else:  # WAITING: no made-up date; scheduled once staff confirm one
            store().subscribe(tracker.sender_id, chat_id, deadline.id, lang, now)
            dispatcher.utter_message(response="utter_reminder_waiting", **values)
        return [SlotSet("deadline", None)]


class ActionListReminders(Action):
    """"What reminders do I have?"."""

    def name(self) -> Text:
        return "action_list_reminders"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, lang = get_kb(), render.language(tracker)
        reminders = store()
        mine = [s for s in reminders.subscriptions(tracker.sender_id) if s.deadline_id in kb.deadlines]
        if not mine:
            dispatcher.utter_message(response="utter_reminders_none")
            return [SlotSet("deadline", None)]
        reminders.set_language(tracker.sender_id, lang)
        now, zone = settings.now(), settings.timezone()
        scheduled, waiting = [], []
        for subscription in mine:
            deadline = kb.deadlines[subscription.deadline_id]
            kind, deadline_date = status(deadline, now, zone)
            if kind == SCHEDULED:
                scheduled.append((deadline_date, deadline))
            else:
                waiting.append(deadline)
        if scheduled:
            items = "\n".join(f"• {render.day(d, lang)} — {deadline.name(lang)}"
                              for d, deadline in sorted(scheduled, key=lambda x: x[0]))
            dispatcher.utter_message(response="utter_reminders_scheduled", items=items)
        if waiting:
            items = "\n".join(f"• {deadline.name(lang)}" for deadline in waiting)
            dispatcher.utter_message(response="utter_reminders_waiting", items=items)
        dispatcher.utter_message(
            response="utter_reminders_stop_hint", **time_values(lang),
            buttons=[{"title": kb.deadlines[s.deadline_id].name(lang),
                      "payload": stop_payload(s.deadline_id)} for s in mine])
        return [SlotSet("deadline", None)]


class ActionStopReminder(Action):
    """"Stop the Eiffel reminder" / the "Stop this reminder" button under a reminder."""

    def name(self) -> Text:
        return "action_stop_reminder"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, lang = get_kb(), render.language(tracker)
        reminders = store()
        mine = [s.deadline_id for s in reminders.subscriptions(tracker.sender_id)]
        deadline_id, unknown = named_now(tracker, kb)
        if deadline_id is None and unknown is None:
            # "stop this reminder": the one just received, or the only one there is.
            deadline_id = mentioned_before(tracker, kb, among=mine)
            if deadline_id is None and len(mine) == 1:
                deadline_id = mine[0]
        if deadline_id is None:
            if not mine:
                dispatcher.utter_message(response="utter_reminders_none")
            else:
                dispatcher.utter_message(
                    response="utter_reminder_stop_which",
                    buttons=[{"title": kb.deadlines[d].name(lang) if d in kb.deadlines else d,
                              "payload": stop_payload(d)} for d in mine])
            return [SlotSet("deadline", None)]
        name = kb.deadlines[deadline_id].name(lang)
        if reminders.unsubscribe(tracker.sender_id, deadline_id):
            dispatcher.utter_message(response="utter_reminder_stopped", name=name)
        else:
            dispatcher.utter_message(response="utter_reminder_not_subscribed", name=name)
        return [SlotSet("deadline", None)]


class ActionStopAllReminders(Action):
    """"Stop all reminders"."""

    def name(self) -> Text:
        return "action_stop_all_reminders"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        count = store().unsubscribe(tracker.sender_id)
        if count:
            dispatcher.utter_message(response="utter_reminders_all_stopped", count=count)
        else:
            dispatcher.utter_message(response="utter_reminders_none")
        # Every action returns an event: one that returns none has failed (components/policy.py).
        return [SlotSet("deadline", None)]


class ActionDeadlineReminder(Action):
    """The reminder itself, triggered by the bridge through Rasa's HTTP API:
    EXTERNAL_deadline_reminder with entities deadline, deadline_date and days_left."""

    def name(self) -> Text:
        return "action_deadline_reminder"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, lang = get_kb(), render.language(tracker)
        values = {e.get("entity"): e.get("value")
                  for e in (tracker.latest_message.get("entities") or [])}
        deadline = kb.deadlines.get(str(values.get("deadline")))
        if deadline is None:
            return [SlotSet("deadline", None)]  # deleted from the KB since: nothing true to say
        try:
            deadline_date = date.fromisoformat(str(values.get("deadline_date")))
        except ValueError:
            deadline_date = next_deadline(deadline, settings.today()).due
        try:
            days = int(values.get("days_left"))
        except (TypeError, ValueError):
            days = (deadline_date - settings.today()).days
        response = {0: "utter_reminder_due_today", 1: "utter_reminder_due_tomorrow"}.get(
            days, "utter_reminder_due")
        dispatcher.utter_message(
            response=response, name=deadline.name(lang), deadline_id=deadline.id,
            date=render.day(deadline_date, lang), days=days, details=details(deadline, lang),
            where=deadline.where)
        return [SlotSet("deadline", None)]


# --- the bridge's view: what is due -------------------------------------------------------------


def due_now(now: datetime, kb: Optional[KnowledgeBase] = None,
            reminders: Optional[ReminderStore] = None) -> list:
    """The reminders to send at `now` (reminder_schedule.due on the store and the KB)."""
    kb = kb or get_kb()
    reminders = reminders or store()
    return due(reminders.subscriptions(), kb.deadlines, reminders.sent(), now,
               settings.reminder_offsets(), settings.reminder_send_time(), settings.timezone())


# --- staff preview ------------------------------------------------------------------------------


def preview(day: date, kb: KnowledgeBase, reminders: ReminderStore, today: date) -> List[str]:
    """Lines saying what would be sent on `day`, and which subscriptions wait for a date."""
    zone, send_time = settings.timezone(), settings.reminder_send_time()
    end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=zone)
    subscriptions = reminders.subscriptions()
    lines = []
    for item in due(subscriptions, kb.deadlines, reminders.sent(), end_of_day,
                    settings.reminder_offsets(), send_time, zone):
        planned_day = item.send_at.astimezone(zone).date()
        if planned_day != day and day > today:
            continue  # missed earlier: that one goes out on its own day, not this one
        late = "" if planned_day == day else f" (planned {planned_day.isoformat()}, missed: sent late)"
        sub: Subscription = item.subscription
        lines.append(
            f"{item.send_at.astimezone(zone):%Y-%m-%d %H:%M} {zone.key}  {sub.sender} (chat {sub.chat_id})"
            f"  {sub.deadline_id}: deadline {item.deadline_date.isoformat()}, {item.offset} days before,"
            f" {item.days_left} days left  language {sub.language}{late}")
    waiting = [s for s in subscriptions
               if status(kb.deadlines.get(s.deadline_id), end_of_day, zone)[0] == WAITING]
    header = [f"Reminders that would be sent on {day.isoformat()} (nothing is sent): {len(lines)}"]
    footer = []
    if waiting:
        footer.append(f"Waiting for a confirmed date in deadlines.yml: {len(waiting)} subscription(s)")
        footer += [f"  {s.sender} (chat {s.chat_id})  {s.deadline_id}  language {s.language}"
                   for s in waiting]
    return header + ["  " + line for line in lines] + footer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actions.reminders",
                                     description="Deadline reminders, for staff.")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("preview", help="what would be sent on a date; sends nothing")
    show.add_argument("--date", type=date.fromisoformat, default=None,
                      help="YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    kb = load(settings.kb_dir())
    today = settings.today()
    for line in preview(args.date or today, kb, store(), today):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
