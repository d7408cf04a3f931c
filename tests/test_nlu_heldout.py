"""NLU quality on the held-out set (tests/nlu_heldout/, never trained on), per language."""

import asyncio
from collections import Counter

import pytest

from scripts.nlu_eval import load_heldout, scores
from tests.servers import MODEL

THRESHOLD = 0.90


@pytest.fixture(scope="module")
def predictions():
    if not MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    examples = load_heldout()

    async def parse_all():
        return [(await agent.parse_message(text))["intent"]["name"] for text, _, _ in examples]

    return examples, asyncio.run(parse_all())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_heldout_intent_accuracy(predictions, language):
    examples, predicted = predictions
    idx = [i for i, (_, _, lang) in enumerate(examples) if lang == language]
    result = scores([examples[i][1] for i in idx], [predicted[i] for i in idx])
    errors = Counter((examples[i][1], predicted[i]) for i in idx
                     if predicted[i] != examples[i][1]
                     and not (examples[i][1] == "out_of_scope" and predicted[i] == "nlu_fallback"))
    print(f"{language}: accuracy {result['accuracy']:.3f}, macro-F1 {result['macro_f1']:.3f}, "
          f"fallback {result['fallback']:.3f}; most confused: {errors.most_common(5)}")
    assert result["accuracy"] >= THRESHOLD


def test_out_of_scope_questions_do_not_get_a_topic_answer(predictions):
    examples, predicted = predictions
    oos = [p for (_, intent, _), p in zip(examples, predicted) if intent == "out_of_scope"]
    wrong = [p for p in oos if p not in ("out_of_scope", "nlu_fallback")]
    assert len(wrong) / len(oos) <= 0.1, Counter(wrong)


def test_every_intent_has_enough_heldout_examples_per_language():
    counts = Counter((intent, lang) for _, intent, lang in load_heldout())
    intents = {intent for intent, _ in counts}
    short = [(i, lang, counts[(i, lang)]) for i in intents for lang in ("fr", "en")
             if counts[(i, lang)] < 10]
    assert not short
