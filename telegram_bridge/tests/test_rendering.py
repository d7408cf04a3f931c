"""Unit tests: from Rasa's messages to Telegram's (splitting, keyboards, plain text), and back."""

import json

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from telegram_bridge.rendering import (CALLBACK_DATA_LIMIT, MESSAGE_LIMIT, PARSE_MODE, PayloadStore,
                                       as_text, build_keyboard, lang_payload, language_for,
                                       payload_for_press, plan, sender_for, split_text)


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


# --- splitting ----------------------------------------------------------------------------------

def paragraph(n, words=60):
    return " ".join(f"mot{n}-{i}" for i in range(words))


def test_short_text_is_one_message():
    assert split_text("Bonjour !") == ["Bonjour !"]
    assert split_text("   ") == []


def test_4500_characters_split_at_a_paragraph_into_messages_that_fit():
    paragraphs = [paragraph(n) for n in range(10)]
    text = "\n\n".join(paragraphs)
    assert 4500 <= len(text) <= 6000
    chunks = split_text(text)
    assert len(chunks) == 2
    assert all(len(chunk) <= MESSAGE_LIMIT for chunk in chunks)
    # cut between two paragraphs, nothing lost, no paragraph broken
    assert all(p in chunks[0] or p in chunks[1] for p in paragraphs)
    assert "\n\n".join(chunks) == text


def test_without_paragraphs_it_cuts_at_a_line_then_at_a_word():
    lines = "\n".join(paragraph(n, 10) for n in range(60))
    chunks = split_text(lines, limit=1000)
    assert all(len(c) <= 1000 for c in chunks) and "\n".join(chunks) == lines
    words = paragraph(0, 800)
    chunks = split_text(words, limit=1000)
    assert all(len(c) <= 1000 for c in chunks) and " ".join(chunks) == words
    assert all(not c.startswith(" ") and not c.endswith(" ") for c in chunks)


def test_an_early_paragraph_break_does_not_make_a_tiny_message():
    text = "Titre\n\n" + paragraph(1, 400)  # the only paragraph break is at the very start
    chunks = split_text(text, limit=1000)
    assert len(chunks[0]) > 500


def test_a_word_longer_than_a_message_is_cut_hard():
    url = "https://example.org/" + "x" * 5000
    chunks = split_text(url)
    assert [len(c) for c in chunks] == [4096, len(url) - 4096]


def test_limit_counts_utf16_units_like_telegram():
    text = "🎓" * 3000  # 6,000 UTF-16 units
    chunks = split_text(text)
    assert all(utf16_len(c) <= MESSAGE_LIMIT for c in chunks) and "".join(chunks) == text


# --- plain text: nothing to escape --------------------------------------------------------------

def test_replies_are_sent_as_plain_text_verbatim():
    assert PARSE_MODE is None  # no HTML or Markdown: <, &, *, _ and [ cannot break a message
    text = "Loyer < 300 € & charges *comprises* _ou pas_ [voir] <b>CROUS</b>"
    [item] = plan([{"text": text}], PayloadStore())
    assert item.text == text


# --- keyboards ----------------------------------------------------------------------------------

def test_buttons_become_an_inline_keyboard_one_per_row():
    store = PayloadStore()
    keyboard = build_keyboard([{"title": "Oui, effacer", "payload": "/affirm"},
                               {"title": "Non, garder", "payload": "/deny"}], store)
    assert keyboard.inline_keyboard == (
        (InlineKeyboardButton("Oui, effacer", callback_data="/affirm"),),
        (InlineKeyboardButton("Non, garder", callback_data="/deny"),))
    assert build_keyboard([], store) is None
    assert build_keyboard([{"title": "", "payload": "/x"}], store) is None


def test_a_payload_over_64_bytes_travels_as_a_hash_and_comes_back():
    store = PayloadStore()
    payload = '/ask_contact{"service":"service de la vie étudiante et des associations"}'
    assert len(payload.encode()) > CALLBACK_DATA_LIMIT
    data = build_keyboard([{"title": "Vie étudiante", "payload": payload}],
                          store).inline_keyboard[0][0].callback_data
    assert len(data.encode()) <= CALLBACK_DATA_LIMIT and data != payload
    assert store.payload_for(data) == payload
    short = '/switch_language{"language":"en"}'
    assert store.data_for(short) == short and store.payload_for(short) == short


def test_the_payload_table_is_bounded():
    store = PayloadStore(capacity=2)
    keys = [store.data_for("/x" + "y" * 70 + str(i)) for i in range(3)]
    assert store.payload_for(keys[0]) is None and store.payload_for(keys[2]) is not None


def test_a_forgotten_hash_falls_back_to_the_button_title():
    store = PayloadStore()
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Bourses", callback_data="#deadbeef")]])
    message = Message.de_json({"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
                               "text": "?", "reply_markup": markup.to_dict()}, None)
    assert payload_for_press("#deadbeef", message, store) == "Bourses"
    assert payload_for_press("/affirm", message, store) == "/affirm"
    assert payload_for_press("#unknown", None, store) is None


def test_buttons_go_with_the_last_part_of_a_long_text_and_images_become_photos():
    store = PayloadStore()
    long_text = "\n\n".join(paragraph(n) for n in range(9))
    items = plan([{"text": long_text, "buttons": [{"title": "Menu", "payload": "/capabilities"}]},
                  {"image": "https://www.mines-ales.fr/plan.png"},
                  {"buttons": [{"title": "Contact", "payload": "/ask_contact"}]},
                  {"custom": {"anything": 1}}], store)
    assert [bool(i.text) for i in items] == [True, True, False]
    assert items[0].keyboard is None and items[1].keyboard.inline_keyboard[0][0].text == "Menu"
    assert items[2].photo == "https://www.mines-ales.fr/plan.png"


def test_buttons_without_text_join_the_message_before():
    items = plan([{"text": "Voici les contacts."},
                  {"buttons": [{"title": "CROUS", "payload": "/ask_contact"}]}], PayloadStore())
    assert len(items) == 1 and items[0].keyboard.inline_keyboard[0][0].text == "CROUS"


# --- languages, senders, commands -----------------------------------------------------------------

@pytest.mark.parametrize("code, language", [("fr", "fr"), ("fr-CA", "fr"), ("FR", "fr"), ("en", "en"),
                                            ("de", "en"), ("", "en"), (None, "en")])
def test_language_hint_from_the_telegram_language_code(code, language):
    assert language_for(code) == language


def test_one_conversation_per_chat():
    assert sender_for(42) == "telegram-42" and sender_for(-100123) == "telegram--100123"


def test_lang_command_payloads():
    assert lang_payload("/switch_language", []) == "/switch_language"
    assert lang_payload("/switch_language", ["en"]) == '/switch_language{"language":"en"}'
    assert lang_payload("/switch_language", ["Français"]) == '/switch_language{"language":"fr"}'
    assert lang_payload("/switch_language", ["klingon"]) == "/switch_language"
    assert json.loads(lang_payload("/switch_language", ["fr"])[len("/switch_language"):]) == {"language": "fr"}


def test_typed_text_is_never_an_intent_payload():
    assert as_text("/affirm") == "affirm"
    assert as_text('  /switch_language{"language":"xx"}') == 'switch_language{"language":"xx"}'
    assert as_text("Où est la BU ?") == "Où est la BU ?"
