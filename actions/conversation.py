"""Which service or deadline a lookup is about, read from the conversation."""

from typing import Callable, Collection, Optional, Tuple

# Intents that are not a topic: a follow-up such as "how do I book?" refers to the topic before them.
NOT_TOPICS = frozenset(
    {
        "greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "capabilities",
        "ask_human", "out_of_scope", "switch_language", "privacy", "forget_me", "nlu_fallback",
        "ask_contact", "ask_deadline", "ask_upcoming_deadlines", "start", "non_text", "stop",
        "remind_me", "list_reminders", "stop_reminder", "stop_all_reminders",
        "EXTERNAL_deadline_reminder",
    }
)


def latest_topic_intent(tracker) -> Optional[str]:
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent and intent not in NOT_TOPICS:
                return intent
    return None


def wanted(
    tracker,
    entity: str,
    known: Collection[str],
    match: Callable[[str], Optional[str]],
    for_intent: Callable[[str], Optional[str]],
) -> Tuple[Optional[str], Optional[str]]:
    """(id, None) when found; (None, what the student named) when the KB does not know it;
    (None, None) when nothing was named.

    In order: the entity of this message, the KB's aliases in its text (NLU may miss a synonym),
    then the conversation's most recent topic intent ("psychologist" then "how do I book?").
    """
    # This message's entity only: the slot may still hold one from an earlier, unrelated message.
    value = next(tracker.get_latest_entity_values(entity), None)
    if value:
        value = str(value)
        found = value if value in known else match(value)
        return (found, None) if found else (None, value)
    found = match(tracker.latest_message.get("text") or "")
    if found:
        return found, None
    intent = latest_topic_intent(tracker)
    return (for_intent(intent) if intent else None), None
