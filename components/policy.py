"""The assistant's own rules: what must happen whatever the classifier or the rules say.

One policy, ranked above RulePolicy (priority 7 > 6), that on each turn:
1. keeps the `language` slot right (components/language.py decides);
2. answers distress at once with the help lines (components/safety.py detects), before anything;
3. tells a student writing in another language which languages the assistant speaks;
4. replaces the silence Rasa leaves when a custom action fails (action server down) by an apology
   with the known contact route;
5. resumes a form after a question asked in the middle of it was answered;
6. after the first answer of a conversation: offers English when French was only a guess, then
   shows the one-line privacy notice (once a session).
It predicts nothing otherwise, so RulePolicy answers.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.language import Detection, decide_language
from components.nlu import DETECTION_KEY, SAFETY_KEY

LANGUAGE_SLOT = "language"
GUESSED_SLOT = "language_guessed"
SWITCH_INTENT = "switch_language"

DISTRESS_ACTION = "utter_distress"
# What components/safety.py found -> the answer with the right help lines.
DISTRESS_ACTIONS = {"suicide": DISTRESS_ACTION, "violence": "utter_distress_violence"}
OTHER_LANGUAGE_ACTION = "utter_other_language"
ACTION_FAILED_ACTION = "utter_action_unavailable"
OFFER_ACTION = "utter_offer_other_language"
NOTICE_ACTION = "utter_privacy_notice"
# Follow-ups end the turn: after them the assistant listens.
TURN_ENDERS = {*DISTRESS_ACTIONS.values(), OTHER_LANGUAGE_ACTION, ACTION_FAILED_ACTION,
               NOTICE_ACTION}
NOT_ANSWERS = {ACTION_LISTEN_NAME, "action_session_start", "action_extract_slots", None}
# Answers that already carry the privacy notice (the channels' start command).
HAS_NOTICE = {NOTICE_ACTION, "utter_start"}
# Questions whose answer a rule expects right after them: no notice in between.
AWAITS_REPLY = {"utter_ask_forget_confirm"}


def _custom_action_failed(tracker: DialogueStateTracker, domain: Domain) -> bool:
    """The latest action was a custom action that returned nothing: it failed.

    When the action server is down or too slow, Rasa logs the error and goes on without a word.
    Every custom action of this assistant answers and returns at least one event (it clears the
    slot it used), so a custom action followed by no event at all has failed.
    """
    latest = tracker.latest_action_name
    if not latest or latest not in domain.user_actions or latest.startswith("utter_"):
        return False
    last = tracker.events[-1] if tracker.events else None
    return isinstance(last, ActionExecuted) and last.action_name == latest


def _triggered_by_the_system(tracker: DialogueStateTracker) -> bool:
    """A reminder the assistant sends by itself (an EXTERNAL_ intent) gets no follow-ups."""
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    return bool(intent and intent.startswith("EXTERNAL_"))


def _notice_shown(tracker: DialogueStateTracker) -> bool:
    """Shown in this session already (a new session, after a long pause, shows it again)."""
    return any(isinstance(e, ActionExecuted) and e.action_name in HAS_NOTICE
               for e in tracker.events)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False)
class AssistantPolicy(Policy):
    """See the module docstring."""

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.ML_DATA

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    def train(self, training_trackers: List[Any], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: Optional[Dict[Text, Any]] = None,
                                     **kwargs: Any) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        events: List[Any] = []

        def predict(action: Text) -> None:
            if action in domain.action_names_or_texts:
                probabilities[domain.index_for_action(action)] = 1.0

        latest = tracker.latest_action_name
        if latest == ACTION_LISTEN_NAME and isinstance(tracker.latest_message, UserUttered):
            message = tracker.latest_message
            parse = message.parse_data or {}
            detection = Detection.from_dict(parse.get(DETECTION_KEY))
            hint = (message.metadata or {}).get("language")
            hint = hint.lower()[:2] if isinstance(hint, str) else None
            intent = (parse.get("intent") or {}).get("name")
            current = tracker.get_slot(LANGUAGE_SLOT)
            decision = decide_language(current, detection, hint,
                                       toggle=intent == SWITCH_INTENT and not detection.explicit)
            if decision["language"] != current:
                events.append(SlotSet(LANGUAGE_SLOT, decision["language"]))
            if decision["guessed"] != bool(tracker.get_slot(GUESSED_SLOT)):
                events.append(SlotSet(GUESSED_SLOT, decision["guessed"]))
            concern = parse.get(SAFETY_KEY)
            if concern:
                action = DISTRESS_ACTIONS.get(concern, DISTRESS_ACTION)
                predict(action if action in domain.action_names_or_texts else DISTRESS_ACTION)
            elif detection.other:
                predict(OTHER_LANGUAGE_ACTION)
        elif latest in TURN_ENDERS:
            predict(ACTION_LISTEN_NAME)
        elif _custom_action_failed(tracker, domain):
            predict(ACTION_FAILED_ACTION)
        elif (tracker.active_loop_name and latest != tracker.active_loop_name
              and latest not in NOT_ANSWERS and latest not in AWAITS_REPLY
              and latest.startswith("utter_")):
            # A question asked in the middle of a form was answered: the form asks again.
            predict(tracker.active_loop_name)
        elif (latest not in NOT_ANSWERS and latest not in AWAITS_REPLY
              and tracker.active_loop_name is None and not _triggered_by_the_system(tracker)):
            if tracker.get_slot(GUESSED_SLOT) and latest != OFFER_ACTION:
                predict(OFFER_ACTION)
                events.append(SlotSet(GUESSED_SLOT, False))
            elif not _notice_shown(tracker):
                predict(NOTICE_ACTION)
            elif latest == OFFER_ACTION:
                predict(ACTION_LISTEN_NAME)
        # Marked as a "no user" prediction so that it also wins over a form's happy path (RulePolicy
        # marks loop predictions that way): distress in the middle of the checklist is answered.
        return self._prediction(probabilities, events=events,
                                is_no_user_prediction=max(probabilities) > 0)
