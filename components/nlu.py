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


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UnknownWordsFallback(GraphComponent):
    """Sends a message none of whose words the assistant has ever seen to the fallback.

    The intent classifier always names some intent: "qsdkjh zzkx" or "😀😀" came out as `affirm`
    with a third of the confidence, enough to clear the fallback threshold and get a confident
    wrong answer. When the word features (the featurizer aliased `config["words"]`) are all empty
    and the classifier is not sure, the message goes to the fallback, which asks to rephrase. A
    one-word typo ("logemnt") keeps its intent when the character n-grams are sure of it.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"words": "word_counts", "keep_above": 0.7}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.words = config["words"]
        self.keep_above = config["keep_above"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "UnknownWordsFallback":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get("text") or ""
            intent = message.get("intent") or {}
            if text.startswith("/") or (intent.get("confidence") or 0.0) >= self.keep_above:
                continue
            _, sentence = message.get_sparse_features("text", [self.words])
            if sentence is None or sentence.features.nnz == 0:
                ranking = message.get("intent_ranking") or []
                fallback = {"name": "nlu_fallback", "confidence": 1.0}
                message.set("intent", fallback, add_to_output=True)
                message.set("intent_ranking", [fallback] + ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
