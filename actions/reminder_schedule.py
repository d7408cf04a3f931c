"""When reminders go out, relative to an injected `now` (pure: no clock, no I/O).

A subscription is reminded of the deadline's next *confirmed* date (deadline_dates.next_deadline:
the next dated session closing today or later, or the next yearly date), `offset` days before it,
at the send time of the school's time zone (REMINDER_OFFSETS_DAYS "14,2", REMINDER_SEND_TIME
"09:00", Europe/Paris). Rules:

- a deadline whose coming date is not confirmed is never reminded with a guessed date: the
  subscription waits, and is scheduled as soon as staff add the date to the knowledge base;
- a reminder whose time came before the subscription (subscribing 10 days before: the 14-day one)
  is not sent;
- a reminder whose time passed while nothing was sending (a restart, a date confirmed late) is
  sent once, late, as long as the deadline has not passed; when several were missed, only the
  most recent goes out (the older ones are superseded, never sent afterwards);
- a reminder already sent (claimed: reminder_store) is never sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Collection, Iterable, List, Mapping, Optional, Tuple
from zoneinfo import ZoneInfo

from actions.deadline_dates import CONFIRMED, RELATIVE, next_deadline

WAITING = "waiting"  # subscribed, but the coming date is not confirmed yet
SCHEDULED = "scheduled"  # a confirmed date: reminders planned or already sent
UNREMINDABLE = "unremindable"  # relative to the student's own dates, or gone from the KB


@dataclass(frozen=True)
class Due:
    """One reminder to send now."""

    subscription: object  # reminder_store.Subscription
    deadline_date: date
    offset: int  # days before the deadline it was planned for
    send_at: datetime  # when it was planned (earlier than now if it was missed)
    days_left: int  # from now's day to the deadline (0: today)

    @property
    def key(self) -> Tuple[int, date, int]:
        return (self.subscription.id, self.deadline_date, self.offset)


def send_at(deadline_date: date, offset: int, send_time: time, zone: ZoneInfo) -> datetime:
    """The moment the reminder `offset` days before `deadline_date` is planned for."""
    return datetime.combine(deadline_date - timedelta(days=offset), send_time, tzinfo=zone)


def status(deadline, now: datetime, zone: ZoneInfo) -> Tuple[str, Optional[date]]:
    """(WAITING | SCHEDULED | UNREMINDABLE, the confirmed date if SCHEDULED)."""
    if deadline is None:
        return UNREMINDABLE, None
    nxt = next_deadline(deadline, now.astimezone(zone).date())
    if nxt.status == RELATIVE:
        return UNREMINDABLE, None
    if nxt.status != CONFIRMED:
        return WAITING, None
    return SCHEDULED, nxt.due


def planned(deadline_date: date, after: datetime, offsets: Iterable[int], send_time: time,
            zone: ZoneInfo) -> List[Tuple[int, datetime]]:
    """(offset, moment) of the reminders still ahead of `after`, soonest first: what a student
    subscribing at `after` is told they will get."""
    moments = [(offset, send_at(deadline_date, offset, send_time, zone)) for offset in offsets]
    return sorted((m for m in moments if m[1] > after), key=lambda m: m[1])


def due(subscriptions: Iterable, deadlines: Mapping[str, object],
        sent: Collection[Tuple[int, date, int]], now: datetime, offsets: Iterable[int],
        send_time: time, zone: ZoneInfo) -> List[Due]:
    """The reminders to send at `now` (at most one per subscription), by planned time."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    offsets = tuple(offsets)
    today = now.astimezone(zone).date()
    found = []
    for subscription in subscriptions:
        kind, deadline_date = status(deadlines.get(subscription.deadline_id), now, zone)
        if kind != SCHEDULED:
            continue
        passed = [(offset, moment) for offset in offsets
                  for moment in [send_at(deadline_date, offset, send_time, zone)]
                  if subscription.created_at <= moment <= now]
        if not passed:
            continue
        offset, moment = max(passed, key=lambda m: m[1])  # the most recent supersedes the others
        if (subscription.id, deadline_date, offset) in sent:
            continue
        found.append(Due(subscription, deadline_date, offset, moment, (deadline_date - today).days))
    return sorted(found, key=lambda d: (d.send_at, d.subscription.id))
