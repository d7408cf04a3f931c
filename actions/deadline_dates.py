"""When a deadline falls next, relative to an injected `today` (pure: no clock, no I/O).

A past date is never returned as the next one: when no coming date is published, the answer is
the last known session, and for a recurring deadline the date it is expected around (used only to
order and filter the "coming up" list, never shown: it is not a published date).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional

CONFIRMED = "confirmed"  # a published date, today or later
UNCONFIRMED = "unconfirmed"  # recurring, but the coming date is not published yet
PAST_ONLY = "past_only"  # only past dates are known and the deadline is not known to recur
RELATIVE = "relative"  # depends on the student's own dates (arrival, registration)


@dataclass(frozen=True)
class Next:
    status: str
    due: Optional[date] = None  # CONFIRMED: the deadline
    opens: Optional[date] = None  # CONFIRMED: the opening day, if it is still ahead
    days: Optional[int] = None  # CONFIRMED: days from today to `due` (0 = today)
    last: Optional[object] = None  # UNCONFIRMED / PAST_ONLY: the last known dated session
    expected: Optional[date] = None  # UNCONFIRMED: around when it should fall (never shown)


def same_day_on_or_after(month: int, day: int, today: date) -> date:
    """The next `month`/`day` from today (today included); 29 February becomes the 28th."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = date(year, month, day - 1)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable: next year's date is always after today")


def next_deadline(deadline, today: date) -> Next:
    if deadline.rule is not None:
        return Next(RELATIVE)
    if deadline.annual is not None:
        due = same_day_on_or_after(deadline.annual.month, deadline.annual.day, today)
        return Next(CONFIRMED, due=due, days=(due - today).days)
    dated = sorted((s for s in deadline.sessions if s.known), key=lambda s: s.closes)
    coming = [s for s in dated if s.closes >= today]
    if coming:
        session = coming[0]
        opens = session.opens if isinstance(session.opens, date) and session.opens > today else None
        return Next(CONFIRMED, due=session.closes, opens=opens, days=(session.closes - today).days)
    last = dated[-1]
    if deadline.recurring:
        expected = same_day_on_or_after(last.closes.month, last.closes.day, today)
        return Next(UNCONFIRMED, last=last, expected=expected)
    return Next(PAST_ONLY, last=last)


@dataclass(frozen=True)
class Upcoming:
    confirmed: list  # [(deadline, Next)] by date
    beyond_window: bool  # True: none in the window, so `confirmed` holds the next few after it
    expected: list  # [(deadline, Next)] recurring ones not confirmed yet, by expected date
    relative: list  # [deadline] that depend on the student's own dates


def upcoming(deadlines: Iterable, today: date, window_days: int, at_least: int = 3) -> Upcoming:
    """Confirmed deadlines within the window (or, when there are none, the next `at_least`), the
    expected-but-unconfirmed ones up to the same horizon, and the relative ones."""
    nexts = [(d, next_deadline(d, today)) for d in deadlines]
    dated = sorted((x for x in nexts if x[1].status == CONFIRMED), key=lambda x: x[1].due)
    horizon = today + timedelta(days=window_days)
    confirmed = [x for x in dated if x[1].due <= horizon]
    beyond = not confirmed and bool(dated)
    if beyond:
        confirmed = dated[:at_least]
        horizon = confirmed[-1][1].due
    expected = sorted(
        (x for x in nexts if x[1].status == UNCONFIRMED and x[1].expected <= horizon),
        key=lambda x: x[1].expected,
    )
    relative = [d for d, n in nexts if n.status == RELATIVE]
    return Upcoming(confirmed, beyond, expected, relative)
