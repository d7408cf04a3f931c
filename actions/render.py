"""The values actions put into the {placeholders} of domain/lookups.yml, in the student's language.

No sentence lives here (they are in the domain and the knowledge base): only the choice of
language, dates written by Babel, and the names of sources and years.
"""

import json
from datetime import date
from typing import Iterable, List
from urllib.parse import urlsplit

from babel.dates import format_date, format_skeleton

from actions.knowledge_base import Bilingual, Labels, Unknown

# en_GB writes "8 January 2026" (en_US would write "January 8, 2026").
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def language(tracker) -> str:
    """The conversation's language: the `language` slot, French unless it says English."""
    return "en" if tracker.get_slot("language") == "en" else "fr"


def text(value, lang: str) -> str:
    """A KB value as the student reads it: bilingual text in their language, else as written."""
    return value(lang) if isinstance(value, Bilingual) else str(value)


def day(value: date, lang: str) -> str:
    return format_date(value, format="long", locale=LOCALES[lang])


def period(opens, closes: date, lang: str) -> str:
    """"13 mars – 31 mai 2025", or the closing day alone when the opening day is not known.

    (Babel's own intervals abbreviate English months: "13 Mar – 31 May 2025".)
    """
    if not isinstance(opens, date) or opens >= closes:
        return day(closes, lang)
    if opens.year != closes.year:
        return f"{day(opens, lang)} – {day(closes, lang)}"
    return f"{format_skeleton('MMMMd', opens, locale=LOCALES[lang])} – {day(closes, lang)}"


def as_of(value, labels: Labels, lang: str) -> str:
    if isinstance(value, Unknown):
        return labels.as_of_unknown(lang)
    if isinstance(value, date):
        return day(value, lang)
    return str(value)


def sources(values: Iterable[str], labels: Labels, lang: str) -> str:
    """Named sources in the student's language; a URL by its site ("caf.fr"), not in full."""
    names = []
    for source in values:
        if source in labels.sources:
            name = labels.sources[source](lang)
        elif "://" in source:
            name = urlsplit(source).netloc.removeprefix("www.")
        else:
            name = source
        if name not in names:
            names.append(name)
    return ", ".join(names)


def buttons(entries, intent: str, entity: str, lang: str) -> List[dict]:
    """One button per KB entry; its payload asks the lookup again with the entity set."""
    compact = (",", ":")  # /ask_contact{"service":"crous"}
    return [
        {"title": entry.name(lang), "payload": f"/{intent}{json.dumps({entity: entry.id}, separators=compact)}"}
        for entry in entries
    ]
