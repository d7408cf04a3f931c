"""When a deadline falls next, with an injected clock: before, on and after a date, year
rollover, unconfirmed windows, relative deadlines, and the "coming up" list."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from actions.deadline_dates import (
    CONFIRMED, PAST_ONLY, RELATIVE, UNCONFIRMED, next_deadline, same_day_on_or_after, upcoming,
)
from actions.knowledge_base import Deadline, load

KB_DIR = Path(__file__).resolve().parents[1] / "actions" / "knowledge"

SOURCED = {"source": "https://example.org/rule", "as_of": "2025", "verified_on": "2026-11-25"}


def deadline(id="campaign", **kind) -> Deadline:
    return Deadline.parse_obj(
        {
            "id": id,
            "name": {"fr": id, "en": id},
            "aliases": {"fr": [id], "en": [id]},
            "what_to_do": {"fr": "faire", "en": "do"},
            "where": "example.org",
            **SOURCED,
            **kind,
        }
    )


def session(name, closes, opens=None):
    return {"session": name, "closes": closes, **({"opens": opens} if opens else {}), **SOURCED}


CAMPAIGN = deadline(
    usual={"fr": "de mars au 31 mai", "en": "March to 31 May"},
    sessions=[
        session("2024-2025", "2024-05-31", opens="2024-03-01"),
        session("2025-2026", "2025-05-31", opens="2025-03-13"),
        {"session": "2026-2027", "closes": {"unknown": True}},
    ],
)


# --- dated sessions ----------------------------------------------------------------------------


def test_before_the_opening_gives_both_dates():
    nxt = next_deadline(CAMPAIGN, date(2025, 3, 1))
    assert (nxt.status, nxt.due, nxt.opens, nxt.days) == (CONFIRMED, date(2025, 5, 31), date(2025, 3, 13), 91)


def test_while_open_counts_the_days_left():
    nxt = next_deadline(CAMPAIGN, date(2025, 5, 20))
    assert (nxt.status, nxt.due, nxt.opens, nxt.days) == (CONFIRMED, date(2025, 5, 31), None, 11)


@pytest.mark.parametrize("today, days", [(date(2025, 5, 30), 1), (date(2025, 5, 31), 0)])
def test_the_day_before_and_the_day_itself_are_still_ahead(today, days):
    nxt = next_deadline(CAMPAIGN, today)
    assert (nxt.status, nxt.due, nxt.days) == (CONFIRMED, date(2025, 5, 31), days)


def test_the_day_after_the_last_known_date_is_not_confirmed():
    nxt = next_deadline(CAMPAIGN, date(2025, 6, 1))
    assert nxt.status == UNCONFIRMED and nxt.due is None
    assert nxt.last.session == "2025-2026"
    assert nxt.expected == date(2026, 5, 31)  # for ordering only: not a published date


def test_an_earlier_session_is_picked_even_if_listed_last():
    shuffled = deadline(sessions=[session("b", "2026-01-08"), session("a", "2025-01-08")])
    assert next_deadline(shuffled, date(2024, 12, 1)).due == date(2025, 1, 8)


def test_a_deadline_known_for_one_past_year_only_is_past_only():
    once = deadline(sessions=[session("2023-2024", "2024-01-02")])
    nxt = next_deadline(once, date(2026, 11, 25))
    assert (nxt.status, nxt.last.session, nxt.expected) == (PAST_ONLY, "2023-2024", None)


def test_expected_date_rolls_over_into_next_year():
    january = deadline(usual={"fr": "début janvier", "en": "early January"}, sessions=[session("2026", "2026-01-08")])
    nxt = next_deadline(january, date(2026, 11, 25))
    assert (nxt.status, nxt.expected) == (UNCONFIRMED, date(2027, 1, 8))


def test_a_leap_day_is_expected_on_the_28th_in_other_years():
    leap = deadline(usual={"fr": "fin février", "en": "end of February"}, sessions=[session("2024", "2024-02-29")])
    assert next_deadline(leap, date(2024, 3, 1)).expected == date(2025, 2, 28)


# --- annual and relative -------------------------------------------------------------------------

JULY_FIRST = deadline(annual={"month": 7, "day": 1})


@pytest.mark.parametrize(
    "today, due, days",
    [
        (date(2026, 6, 30), date(2026, 7, 1), 1),
        (date(2026, 7, 1), date(2026, 7, 1), 0),
        (date(2026, 7, 2), date(2027, 7, 1), 364),
        (date(2026, 11, 25), date(2027, 7, 1), 218),
    ],
)
def test_annual_rule_before_on_and_after(today, due, days):
    nxt = next_deadline(JULY_FIRST, today)
    assert (nxt.status, nxt.due, nxt.days) == (CONFIRMED, due, days)


def test_annual_rule_across_new_year():
    assert same_day_on_or_after(1, 1, date(2026, 12, 31)) == date(2027, 1, 1)
    nxt = next_deadline(deadline(annual={"month": 1, "day": 1}), date(2026, 12, 31))
    assert (nxt.due, nxt.days) == (date(2027, 1, 1), 1)


def test_relative_deadline_has_a_rule_and_no_date():
    relative = deadline(rule={"fr": "dans les 3 mois après l'arrivée", "en": "within 3 months of arrival"})
    nxt = next_deadline(relative, date(2026, 11, 25))
    assert (nxt.status, nxt.due, nxt.days) == (RELATIVE, None, None)


# --- what is coming up ---------------------------------------------------------------------------

SOON = deadline("soon", sessions=[session("s", "2026-12-20")])
LATER = deadline("later", annual={"month": 5, "day": 31})
RULE = deadline("rule", rule={"fr": "avant l'inscription", "en": "before registration"})
EXPECTED = deadline("expected", usual={"fr": "janvier", "en": "January"}, sessions=[session("2026", "2026-01-08")])


def test_coming_up_keeps_the_window_and_lists_unconfirmed_and_relative_apart():
    coming = upcoming([LATER, SOON, RULE, EXPECTED], date(2026, 11, 25), window_days=60)
    assert [d.id for d, _ in coming.confirmed] == ["soon"] and not coming.beyond_window
    assert [d.id for d, _ in coming.expected] == ["expected"]  # 8 Jan 2027 is within 60 days
    assert [d.id for d in coming.relative] == ["rule"]


def test_with_nothing_confirmed_in_the_window_it_gives_the_next_ones_after_it():
    coming = upcoming([LATER, RULE, EXPECTED], date(2026, 11, 25), window_days=60)
    assert coming.beyond_window
    assert [(d.id, n.due) for d, n in coming.confirmed] == [("later", date(2027, 5, 31))]
    assert [d.id for d, _ in coming.expected] == ["expected"]


def test_with_no_dated_deadline_at_all_nothing_is_confirmed():
    coming = upcoming([RULE], date(2026, 11, 25), window_days=60)
    assert (coming.confirmed, coming.beyond_window, coming.expected) == ([], False, [])


# --- the shipped knowledge base --------------------------------------------------------------------


def test_shipped_deadlines_on_25_november_2026():
    kb = load(KB_DIR)
    today = date(2026, 11, 25)
    status = {d.id: next_deadline(d, today) for d in kb.deadlines.values()}
    assert status["dse"].status == UNCONFIRMED  # 2026-27 campaign not published
    assert status["eiffel"].status == UNCONFIRMED  # 8 Jan 2026 is past; 2027 not published
    assert status["eiffel"].last.closes == date(2026, 1, 8)
    assert status["crous_meals"].status == PAST_ONLY
    assert status["cvec"].status == status["visa_validation"].status == RELATIVE
    assert (status["caf_summer"].due, status["cvec_refund"].due) == (date(2027, 7, 1), date(2027, 5, 31))


def test_a_past_date_is_never_the_next_deadline():
    kb = load(KB_DIR)
    day = date(2023, 1, 1)
    while day < date(2028, 1, 1):
        for d in kb.deadlines.values():
            nxt = next_deadline(d, day)
            assert nxt.status != CONFIRMED or nxt.due >= day, (d.id, day)
        day += timedelta(days=1)
