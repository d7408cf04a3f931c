"""Distress detection (components/safety.py): all distress caught, ordinary talk left alone.

Sets in tests/safety/: dev_*.yml were used to build the detector; distress.yml and lookalikes.yml
were written by someone else and are only checked against. Run with -s to see the rates.
"""

import time
from pathlib import Path

import pytest
import yaml

from components.safety import assess, canonical, explain, normalise

SETS = Path(__file__).parent / "safety"
MAX_FALSE_POSITIVES = 2


def _messages(name):
    data = yaml.safe_load((SETS / f"{name}.yml").read_text(encoding="utf-8"))
    return [m["text"] for m in data["messages"]]


DISTRESS = {name: _messages(name) for name in ("distress", "dev_distress")}
LOOKALIKES = {name: _messages(name) for name in ("lookalikes", "dev_lookalikes")}


# --- The sets -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DISTRESS))
def test_every_distress_message_is_caught(name):
    messages = DISTRESS[name]
    missed = [m for m in messages if assess(m) is None]
    caught = len(messages) - len(missed)
    print(f"\n{name}: caught {caught}/{len(messages)} ({caught / len(messages):.0%})")
    assert not missed, f"{name}: {len(missed)} missed:\n" + "\n".join(
        f"  {m!r} -> {canonical(m)!r}" for m in missed)


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_lookalikes_rarely_fire(name):
    messages = LOOKALIKES[name]
    fired = [m for m in messages if assess(m) is not None]
    print(f"\n{name}: false positives {len(fired)}/{len(messages)} "
          f"({len(fired) / len(messages):.1%})")
    for message in fired:
        print(f"  {message!r}: {explain(message)}")
    assert len(fired) <= MAX_FALSE_POSITIVES, "\n".join(
        f"  {m!r}: {explain(m)}" for m in fired)


def test_sets_are_big_enough_and_bilingual():
    for name in list(DISTRESS) + list(LOOKALIKES):
        data = yaml.safe_load((SETS / f"{name}.yml").read_text(encoding="utf-8"))["messages"]
        languages = {m["language"] for m in data}
        assert len(data) >= 100 and languages == {"fr", "en"}, name


# --- Categories -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "je veux mourir", "I want to kill myself", "je me scarifie", "i've been self harming",
    "j'ai stocké des cachets", "everyone would be better off without me",
    "mon amie veut se suicider", "à quoi bon vivre", "I'm planning to jump off the bridge",
])
def test_suicide_category(text):
    assert assess(text) == "suicide"


@pytest.mark.parametrize("text", [
    "mon copain me frappe", "my teacher is sexually harassing me", "je suis en danger",
    "someone is following me home every night", "j'ai été violée", "he threatened to kill me",
    "I'm scared to go home", "mon ex menace de publier mes photos",
])
def test_violence_category(text):
    assert assess(text) == "violence"


# --- Guards: idioms, hyperbole, games, questions about services -----------------------------


@pytest.mark.parametrize("text", [
    "je suis mort de rire", "mdr je suis mort", "this exam killed me", "je meurs de faim",
    "deadline is killing me", "you're killing it", "I'm dead tired", "this is a killer app",
    "I'd kill for a coffee", "je vais le tuer mdr, il a encore mangé mes yaourts",
    "j'ai tué le boss final", "ça me tue ces exams", "je crève de chaud",
    "il fait un froid à mourir",
    "is there a harassment policy?", "numéro de la psychologue ?", "quel est le numéro du 3114 ?",
    "I'm in danger of failing", "ma mère va me tuer quand elle verra mes notes",
    "je veux en finir avec ce rapport", "I want to disappear for the weekend",
    "the movie is about a man who wants to kill himself",
])
def test_idioms_and_questions_do_not_fire(text):
    assert assess(text) is None, explain(text)


@pytest.mark.parametrize("text", [
    "je pense au suicide, numéro de la psy ?",
    "je subis des violences conjugales, que dit la loi ?",
    "I live with a violent partner, what is the number to call?",
    "je suis victime de harcèlement, comment le signaler ?",
    "is there a policy against harassment? I was harassed by a teacher",
    "my friend wants to kill herself, what number should she call?",
])
def test_personal_statement_with_a_question_about_services_is_caught(text):
    assert assess(text) is not None, canonical(text)


@pytest.mark.parametrize("text", [
    "je fais un exposé sur le suicide", "I'm writing an essay about violent partners",
    "comment signaler un cas de harcèlement ?", "what's the number for suicide prevention?",
])
def test_topics_without_a_personal_statement_do_not_fire(text):
    assert assess(text) is None, explain(text)


# --- Normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize("raw, expected", [
    ("J’VEUX MOURIIIR", "j'veux mouriir"),                  # case, curly apostrophe, repeats
    ("Je n‘ai plus envie", "je n'ai plus envie"),
    ("à quoi bon ? ÉCOLE", "a quoi bon ? ecole"),              # accents
    ("self-harm – now", "self harm now"),                    # dashes
    ("cœur  \t brisé", "coeur brise"),                        # ligature, spaces
    ("ｊｅ ｖｅｕｘ", "je veux"),                                 # full width
    ("sui\u200bcide", "suicide"),                             # zero-width character
    ("noooon!!!", "noon!"),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("jveux mourrir", "je veux mourir"),
    ("j've mourir", "je veux mourir"),
    ("g envie de mourir", "je ai envie de mourir"),
    ("chui mal", "je suis mal"),
    ("jpp", "je en peux plus"),
    ("j ai stocké", "je ai stocke"),
    ("il m'a frappée", "il me a frappee"),
    ("qu'il", "que il"),
    ("i wanna die", "i want to die"),
    ("im gonna kms", "i am going to kill myself"),
    ("I don't want to", "i do not want to"),
    ("I can't", "i can not"),
    ("someone's been following me", "someone is been following me"),
    ("my dad's car", "my dad car"),
    ("je pense au sucide", "je pense au suicide"),
    ("suicde", "suicide"),
    ("suisside", "suicide"),
    ("sucidaire", "suicidaire"),
    ("mourire", "mourir"),
    ("kil myslef", "kill myself"),
    ("kill my self", "kill myself"),
    ("harceler harrassed", "harceler harassed"),
    ("je veu pu vivre", "je veux plus vivre"),
])
def test_canonical(raw, expected):
    assert canonical(raw) == expected


@pytest.mark.parametrize("word", ["courir", "nourrir", "talking", "adresse", "manger", "prendre"])
def test_real_words_are_not_corrected_into_key_words(word):
    assert canonical(word) == word


@pytest.mark.parametrize("text", [
    "JE VEUX MOURIR", "Je VeUx MoUrIr", "je veux mouuuurir", "jveu mourire",
    "j’ai envie d’en finir",
    "I WANT TO DIE", "i wnat to die", "i want to diiie", "suicdal thoughts", "je pense au sucide",
])
def test_spelling_variants_are_caught(text):
    assert assess(text) is not None, canonical(text)


# --- Input that is not a message ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "/start", "/switch_language", '/prearrival_checklist{"programme":"master"}',
    "/je veux mourir", "  /non_text",
])
def test_payloads_are_ignored(text):
    assert assess(text) is None


@pytest.mark.parametrize("text", [
    None, "", "   ", "\n\t", "\x00\x01\x02", "😂😂😂",
    b"je veux mourir", 42, ["je veux mourir"],
])
def test_empty_or_not_text_returns_none(text):
    assert assess(text) is None


@pytest.mark.parametrize("text", [
    "a" * 100_000,
    "je veux " * 12_500,
    "me " * 33_000,
    "!?" * 50_000,
    " " * 100_000,
    bytes(range(256)).decode("latin-1") * 400,
    "\x00\xff\ufffd" * 33_000,
    "😂" * 100_000,
])
def test_huge_or_binary_input_is_fast_and_safe(text):
    start = time.perf_counter()
    assert assess(text) is None
    assert time.perf_counter() - start < 1.0


def test_ordinary_messages_are_fast():
    messages = LOOKALIKES["lookalikes"] + DISTRESS["distress"]
    start = time.perf_counter()
    for message in messages:
        assess(message)
    per_message = (time.perf_counter() - start) / len(messages)
    assert per_message < 0.02, f"{per_message * 1000:.1f} ms per message"


def test_explain_names_what_fired():
    assert any("mourir" in line for line in explain("je veux mourir"))
    assert explain("bonjour") == []
