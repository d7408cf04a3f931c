"""Reading a student's answers: arrival dates in French and English against an injected today,
nationalities (names, demonyms, aliases) and programmes."""

from datetime import date
from pathlib import Path

import pytest

from actions import checklist, countries
from actions.dates_parse import find_date, find_dates

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "actions" / "knowledge"
TODAY = date(2026, 11, 25)  # a Wednesday


def day(text, today=TODAY):
    reading = find_date(text, today)
    return None if reading is None else reading.value


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # French
    ("le 3 septembre", date(2027, 9, 3)),
    ("Le 3 Septembre 2027", date(2027, 9, 3)),
    ("j'arrive le 1er septembre", date(2027, 9, 1)),
    ("je pense arriver le 15 sept. 2027", date(2027, 9, 15)),
    ("03/09", date(2027, 9, 3)),
    ("03/09/2027", date(2027, 9, 3)),
    ("3.9.27", date(2027, 9, 3)),
    ("dans 3 semaines", date(2026, 12, 16)),
    ("dans deux mois", date(2027, 1, 25)),
    ("dans 10 jours", date(2026, 12, 5)),
    ("d'ici un mois", date(2026, 12, 25)),
    ("le mois prochain", date(2026, 12, 1)),
    ("la semaine prochaine", date(2026, 11, 30)),
    ("lundi prochain", date(2026, 11, 30)),
    ("demain", date(2026, 11, 26)),
    ("aujourd'hui", TODAY),
    ("début septembre", date(2027, 9, 1)),
    ("mi-septembre", date(2027, 9, 11)),
    ("fin août 2027", date(2027, 8, 21)),
    ("en septembre", date(2027, 9, 1)),
    ("septembre prochain", date(2027, 9, 1)),
    # English
    ("early September", date(2027, 9, 1)),
    ("mid September", date(2027, 9, 11)),
    ("the end of August", date(2027, 8, 21)),
    ("September 3rd, 2027", date(2027, 9, 3)),
    ("Sept 3", date(2027, 9, 3)),
    ("on the 3rd of September", date(2027, 9, 3)),
    ("next month", date(2026, 12, 1)),
    ("next week", date(2026, 11, 30)),
    ("in two weeks", date(2026, 12, 9)),
    ("in 2 or 3 weeks", date(2026, 12, 9)),
    ("tomorrow", date(2026, 11, 26)),
    ("next Friday", date(2026, 11, 27)),
    ("2027-09-01", date(2027, 9, 1)),
    ("I may arrive in September", date(2027, 9, 1)),  # "may" is not May
])
def test_dates_in_both_languages(text, expected):
    assert day(text) == expected


def test_a_day_without_a_year_is_the_next_such_day_today_included():
    assert day("25/11") == TODAY
    assert day("24/11") == date(2027, 11, 24)  # yesterday's date: next year's
    assert day("le 3 septembre", today=date(2027, 9, 4)) == date(2028, 9, 3)


def test_ambiguous_numbers_read_day_first_unless_impossible():
    assert day("03/09") == date(2027, 9, 3)  # French order: 3 September, not 9 March
    assert day("09/13") == date(2027, 9, 13)  # 13 cannot be a month: US order
    assert day("5") is None  # a number alone is not a date
    assert day("dans 2-3 semaines") == date(2026, 12, 9)  # not "2 March"


def test_several_dates_give_the_earliest():
    assert day("le 3 ou le 10 septembre") == date(2027, 9, 10)  # "le 3" alone has no month
    assert day("3 September or 10 September") == date(2027, 9, 3)
    assert [r.value for r in find_dates("between 1 September and 5 September", TODAY)] == [
        date(2027, 9, 1), date(2027, 9, 5)]


def test_vague_dates_are_marked_approximate():
    assert find_date("early September", TODAY).approximate
    assert find_date("le mois prochain", TODAY).approximate
    assert not find_date("le 3 septembre", TODAY).approximate


def test_part_of_a_month_already_begun_counts_from_today():
    assert day("fin novembre") == TODAY
    assert day("in November") == TODAY


@pytest.mark.parametrize("text", ["31/02", "32 septembre", "30/02/2027", "2027-13-01"])
def test_days_that_do_not_exist_are_invalid_readings(text):
    reading = find_date(text, TODAY)
    assert reading is not None and not reading.valid


@pytest.mark.parametrize("text", ["bonjour", "je ne sais pas encore", "not sure yet", "master", "",
                                  "I'm Indian", "dans quelques temps", "2 ans"])
def test_no_date(text):
    assert find_date(text, TODAY) is None


def test_past_dates_are_read_as_they_are():
    assert day("hier") == date(2026, 11, 24)
    assert day("3 January 2025") == date(2025, 1, 3)


def test_leap_day_without_a_year_is_the_next_29_february():
    assert day("29/02") == date(2028, 2, 29)


# --- nationalities -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places():
    return countries.load(KB_DIR)


@pytest.mark.parametrize("text, code", [
    ("Inde", "IN"), ("India", "IN"), ("indien", "IN"), ("indienne", "IN"), ("Indian", "IN"),
    ("Brazilian", "BR"), ("Brésil", "BR"), ("je suis marocaine", "MA"), ("Morocco", "MA"),
    ("Algérie", "DZ"), ("je suis algérien", "DZ"), ("Algerian", "DZ"),
    ("Côte d'Ivoire", "CI"), ("ivory coast", "CI"), ("RDC", "CD"), ("Congo-Kinshasa", "CD"),
    ("Allemagne", "DE"), ("allemande", "DE"), ("Germany", "DE"), ("suisse", "CH"),
    ("Norway", "NO"), ("norvégienne", "NO"), ("USA", "US"), ("États-Unis", "US"), ("UK", "GB"),
    ("française", "FR"), ("French", "FR"), ("I'm from Nigeria", "NG"), ("Niger", "NE"),
    ("je viens en France depuis le Sénégal", "SN"),  # "en France" is not a nationality
    ("je vis au Maroc mais je suis française", "FR"),  # a nationality word beats a country name
])
def test_countries_and_demonyms_in_both_languages(places, text, code):
    assert places.find(text).code == code


def test_groups_decide_the_rules(places):
    assert places.group("FR") == "french"
    assert {places.group(c) for c in ("DE", "IT", "NO", "IS", "LI", "CH", "IE")} == {"eu"}
    assert places.group("DZ") == "algerian"
    assert {places.group(c) for c in ("GB", "MA", "IN", "US", "TR")} == {"non_eu"}


def test_two_nationalities_are_ambiguous(places):
    reading = places.find("French and Moroccan")
    assert reading.code is None and set(reading.candidates) == {"FR", "MA"}


def test_unknown_country(places):
    assert places.find("Narnia") is None
    assert places.find("blah blah") is None


def test_strict_reading_needs_a_cue(places):
    """In the message that starts the form, a country counts only after "from", "du", "je suis"..."""
    assert places.find("je pars du Cameroun le mois prochain", strict=True).code == "CM"
    assert places.find("I am Indian", strict=True).code == "IN"
    assert places.find("je veux ma checklist en français", strict=True) is None
    assert places.find("Campus France", strict=True) is None


def test_country_names_come_from_babel_in_the_language(places):
    assert places.name("DE", "fr") == "Allemagne" and places.name("DE", "en") == "Germany"


def test_every_eu_eea_swiss_country_is_listed_once():
    data = countries.load(KB_DIR).data
    assert len(data.groups.eu) == 26 + 3 + 1  # EU without France, rest of the EEA, Switzerland
    assert "GB" not in data.groups.eu


# --- programmes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, programme", [
    ("cycle ingénieur", "engineering"), ("engineering degree", "engineering"), ("en alternance", "engineering"),
    ("master", "master"), ("Master DAMAGE", "master"), ("mastère spécialisé", "master"), ("MSc", "master"),
    ("PhD", "phd"), ("doctorat", "phd"), ("je suis doctorante", "phd"),
    ("Erasmus", "exchange"), ("échange", "exchange"), ("exchange student in the master", "exchange"),
    ("PhD in engineering", "phd"),
])
def test_programmes(text, programme):
    assert checklist.find_programme(text, checklist.load(KB_DIR)) == programme


def test_no_programme():
    assert checklist.find_programme("hmm not sure", checklist.load(KB_DIR)) is None
