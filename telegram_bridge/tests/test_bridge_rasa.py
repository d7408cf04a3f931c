"""End-to-end: a student on (fake) Telegram, the real bridge process, the real Rasa and action server.

Replies are checked on what the student reads: the domain's French or English texts and buttons.
"""

import sqlite3

import pytest

from telegram_bridge.settings import CHANNEL_TEXTS_FILE
from telegram_bridge.tests.conftest import Student, texts, titles
from telegram_bridge.texts import load_response

pytestmark = pytest.mark.e2e

WELCOME = {"fr": "Bonjour ! Je suis l'assistant des services aux élèves d'IMT Mines Alès",
           "en": "Hello! I'm the student-services assistant of IMT Mines Alès"}
PRIVACY = {"fr": "Confidentialité", "en": "Privacy"}
NOW_IN = {"fr": "je vous réponds en français", "en": "English"}


def stored_events(assistant, sender):
    with sqlite3.connect(assistant.tracker_db) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_start_welcomes_in_the_language_of_the_telegram_client(bridge, telegram, language):
    student = Student(telegram, language)
    mark = telegram.mark()
    replies = student.say("/start")
    text = texts(replies)
    assert WELCOME[language] in text and PRIVACY[language] in text
    other = "en" if language == "fr" else "fr"
    assert WELCOME[other] not in text
    assert ("English" if language == "fr" else "Français") in titles(replies)  # the language choice
    assert telegram.calls("sendChatAction", student.chat_id, mark)[0].params["action"] == "typing"


def test_a_french_conversation(bridge, telegram):
    student = Student(telegram, "fr")
    replies = student.say("Bonjour, je cherche un logement pas cher à Alès")
    text = texts(replies)
    assert "259" in text and "415" in text and "logement" in text.lower()
    assert "Contacter le Crous" in titles(replies)
    assert "Housing offered" not in text and "Privacy" not in text


def test_an_english_conversation(bridge, telegram):
    student = Student(telegram, "en")
    replies = student.say("Hello, I am looking for cheap housing in Alès")
    text = texts(replies)
    assert "259" in text and "415" in text and "Housing" in text
    assert "Contact the Crous" in titles(replies)
    assert "Les logements proposés" not in text and "Confidentialité" not in text


def test_a_button_press_is_answered_at_once_and_its_payload_sent(bridge, telegram):
    student = Student(telegram, "fr")
    [welcome] = [r for r in student.say("/start") if r.buttons()]
    mark = telegram.mark()
    replies = student.press(welcome, "English")
    answered = [c for c in telegram.calls(since=mark) if c.method == "answerCallbackQuery"]
    assert [a.params["callback_query_id"] for a in answered] == [student.last_query]
    first_reply = next(c for c in telegram.calls(chat_id=student.chat_id, since=mark)
                       if c.method == "sendMessage")
    assert answered[0].at <= first_reply.at  # the button stopped spinning before Rasa answered
    assert "English" in texts(replies) and "français" not in texts(replies)


def test_lang_toggles_and_lang_en_fr_pick(bridge, telegram):
    student = Student(telegram, "fr")
    student.say("/start")
    assert NOW_IN["en"] in texts(student.say("/lang"))  # French -> English
    assert NOW_IN["fr"] in texts(student.say("/lang fr"))
    assert NOW_IN["en"] in texts(student.say("/lang en"))
    assert WELCOME["en"] in texts(student.say("/start"))


def test_help_shows_what_the_assistant_can_do(bridge, telegram):
    replies = Student(telegram, "en").say("/help")
    assert "Housing" in titles(replies) and "Scholarships" in titles(replies)


def test_contacts_and_deadlines_commands_reach_the_action_server(bridge, telegram):
    student = Student(telegram, "fr")
    [question] = [r for r in student.say("/contacts") if r.buttons()]
    assert "Quel service voulez-vous joindre" in question.text
    replies = student.press(question, "Psychologue")
    assert "psycholog" in texts(replies).lower() and "indisponible" not in texts(replies)
    replies = Student(telegram, "en").say("/deadlines")
    assert "CVEC refund" in texts(replies) and "unavailable" not in texts(replies)


def test_forget_asks_then_erases_the_conversation(bridge, telegram, assistant):
    student, bystander = Student(telegram, "fr"), Student(telegram, "fr")
    student.say("Bonjour")
    bystander.say("Bonjour")
    assert stored_events(assistant, student.sender) > 0
    [question] = student.say("/forget")
    assert "efface toute cette conversation" in question.text
    assert [b["text"] for b in question.buttons()] == ["Oui, effacer", "Non, garder"]
    replies = student.press(question, "Oui, effacer")
    assert "effacée" in texts(replies)
    assert stored_events(assistant, student.sender) == 0
    assert stored_events(assistant, bystander.sender) > 0  # only this conversation


def test_forget_then_no_keeps_everything(bridge, telegram, assistant):
    student = Student(telegram, "en")
    student.say("Hello")
    [question] = student.say("/forget")
    replies = student.press(question, "No, keep it")
    assert "nothing was erased" in texts(replies)
    assert stored_events(assistant, student.sender) > 0


@pytest.mark.parametrize("language, content", [
    ("fr", {"sticker": {"file_id": "CAAC", "file_unique_id": "AQAD", "type": "regular", "width": 512,
                        "height": 512, "is_animated": False, "is_video": False}}),
    ("en", {"voice": {"file_id": "AwAC", "file_unique_id": "AgAD", "duration": 4}}),
    ("en", {"photo": [{"file_id": "AgAC", "file_unique_id": "AQAB", "width": 90, "height": 60}]}),
])
def test_a_sticker_voice_note_or_photo_gets_a_polite_text_only_answer(bridge, telegram, language, content):
    text = texts(Student(telegram, language).say(**content))
    expected = {"fr": "je ne sais lire que les messages écrits", "en": "I can only read text messages"}
    assert expected[language] in text


def test_rasa_down_then_back(bridge, telegram, assistant):
    unavailable = load_response(CHANNEL_TEXTS_FILE, "utter_service_unavailable")
    french, english = Student(telegram, "fr"), Student(telegram, "en")
    assert WELCOME["fr"] in texts(french.say("/start"))
    assistant.stop()
    try:
        assert texts(french.say("je cherche un logement")) == unavailable.pick("fr")
        assert texts(english.say("I need housing")) == unavailable.pick("en")
        assert "indisponible" in unavailable.pick("fr") and "unavailable" in unavailable.pick("en")
        assert bridge.running
    finally:
        assistant.start()
    replies = french.say("je cherche un logement pas cher")
    assert "259" in texts(replies)
    assert bridge.running
