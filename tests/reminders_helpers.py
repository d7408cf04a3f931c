"""Shared by the reminder tests: a knowledge base copy whose dates a test can confirm, trackers of
one message, and Rasa's own rendering of what an action asked to say."""

from __future__ import annotations

import asyncio
import copy
import re
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "actions" / "knowledge"
SOURCED = {"source": "https://www.example.org/test-only", "as_of": "2027",
           "verified_on": "2027-03-01"}


def copy_kb(folder: Path) -> Path:
    """A copy of the real knowledge base, for a test to add dates to."""
    shutil.copytree(KB_DIR, folder)
    return folder


def confirm(folder: Path, deadline_id: str, closes: str, session: str = "test") -> None:
    """Staff confirm a date: a dated session added under the deadline in deadlines.yml."""
    path = folder / "deadlines.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(d for d in data["deadlines"] if d["id"] == deadline_id)
    entry.setdefault("sessions", []).append({"session": session, "closes": closes, **SOURCED})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def user_event(text: str, intent: str, entities: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    entity_list = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
    return {"event": "user", "timestamp": 1.0, "text": text,
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": 0.95},
                           "entities": entity_list},
            "input_channel": "rest"}


def tracker(sender: str, language: str, text: str, intent: str,
            entities: Optional[Dict[str, Any]] = None,
            history: Optional[List[Dict[str, Any]]] = None) -> Tracker:
    """The conversation as the action server receives it, after `history` and one message."""
    message = user_event(text, intent, entities)
    events = [{"event": "slot", "timestamp": 0.0, "name": "language", "value": language},
              *(history or []), {"event": "action", "timestamp": 0.0, "name": "action_listen"},
              message]
    return Tracker.from_dict({
        "sender_id": sender, "slots": {"language": language, "deadline": None},
        "latest_message": {**message["parse_data"], "message_id": "m1", "metadata": {}},
        "events": events, "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen", "latest_input_channel": "rest"})


class _Slots:
    def __init__(self, slots):
        self.slots = slots

    def current_slot_values(self):
        return self.slots


_nlg = None


def nlg() -> TemplatedNaturalLanguageGenerator:
    global _nlg
    if _nlg is None:
        _nlg = TemplatedNaturalLanguageGenerator(Domain.from_directory(str(ROOT / "domain")).responses)
    return _nlg


def render(dispatcher: CollectingDispatcher, language: str) -> List[Dict[str, Any]]:
    """What the student reads: Rasa's response generator on the action's messages."""
    uttered = asyncio.run(RemoteAction._utter_responses(
        copy.deepcopy(dispatcher.messages), CollectingOutputChannel(), nlg(),
        _Slots({"language": language})))
    bubbles = [{"text": e.text, "buttons": e.data.get("buttons") or []} for e in uttered]
    for bubble in bubbles:
        assert bubble["text"], "every message has text"
        assert not re.search(r"\{\w+\}", bubble["text"]), f"unfilled placeholder: {bubble['text']!r}"
        for button in bubble["buttons"]:
            assert "{{" not in button["payload"], f"unfilled: {button['payload']}"
            assert not re.search(r"\{\w+\}", button["payload"]), f"unfilled: {button['payload']}"
    return bubbles


def run(action, tracker_: Tracker, language: str):
    """(bubbles, events) of one action run."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return render(dispatcher, language), events


def text_of(bubbles) -> str:
    return "\n\n".join(b["text"] for b in bubbles)


def payloads(bubbles) -> List[str]:
    return [b["payload"] for bubble in bubbles for b in bubble["buttons"]]
