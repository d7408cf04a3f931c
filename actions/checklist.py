"""The personal pre-arrival checklist: schema of actions/knowledge/checklist.yml and the pure
computation (a profile and an injected `today` in, dated entries out: no clock, no I/O).

Which items apply, and when each falls, is data (checklist.yml); this module only reads the
profile against the items' `who`, turns their `due` rules into days, and orders them.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Literal, Optional, Tuple, Union

from pydantic import conint, constr, root_validator, validator

from actions.knowledge_base import (
    Bilingual, Id, KnowledgeBaseError, Model, NonEmpty, Sourced, Unknown, Year, _parse, _unknown_or_value,
    normalise,
)

NATIONALITY_GROUPS = ("french", "eu", "algerian", "non_eu")
PROGRAMMES = ("engineering", "master", "phd", "exchange")
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"}

Group = Literal["french", "eu", "algerian", "non_eu"]
Programme = Literal["engineering", "master", "phd", "exchange"]
# "arrival", "arrival - 1 day", "registration + 3 months - 1 day" (anchors: see checklist.yml).
Rule = constr(strip_whitespace=True, regex=r"^[a-z_]+( [+-] \d+ (days?|weeks?|months?))*$")
_TERM = re.compile(r" ([+-]) (\d+) (\w+)")


# --- schema -------------------------------------------------------------------------------------


class Who(Model):
    nationality: Optional[List[Group]]
    programme: Optional[List[Programme]]

    def matches(self, group: str, programme: str) -> bool:
        return (self.nationality is None or group in self.nationality) and (
            self.programme is None or programme in self.programme
        )


class Anchor(Model):
    means: Rule  # how the anchor's day is counted from the arrival
    note: Bilingual  # told to the student when an item counted from it is shown


class YearAmount(Model):
    eur: conint(gt=0)
    status: Literal["official", "to_confirm"]


class AmountSaid(Model):
    official: Bilingual
    to_confirm: Bilingual
    unknown: Bilingual


class Amount(Model):
    """A yearly amount (the CVEC): the sentence for the arrival's academic year fills {amount}."""

    by_year: Dict[Year, YearAmount]
    said: AmountSaid

    @validator("by_year")
    def _academic_years(cls, value):
        for year in value:
            if not re.fullmatch(r"\d{4}-\d{4}", year) or int(year[5:]) != int(year[:4]) + 1:
                raise ValueError(f"{year!r} is not an academic year such as 2025-2026")
        if not value:
            raise ValueError("gives no year")
        return value


class Item(Sourced):
    id: Id
    who: Who = Who()
    due: Union[Unknown, Rule]
    sort: Optional[Rule]  # where an item with no known date sits in the list
    kind: Literal["by", "from", "at"]
    timing: Bilingual
    title: Bilingual
    what_to_do: Bilingual
    amount: Optional[Amount]
    facts: List[NonEmpty]  # where facts.md (or the school's report) states it

    _due = validator("due", pre=True, allow_reuse=True)(_unknown_or_value)

    @root_validator(skip_on_failure=True)
    def _placed(cls, values):
        if isinstance(values["due"], Unknown) and not values.get("sort"):
            raise ValueError("an item with an unknown date needs 'sort' (where it sits in the list)")
        if not isinstance(values["due"], Unknown) and values.get("sort"):
            raise ValueError("'sort' is only for an item whose date is unknown")
        has_placeholder = "{amount}" in values["what_to_do"].fr or "{amount}" in values["what_to_do"].en
        if has_placeholder != (values.get("amount") is not None):
            raise ValueError("'{amount}' in what_to_do and 'amount' go together")
        return values


class When(Model):
    by: Bilingual
    from_: Bilingual
    at: Bilingual
    late: Bilingual
    now: Bilingual
    unknown: Bilingual

    class Config:
        fields = {"from_": "from"}


class Sections(Model):
    before: Bilingual
    arrival: Bilingual
    after: Bilingual


class Labels(Model):
    when: When
    sections: Sections
    nationality: Dict[Group, Bilingual]
    programme: Dict[Programme, Bilingual]
    calendar_name: Bilingual
    source: Bilingual
    calendar_check: Bilingual

    @validator("nationality", "programme")
    def _all(cls, value, field):
        expected = set(NATIONALITY_GROUPS if field.name == "nationality" else PROGRAMMES)
        if set(value) != expected:
            raise ValueError(f"needs exactly: {', '.join(sorted(expected))}")
        return value


class ChecklistFile(Model):
    anchors: Dict[Id, Anchor]
    academic_year_from_month: conint(ge=1, le=12)
    items: List[Item]
    programme_words: Dict[Programme, List[NonEmpty]]
    labels: Labels

    @validator("programme_words")
    def _every_programme(cls, value):
        if set(value) != set(PROGRAMMES):
            raise ValueError(f"needs exactly: {', '.join(PROGRAMMES)}")
        return value

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values):
        anchors = {"arrival", *values["anchors"]}
        for name, anchor in values["anchors"].items():
            if _anchor_of(anchor.means) != "arrival":
                raise ValueError(f"anchor '{name}': 'means' must be counted from arrival")
        seen = set()
        for item in values["items"]:
            if item.id in seen:
                raise ValueError(f"item '{item.id}' appears twice")
            seen.add(item.id)
            for rule in (item.due, item.sort):
                if isinstance(rule, str) and _anchor_of(rule) not in anchors:
                    raise ValueError(f"item '{item.id}': unknown anchor in {rule!r} "
                                     f"(known: {', '.join(sorted(anchors))})")
                if isinstance(rule, str):
                    for _, _, unit in _TERM.findall(rule):
                        if unit not in UNITS:
                            raise ValueError(f"item '{item.id}': unknown unit {unit!r}")
        return values


def _anchor_of(rule: str) -> str:
    return rule.split(" ", 1)[0]


# --- loading (reloaded when the file changes, like the knowledge base) ----------------------------


@lru_cache(maxsize=4)
def _load(path: str, stamp) -> ChecklistFile:
    return _parse(Path(path), ChecklistFile)


def load(folder: Path) -> ChecklistFile:
    path = Path(folder) / "checklist.yml"
    try:
        info = path.stat()
    except OSError as error:
        raise KnowledgeBaseError(f"{path}: cannot be read ({error.strerror})") from None
    return _load(str(path), (info.st_mtime_ns, info.st_size))


# --- computation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    arrival: date
    group: str  # french | eu | algerian | non_eu
    programme: str  # engineering | master | phd | exchange

    def __post_init__(self):
        if self.group not in NATIONALITY_GROUPS:
            raise ValueError(f"unknown nationality group {self.group!r}")
        if self.programme not in PROGRAMMES:
            raise ValueError(f"unknown programme {self.programme!r}")


BEFORE, ARRIVAL, AFTER = "before", "arrival", "after"


@dataclass(frozen=True)
class Entry:
    item: Item
    due: Optional[date]  # None: the sources give no date
    place: date  # where it sits in the list (its date, or its `sort` day)
    section: str  # before | arrival | after (the arrival)
    late: bool  # a deadline already past today: "as soon as possible"
    started: bool  # a "from" day already past today: "from now on"
    anchor: str  # the anchor its date is counted from


def add_months(day: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def resolve(rule: str, arrival: date, anchors: Dict[str, Anchor]) -> date:
    """The day a rule names for this arrival: "arrival + 3 months - 1 day" -> a date."""
    anchor = _anchor_of(rule)
    day = arrival if anchor == "arrival" else resolve(anchors[anchor].means, arrival, anchors)
    for sign, count, unit in _TERM.findall(rule):
        amount = int(count) * (1 if sign == "+" else -1)
        unit = UNITS[unit]
        if unit == "month":
            day = add_months(day, amount)
        else:
            day += timedelta(days=amount * (7 if unit == "week" else 1))
    return day


def academic_year(arrival: date, from_month: int) -> str:
    start = arrival.year if arrival.month >= from_month else arrival.year - 1
    return f"{start}-{start + 1}"


def build(profile: Profile, data: ChecklistFile, today: date) -> List[Entry]:
    """The items that apply to the profile, dated from the arrival, in the order to do them."""
    entries = []
    for item in data.items:
        if not item.who.matches(profile.group, profile.programme):
            continue
        due = None if isinstance(item.due, Unknown) else resolve(item.due, profile.arrival, data.anchors)
        rule = item.sort if due is None else item.due
        place = due or resolve(rule, profile.arrival, data.anchors)
        section = BEFORE if place < profile.arrival else ARRIVAL if place == profile.arrival else AFTER
        entries.append(Entry(
            item=item, due=due, place=place, section=section,
            late=due is not None and item.kind == "by" and due < today,
            started=due is not None and item.kind == "from" and due < today,
            anchor=_anchor_of(rule),
        ))
    # Stable sort: items of the same day keep the file's order.
    return sorted(entries, key=lambda e: e.place)


def find_programme(text: str, data: ChecklistFile) -> Optional[str]:
    """The programme a message names (the first of programme_words' order when it names several)."""
    padded = f" {normalise(text)} "
    for programme, words in data.programme_words.items():
        if any(f" {normalise(word)} " in padded for word in words):
            return programme
    return None


def amount_sentence(amount: Amount, year: str, lang: str) -> str:
    """The {amount} sentence for an academic year: its amount, or the last known one."""
    known = amount.by_year.get(year)
    if known is not None:
        template = amount.said.official if known.status == "official" else amount.said.to_confirm
        return template(lang).format(year=year, eur=known.eur)
    last_year = max(amount.by_year)
    return amount.said.unknown(lang).format(year=year, eur=amount.by_year[last_year].eur, last_year=last_year)


def what_to_do(entry: Entry, profile: Profile, data: ChecklistFile, lang: str) -> str:
    text = entry.item.what_to_do(lang)
    if entry.item.amount is not None:
        year = academic_year(profile.arrival, data.academic_year_from_month)
        text = text.replace("{amount}", amount_sentence(entry.item.amount, year, lang))
    return text


def sections(entries: List[Entry]) -> List[Tuple[str, List[Entry]]]:
    """The entries split into before / at / after the arrival, empty sections left out."""
    return [(name, [e for e in entries if e.section == name]) for name in (BEFORE, ARRIVAL, AFTER)
            if any(e.section == name for e in entries)]


def anchors_used(entries: List[Entry]) -> List[str]:
    """Anchors other than the arrival that dated entries are counted from (their notes are shown)."""
    used = []
    for entry in entries:
        if entry.due is not None and entry.anchor != "arrival" and entry.anchor not in used:
            used.append(entry.anchor)
    return used
