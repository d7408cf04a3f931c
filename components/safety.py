"""Distress detection: runs on every message, never depends on the intent classifier.

`assess(text)` returns None, or the kind of help needed: "suicide" (suicidal thoughts, self-harm),
"violence" (violence, sexual harassment or assault, being in danger). Pure Python and fast.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes and repeated letters folded: 'J’veux mouriiir' -> ..."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("’", "'").replace("`", "'")
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)
    return re.sub(r"\s+", " ", text)


SUICIDE = [
    r"\b(suicid\w*|me suicider|kill myself|end my life|take my (own )?life|want to die|wanna die)\b",
    r"\b(envie|veux|voudrais|aimerais|pense[rs]?|besoin) (de )?(mourir|en finir|disparaitre)\b",
    r"\ben finir avec (la vie|tout|ma vie)\b",
    r"\b(me (faire du mal|mutiler|tuer)|self[- ]?harm|hurt(ing)? myself|cut(ting)? myself|scarif\w*)\b",
]
VIOLENCE = [
    r"\b(harcel\w*|sexually harass\w*|harass\w*|agress\w* sexuel\w*|sexual(ly)? assault\w*|viol[ee]?e?\b|raped?)\b",
    r"\b(il|elle|on|he|she|they|someone|quelqu'un) (me )?(frappe|bat|beats?|hits?|hurts? me)\b",
    r"\b(en danger|in danger|not safe|pas en securite|menace[sd]? de mort|threaten\w* to kill)\b",
    r"\b(violence[s]? (conjugale|domestique|sexuelle)s?|domestic (violence|abuse))\b",
]
_SUICIDE = [re.compile(p) for p in SUICIDE]
_VIOLENCE = [re.compile(p) for p in VIOLENCE]


def assess(text: Optional[str]) -> Optional[str]:
    if not text or text.startswith("/"):
        return None
    plain = normalise(text[:5000])
    if any(p.search(plain) for p in _SUICIDE):
        return "suicide"
    if any(p.search(plain) for p in _VIOLENCE):
        return "violence"
    return None
