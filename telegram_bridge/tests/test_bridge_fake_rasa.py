"""End-to-end with the real bridge process and a fake Rasa, for what the real assistant never says:
a 4,500-character answer, images, long button payloads, a Rasa slower than the timeout."""

import json
import time
import urllib.error
import urllib.request

import pytest

from telegram_bridge.tests import servers
from telegram_bridge.tests.conftest import Student, texts
from telegram_bridge.tests.fake_bot_api import FakeBotApi
from telegram_bridge.tests.fake_rasa import FakeRasa
from telegram_bridge.settings import CHANNEL_TEXTS_FILE
from telegram_bridge.texts import load_response

pytestmark = pytest.mark.e2e

PARAGRAPHS = [f"Paragraphe {n} : " + " ".join(f"mot{n}.{i}" for i in range(70)) for n in range(9)]
LONG_TEXT = "\n\n".join(PARAGRAPHS)
LONG_PAYLOAD = '/ask_contact{"service":"service de la vie étudiante et des associations (BDE)"}'
SECRET = "mon numéro est le 06 12 34 56 78"


def respond(request):
    message = request["message"]
    if message == "long":
        return [{"text": LONG_TEXT, "buttons": [{"title": "Menu", "payload": "/capabilities"}]}]
    if message == "image":
        return [{"text": "Plan du campus :"}, {"image": "http://127.0.0.1:9/campus.png"}]
    if message == "broken image":
        return [{"image": "http://unreachable.invalid/campus.png"}]
    if message == "long button":
        return [{"text": "Qui contacter ?", "buttons": [{"title": "Vie étudiante", "payload": LONG_PAYLOAD}]}]
    if message == "slow":
        time.sleep(4)
    return [{"text": f"echo: {message}"}]


@pytest.fixture(scope="module")
def rasa():
    fake = FakeRasa(respond).start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def telegram():
    api = FakeBotApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def bridge(telegram, rasa, tmp_path_factory):
    process = servers.bridge(tmp_path_factory.mktemp("bridge-fake-rasa"), telegram, rasa.url,
                             RASA_TIMEOUT="2", TELEGRAM_FLOOD_MAX="5", TELEGRAM_FLOOD_WINDOW="60"
                             ).start(timeout=60)
    yield process
    process.stop()


def requests_of(rasa, student):
    return [r for r in rasa.requests if r["sender"] == student.sender]


def test_start_up_sets_the_command_menu_in_french_and_english(bridge, telegram):
    assert telegram.calls("getMe") and telegram.calls("deleteWebhook")
    menus = {c.params.get("language_code"): c.params["commands"] for c in telegram.calls("setMyCommands")}
    assert set(menus) == {None, "fr"}
    english = {c["command"]: c["description"] for c in menus[None]}
    french = {c["command"]: c["description"] for c in menus["fr"]}
    assert set(english) == set(french) == {"start", "help", "lang", "contacts", "deadlines", "forget",
                                                 "reminders"}
    assert english["forget"] == "Erase this conversation" and french["forget"] == "Effacer cette conversation"


def test_each_chat_is_one_conversation_with_the_language_hint(bridge, telegram, rasa):
    french, english, unknown = Student(telegram, "fr"), Student(telegram, "en"), Student(telegram, None)
    assert texts(french.say("Bonjour")) == "echo: Bonjour"
    english.say("Hello")
    unknown.say("Hallo")
    assert requests_of(rasa, french) == [{"sender": french.sender, "message": "Bonjour",
                                          "metadata": {"language": "fr"}}]
    assert requests_of(rasa, english)[0]["metadata"] == {"language": "en"}
    assert requests_of(rasa, unknown)[0]["metadata"] == {"language": "en"}


def test_typing_is_shown_while_rasa_thinks(bridge, telegram):
    student = Student(telegram)
    mark = student.send("bonjour")
    telegram.wait_for_replies(student.chat_id, mark)
    methods = [c.method for c in telegram.calls(chat_id=student.chat_id, since=mark)]
    assert methods[0] == "sendChatAction" and "sendMessage" in methods
    assert telegram.calls("sendChatAction", student.chat_id, mark)[0].params["action"] == "typing"


def test_a_4500_character_answer_arrives_in_messages_that_fit(bridge, telegram):
    assert len(LONG_TEXT) >= 4500
    replies = Student(telegram).say("long")
    assert len(replies) == 2 and all(len(r.text) <= 4096 for r in replies)
    assert "\n\n".join(r.text for r in replies) == LONG_TEXT  # cut between paragraphs, nothing lost
    assert not replies[0].buttons() and [b["text"] for b in replies[1].buttons()] == ["Menu"]
    assert all("parse_mode" not in r.params for r in replies)  # plain text


def test_an_image_is_sent_as_a_photo_and_falls_back_to_its_link(bridge, telegram):
    student = Student(telegram)
    replies = student.say("image")
    assert [r.method for r in replies] == ["sendMessage", "sendPhoto"]
    assert replies[1].params["photo"] == "http://127.0.0.1:9/campus.png"
    replies = student.say("broken image")  # Telegram cannot fetch it: the link is sent instead
    assert [r.method for r in replies] == ["sendPhoto", "sendMessage"]
    assert replies[1].text == "http://unreachable.invalid/campus.png"


def test_a_long_button_payload_travels_through_a_hash(bridge, telegram, rasa):
    student = Student(telegram)
    [question] = student.say("long button")
    [button] = question.buttons()
    assert len(button["callback_data"].encode()) <= 64
    replies = student.press(question, "Vie étudiante")
    assert requests_of(rasa, student)[-1]["message"] == LONG_PAYLOAD
    assert texts(replies) == f"echo: {LONG_PAYLOAD}"
    answers = telegram.calls("answerCallbackQuery")
    assert any(a.params["callback_query_id"] == student.last_query for a in answers)


def test_a_slow_rasa_gets_the_unavailable_message_then_the_bridge_goes_on(bridge, telegram):
    unavailable = load_response(CHANNEL_TEXTS_FILE, "utter_service_unavailable")
    french, english = Student(telegram, "fr"), Student(telegram, "en")
    started = time.monotonic()
    assert texts(french.say("slow")) == unavailable.pick("fr")
    assert time.monotonic() - started < 8  # the timeout is 2 s here (12 s by default)
    assert texts(english.say("slow")) == unavailable.pick("en")
    assert texts(french.say("encore là ?")) == "echo: encore là ?"
    assert bridge.running


def test_groups_are_answered_only_when_the_bot_is_mentioned_or_replied_to(bridge, telegram, rasa):
    group = Student(telegram, "fr", chat_type="supergroup")
    group.send("quelqu'un a le plan du campus ?")
    text = "@imt_test_bot où est la bibliothèque ?"
    mark = group.send(text, entities=[{"type": "mention", "offset": 0, "length": 13}])
    mentioned = group.last_message
    replies = telegram.wait_for_replies(group.chat_id, mark)
    assert [r["message"] for r in requests_of(rasa, group)] == ["où est la bibliothèque ?"]
    assert replies[0].params["reply_parameters"]["message_id"] == mentioned["message_id"]
    reply_to_bot = {"message_id": replies[0].params["_result"]["message_id"], "date": 0,
                    "chat": mentioned["chat"], "from": replies[0].params["_result"]["from"],
                    "text": replies[0].text}
    group.say("et ses horaires ?", reply_to_message=reply_to_bot)
    assert [r["message"] for r in requests_of(rasa, group)][-1] == "et ses horaires ?"


def test_non_text_messages_send_the_non_text_payload(bridge, telegram, rasa):
    student = Student(telegram, "en")
    student.say(sticker={"file_id": "CAAC", "file_unique_id": "AQAD", "type": "regular", "width": 512,
                         "height": 512, "is_animated": False, "is_video": False})
    student.say(voice={"file_id": "AwAC", "file_unique_id": "AgAD", "duration": 3})
    student.say(location={"latitude": 44.13, "longitude": 4.09})
    assert [r["message"] for r in requests_of(rasa, student)] == ["/non_text"] * 3


def test_typed_text_never_becomes_an_intent(bridge, telegram, rasa):
    student = Student(telegram)
    student.say("/affirm")  # not a bridge command: sent as the text "affirm"
    assert requests_of(rasa, student)[-1]["message"] == "affirm"


def test_flood_control_drops_messages_over_the_limit_quietly(bridge, telegram, rasa):
    student = Student(telegram)
    mark = student.telegram.mark()
    for n in range(8):
        student.send(f"message {n}")
    replies = telegram.wait_for_replies(student.chat_id, mark, quiet=2.0)
    assert len(requests_of(rasa, student)) == 5 and len(replies) == 5
    assert [r.text for r in replies] == [f"echo: message {n}" for n in range(5)]  # in order
    other = Student(telegram)
    assert texts(other.say("bonjour")) == "echo: bonjour"  # other students are not affected


def test_a_telegram_error_is_logged_and_the_bridge_goes_on(bridge, telegram):
    student = Student(telegram)
    telegram.fail_next("sendMessage", 400, "Bad Request: chat not found")
    mark = student.send("perdu")
    telegram.wait_for(lambda: telegram.calls("sendMessage", student.chat_id, mark))
    assert texts(student.say("bonjour")) == "echo: bonjour"
    telegram.wait_for(lambda: "refused a request: Chat not found" in bridge.log(), timeout=10)
    assert bridge.running


def test_message_text_stays_out_of_the_logs(bridge, telegram):
    student = Student(telegram)
    student.say(SECRET)
    log = bridge.log()
    assert f"Chat {student.chat_id}: {len(SECRET)} characters to Rasa" in log
    assert SECRET not in log and "06 12 34" not in log
    assert telegram.token not in log and telegram.token.split(":")[1] not in log


def test_webhook_mode_receives_updates_on_its_url(rasa, tmp_path_factory):
    """TELEGRAM_WEBHOOK_URL set: no polling; Telegram is told the URL and posts updates to it."""
    api = FakeBotApi().start()
    port = servers.free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    process = servers.bridge(tmp_path_factory.mktemp("bridge-webhook"), api, rasa.url,
                             ready_after="setWebhook", TELEGRAM_WEBHOOK_URL=url,
                             TELEGRAM_WEBHOOK_LISTEN="127.0.0.1", TELEGRAM_WEBHOOK_PORT=str(port),
                             TELEGRAM_WEBHOOK_SECRET="s3cret-token").start(timeout=60)
    try:
        [hook] = api.calls("setWebhook")
        assert hook.params["url"] == url and hook.params["secret_token"] == "s3cret-token"
        student = Student(api, "fr")
        update = {"update_id": 1, "message": {
            "message_id": 1, "date": int(time.time()), "text": "Bonjour par webhook",
            "chat": {"id": student.chat_id, "type": "private", "first_name": "Camille"},
            "from": student.user}}

        def post(secret):
            request = urllib.request.Request(url, data=json.dumps(update).encode(), method="POST",
                                             headers={"Content-Type": "application/json",
                                                      "X-Telegram-Bot-Api-Secret-Token": secret})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        assert post("wrong") == 403
        mark = api.mark()
        assert post("s3cret-token") == 200
        assert texts(api.wait_for_replies(student.chat_id, mark)) == "echo: Bonjour par webhook"
        assert not api.calls("getUpdates")
    finally:
        process.stop()
        api.stop()
