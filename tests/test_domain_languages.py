"""Every reply a student can get exists in French and in English."""

import re

import pytest

from components.language import detect
from tests.domain_files import load_responses, variation_language

RESPONSES = load_responses()
# Replies that are written in the other language on purpose, or in both at once.
CROSS_LANGUAGE = {"utter_offer_other_language", "utter_other_language"}
# Replies whose language button offers the other language, so it differs on purpose.
LANGUAGE_BUTTONS = {"utter_offer_other_language", "utter_start"}


def test_there_are_responses():
    assert len(RESPONSES) > 20


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_response_has_french_and_english(name):
    languages = [variation_language(v) for v in RESPONSES[name]]
    assert "fr" in languages, f"{name} has no French variation"
    assert "en" in languages, f"{name} has no English variation"


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_buttons_match_across_languages(name):
    by_language = {}
    for variation in RESPONSES[name]:
        payloads = [b["payload"] for b in variation.get("buttons") or []]
        by_language.setdefault(variation_language(variation), payloads)
    assert by_language.get("fr", []) == by_language.get("en", []) or name in LANGUAGE_BUTTONS, (
        f"{name}: French and English variations offer different buttons")


@pytest.mark.parametrize("name", sorted(set(RESPONSES) - CROSS_LANGUAGE))
def test_each_variation_is_written_in_its_language(name):
    for variation in RESPONSES[name]:
        language = variation_language(variation)
        text = re.sub(r"\{\w+\}", " ", variation.get("text", ""))  # slots are not words
        detection = detect(text, explicit=False)
        if detection.words < 4:
            continue  # too short to judge, e.g. a template made of variables
        assert detection.likely == language, (
            f"{name}: the {language} variation reads like {detection.likely}: {variation['text'][:80]}")
