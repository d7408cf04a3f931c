"""NLU component: what every message says beyond its intent (language, distress).

It runs on every message, whatever the classifier thinks, and writes two properties to the parse
data that components/policy.py reads: `language_detection` and `safety`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import language, safety

DETECTION_KEY = "language_detection"
SAFETY_KEY = "safety"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class MessageAnalyzer(GraphComponent):
    """Adds `language_detection` and `safety` to every parsed message."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "MessageAnalyzer":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get("text") or ""
            message.set(DETECTION_KEY, language.detect(text).as_dict(), add_to_output=True)
            message.set(SAFETY_KEY, safety.assess(text), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
