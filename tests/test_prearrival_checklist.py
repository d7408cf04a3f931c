"""The checklist's rules per profile (EU or not, exchange or degree, Algerian nationals), its
dates counted from the arrival, its data file's schema, and the calendar file parsed back."""

import os
import re
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from actions import checklist, countries, ics, prearrival
from actions.knowledge_base import KnowledgeBaseError

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "actions" / "knowledge"
TODAY = date(2026, 11, 25)
ARRIVAL = date(2027, 9, 3)


@pytest.fixture(scope="module")
def data():
    return checklist.load(KB_DIR)


def entries(data, group, programme, arrival=ARRIVAL, today=TODAY):
    return {e.item.id: e for e in checklist.build(checklist.Profile(arrival, group, programme), data, today)}


# --- which items apply ---------------------------------------------------------------------------


def test_non_eu_master_student(data):
    got = entries(data, "non_eu", "master")
    assert {"campus_france", "visa", "cvec", "ameli", "visa_validation", "pickup", "welcome_day",
            "fees_master_phd", "caf", "visale", "housing", "bank", "fle"} == set(got)
    assert got["visa"].due == date(2027, 9, 2)  # before travelling
    assert got["cvec"].due == date(2027, 9, 2)  # before registration (counted as the arrival)
    assert got["caf"].due == ARRIVAL  # from the lease signing (counted as the arrival)
    assert got["visa_validation"].due == date(2027, 12, 2)  # within 3 months of the arrival
    assert got["visa_validation"].section == checklist.AFTER


def test_eu_student_gets_no_visa_steps_but_the_ehic(data):
    got = entries(data, "eu", "engineering")
    assert not {"campus_france", "visa", "visa_algeria", "visa_validation", "ameli",
                "residence_permit_algeria", "work_authorisation_algeria"} & set(got)
    assert {"ehic", "cvec", "fees_engineering_eu", "pickup", "welcome_day"} <= set(got)
    assert "fees_engineering_non_eu" not in got


def test_exchange_student_has_no_cvec_and_no_tuition(data):
    for group in ("eu", "non_eu", "algerian"):
        got = entries(data, group, "exchange")
        assert "cvec" not in got and "fees_exchange" in got
        assert not {"fees_engineering_eu", "fees_engineering_non_eu", "fees_master_phd"} & set(got)


def test_degree_students_pay_the_cvec(data):
    for programme in ("engineering", "master", "phd"):
        assert "cvec" in entries(data, "non_eu", programme)


def test_algerian_national_no_anef_but_a_residence_permit_and_an_apt(data):
    got = entries(data, "algerian", "engineering")
    assert "visa_validation" not in got and "visa" not in got
    assert {"visa_algeria", "campus_france", "ameli", "fees_engineering_non_eu"} <= set(got)
    assert got["residence_permit_algeria"].due == date(2027, 11, 2)  # within 2 months of arrival
    assert got["work_authorisation_algeria"].due is None  # before any job: no date
    assert "before any job" in got["work_authorisation_algeria"].item.timing("en")


def test_french_national_gets_no_international_steps(data):
    got = entries(data, "french", "phd")
    assert set(got) == {"housing", "visale", "cvec", "fees_master_phd", "caf"}


def test_unknown_dates_are_said_not_invented(data):
    got = entries(data, "non_eu", "master")
    assert got["campus_france"].due is None and got["welcome_day"].due is None
    assert "not in my sources" in got["campus_france"].item.timing("en")
    assert "pas encore dans mes sources" in got["welcome_day"].item.timing("fr")


def test_order_is_by_date_then_by_the_file(data):
    built = checklist.build(checklist.Profile(ARRIVAL, "non_eu", "master"), data, TODAY)
    places = [e.place for e in built]
    assert places == sorted(places)
    ids = [e.item.id for e in built]
    assert ids.index("campus_france") < ids.index("visa") < ids.index("housing")
    assert ids.index("bank") < ids.index("caf") < ids.index("ameli")
    assert ids[-1] == "visa_validation"


def test_steps_already_due_are_for_as_soon_as_possible(data):
    got = entries(data, "non_eu", "master", arrival=TODAY)  # arriving today
    assert got["visa"].late and got["cvec"].late
    assert not got["visa_validation"].late
    assert not got["bank"].late and not got["bank"].started  # from today: not "already started"
    got = entries(data, "non_eu", "master", arrival=TODAY, today=date(2026, 12, 1))
    assert got["bank"].started


def test_months_end_safely():
    anchors = checklist.load(KB_DIR).anchors
    assert checklist.resolve("arrival + 3 months - 1 day", date(2027, 11, 30), anchors) == date(2028, 2, 28)
    assert checklist.resolve("arrival + 3 months - 1 day", date(2027, 9, 3), anchors) == date(2027, 12, 2)
    assert checklist.resolve("registration - 1 day", date(2028, 3, 1), anchors) == date(2028, 2, 29)
    assert checklist.resolve("arrival + 2 weeks", date(2027, 9, 3), anchors) == date(2027, 9, 17)


# --- the CVEC amount by academic year --------------------------------------------------------------


@pytest.mark.parametrize("arrival, expected", [
    (date(2024, 9, 2), "Amount for 2024-2025: €103."),
    (date(2025, 1, 6), "Amount for 2024-2025: €103."),  # January: the year that began before
    (date(2025, 8, 25), "Amount for 2025-2026: €105 announced, to be confirmed on the site."),
    (date(2027, 9, 3), "The 2027-2028 amount is not in my sources yet (last known: €105 for 2025-2026)."),
])
def test_cvec_amount_of_the_arrival_year(data, arrival, expected):
    profile = checklist.Profile(arrival, "non_eu", "engineering")
    cvec = next(e for e in checklist.build(profile, data, date(2024, 1, 1)) if e.item.id == "cvec")
    assert expected in checklist.what_to_do(cvec, profile, data, "en")


# --- the data file -------------------------------------------------------------------------------


def test_every_item_cites_its_facts_and_sources(data):
    for item in data.items:
        assert item.facts and all(re.match(r"(facts\.md [A-C]\d+|report 2019 B\.\d)$", f) for f in item.facts), item.id
        assert item.source, item.id
        assert item.title.fr != item.title.en or item.id == "cvec"


@pytest.fixture
def kb_copy(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KB_DIR, folder)
    return folder


def broken(folder: Path, old: str, new: str) -> str:
    path = folder / "checklist.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000_000))
    with pytest.raises(KnowledgeBaseError) as error:
        checklist.load(folder)
    return str(error.value)


@pytest.mark.parametrize("old, new, message", [
    ("    due: arrival + 3 months - 1 day\n", "    due: arival + 3 months - 1 day\n", "unknown anchor"),
    ("    due: arrival + 3 months - 1 day\n", "    due: arrival + three months\n", "does not match"),
    ("    sort: arrival\n", "", "needs 'sort'"),
    ("    who: {nationality: [algerian]}\n    due: arrival + 2 months",
     "    who: {nationality: [algeria]}\n    due: arrival + 2 months", "residence_permit_algeria"),
    ("        \"2024-2025\": {eur: 103, status: official}\n",
     "        \"2024-2025\": {eur: 103, status: maybe}\n", "cvec"),
])
def test_a_broken_checklist_file_is_refused_with_its_entry(kb_copy, old, new, message):
    assert message in broken(kb_copy, old, new)


# --- the calendar file ---------------------------------------------------------------------------


def unfold(text: str):
    """RFC 5545 content lines: every physical line ends with CRLF and fits in 75 octets."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(text: str):
    """A tiny iCalendar reader: the calendar's properties and its events' (name -> (params, value))."""
    calendar, events, current = {}, [], None
    for line in unfold(text):
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice in an event"
            current[name] = (params, unescape(value))
        else:
            calendar.setdefault(name, []).append(value)
    return calendar, events


STAMP = datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_calendar_file_parses_back(lang, monkeypatch):
    monkeypatch.setenv("ACTIONS_PUBLIC_URL", "https://assistant.example.org/actions")
    text = prearrival.calendar_file(ARRIVAL, "IN", "master", lang, TODAY, STAMP)
    calendar, events = parse(text)
    assert calendar["BEGIN"] == ["VCALENDAR"] and calendar["END"] == ["VCALENDAR"]
    assert calendar["VERSION"] == ["2.0"] and calendar["PRODID"]
    data = checklist.load(KB_DIR)
    dated = [e for e in checklist.build(checklist.Profile(ARRIVAL, "non_eu", "master"), data, TODAY) if e.due]
    assert len(events) == len(dated) == 11
    uids = [e["UID"][1] for e in events]
    assert len(set(uids)) == len(uids) and all(u.endswith("@assistant.example.org") for u in uids)
    for event, entry in zip(events, dated):
        assert event["DTSTART"] == (["VALUE=DATE"], entry.due.strftime("%Y%m%d"))
        end = datetime.strptime(event["DTEND"][1], "%Y%m%d").date()
        assert event["DTEND"][0] == ["VALUE=DATE"] and (end - entry.due).days == 1  # one whole day
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1]) and event["DTSTAMP"][1] == "20261125T093000Z"
        assert event["SUMMARY"][1] == entry.item.title(lang)
        assert checklist.what_to_do(entry, checklist.Profile(ARRIVAL, "non_eu", "master"), data, lang) \
            in event["DESCRIPTION"][1]
    validation = next(e for e in events if "VLS-TS" in e["SUMMARY"][1] and "20271202" in e["DTSTART"][1])
    assert "administration-etrangers-en-france.interieur.gouv.fr" in validation["DESCRIPTION"][1]
    assert not any("Campus France" in e["SUMMARY"][1] for e in events)  # no date: not in the calendar


def test_escaping_and_folding_round_trip():
    tricky = "Visa; CVEC, CAF\\ALS\nsecond line — Études, « accents » " + "é" * 80
    text = ics.calendar([ics.Event("u1@x", date(2027, 9, 2), tricky, tricky)], "Name, with; marks",
                        STAMP)
    calendar, events = parse(text)
    assert events[0]["SUMMARY"][1] == tricky and events[0]["DESCRIPTION"][1] == tricky
    assert unescape(calendar["X-WR-CALNAME"][0]) == "Name, with; marks"
    for line in text.split("\r\n"):
        line.encode("utf-8").decode("utf-8")  # no character cut in two by the folding


def test_fold_keeps_short_lines_and_cuts_long_ones_at_75_octets():
    assert ics.fold("SUMMARY:short") == ["SUMMARY:short"]
    parts = ics.fold("DESCRIPTION:" + "é" * 100)
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == "DESCRIPTION:" + "é" * 100


def test_countries_file_is_valid():
    assert countries.load(KB_DIR).known("IN")
