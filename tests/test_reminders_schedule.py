"""When reminders go out, with an injected clock: on time and not before, once, late once when
missed, never for a passed deadline or on a guessed date; and the reminder settings."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from actions import settings
from actions.knowledge_base import Deadline
from actions.reminder_schedule import (SCHEDULED, UNREMINDABLE, WAITING, due, planned, send_at,
                                       status)
from actions.reminder_store import Subscription

PARIS = ZoneInfo("Europe/Paris")
NINE = time(9, 0)
OFFSETS = (14, 2)
SOURCED = {"source": "https://example.org/rule", "as_of": "2027", "verified_on": "2027-01-10"}


def deadline(id="dse", **kind) -> Deadline:
    return Deadline.parse_obj({"id": id, "name": {"fr": id, "en": id},
                               "aliases": {"fr": [id], "en": [id]},
                               "what_to_do": {"fr": "faire", "en": "do"}, "where": "example.org",
                               **SOURCED, **kind})


def session(name, closes):
    return {"session": name, "closes": closes, **SOURCED}


PAST = session("2025-2026", "2025-05-31")
UNKNOWN = {"session": "2027-2028", "closes": {"unknown": True}}
USUAL = {"fr": "fin mai", "en": "end of May"}
DSE = deadline(usual=USUAL, sessions=[PAST, session("2027-2028", "2027-05-31")])
DSE_UNCONFIRMED = deadline(usual=USUAL, sessions=[PAST, UNKNOWN])
CVEC = deadline("cvec", rule={"fr": "avant l'inscription", "en": "before registering"})
CAF = deadline("caf_summer", annual={"month": 7, "day": 1})


def at(day: str, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour, minute), tzinfo=PARIS)


def sub(id=1, deadline_id="dse", created="2027-04-01") -> Subscription:
    return Subscription(id, f"telegram-{id}", id, deadline_id, "fr", at(created, 10))


def due_at(now, subs, deadlines=None, sent=()):
    deadlines = deadlines or {"dse": DSE}
    return due(subs, deadlines, set(sent), now, OFFSETS, NINE, PARIS)


def test_the_14_day_reminder_goes_out_at_nine_paris_time_and_not_a_minute_before():
    assert due_at(at("2027-05-17", 8, 59), [sub()]) == []
    [item] = due_at(at("2027-05-17", 9, 0), [sub()])
    assert (item.deadline_date, item.offset, item.days_left) == (date(2027, 5, 31), 14, 14)
    assert item.send_at == at("2027-05-17")
    assert item.key == (1, date(2027, 5, 31), 14)


def test_nine_paris_time_is_seven_utc_in_summer():
    utc = timezone.utc
    assert due_at(datetime(2027, 5, 17, 6, 59, tzinfo=utc), [sub()]) == []
    assert len(due_at(datetime(2027, 5, 17, 7, 0, tzinfo=utc), [sub()])) == 1


def test_a_reminder_already_sent_is_never_due_again():
    sent = {(1, date(2027, 5, 31), 14)}
    for now in (at("2027-05-17"), at("2027-05-17", 18), at("2027-05-20")):
        assert due_at(now, [sub()], sent=sent) == []


def test_the_2_day_reminder_follows_the_14_day_one():
    sent = {(1, date(2027, 5, 31), 14)}
    [item] = due_at(at("2027-05-29", 9, 1), [sub()], sent=sent)
    assert (item.offset, item.days_left) == (2, 2)


def test_a_missed_reminder_is_sent_late_once_while_the_deadline_is_ahead():
    [item] = due_at(at("2027-05-25", 14), [sub()])  # the bridge was down from 16 to 25 May
    assert (item.offset, item.days_left, item.send_at) == (14, 6, at("2027-05-17"))
    assert due_at(at("2027-05-25", 14, 1), [sub()], sent={item.key}) == []


def test_when_several_were_missed_only_the_latest_goes_out():
    [item] = due_at(at("2027-05-30", 8), [sub()])
    assert (item.offset, item.days_left) == (2, 1)
    # The 14-day one is superseded: never sent afterwards.
    assert due_at(at("2027-05-30", 12), [sub()], sent={item.key}) == []


def test_nothing_once_the_deadline_has_passed():
    assert due_at(at("2027-06-01", 9), [sub()]) == []


def test_a_reminder_whose_time_came_before_the_subscription_is_not_sent():
    late = sub(created="2027-05-20")  # 11 days before: the 14-day one is already past
    assert due_at(at("2027-05-20", 12), [late]) == []
    [item] = due_at(at("2027-05-29", 9), [late])
    assert item.offset == 2


def test_an_unconfirmed_date_waits_then_is_scheduled_once_staff_add_it():
    subscription = sub(created="2027-03-01")
    assert status(DSE_UNCONFIRMED, at("2027-05-17"), PARIS) == (WAITING, None)
    assert due_at(at("2027-05-17"), [subscription], {"dse": DSE_UNCONFIRMED}) == []
    # Staff confirm 31 May on 20 May: the 14-day reminder, missed, goes out at once, late.
    assert status(DSE, at("2027-05-20"), PARIS) == (SCHEDULED, date(2027, 5, 31))
    [item] = due_at(at("2027-05-20", 10), [subscription], {"dse": DSE})
    assert (item.deadline_date, item.offset, item.days_left) == (date(2027, 5, 31), 14, 11)


def test_relative_or_removed_deadlines_are_never_reminded():
    assert status(CVEC, at("2027-05-17"), PARIS) == (UNREMINDABLE, None)
    assert status(None, at("2027-05-17"), PARIS) == (UNREMINDABLE, None)
    subs = [sub(1, "cvec"), sub(2, "gone")]
    assert due_at(at("2027-05-17"), subs, {"cvec": CVEC}) == []


def test_a_yearly_deadline_comes_back_the_next_year():
    subscription = sub(deadline_id="caf_summer", created="2027-01-05")
    [first] = due_at(at("2027-06-17"), [subscription], {"caf_summer": CAF})
    assert first.deadline_date == date(2027, 7, 1)
    [again] = due_at(at("2028-06-17"), [subscription], {"caf_summer": CAF}, sent={first.key})
    assert again.deadline_date == date(2028, 7, 1)


def test_one_reminder_per_subscription_and_in_planned_order():
    subs = [sub(1, "dse"), sub(2, "caf_summer"), sub(3, "dse", created="2027-05-18")]
    items = due_at(at("2027-06-20"), subs, {"dse": DSE, "caf_summer": CAF})
    assert [i.subscription.id for i in items] == [2]  # dse passed; caf's 14-day one is due
    items = due_at(at("2027-05-29", 10), subs, {"dse": DSE, "caf_summer": CAF})
    assert [(i.subscription.id, i.offset) for i in items] == [(1, 2), (3, 2)]


def test_planned_tells_what_a_new_subscriber_will_get():
    moments = planned(date(2027, 5, 31), at("2027-04-01", 10), OFFSETS, NINE, PARIS)
    assert moments == [(14, at("2027-05-17")), (2, at("2027-05-29"))]
    assert planned(date(2027, 5, 31), at("2027-05-17", 9, 30), OFFSETS, NINE, PARIS) == [
        (2, at("2027-05-29"))]
    assert planned(date(2027, 5, 31), at("2027-05-30"), OFFSETS, NINE, PARIS) == []


def test_send_at_is_in_the_school_time_zone_across_the_clock_change():
    # Summer time starts on 28 March 2027 at 2 am: 9 am stays 9 am, an hour closer in UTC.
    winter = send_at(date(2027, 3, 29), 2, NINE, PARIS)
    summer = send_at(date(2027, 3, 30), 2, NINE, PARIS)
    assert (winter.hour, winter.utcoffset()) == (9, timedelta(hours=1))
    assert (summer.hour, summer.utcoffset()) == (9, timedelta(hours=2))


def test_now_must_carry_its_time_zone():
    with pytest.raises(ValueError):
        due([sub()], {"dse": DSE}, set(), datetime(2027, 5, 17, 9), OFFSETS, NINE, PARIS)


# --- settings ---------------------------------------------------------------------------------


def test_reminder_settings_defaults(monkeypatch):
    for name in ("REMINDER_OFFSETS_DAYS", "REMINDER_SEND_TIME", "REMINDERS_DB_URL"):
        monkeypatch.delenv(name, raising=False)
    assert settings.reminder_offsets() == (14, 2)
    assert settings.reminder_send_time() == time(9, 0)
    assert settings.reminders_db_url() == "sqlite:///var/reminders.db"


def test_reminder_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("REMINDER_OFFSETS_DAYS", "2, 7,30")
    monkeypatch.setenv("REMINDER_SEND_TIME", "08:30")
    assert settings.reminder_offsets() == (30, 7, 2)
    assert settings.reminder_send_time() == time(8, 30)
    monkeypatch.setenv("REMINDER_OFFSETS_DAYS", "two weeks")
    with pytest.raises(ValueError, match="REMINDER_OFFSETS_DAYS"):
        settings.reminder_offsets()


def test_injected_clock_fixes_now_and_today(monkeypatch):
    monkeypatch.delenv("ACTIONS_TODAY", raising=False)
    monkeypatch.setenv("ACTIONS_NOW", "2027-05-17T09:00:00+02:00")
    assert settings.now() == at("2027-05-17")
    assert settings.today() == date(2027, 5, 17)
