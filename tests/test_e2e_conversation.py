"""End-to-end: real Rasa and action servers, conversations over the REST channel."""

import sqlite3
import uuid

import pytest

from components.language import detect
from tests import servers
from tests.servers import say, texts

pytestmark = pytest.mark.e2e


def new_sender(prefix="student"):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def language_of(replies):
    return detect(texts(replies), explicit=False).likely


def test_bonjour_gets_french_and_hello_gets_english(assistant):
    french = say(assistant.port, new_sender(), "Bonjour")
    english = say(assistant.port, new_sender(), "Hello")
    assert "Bonjour" in texts(french) and language_of(french) == "fr"
    assert "Hello" in texts(english) and language_of(english) == "en"
    assert french[0].get("buttons") and english[0].get("buttons")


def test_french_conversation_about_housing(assistant):
    sender = new_sender()
    say(assistant.port, sender, "salut")
    replies = say(assistant.port, sender, "je cherche un logement pas cher a ales")
    text = texts(replies)
    assert language_of(replies) == "fr"
    assert "259" in text and "415" in text  # rents proposed to students, 2021-22


def test_english_conversation_about_the_eiffel_scholarship(assistant):
    sender = new_sender()
    replies = say(assistant.port, sender, "hi, what is the eiffel scholarship?")
    text = texts(replies)
    assert language_of(replies) == "en"
    assert "Eiffel" in text and "school" in text.lower()


def test_short_words_keep_the_conversation_language(assistant):
    sender = new_sender()
    say(assistant.port, sender, "Hello, I have a question about housing")
    replies = say(assistant.port, sender, "merci")
    assert language_of(replies) == "en"


def test_explicit_switch_wins(assistant):
    sender = new_sender()
    say(assistant.port, sender, "Bonjour")
    replies = say(assistant.port, sender, "in English please")
    assert language_of(replies) == "en"
    replies = say(assistant.port, sender, "en français stp")
    assert language_of(replies) == "fr"


def test_channel_hint_sets_language_of_a_new_conversation(assistant):
    replies = say(assistant.port, new_sender(), "CVEC ?", metadata={"language": "en"})
    assert language_of(replies) == "en"


def test_ambiguous_first_message_answers_french_and_offers_english(assistant):
    replies = say(assistant.port, new_sender(), "CVEC ?")
    payloads = [b["payload"] for r in replies for b in r.get("buttons") or []]
    assert language_of(replies[:1]) == "fr"
    assert any("switch_language" in p and '"en"' in p for p in payloads)


@pytest.mark.parametrize("message,expected", [
    ("qsdkjh zzkx vbnq", "pas compris"), ("😀😀", "pas compris"), ("blablabla", "pas compris")])
def test_gibberish_falls_back_with_the_menu(assistant, message, expected):
    replies = say(assistant.port, new_sender(), message)
    payloads = [b["payload"] for r in replies for b in r.get("buttons") or []]
    assert expected in texts(replies)
    assert "/capabilities" in payloads


def test_gibberish_mid_conversation_keeps_the_language(assistant):
    sender = new_sender()
    say(assistant.port, sender, "Hello, where can I find a room?")
    assert "didn't understand" in texts(say(assistant.port, sender, "qsdkjh zzkx vbnq"))


@pytest.mark.parametrize("message", [
    "", "   ", "😀😀😀🎉", "x" * 10000, "bonjour " * 1500,
    "\x00\x01\x02\ufffd\ufffd binary \x7f", "¿Dónde está la biblioteca? Necesito estudiar mañana",
    "مرحبا، أين يمكنني السكن؟",
])
def test_bad_input_gets_a_polite_answer_and_the_server_keeps_going(assistant, message):
    sender = new_sender("bad")
    replies = say(assistant.port, sender, message)
    assert replies and texts(replies).strip()
    assert say(assistant.port, sender, "Hello")[0]["text"]


@pytest.mark.parametrize("message", ["¿Dónde está la biblioteca? Necesito estudiar mañana",
                                     "مرحبا، أين يمكنني السكن؟"])
def test_other_languages_are_told_which_languages_we_speak(assistant, message):
    text = texts(say(assistant.port, new_sender(), message))
    assert "français" in text and "English" in text


def _events(db, sender):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM events WHERE sender_id = ?",
                                  (sender,)).fetchone()[0]


def test_forget_me_erases_the_conversation(assistant):
    db = assistant.workdir / "conversations.db"
    sender = new_sender()
    say(assistant.port, sender, "Hello, where can I find a room?")
    assert _events(db, sender) > 0
    say(assistant.port, sender, "forget me please")
    text = texts(say(assistant.port, sender, "yes"))
    assert "erased" in text
    assert _events(db, sender) == 0


def test_language_and_history_survive_a_restart(tmp_path):
    actions = servers.action_server(tmp_path).start()
    db = tmp_path / "conversations.db"
    rasa = servers.rasa_server(tmp_path, actions.port, db).start()
    sender = new_sender()
    try:
        say(rasa.port, sender, "Hello, I'm an exchange student from Brazil")
        say(rasa.port, sender, "tell me about housing please")
        before = _events(db, sender)
        rasa.stop()
        rasa = servers.rasa_server(tmp_path, actions.port, db, port=rasa.port).start()
        assert _events(db, sender) == before  # history kept
        replies = say(rasa.port, sender, "CVEC ?")  # no language evidence: must stay English
        assert language_of(replies) == "en"
        assert _events(db, sender) > before
    finally:
        rasa.stop()
        actions.stop()
