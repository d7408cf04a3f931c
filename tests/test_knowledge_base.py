"""The knowledge base: its schema refuses broken files (naming file, entry and field), reloads on
change, keeps the last good data when a change is broken, and holds no contact the sources lack."""

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from actions import __main__ as server, kb_check
from actions.knowledge_base import FILES, KnowledgeBaseError, KnowledgeStore, get_kb, load

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "actions" / "knowledge"
# ../shared sits beside the project on every machine and in CI (see ../shared/README.md).
SHARED = Path(os.environ.get("SHARED_DIR") or ROOT.parent / "shared")


@pytest.fixture
def kb_dir(tmp_path):
    """A private copy of the shipped knowledge base, to break."""
    folder = tmp_path / "knowledge"
    shutil.copytree(KB_DIR, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file and move its mtime on (same-second edits count too)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def load_error(folder: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as error:
        load(folder)
    return str(error.value)


# --- the shipped files ---------------------------------------------------------------------------


def test_shipped_knowledge_base_is_valid_and_covers_the_contract():
    kb = load(KB_DIR)
    contract = (ROOT / "docs" / "intents.md").read_text(encoding="utf-8")
    services = re.search(r"- `service`: ([a-z_,\s]+)\.", contract).group(1)
    deadlines = re.search(r"- `deadline`: ([a-z_,\s]+)\.", contract).group(1)
    assert {s.strip() for s in services.split(",")} <= set(kb.services)
    assert {d.strip() for d in deadlines.split(",")} <= set(kb.deadlines)
    for service_id in kb.services:
        assert kb.contacts_of(service_id), service_id


def test_details_marked_not_found_in_the_sources_are_unknown():
    kb = load(KB_DIR)
    unknown = set(kb.unknown_fields())
    # facts.md: switchboard, international office email, social worker's hours, DSE 2026-27: NOT FOUND.
    assert "contacts.yml: school_head_office: phone" in unknown
    assert "contacts.yml: international_office: email" in unknown
    assert "contacts.yml: school_social_worker: hours" in unknown
    assert "deadlines.yml: dse / 2026-2027: closes" in unknown


# --- broken files ------------------------------------------------------------------------------


def test_bad_yaml_names_the_file(kb_dir):
    edit(kb_dir / "services.yml", "services:\n", "services: [\n")
    message = load_error(kb_dir)
    assert "services.yml" in message and "not valid YAML" in message


def test_missing_file_names_the_file(kb_dir):
    (kb_dir / "deadlines.yml").unlink()
    assert "deadlines.yml: cannot be read" in load_error(kb_dir)


def test_missing_field_names_file_entry_and_field(kb_dir):
    edit(
        kb_dir / "contacts.yml",
        '    office: {fr: "Infirmerie de l\'école", en: "School infirmary"}\n',
        "",
    )
    assert "contacts.yml: entry 'infirmary', field 'office': field required" in load_error(kb_dir)


def test_bad_date_names_file_entry_and_field(kb_dir):
    edit(kb_dir / "deadlines.yml", "closes: 2025-05-31", "closes: 2025-02-30")
    message = load_error(kb_dir)
    assert "deadlines.yml: entry 'dse', field 'sessions.1.closes'" in message
    assert "'2025-02-30' is not a date written YYYY-MM-DD" in message


def test_bad_verified_on_names_the_entry(kb_dir):
    text = (kb_dir / "services.yml").read_text(encoding="utf-8")
    (kb_dir / "services.yml").write_text(text.replace("verified_on: 2026-11-25", "verified_on: 25/11/2026", 1))
    message = load_error(kb_dir)
    assert "services.yml: entry 'psychologist', field 'verified_on'" in message


def test_missing_language_variant_names_the_field(kb_dir):
    edit(kb_dir / "contacts.yml", '      en: "The school has an infirmary room."\n', "")
    assert "contacts.yml: entry 'infirmary', field 'about.en': field required" in load_error(kb_dir)


def test_missing_language_variant_of_a_known_detail(kb_dir):
    edit(kb_dir / "contacts.yml", ', en: "every evening, 9 pm to 2:30 am"}', "}")
    assert "entry 'nightline', field 'hours': en: field required" in load_error(kb_dir)


def test_unknown_service_reference_is_refused(kb_dir):
    edit(kb_dir / "contacts.yml", "services: [infirmary]", "services: [nursery]")
    message = load_error(kb_dir)
    assert "contacts.yml: entry 'infirmary', field 'services': unknown service 'nursery'" in message


def test_unknown_service_of_a_deadline_is_refused(kb_dir):
    edit(kb_dir / "deadlines.yml", "service: caf\n", "service: cafe\n")
    assert "deadlines.yml: entry 'caf_summer', field 'service': unknown service 'cafe'" in load_error(kb_dir)


def test_unknown_must_be_written_unknown_true(kb_dir):
    edit(kb_dir / "contacts.yml", "    email: {unknown: true}\n    website: cercle-des-eleves.fr",
         "    email: {unknown: yes please}\n    website: cercle-des-eleves.fr")
    message = load_error(kb_dir)
    assert "entry 'cercle_des_eleves', field 'email': an unknown detail is written {unknown: true}" in message


def test_an_unknown_detail_needs_a_route(kb_dir):
    route = '    route:\n      fr: "Passez par le site mines-ales.org."\n      en: "Go through the mines-ales.org website."\n'
    edit(kb_dir / "contacts.yml", route, "")
    assert "entry 'alumni', field '(entry)': field 'route' is required" in load_error(kb_dir)


def test_an_alias_leads_to_one_service_only(kb_dir):
    edit(kb_dir / "services.yml", "fr: [infirmerie, infirmière, infirmier]", "fr: [infirmerie, infirmière, infirmier, psy]")
    assert "services.yml: entry 'infirmary', field 'aliases': 'psy' already belongs to 'psychologist'" in load_error(kb_dir)

def test_misspelt_key_is_refused(kb_dir):
    edit(kb_dir / "contacts.yml", "    phone: \"3919\"\n", "    phnoe: \"3919\"\n")
    assert "entry 'line_3919', field 'phnoe': extra fields not permitted" in load_error(kb_dir)


def test_bad_email_is_refused(kb_dir):
    edit(kb_dir / "contacts.yml", "    email: {unknown: true}\n    website: cercle-des-eleves.fr",
         "    email: cercle at school\n    website: cercle-des-eleves.fr")
    assert "entry 'cercle_des_eleves', field 'email': is not an email address" in load_error(kb_dir)


def test_duplicate_id_is_refused(kb_dir):
    edit(kb_dir / "contacts.yml", "  - id: line_3919\n", "  - id: line_3114\n")
    assert "contacts.yml: entry 'line_3114', field 'id': used twice" in load_error(kb_dir)


def test_a_deadline_has_exactly_one_kind(kb_dir):
    edit(kb_dir / "deadlines.yml", "    annual: {month: 7, day: 1}\n", "")
    assert "entry 'caf_summer', field '(entry)': give exactly one of" in load_error(kb_dir)


# --- reload ------------------------------------------------------------------------------------


def test_reload_picks_up_a_change(kb_dir):
    store = KnowledgeStore(kb_dir)
    assert store.get().services["library"].name.en == "Library (documentation centre)"
    edit(kb_dir / "services.yml", 'en: "Library (documentation centre)"', 'en: "Library"')
    assert store.get().services["library"].name.en == "Library"


def test_no_reload_without_a_change(kb_dir):
    store = KnowledgeStore(kb_dir)
    assert store.get() is store.get()


def test_failed_reload_keeps_the_last_good_data_and_says_why(kb_dir, caplog):
    store = KnowledgeStore(kb_dir)
    good = store.get()
    edit(kb_dir / "contacts.yml", "services: [infirmary]", "services: [nursery]")
    with caplog.at_level(logging.ERROR, logger="actions.knowledge_base"):
        assert store.get() is good
    assert "keeping the last good data" in caplog.text and "unknown service 'nursery'" in caplog.text
    edit(kb_dir / "contacts.yml", "services: [nursery]", "services: [infirmary]")
    assert store.get() is not good  # fixed: reloaded


def test_first_load_failure_raises_then_recovers_once_fixed(kb_dir):
    store = KnowledgeStore(kb_dir)
    edit(kb_dir / "labels.yml", "  phone: ", "  telephone: ")
    with pytest.raises(KnowledgeBaseError, match="no label for: phone; not a field: telephone"):
        store.get()
    edit(kb_dir / "labels.yml", "  telephone: ", "  phone: ")
    assert "phone" in store.get().labels.fields


def test_get_kb_reads_the_folder_the_settings_name(kb_dir, monkeypatch):
    edit(kb_dir / "services.yml", 'en: "Library (documentation centre)"', 'en: "Library"')
    monkeypatch.setenv("ACTIONS_KB_DIR", str(kb_dir))
    assert get_kb().services["library"].name.en == "Library"


# --- start-up and kb-check ---------------------------------------------------------------------


def test_server_refuses_to_start_on_a_broken_file(kb_dir, monkeypatch, capsys):
    edit(kb_dir / "contacts.yml", "services: [infirmary]", "services: [nursery]")
    monkeypatch.setenv("ACTIONS_KB_DIR", str(kb_dir))
    assert server.main([]) == 1
    assert "contacts.yml: entry 'infirmary', field 'services'" in capsys.readouterr().err


def test_kb_check_lists_stale_entries_unknowns_and_unconfirmed_deadlines(capsys):
    assert kb_check.main(["--today", "2028-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK:")
    assert "services.yml: psychologist: verified_on 2026-11-25" in out
    assert "contacts.yml: school_social_worker: hours" in out
    assert "deadlines.yml: dse" in out


def test_kb_check_lists_nothing_stale_within_a_year(capsys):
    kb_check.main(["--today", "2026-11-25"])
    assert "older than 365 days: none" in capsys.readouterr().out


def test_kb_check_fails_on_a_broken_file(kb_dir, capsys):
    edit(kb_dir / "deadlines.yml", "closes: 2025-05-31", "closes: 31 May")
    assert kb_check.main(["--dir", str(kb_dir)]) == 1
    assert "entry 'dse', field 'sessions.1.closes'" in capsys.readouterr().out


# --- every contact comes from the sources --------------------------------------------------------

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s\"'»)]*)?")
PHONE = re.compile(r"\b0 ?\d(?:[ .]?\d{2}){4}\b|\b0 800 \d{3} \d{3}\b|\b3\d{3}\b|\b36 46\b")


def contact_tokens(text: str):
    """Emails, web addresses and phone numbers in a piece of text, as written."""
    text = text.lower()
    for email in EMAIL.findall(text):
        yield email
        text = text.replace(email, " ")
    for address in WEB.findall(text):
        yield address.rstrip(".,;:")
    yield from PHONE.findall(text)


def all_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)
    elif value is not None:
        yield str(value)


def bare(token: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", token).rstrip("/")


def trusted_sources() -> str:
    """The report, and the lines of facts.md not tagged [LOW] (never used as contacts)."""
    facts = (SHARED / "facts" / "facts.md").read_text(encoding="utf-8").splitlines()
    report = "\n".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "seed").glob("*.txt")))
    text = "\n".join([report, *(line for line in facts if "[LOW" not in line)]).lower()
    return re.sub(r"(https?://)?(www\.)?", "", text)


def missing_from_sources(text: str, sources: str):
    return sorted({t for t in contact_tokens(text) if bare(t) not in sources})


def test_every_email_phone_and_url_in_the_knowledge_base_is_in_the_sources():
    assert (SHARED / "facts" / "facts.md").exists(), f"the sources are expected in {SHARED} (set SHARED_DIR)"
    sources = trusted_sources()
    kb_text = []
    for name in FILES:
        with (KB_DIR / name).open(encoding="utf-8") as handle:
            kb_text.extend(all_strings(yaml.safe_load(handle)))
    text = "\n".join(kb_text)
    assert len(set(contact_tokens(text))) > 30  # the check does look at the contacts
    assert missing_from_sources(text, sources) == []


def test_the_source_check_catches_invented_or_low_confidence_contacts():
    sources = trusted_sources()
    invented = "Write to contact@imt-mines-ales.fr, call 04 66 78 50 00 or see meuhfolle.com or dpo@mines-ales.fr."
    assert missing_from_sources(invented, sources) == [
        "04 66 78 50 00", "contact@imt-mines-ales.fr", "dpo@mines-ales.fr", "meuhfolle.com"
    ]

