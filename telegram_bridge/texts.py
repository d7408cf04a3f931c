"""Files the bridge reads at start-up: its own texts from the domain, and the command menu.

The bridge says one thing itself, when Rasa cannot answer: the response `utter_service_unavailable`
of domain/channels.yml (a default variation, French, and conditional ones on the `language` slot).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping

import yaml

DEFAULT = "default"
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class LocalisedText:
    """One response's text per language, with the domain's default variation as the fallback."""

    by_language: Mapping[str, str]

    def pick(self, language: str) -> str:
        return self.by_language.get(language) or self.by_language[DEFAULT]


@dataclass(frozen=True)
class Command:
    name: str
    payload: str
    description: Mapping[str, str]  # language -> menu text


def load_response(path: Path, name: str) -> LocalisedText:
    """Reads one response of a Rasa domain file, keyed by the `language` slot of its conditions."""
    domain = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    variations = (domain.get("responses") or {}).get(name)
    if not variations:
        raise ValueError(f"{path} has no response {name!r}.")
    by_language: Dict[str, str] = {}
    for variation in variations:
        text = variation.get("text")
        if not text:
            continue
        language = _language_condition(variation.get("condition") or [])
        by_language.setdefault(language or DEFAULT, _unescape(text))
    if DEFAULT not in by_language:
        if not by_language:
            raise ValueError(f"Response {name!r} in {path} has no text.")
        by_language[DEFAULT] = next(iter(by_language.values()))
    return LocalisedText(by_language)


def load_commands(path: Path) -> List[Command]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    commands = []
    for entry in data.get("commands") or []:
        description = dict(entry["description"])
        missing = [language for language in LANGUAGES if language not in description]
        if missing:
            raise ValueError(f"{path}: /{entry['command']} has no description in {missing}.")
        commands.append(Command(entry["command"], entry["payload"], description))
    return commands


def _language_condition(conditions: List[Mapping[str, Any]]) -> str:
    for condition in conditions:
        if condition.get("type") == "slot" and condition.get("name") == "language":
            return str(condition.get("value"))
    return ""


def _unescape(text: str) -> str:
    # Rasa's response templates write literal braces doubled.
    return text.replace("{{", "{").replace("}}", "}")
