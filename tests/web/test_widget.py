"""The website's chat widget in a real browser, against the real Rasa and action servers.

Headless Chromium opens the demo page served by web/serve.py; the widget talks to Rasa's socket.io
channel (the origin-checking channel of components/socketio_channel.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ANSWER_TIMEOUT = 30_000  # ms: an answer, or the welcome once connected
RESTART_TIMEOUT = 240_000  # ms: Rasa loads TensorFlow and spaCy again (about 30 s here)

FR = {"open": "Une question ? – discuter avec l'assistant", "dialog": "Assistant IMT Mines Alès",
      "input": "Votre message", "send": "Envoyer", "new": "Nouvelle conversation",
      "close": "Fermer la discussion"}
EN = {"open": "Questions? – chat with the assistant", "dialog": "IMT Mines Alès assistant",
      "input": "Your message", "send": "Send", "new": "New conversation",
      "close": "Close the chat"}


# ---- helpers ---------------------------------------------------------------------------------------

def record_sent(page: Page) -> list:
    """Everything the page sends to socket.io (WebSocket frames and long-polling POSTs)."""
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(str(frame))))
    page.on("request", lambda r: sent.append(r.post_data or "")
            if r.method == "POST" and "/socket.io/" in r.url else None)
    return sent


def user_utterances(sent: list) -> list:
    """The ``user_uttered`` events in what the page sent, as dicts."""
    events = []
    for chunk in sent:
        for match in re.finditer(r'42\["user_uttered",(\{.*?\})\]', chunk):
            events.append(json.loads(match.group(1)))
    return events


def open_chat(page: Page, url: str, ui=FR):
    page.goto(url)
    page.get_by_role("button", name=ui["open"]).click()
    dialog = page.get_by_role("dialog", name=ui["dialog"])
    expect(dialog).to_be_visible()
    return dialog


def bot_bubbles(page: Page):
    return page.locator(".imtc-bot .imtc-bubble")


def user_bubbles(page: Page):
    return page.locator(".imtc-user .imtc-bubble")


def wait_for_welcome(page: Page, greeting="Bonjour"):
    expect(bot_bubbles(page).first).to_contain_text(greeting, timeout=ANSWER_TIMEOUT)


def ask(page: Page, text: str, ui=FR):
    """Types a question and presses Enter; returns how many bot messages there were before."""
    before = bot_bubbles(page).count()
    box = page.get_by_role("textbox", name=ui["input"])
    box.fill(text)
    box.press("Enter")
    expect(user_bubbles(page).last).to_have_text(text)
    return before


def answer_after(page: Page, before: int):
    """The bot messages that arrived after ``before`` of them, once at least one has."""
    expect(bot_bubbles(page)).not_to_have_count(before, timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(500)  # an answer can come in several messages
    return "\n".join(bot_bubbles(page).all_inner_texts()[before:])


def session_id(page: Page) -> str:
    return page.evaluate("() => localStorage.getItem('imt-chat:session')")


def watch_typing(page: Page) -> None:
    """Records whether the typing indicator shows at any moment from now on."""
    page.evaluate("""() => {
      const typing = document.querySelector('#imt-chat-widget').shadowRoot.querySelector('.imtc-typing');
      window.__typingSeen = false;
      new MutationObserver(() => { if (!typing.hidden) window.__typingSeen = true; })
        .observe(typing, {attributes: true});
    }""")


def serious_violations(page: Page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


# ---- conversations ---------------------------------------------------------------------------------

def test_french_question_is_answered_with_links_and_the_language_hint(stack, context):
    page = context.new_page()
    sent = record_sent(page)
    open_chat(page, stack.origin + "/")
    expect(page.get_by_role("textbox", name=FR["input"])).to_be_focused()
    wait_for_welcome(page)
    expect(page.get_by_role("group", name="Réponses suggérées")).to_be_visible()

    watch_typing(page)
    answer = answer_after(page, ask(page, "je cherche un logement"))
    assert "259" in answer and "415" in answer, answer
    assert page.evaluate("() => window.__typingSeen"), "no typing indicator while waiting"
    expect(page.locator(".imtc-typing")).to_be_hidden()

    # A bare domain in the answer became a link that opens in a new tab, safely.
    link = page.get_by_role("link", name=re.compile(r"^trouverunlogement\.lescrous\.fr"))
    expect(link).to_have_attribute("href", "https://trouverunlogement.lescrous.fr/")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", re.compile("noopener"))

    events = user_utterances(sent)
    question = [e for e in events if e["message"] == "je cherche un logement"]
    assert question, events
    assert question[0]["metadata"] == {"language": "fr"}
    assert question[0]["session_id"] == session_id(page)


def test_english_page_gets_an_english_window_and_answer(stack, context):
    page = context.new_page()
    sent = record_sent(page)
    open_chat(page, stack.origin + "/en.html", ui=EN)
    expect(page.get_by_role("button", name=EN["send"])).to_be_visible()
    expect(page.get_by_role("button", name=EN["new"])).to_be_visible()
    wait_for_welcome(page, "Hello")

    answer = answer_after(page, ask(page, "what is the eiffel scholarship", ui=EN))
    assert "Eiffel" in answer, answer
    assert "bourse" not in answer.lower(), answer  # English, not French
    assert all(e["metadata"] == {"language": "en"} for e in user_utterances(sent))


def test_quick_reply_sends_its_payload_and_shows_its_title(stack, context):
    page = context.new_page()
    sent = record_sent(page)
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    answer_after(page, ask(page, "je cherche un logement"))

    before = bot_bubbles(page).count()
    page.get_by_role("button", name="Garantie Visale").click()
    expect(user_bubbles(page).last).to_have_text("Garantie Visale")
    answer = answer_after(page, before)
    assert "Visale" in answer and "18" in answer, answer  # the guarantee, for people aged 18 to 30
    expect(page.get_by_role("link", name=re.compile(r"^visale\.fr")).first).to_be_visible()
    assert any(e["message"] == "/visale" for e in user_utterances(sent))
    # The housing answer's buttons are gone once used; focus went back to the text box.
    housing = page.locator(".imtc-bot", has_text="259")
    expect(housing.get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("textbox", name=FR["input"])).to_be_focused()


def test_phone_numbers_in_a_contact_card_can_be_called(stack, context):
    page = context.new_page()
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    answer_after(page, ask(page, "je cherche un logement"))
    before = bot_bubbles(page).count()
    page.get_by_role("button", name="Contacter le Crous").click()
    answer = answer_after(page, before)
    assert "04 67 41 50 00" in answer, answer
    phone = page.get_by_role("link", name="04 67 41 50 00")
    expect(phone).to_have_attribute("href", "tel:0467415000")
    expect(phone).not_to_have_attribute("target", "_blank")


def test_conversation_survives_a_reload_and_other_pages(stack, context):
    page = context.new_page()
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    answer_after(page, ask(page, "je cherche un logement"))
    session = session_id(page)
    shown = bot_bubbles(page).all_inner_texts()

    page.reload()
    expect(page.get_by_role("dialog", name=FR["dialog"])).to_be_visible()  # still open
    expect(user_bubbles(page)).to_have_text(["je cherche un logement"])
    assert bot_bubbles(page).all_inner_texts() == shown
    assert session_id(page) == session

    # Another page of the site, in another tab: the same conversation, which goes on.
    other = context.new_page()
    open_chat(other, stack.origin + "/en.html", ui=EN)
    expect(user_bubbles(other)).to_have_text(["je cherche un logement"])
    assert session_id(other) == session
    answer = answer_after(other, ask(other, "and the visale guarantee?", ui=EN))
    assert "Visale" in answer, answer
    # The first tab shows the new exchange too, once: only the tab that asked records answers.
    expect(user_bubbles(page)).to_have_text(["je cherche un logement",
                                             "and the visale guarantee?"])
    expect(bot_bubbles(page)).to_have_count(bot_bubbles(other).count())


def test_new_conversation_clears_history_and_starts_a_new_session(stack, context):
    page = context.new_page()
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    answer_after(page, ask(page, "je cherche un logement"))
    old_session = session_id(page)

    page.get_by_role("button", name=FR["new"]).click()
    expect(user_bubbles(page)).to_have_count(0)
    wait_for_welcome(page)  # a fresh welcome for the fresh conversation
    assert session_id(page) != old_session
    page.reload()
    expect(user_bubbles(page)).to_have_count(0)
    expect(page.get_by_text("259")).to_have_count(0)


def test_messages_are_shown_as_text_never_as_html(stack, context):
    page = context.new_page()
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    ask(page, '<img src=x onerror="window.__pwned=1"><b>gras</b>')
    expect(page.locator(".imtc-user b, .imtc-user img")).to_have_count(0)
    assert page.evaluate("() => window.__pwned") is None


# ---- keyboard, accessibility, small screens --------------------------------------------------------

def test_usable_with_the_keyboard_alone(stack, context):
    page = context.new_page()
    page.goto(stack.origin + "/")
    launcher = page.get_by_role("button", name=FR["open"])
    for _ in range(30):  # Tab through the page until the chat button has the focus
        page.keyboard.press("Tab")
        if launcher.evaluate("b => b.getRootNode().activeElement === b"):
            break
    else:
        pytest.fail("the chat button cannot be reached with Tab")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name=FR["dialog"])).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    box = page.get_by_role("textbox", name=FR["input"])
    expect(box).to_be_focused()
    wait_for_welcome(page)

    page.keyboard.type("je cherche un logement")
    page.keyboard.press("Enter")
    expect(bot_bubbles(page).last).to_contain_text("259", timeout=ANSWER_TIMEOUT)
    # New bot messages are announced to screen readers.
    expect(page.locator("[aria-live='polite']")).to_contain_text("259")

    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_accessibility_and_screenshots(stack, browser, artifacts, size):
    if size == "phone":
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    else:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.set_default_timeout(30_000)
    try:
        page = ctx.new_page()
        page.goto(stack.origin + "/")
        expect(page.get_by_role("button", name=FR["open"])).to_be_visible()
        assert serious_violations(page) == []

        page.get_by_role("button", name=FR["open"]).click()
        wait_for_welcome(page)
        answer_after(page, ask(page, "je cherche un logement"))
        page.wait_for_timeout(300)
        page.screenshot(path=str(artifacts / f"widget-{size}.png"))
        assert serious_violations(page) == []

        box = page.get_by_role("dialog", name=FR["dialog"]).bounding_box()
        if size == "phone":  # full screen on a phone
            assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844), box
        else:
            assert box["width"] < 500 and box["height"] < 800, box
    finally:
        ctx.close()


# ---- origins and outages ---------------------------------------------------------------------------

def test_a_page_from_another_origin_cannot_use_the_assistant(stack, context):
    # Same demo page, but its origin (http://localhost:<port>) is not among the allowed ones.
    page = context.new_page()
    open_chat(page, f"http://localhost:{stack.web_port}/")
    expect(page.get_by_role("alert")).to_contain_text("imt-mines-ales.fr", timeout=ANSWER_TIMEOUT)
    expect(bot_bubbles(page)).to_have_count(0)
    # Not even over a WebSocket, which browsers do not subject to CORS.
    if not page.evaluate("() => !!window.io"):
        page.add_script_tag(path=str(Path(__file__).parents[2] / "web" / "vendor" / "socket.io.min.js"))
    outcome = page.evaluate("""(server) => new Promise((resolve) => {
      const s = io(server, {transports: ['websocket'], reconnection: false});
      s.on('connect', () => { s.close(); resolve('connected'); });
      s.on('connect_error', () => resolve('refused'));
      setTimeout(() => resolve('timeout'), 10000);
    })""", f"http://127.0.0.1:{stack.rasa_port}")
    assert outcome == "refused"


def test_widget_recovers_after_the_server_restarts(stack, context):
    """Keep last: it stops the shared Rasa server (and starts it again)."""
    page = context.new_page()
    open_chat(page, stack.origin + "/")
    wait_for_welcome(page)
    answer_after(page, ask(page, "je cherche un logement"))
    box = page.get_by_role("textbox", name=FR["input"])

    stack.stop_rasa()
    try:
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("imt-mines-ales.fr", timeout=ANSWER_TIMEOUT)
        expect(alert.get_by_role("link", name=re.compile("imt-mines-ales.fr"))).to_have_attribute(
            "href", re.compile(r"^https://www\.imt-mines-ales\.fr/?$"))
        # Not frozen: typing still works, and an unsent message stays in the box with an error.
        box.fill("bonjour")
        box.press("Enter")
        expect(box).to_have_value("bonjour")
        expect(alert).to_contain_text("non envoyé")
        expect(user_bubbles(page)).to_have_count(1)
    finally:
        stack.start_rasa()

    expect(page.get_by_role("alert")).to_have_count(0, timeout=RESTART_TIMEOUT)  # reconnected
    box.fill("")
    answer = answer_after(page, ask(page, "what is the eiffel scholarship"))
    assert "Eiffel" in answer, answer
    expect(user_bubbles(page)).to_have_count(2)  # the conversation before the outage is still there
