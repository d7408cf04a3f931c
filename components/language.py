"""Which language a message is written in, and which language the conversation should use.

- `detect()` sees one message: it scores French against English with lingua plus a small lexical
  vote (lingua alone is unreliable on short campus messages), spots explicit switches ("in English
  please") and messages in other languages.
- `decide_language()` sees the conversation's state: sticky on weak evidence, so "ok" or "merci"
  never flips a conversation; an explicit request always wins.

Pure Python (no Rasa import): the NLU component (components/nlu.py) calls `detect()`, the policy
(components/policy.py) calls `decide_language()`, and the unit tests call both directly.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

FR, EN, OTHER = "fr", "en", "other"
SUPPORTED = (FR, EN)

# Campus names and acronyms say nothing about the language a student writes in ("CVEC?",
# "Welcome Day c'est quand"): they are removed before scoring.
NEUTRAL_TERMS = [
    "welcome day", "erasmus+", "erasmus", "eiffel", "campus france", "crous", "cvec", "dse", "caf",
    "apl", "als", "visale", "ameli", "anef", "ofii", "vls-ts", "vls ts", "imt", "mines", "ales",
    "alès", "nimes", "nîmes", "montpellier", "marseille", "paris", "occitanie", "meuh folle",
    "damage", "fle", "bde", "bds", "bda", "izly", "ok", "okay", "wifi", "psy", "stop", "menu",
    "radio ding-dong", "ding-dong", "intermines", "incubateur", "clavieres", "clavières",
    "croupillac", "master", "phd", "campus", "visa", "restaurant", "info", "infos", "bus",
]

# Function words and shorthand that only one of the two languages uses.
FRENCH_MARKERS = set("""
le la les un une des du de d l au aux et ou où est sont suis es je j tu il elle nous vous ils on
ce c ça ca cest c'est qui que quoi quand comment pourquoi combien quel quelle quels quelles mon ma
mes ton ta tes son sa ses notre votre leur pour avec sans dans sur chez pas ne plus très tres bien
merci bonjour bonsoir salut coucou oui non stp svp koi pk pcq jsp jai j'ai dsl mdr bcp aussi faut
faire peux peut veux voudrais aimerais besoin aide logement bourse date limite étudiant etudiant
école ecole où y a-t-il ya quelqu'un quelqu un rien encore déjà deja alors donc mais parce
bjr slt cc dacc accord ouais tkt trop vrai chambre dossier attestation obligatoire billets navette
prix demande demander cours aussi salle aller venir arriver payer
""".split())
ENGLISH_MARKERS = set("""
the a an and or is are am was were i i'm im you he she we they it this that what where when how
why which who whose my your his her our their for with without in on at to from of by about can
could would should will do does did don't dont not no yes yeah please pls plz thanks thank thx hi
hello hey bye there here any anyone help need want like know get got have has much many u r ur
lol deadline scholarship housing live apply ty sorry idk nvm wdym nope sure tell more free one
question results tickets price amount refund certificate office hours renewal grant rent room
""".split())

# An explicit request for a language always wins. A request, not a mention: "j'ai un cours en
# anglais" must not switch, "réponds en anglais stp" and "english please" must.
# "I speak French a little" states a fact: a request has no "I" before the verb.
_ASK_EN = r"(?<!i )(?<!i')(speak|talk|answer|reply|respond|write|continue|switch|change|go on|chat)"
_ASK_FR = (r"(parle[rsz]?|r[ée]pond[sez]*|r[ée]pondre|[ée]cri[stv]e?z?|[ée]crire|passe[rsz]?|"
           r"continue[rsz]?|discute[rsz]?|switch)")
_PLEASE = r"(please|pls|plz|stp|svp|s'?il (te|vous) pla[iî]t)"
EXPLICIT_SWITCH = [
    (EN, re.compile(rf"\b{_ASK_EN}\b[\w\s']{{0,20}}\b(in )?english\b|\benglish\s+{_PLEASE}|"
                    rf"\b{_ASK_FR}\b[\w\s']{{0,15}}\ben anglais\b|\ben anglais\s+{_PLEASE}|"
                    r"^\W*(in )?english\W*$|^\W*en anglais\W*$|^\s*/?lang(uage)?\s+en\s*$", re.I)),
    (FR, re.compile(rf"\b{_ASK_EN}\b[\w\s']{{0,20}}\b(in )?french\b|\bfrench\s+{_PLEASE}|"
                    rf"\b{_ASK_FR}\b[\w\s']{{0,15}}\b(en )?fran[cç]ais\b|"
                    rf"\ben fran[cç]ais\s+{_PLEASE}|\bfran[cç]ais\s+{_PLEASE}|"
                    r"^\W*(en )?fran[cç]ais\W*$|^\W*in french\W*$|^\s*/?lang(ue)?\s+fr\s*$", re.I)),
]

# Scripts that are neither French nor English.
_OTHER_SCRIPT = re.compile(r"[\u0600-\u06FF\u0400-\u04FF\u4E00-\u9FFF\u3040-\u30FF\u0590-\u05FF"
                           r"\u0E00-\u0E7F\u0900-\u097F\uAC00-\uD7AF]")
_WORD = re.compile(r"[a-zà-öø-ÿœæ']+", re.I)

# Evidence is a log-odds score for English (negative = French).
CONFIDENT = 3.0     # strong enough to switch a conversation already under way
LIKELY = 0.4        # enough to choose the language of a new conversation


@dataclass
class Detection:
    """What one message says about its language."""

    evidence: float             # log-odds English vs French; 0 = no evidence
    explicit: Optional[str]     # "fr"/"en" when the student asked for a language
    other: bool                 # written in a language we do not speak
    words: int                  # words left after removing neutral terms

    @property
    def likely(self) -> Optional[str]:
        if abs(self.evidence) < LIKELY:
            return None
        return EN if self.evidence > 0 else FR

    @property
    def confident(self) -> Optional[str]:
        if abs(self.evidence) < CONFIDENT:
            return None
        return EN if self.evidence > 0 else FR

    def as_dict(self) -> Dict[Text, Any]:
        return {"evidence": round(self.evidence, 3), "explicit": self.explicit,
                "other": self.other, "words": self.words}

    @classmethod
    def from_dict(cls, data: Optional[Dict[Text, Any]]) -> "Detection":
        data = data or {}
        return cls(float(data.get("evidence", 0.0)), data.get("explicit"),
                   bool(data.get("other", False)), int(data.get("words", 0)))


def _strip_neutral(text: str) -> str:
    lowered = text.lower()
    for term in sorted(NEUTRAL_TERMS, key=len, reverse=True):
        lowered = re.sub(r"(?<![\w])" + re.escape(term) + r"(?![\w])", " ", lowered)
    return lowered


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


class Scorer:
    """Scores a text; lingua detectors are built once, on first use (they take ~1 s)."""

    def __init__(self) -> None:
        self._pair = None
        self._wide = None

    def _detectors(self):
        if self._pair is None:
            from lingua import Language, LanguageDetectorBuilder

            self._pair = LanguageDetectorBuilder.from_languages(
                Language.FRENCH, Language.ENGLISH).with_preloaded_language_models().build()
            # Only to notice other Latin-script languages (Spanish, Italian...), never to choose
            # between French and English.
            self._wide = LanguageDetectorBuilder.from_languages(
                Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE,
                Language.ITALIAN, Language.GERMAN, Language.TURKISH, Language.DUTCH,
            ).with_preloaded_language_models().build()
        return self._pair, self._wide

    def detect(self, text: Optional[str], explicit: bool = True) -> Detection:
        """`explicit=False` ignores language requests (to judge what a reply is written in)."""
        text = text or ""
        if text.startswith("/"):
            # A button payload such as /switch_language{"language":"en"}: no words to score.
            match = re.search(r'"language"\s*:\s*"(fr|en)"', text)
            return Detection(0.0, match.group(1) if match else None, False, 0)
        for language, pattern in EXPLICIT_SWITCH if explicit else []:
            if pattern.search(text):
                return Detection(CONFIDENT * 2 * (1 if language == EN else -1), language, False, 1)
        if _OTHER_SCRIPT.search(text) and len(_OTHER_SCRIPT.findall(text)) > len(_WORD.findall(text)):
            return Detection(0.0, None, True, 0)

        stripped = _strip_neutral(text)
        words = [w.strip("'") for w in _WORD.findall(stripped)]
        words = [w for w in words if w]
        # "d'accord", "l'aide", "what's": the parts vote too.
        parts = {p for w in words if "'" in w for p in w.split("'") if p}
        if not words:
            return Detection(0.0, None, False, 0)

        plain = {_without_accents(w) for w in words} | set(words) | parts
        fr_hits = len(plain & FRENCH_MARKERS)
        en_hits = len(plain & ENGLISH_MARKERS)
        pair, wide = self._detectors()
        values = {c.language.name: c.value for c in pair.compute_language_confidence_values(stripped)}
        p_en = min(max(values.get("ENGLISH", 0.5), 0.02), 0.98)
        # lingua is unreliable on one or two words: weigh it by how much text it had.
        weight = min(len(words), 4) / 4
        evidence = weight * math.log(p_en / (1 - p_en)) + 1.5 * (en_hits - fr_hits)
        if fr_hits + en_hits == 0 and max(p_en, 1 - p_en) < 0.85:
            # No function word of either language, and lingua hesitates: names, typos or
            # gibberish ("qsdkjh zzkx") say nothing about the language.
            evidence = 0.0

        other = False
        if len(words) >= 3:
            top = wide.detect_language_of(stripped)
            if top is not None and top.name not in ("FRENCH", "ENGLISH"):
                confidence = wide.compute_language_confidence(stripped, top)
                # Spanish or Italian share many short words with French: ask for more certainty
                # when the French/English vote is not empty.
                other = confidence >= (0.6 if fr_hits + en_hits <= 1 else 0.8)
        return Detection(evidence, None, other, len(words))


def decide_language(
    current: Optional[str],
    detection: Detection,
    hint: Optional[str] = None,
    toggle: bool = False,
) -> Dict[Text, Any]:
    """The conversation's language after this message.

    `toggle` is set when the student asked for "the other language" without naming one (the
    /lang command, a language button). Returns {"language": "fr"|"en", "guessed": bool}; `guessed`
    is true when a new conversation had nothing to go on and French, the school's language, was
    chosen by default.
    """
    if detection.explicit in SUPPORTED:
        return {"language": detection.explicit, "guessed": False}
    if toggle:
        return {"language": FR if current == EN else EN, "guessed": False}
    if current in SUPPORTED:
        strong = detection.confident
        # A switch mid-conversation needs strong evidence from a real sentence, not "ok".
        if strong and strong != current and detection.words >= 3:
            return {"language": strong, "guessed": False}
        return {"language": current, "guessed": False}
    if hint in SUPPORTED:
        return {"language": hint, "guessed": False}
    likely = detection.likely
    if likely:
        return {"language": likely, "guessed": False}
    return {"language": FR, "guessed": True}


_scorer = Scorer()


def detect(text: Optional[str], explicit: bool = True) -> Detection:
    """Module-level convenience used by the NLU component and the tests."""
    return _scorer.detect(text, explicit)
