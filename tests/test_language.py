"""The conversation's language: detection on real-looking messages, and the decision rules."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from components.language import EN, FR, Detection, decide_language, detect

LABELLED = yaml.safe_load(
    (Path(__file__).parent / "language" / "labelled_messages.yml").read_text(encoding="utf-8")
)["messages"]


def _by_label(label):
    return [m["text"] for m in LABELLED if m["label"] == label]


@pytest.mark.parametrize("label", [FR, EN])
def test_first_message_language_on_labelled_set(label):
    texts = _by_label(label)
    right = sum(decide_language(None, detect(t))["language"] == label for t in texts)
    assert right / len(texts) >= 0.95, f"{label}: {right}/{len(texts)}"


@pytest.mark.parametrize("label", [FR, EN])
def test_never_confidently_wrong(label):
    # A confident detection in the wrong language would flip a conversation.
    wrong = [t for t in _by_label(label) if detect(t).confident not in (None, label)]
    assert wrong == []


def test_names_and_emoji_never_flip_a_conversation():
    flips = [t for t in _by_label("neutral")
             if decide_language(FR, detect(t))["language"] != FR
             or decide_language(EN, detect(t))["language"] != EN]
    assert flips == []


def test_other_languages_are_noticed():
    texts = _by_label("other")
    noticed = sum(detect(t).other for t in texts)
    assert noticed / len(texts) >= 0.8, f"{noticed}/{len(texts)}"
    assert not [t for t in _by_label(FR) + _by_label(EN) if detect(t).other]


@pytest.mark.parametrize("text", ["ok", "merci", "Welcome Day?", "CVEC", "thx", "oui", "yes", "👍", "Erasmus+"])
@pytest.mark.parametrize("current", [FR, EN])
def test_short_words_are_sticky(text, current):
    assert decide_language(current, detect(text))["language"] == current


@pytest.mark.parametrize("text,expected", [
    ("in English please", EN), ("can you speak english?", EN), ("english", EN),
    ("en français stp", FR), ("parle français", FR), ("Français", FR),
    ('/switch_language{"language":"en"}', EN), ('/switch_language{"language":"fr"}', FR),
])
@pytest.mark.parametrize("current", [FR, EN, None])
def test_explicit_switch_always_wins(text, expected, current):
    assert decide_language(current, detect(text), hint="fr" if expected == EN else "en")["language"] == expected


@pytest.mark.parametrize("text,current,expected", [
    ("where can I find a room to rent near the school?", FR, EN),
    ("je cherche un logement pas trop cher à Alès", EN, FR),
    ("is there a psychologist on campus", FR, EN),
])
def test_confident_sentence_switches(text, current, expected):
    assert decide_language(current, detect(text))["language"] == expected


@pytest.mark.parametrize("text", [
    "j'ai un cours en anglais demain", "is the course taught in English or French?",
    "les cours sont en français ?", "I speak French a little", "my English is bad sorry",
])
def test_mentioning_a_language_is_not_a_request(text):
    assert detect(text).explicit is None


@pytest.mark.parametrize("text,expected", [
    ("tu peux me répondre en anglais stp", EN), ("can you answer in French?", FR),
    ("English please", EN), ("parlez français svp", FR), ("switch to english", EN),
])
def test_requests_for_a_language_are_explicit(text, expected):
    assert detect(text).explicit == expected


def test_channel_hint_sets_a_new_conversation():
    assert decide_language(None, detect("ok"), hint="en") == {"language": EN, "guessed": False}
    assert decide_language(None, detect("ok"), hint="fr") == {"language": FR, "guessed": False}


def test_hint_does_not_override_an_ongoing_conversation():
    assert decide_language(FR, detect("ok"), hint="en")["language"] == FR


def test_ambiguous_first_message_is_french_and_guessed():
    assert decide_language(None, detect("CVEC ?")) == {"language": FR, "guessed": True}
    assert decide_language(None, Detection(0.0, None, False, 0)) == {"language": FR, "guessed": True}


def test_clear_first_message_is_not_guessed():
    assert decide_language(None, detect("Hello"))["language"] == EN
    assert decide_language(None, detect("Bonjour"))["language"] == FR
