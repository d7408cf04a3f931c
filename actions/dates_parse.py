"""Arrival dates written freely, in French or English, read against an injected `today` (pure).

What a student may write, and the day it means:
- a full date: "2027-09-03", "03/09/2027", "3.9.27", "le 3 septembre 2027", "September 3rd, 2027";
- a day without a year: "03/09", "le 3 septembre", "Sept 3": the next such day (today included);
- numbers are day/month as in France ("03/09" is 3 September); "09/13" can only be 13 September;
- part of a month: "early / mid / end of September", "début / mi / fin septembre", or just
  "September", "en septembre 2027": the FIRST day of that part (1st, 11th, 21st; whole month: 1st),
  so that deadlines counted from it are never later than the real ones. Marked approximate;
- relative: "today", "tomorrow", "dans 3 semaines", "in two months", "next month" (its 1st day),
  "next week" / "la semaine prochaine" (its Monday), "lundi prochain", "next Friday".
Several dates in one message: the earliest (the safe side). Nothing found: None. A day that does
not exist ("31/02", "32 septembre"): a reading with `valid=False`.
"""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional

MONTHS = {
    # French
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "decembre": 12,
    # English ("may" alone is too common a word: it counts only next to a day or a qualifier)
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
NUMBERS = {
    "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8,
    "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "onze": 11, "eleven": 11, "douze": 12,
    "twelve": 12, "quinze": 15, "fifteen": 15, "vingt": 20, "twenty": 20, "premier": 1, "first": 1,
}
UNITS = {
    "jour": "day", "jours": "day", "day": "day", "days": "day",
    "semaine": "week", "semaines": "week", "week": "week", "weeks": "week",
    "mois": "month", "month": "month", "months": "month",
}
WEEKDAYS = {
    "lundi": 0, "monday": 0, "mardi": 1, "tuesday": 1, "mercredi": 2, "wednesday": 2, "jeudi": 3,
    "thursday": 3, "vendredi": 4, "friday": 4, "samedi": 5, "saturday": 5, "dimanche": 6,
    "sunday": 6,
}
# Part of a month -> its first day (a third of a month each, as French "décades").
PARTS = {
    "early": 1, "beginning of": 1, "start of": 1, "the start of": 1, "the beginning of": 1,
    "debut": 1, "au debut de": 1, "debut de": 1, "debut du mois de": 1,
    "mid": 11, "middle of": 11, "the middle of": 11, "mi": 11, "milieu": 11, "milieu de": 11,
    "late": 21, "end of": 21, "the end of": 21, "fin": 21, "fin de": 21, "fin du mois de": 21,
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER = "|".join(sorted(NUMBERS, key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PART = "|".join(sorted((re.escape(p) for p in PARTS), key=len, reverse=True))
_ORDINAL = r"(?:er|re|eme|st|nd|rd|th)?"

PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("numeric", re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/.-]*\d)(?!\s*(?:jours?|semaines?|mois|days?|weeks?|months?)\b)")),
    ("day_month", re.compile(
        rf"\b(\d{{1,2}}|premier|first){_ORDINAL}\s+(?:of\s+|de\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}}))?")),
    ("month_day", re.compile(
        rf"\b({_MONTH})\.?\s+(?:the\s+)?(\d{{1,2}}){_ORDINAL}\b(?:,?\s+(\d{{4}}))?")),
    ("part_month", re.compile(rf"\b({_PART})[\s-]+(?:of\s+|de\s+|d\s+)?({_MONTH})\b(?:\s+(\d{{4}}))?")),
    ("month", re.compile(
        rf"\b(?:(?:en|in|au mois de|mois de|for|pour|d ici|by|this|ce|next)\s+)?({_MONTH})\b"
        rf"(?:\s+(prochain|next|\d{{4}}))?")),
    # "dans 2-3 semaines", "in 2 or 3 weeks": the first number (the earlier day)
    ("in_n", re.compile(
        rf"\b(?:dans|in|d ici)\s+(\d{{1,3}}|{_NUMBER})(?:\s*[-/]\s*\d{{1,3}}|\s+(?:ou|or|a|to)\s+(?:\d{{1,3}}|{_NUMBER}))?"
        rf"\s+({_UNIT})\b")),
    ("next_unit", re.compile(r"\b(?:(?:la|le)\s+(semaine|mois)\s+prochaine?|next\s+(week|month))\b")),
    ("weekday", re.compile(rf"\b(?:(?:next|this|ce)\s+({_WEEKDAY})|({_WEEKDAY})\s+prochain)\b")),
    ("word", re.compile(
        r"\b(aujourd hui|today|tonight|ce soir|apres demain|day after tomorrow|demain|tomorrow|"
        r"hier|yesterday)\b")),
]
WORD_DAYS = {
    "aujourd hui": 0, "today": 0, "tonight": 0, "ce soir": 0, "demain": 1, "tomorrow": 1,
    "apres demain": 2, "day after tomorrow": 2, "hier": -1, "yesterday": -1,
}


@dataclass(frozen=True)
class DateReading:
    """A date expression found in a message."""

    value: Optional[date]  # None when the expression names no real day (31/02)
    approximate: bool  # part of a month, a whole month, "next week": the first day was taken
    said: str  # the expression as found (normalised)

    @property
    def valid(self) -> bool:
        return self.value is not None


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes and commas as spaces; digits, / . - kept."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`´,;!?()\"«»]", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "mi-septembre" -> "mi septembre"
    return " ".join(text.split())


def _safe(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_day(month: int, day: int, today: date) -> Optional[date]:
    """The next `day`/`month` from today, today included (29 February: the next leap year)."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    for year in range(today.year, today.year + 9):
        candidate = _safe(year, month, day)
        if candidate and candidate >= today:
            return candidate
    return None


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _part_start(month: int, first_day: int, last_day: int, year: Optional[int], today: date,
                strictly_next: bool = False) -> date:
    """First day of a part of a month (days first_day..last_day); without a year, the next such
    part not yet over, from today when it has already begun."""
    if year is not None:
        return date(year, month, first_day)
    for candidate_year in (today.year, today.year + 1):
        start = date(candidate_year, month, first_day)
        end = date(candidate_year, month, min(last_day, calendar.monthrange(candidate_year, month)[1]))
        if strictly_next and (candidate_year, month) <= (today.year, today.month):
            continue
        if end >= today:
            return max(start, today)  # part already begun: from today
    return date(today.year + 1, month, first_day)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _read(kind: str, match: re.Match, today: date) -> Optional[DateReading]:
    said = match.group(0).strip()
    g = match.groups()
    if kind == "iso":
        return DateReading(_safe(int(g[0]), int(g[1]), int(g[2])), False, said)
    if kind == "numeric":
        first, second, year = int(g[0]), int(g[1]), _year(g[2])
        day, month = (second, first) if second > 12 >= first else (first, second)  # 09/13: US order
        if year is None:
            return DateReading(_next_day(month, day, today), False, said)
        return DateReading(_safe(year, month, day), False, said)
    if kind in ("day_month", "month_day"):
        day_text, month_text = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
        day, month, year = _number(day_text), MONTHS[month_text], _year(g[2])
        if year is None:
            return DateReading(_next_day(month, day, today), False, said)
        return DateReading(_safe(year, month, day), False, said)
    if kind == "part_month":
        first_day = PARTS[g[0]]
        last_day = {1: 10, 11: 20}.get(first_day, 31)
        return DateReading(_part_start(MONTHS[g[1]], first_day, last_day, _year(g[2]), today), True, said)
    if kind == "month":
        if g[0] in ("may", "mar", "jan", "sept", "sep", "dec", "oct", "nov", "jun", "jul", "aug", "apr", "feb") \
                and not re.match(r"(en|in|for|pour|by|this|next|au mois de|mois de)\s", said):
            return None  # "I may arrive", "sept" (seven): a month only after "in"/"en"...
        qualifier = g[1]
        strictly_next = qualifier in ("prochain", "next") or said.startswith("next ")
        year = _year(qualifier) if qualifier and qualifier.isdigit() else None
        return DateReading(_part_start(MONTHS[g[0]], 1, 31, year, today, strictly_next), True, said)
    if kind == "in_n":
        count, unit = _number(g[0]), UNITS[g[1]]
        if unit == "day":
            return DateReading(today + timedelta(days=count), False, said)
        if unit == "week":
            return DateReading(today + timedelta(weeks=count), True, said)
        return DateReading(_add_months(today, count), True, said)
    if kind == "next_unit":
        unit = g[0] or g[1]
        if unit in ("semaine", "week"):
            return DateReading(today + timedelta(days=7 - today.weekday()), True, said)
        return DateReading(_add_months(today.replace(day=1), 1), True, said)
    if kind == "weekday":
        target = WEEKDAYS[g[0] or g[1]]
        ahead = (target - today.weekday()) % 7 or 7
        return DateReading(today + timedelta(days=ahead), False, said)
    if kind == "word":
        return DateReading(today + timedelta(days=WORD_DAYS[g[0]]), False, said)
    raise AssertionError(kind)


def find_dates(text: str, today: date) -> List[DateReading]:
    """Every date expression in the text, left to right, none overlapping another."""
    normalised = normalise(text)
    taken: List[range] = []
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(normalised):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            reading = _read(kind, match, today)
            if reading is not None:
                taken.append(span)
                found.append((match.start(), reading))
    return [reading for _, reading in sorted(found, key=lambda x: x[0])]


def find_date(text: str, today: date) -> Optional[DateReading]:
    """The date a message gives: the earliest real day among those it names (the safe side);
    an invalid reading when it only names days that do not exist; None when it names none."""
    readings = find_dates(text, today)
    valid = [r for r in readings if r.valid]
    if valid:
        return min(valid, key=lambda r: r.value)
    return readings[0] if readings else None
