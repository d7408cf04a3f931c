"""Unit tests: the texts read from the domain, the command menu, the settings, the Rasa client."""

import asyncio

import httpx
import pytest

from telegram_bridge.rasa_client import RasaClient, RasaUnavailable
from telegram_bridge.settings import CHANNEL_TEXTS_FILE, COMMANDS_FILE, Settings, SettingsError
from telegram_bridge.texts import load_commands, load_response


def test_service_unavailable_text_comes_from_the_domain_in_both_languages():
    text = load_response(CHANNEL_TEXTS_FILE, "utter_service_unavailable")
    french, english = text.pick("fr"), text.pick("en")
    assert "indisponible" in french and "unavailable" in english
    assert "Clavières" in french and "Clavières" in english  # the school's contact route
    assert text.pick("de") == french  # the default variation is French


def test_a_response_with_only_conditions_or_missing(tmp_path):
    domain = tmp_path / "d.yml"
    domain.write_text('responses:\n  utter_x:\n  - condition:\n    - {type: slot, name: language, value: en}\n'
                      '    text: "Hi {{name}}"\n')
    assert load_response(domain, "utter_x").pick("fr") == "Hi {name}"
    with pytest.raises(ValueError):
        load_response(domain, "utter_missing")


def test_the_command_menu_has_both_languages_and_the_issues_payloads():
    commands = {c.name: c for c in load_commands(COMMANDS_FILE)}
    assert {name: c.payload for name, c in commands.items()} == {
        "start": "/start", "help": "/capabilities", "lang": "/switch_language",
        "contacts": "/ask_contact", "deadlines": "/ask_upcoming_deadlines", "forget": "/forget_me",
        "reminders": "/list_reminders"}
    for command in commands.values():
        assert 3 <= len(command.description["fr"]) <= 256 and 3 <= len(command.description["en"]) <= 256
    assert commands["forget"].description["fr"] != commands["forget"].description["en"]


def test_settings_defaults_and_errors():
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert settings.base_url == "https://api.telegram.org/bot"
    assert settings.rasa_url == "http://localhost:5005" and settings.webhook_url is None
    assert "1:abc" not in repr(settings)
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"):
        Settings.from_env({})
    with pytest.raises(SettingsError, match="RASA_TIMEOUT"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:abc", "RASA_TIMEOUT": "soon"})
    custom = Settings.from_env({"TELEGRAM_BOT_TOKEN": "1:abc", "RASA_URL": "http://rasa:5005/",
                                "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot"})
    assert custom.rasa_url == "http://rasa:5005" and custom.base_url == "http://127.0.0.1:9/bot"


def client_answering(handler, timeout=1.0):
    transport = httpx.MockTransport(handler)
    return RasaClient("http://rasa", timeout, httpx.AsyncClient(base_url="http://rasa", transport=transport))


@pytest.mark.asyncio
async def test_the_client_sends_sender_message_and_language_metadata():
    seen = {}

    def handler(request):
        seen.update(path=request.url.path, body=request.read())
        return httpx.Response(200, json=[{"recipient_id": "telegram-1", "text": "Bonjour"}])

    client = client_answering(handler)
    replies = await client.send("telegram-1", "salut", "fr")
    await client.aclose()
    assert replies == [{"recipient_id": "telegram-1", "text": "Bonjour"}]
    assert seen["path"] == "/webhooks/rest/webhook"
    assert httpx.Response(200, content=seen["body"]).json() == {
        "sender": "telegram-1", "message": "salut", "metadata": {"language": "fr"}}


@pytest.mark.asyncio
@pytest.mark.parametrize("answer", [
    lambda request: httpx.Response(500, text="boom"),
    lambda request: httpx.Response(200, text="<html>"),
    lambda request: httpx.Response(200, json={"not": "a list"}),
    lambda request: (_ for _ in ()).throw(httpx.ConnectError("refused")),
])
async def test_every_failure_is_rasa_unavailable(answer):
    with pytest.raises(RasaUnavailable):
        await client_answering(answer).send("telegram-1", "salut", "fr")


@pytest.mark.asyncio
async def test_a_slow_rasa_is_unavailable_after_the_timeout():
    async def slow(request):
        await asyncio.sleep(5)
        return httpx.Response(200, json=[])

    client = client_answering(slow, timeout=0.2)
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(RasaUnavailable, match="no answer"):
        await client.send("telegram-1", "salut", "fr")
    assert loop.time() - started < 2
