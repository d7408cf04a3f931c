"""Reads the domain the way Rasa does (every file under domain/), for tests that inspect replies."""

from pathlib import Path
from typing import Any, Dict, List

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_DIR = ROOT / "domain"


def load_responses() -> Dict[str, List[Dict[str, Any]]]:
    responses: Dict[str, List[Dict[str, Any]]] = {}
    for path in sorted(DOMAIN_DIR.rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            assert name not in responses, f"{name} is defined twice (again in {path.name})"
            responses[name] = variations
    return responses


def variation_language(variation: Dict[str, Any]) -> str:
    """'en' for the variation conditioned on language=en, 'fr' for language=fr or no condition."""
    for condition in variation.get("condition") or []:
        if condition.get("name") == "language":
            return condition.get("value")
    return "fr"
