"""The knowledge base: schema of actions/knowledge/*.yml, loading, and reload when a file changes.

The YAML files are data, not code: services, contacts and deadlines, each entry bilingual and
sourced. A detail the sources do not give is written `{unknown: true}` (never left out, never
guessed) so that the assistant can say it is not published yet and kb-check can list it.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, Iterator, List, Literal, Optional, Tuple, Union

import yaml
from pydantic import BaseModel, Extra, ValidationError, conint, constr, root_validator, validator

from actions import settings

logger = logging.getLogger(__name__)

FILES = ("labels.yml", "services.yml", "contacts.yml", "deadlines.yml")
# Contact fields, in the order a card shows them.
CONTACT_FIELDS = ("location", "booking", "email", "phone", "hours", "website")


class KnowledgeBaseError(Exception):
    """A knowledge base file is missing or invalid; the message names file, entry and field."""


# --- schema -----------------------------------------------------------------------------------


class Model(BaseModel):
    class Config:
        extra = Extra.forbid  # a misspelt key is an error, not a silently ignored field
        allow_mutation = False


NonEmpty = constr(strip_whitespace=True, min_length=1)
Id = constr(regex=r"^[a-z][a-z0-9_]*$")
Email = constr(strip_whitespace=True, regex=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
Phone = constr(strip_whitespace=True, regex=r"^\+?[0-9][0-9 ]*[0-9]$")
Web = constr(strip_whitespace=True, regex=r"^(https?://)?[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
Year = constr(regex=r"^\d{4}(-\d{4})?$")  # "2019" or an academic year "2016-2017"


class Day(date):
    """A date written YYYY-MM-DD. (The loader keeps dates as text so a bad one is named here.)"""

    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(f"{value!r} is not a date written YYYY-MM-DD") from None


class Unknown(Model):
    """A detail the sources do not give (facts.md: NOT FOUND)."""

    unknown: Literal[True]


class Bilingual(Model):
    fr: NonEmpty
    en: NonEmpty

    def __call__(self, language: str) -> str:
        return self.en if language == "en" else self.fr


class Aliases(Model):
    """Words a student may use for the entry, matched when NLU found no entity."""

    fr: List[NonEmpty]
    en: List[NonEmpty]


AsOf = Union[Unknown, Year, Day]


def _as_list(value):
    return [value] if isinstance(value, str) else value


def _unknown_or_value(value):
    """Route a mapping to Unknown or Bilingual up front, so an error names the real problem.

    (Left to pydantic, a Union reports one error per alternative it tried.)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # `as_of: 2019` or `phone: 3114` unquoted; pydantic reads ints as timestamps
    if not isinstance(value, dict):
        return value
    if "unknown" in value:
        if value != {"unknown": True}:
            raise ValueError("an unknown detail is written {unknown: true}")
        return Unknown(unknown=True)
    try:
        return Bilingual.parse_obj(value)
    except ValidationError as error:
        raise ValueError(
            "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        ) from None


class Sourced(Model):
    """Where an entry comes from: a URL, "report 2019" or a publication named in facts.md."""

    source: List[NonEmpty]
    as_of: AsOf  # the year (or date) the fact was true for
    verified_on: Day  # the day someone last checked the entry against its source

    _source = validator("source", pre=True, allow_reuse=True)(_as_list)
    _as_of = validator("as_of", pre=True, allow_reuse=True)(_unknown_or_value)


class Service(Sourced):
    id: Id
    name: Bilingual
    intents: List[Id] = []  # topic intents whose follow-up "how do I reach them?" means this service
    aliases: Aliases


class Contact(Sourced):
    id: Id
    services: List[Id]
    office: Bilingual
    about: Bilingual
    location: Optional[Union[Unknown, Bilingual, NonEmpty]]
    booking: Optional[Union[Unknown, Bilingual]]
    email: Optional[Union[Unknown, Email]]
    phone: Optional[Union[Unknown, Phone]]
    hours: Optional[Union[Unknown, Bilingual]]
    website: Optional[Union[Unknown, Web]]
    note: Optional[Bilingual]
    route: Optional[Bilingual]  # best known way to reach the office meanwhile

    _dispatch = validator(*CONTACT_FIELDS, pre=True, allow_reuse=True)(_unknown_or_value)

    @validator("services")
    def _at_least_one(cls, value):
        if not value:
            raise ValueError("lists no service")
        return value

    @root_validator(skip_on_failure=True)
    def _route_for_unknowns(cls, values):
        if any(isinstance(values.get(f), Unknown) for f in CONTACT_FIELDS) and not values.get("route"):
            raise ValueError("field 'route' is required when a field is {unknown: true}")
        return values


class Session(Model):
    """One dated occurrence of a deadline (a campaign, a call)."""

    session: NonEmpty
    opens: Optional[Union[Unknown, Day]]
    closes: Union[Unknown, Day]
    source: Optional[List[NonEmpty]]
    as_of: Optional[AsOf]
    verified_on: Optional[Day]

    _source = validator("source", pre=True, allow_reuse=True)(_as_list)
    _dispatch = validator("as_of", "opens", "closes", pre=True, allow_reuse=True)(_unknown_or_value)

    @root_validator(skip_on_failure=True)
    def _dated_is_sourced(cls, values):
        if isinstance(values["closes"], date):
            missing = [k for k in ("source", "as_of", "verified_on") if values.get(k) is None]
            if missing:
                raise ValueError(f"a dated session needs {', '.join(missing)}")
            opens = values.get("opens")
            if isinstance(opens, date) and opens > values["closes"]:
                raise ValueError("opens after it closes")
        return values

    @property
    def known(self) -> bool:
        return isinstance(self.closes, date)


class Annual(Model):
    """A rule that falls on the same day every year (e.g. before 1 July)."""

    month: conint(ge=1, le=12)
    day: conint(ge=1, le=31)

    @root_validator(skip_on_failure=True)
    def _real_day(cls, values):
        date(2000, values["month"], values["day"])  # a leap year: 29 February is allowed, 31 April is not
        return values


class Deadline(Sourced):
    """Exactly one of: `sessions` (dated), `annual` (same day every year), `rule` (relative)."""

    id: Id
    name: Bilingual
    intents: List[Id] = []
    aliases: Aliases
    service: Optional[Id]
    what_to_do: Bilingual
    note: Optional[Bilingual]
    where: Web
    sessions: Optional[List[Session]]
    usual: Optional[Bilingual]  # the usual window, always said as NOT YET CONFIRMED
    annual: Optional[Annual]
    rule: Optional[Bilingual]

    @root_validator(skip_on_failure=True)
    def _one_kind(cls, values):
        kinds = [k for k in ("sessions", "annual", "rule") if values.get(k)]
        if len(kinds) != 1:
            raise ValueError("give exactly one of 'sessions', 'annual' or 'rule'")
        if values.get("usual") and kinds != ["sessions"]:
            raise ValueError("'usual' only goes with 'sessions'")
        if kinds == ["sessions"] and not any(s.known for s in values["sessions"]):
            raise ValueError("'sessions' needs at least one dated session")
        return values

    @property
    def recurring(self) -> bool:
        """A dated deadline with a usual window comes back every year."""
        return self.usual is not None


class FieldLabel(Bilingual):
    icon: NonEmpty


class Labels(Model):
    """Words the cards need that belong to no entry: field names, source names."""

    fields: Dict[str, FieldLabel]
    note_icon: NonEmpty
    sources: Dict[str, Bilingual]  # display name of a non-URL source, e.g. "report 2019"
    as_of_unknown: Bilingual

    @validator("fields")
    def _every_field(cls, value):
        missing, extra = set(CONTACT_FIELDS) - set(value), set(value) - set(CONTACT_FIELDS)
        if missing or extra:
            raise ValueError(f"no label for: {', '.join(sorted(missing)) or '-'}; "
                             f"not a field: {', '.join(sorted(extra)) or '-'}")
        return value


class ServicesFile(Model):
    services: List[Service]


class ContactsFile(Model):
    contacts: List[Contact]


class DeadlinesFile(Model):
    deadlines: List[Deadline]


# --- the loaded knowledge base ------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces: how aliases are compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9€]+", text))


def _alias_index(entries) -> List[Tuple[str, str]]:
    # Longest alias first, so "remboursement cvec" wins over "cvec".
    pairs = {(normalise(a), e.id) for e in entries for a in [e.id, *e.aliases.fr, *e.aliases.en]}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


def _match(index: List[Tuple[str, str]], text: str) -> Optional[str]:
    padded = f" {normalise(text)} "
    return next((entry_id for alias, entry_id in index if f" {alias} " in padded), None)


@dataclass
class KnowledgeBase:
    labels: Labels
    services: Dict[str, Service]
    contacts: List[Contact]
    deadlines: Dict[str, Deadline]
    _service_aliases: list = field(default_factory=list, repr=False)
    _deadline_aliases: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._service_aliases = _alias_index(self.services.values())
        self._deadline_aliases = _alias_index(self.deadlines.values())

    def contacts_of(self, service_id: str) -> List[Contact]:
        return [c for c in self.contacts if service_id in c.services]

    def service_for_intent(self, intent: str) -> Optional[str]:
        return next((s.id for s in self.services.values() if intent in s.intents), None)

    def deadline_for_intent(self, intent: str) -> Optional[str]:
        return next((d.id for d in self.deadlines.values() if intent in d.intents), None)

    def match_service(self, text: str) -> Optional[str]:
        return _match(self._service_aliases, text)

    def match_deadline(self, text: str) -> Optional[str]:
        return _match(self._deadline_aliases, text)

    def entries(self) -> Iterator[Tuple[str, str, Model]]:
        """(file, entry id, entry) for every sourced entry, sessions included."""
        for service in self.services.values():
            yield "services.yml", service.id, service
        for contact in self.contacts:
            yield "contacts.yml", contact.id, contact
        for deadline in self.deadlines.values():
            yield "deadlines.yml", deadline.id, deadline
            for session in deadline.sessions or []:
                yield "deadlines.yml", f"{deadline.id} / {session.session}", session

    def unknown_fields(self) -> List[str]:
        """Every detail written {unknown: true}, as 'file: entry: field'."""
        found = []
        for file, entry_id, entry in self.entries():
            for name in ("as_of", "opens", "closes", *CONTACT_FIELDS):
                if isinstance(getattr(entry, name, None), Unknown):
                    found.append(f"{file}: {entry_id}: {name}")
        return found

    def stale(self, today: date, max_age_days: int = settings.STALE_AFTER_DAYS) -> List[str]:
        """Entries whose verified_on is older than max_age_days."""
        limit = today - timedelta(days=max_age_days)
        return [
            f"{file}: {entry_id}: verified_on {entry.verified_on.isoformat()}"
            for file, entry_id, entry in self.entries()
            if entry.verified_on is not None and entry.verified_on < limit
        ]


# --- loading ------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is reported by the schema, with its field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except OSError as error:
        raise KnowledgeBaseError(f"{path}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(f"{path}: is not valid YAML: {error}") from None


def _where(raw, loc: tuple) -> Tuple[str, str]:
    """Turn pydantic's location ('contacts', 3, 'email') into (entry id, field path)."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        items = raw.get(loc[0]) if isinstance(raw, dict) else None
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        entry = item.get("id") if isinstance(item, dict) and item.get("id") else f"#{loc[1] + 1}"
        rest = loc[2:]
    else:
        entry, rest = "(top level)", loc
    field_path = ".".join(str(part) for part in rest if part != "__root__") or "(entry)"
    return str(entry), field_path


# What a value failing one of the formats above should have looked like.
_FORMATS = {
    Id.regex.pattern: "should be an id: lower case letters, digits and _",
    Email.regex.pattern: "is not an email address",
    Phone.regex.pattern: "is not a phone number (digits and spaces)",
    Web.regex.pattern: "is not a web address",
    Year.regex.pattern: "is not a year (2019) or an academic year (2016-2017)",
}


def _parse(path: Path, model):
    raw = _read(path)
    try:
        return model.parse_obj(raw if raw is not None else {})
    except ValidationError as error:
        # A Union reports one error per alternative: gather them under one entry/field line.
        problems: Dict[Tuple[str, str], List[str]] = {}
        for item in error.errors():
            messages = problems.setdefault(_where(raw, item["loc"]), [])
            message = _FORMATS.get((item.get("ctx") or {}).get("pattern"), item["msg"])
            if message not in messages:
                messages.append(message)
        lines = []
        for (entry, field_path), messages in problems.items():
            # "not a valid dict" is the {unknown: true} alternative failing; the other says more.
            messages = [m for m in messages if m != "value is not a valid dict"] or messages
            lines.append(f"{path}: entry '{entry}', field '{field_path}': {' / '.join(messages)}")
        raise KnowledgeBaseError("\n".join(lines)) from None


def _unique(path: Path, entries) -> Dict[str, Model]:
    by_id: Dict[str, Model] = {}
    for entry in entries:
        if entry.id in by_id:
            raise KnowledgeBaseError(f"{path}: entry '{entry.id}', field 'id': used twice")
        by_id[entry.id] = entry
    return by_id


def _check_references(folder: Path, kb: KnowledgeBase) -> None:
    errors = []
    for contact in kb.contacts:
        for service_id in contact.services:
            if service_id not in kb.services:
                errors.append(
                    f"{folder / 'contacts.yml'}: entry '{contact.id}', field 'services': "
                    f"unknown service '{service_id}' (not in services.yml)"
                )
    for deadline in kb.deadlines.values():
        if deadline.service and deadline.service not in kb.services:
            errors.append(
                f"{folder / 'deadlines.yml'}: entry '{deadline.id}', field 'service': "
                f"unknown service '{deadline.service}' (not in services.yml)"
            )
    for service in kb.services.values():
        if not kb.contacts_of(service.id):
            errors.append(
                f"{folder / 'services.yml'}: entry '{service.id}', field 'id': "
                "no contact in contacts.yml lists this service"
            )
    for file, entries in (("services.yml", kb.services), ("deadlines.yml", kb.deadlines)):
        # An intent or an alias must lead to one entry only.
        owner: Dict[Tuple[str, str], str] = {}
        for entry in entries.values():
            words = [("aliases", normalise(a)) for a in [*entry.aliases.fr, *entry.aliases.en]]
            for key in {*words, *(("intents", i) for i in entry.intents)}:
                if owner.setdefault(key, entry.id) != entry.id:
                    errors.append(
                        f"{folder / file}: entry '{entry.id}', field '{key[0]}': "
                        f"'{key[1]}' already belongs to '{owner[key]}'"
                    )
    if errors:
        raise KnowledgeBaseError("\n".join(errors))


def load(folder: Path) -> KnowledgeBase:
    """Read and validate the four files; raise KnowledgeBaseError naming file, entry and field."""
    folder = Path(folder)
    labels = _parse(folder / "labels.yml", Labels)
    services = _parse(folder / "services.yml", ServicesFile).services
    contacts = _parse(folder / "contacts.yml", ContactsFile).contacts
    deadlines = _parse(folder / "deadlines.yml", DeadlinesFile).deadlines
    _unique(folder / "contacts.yml", contacts)
    kb = KnowledgeBase(
        labels=labels,
        services=_unique(folder / "services.yml", services),
        contacts=contacts,
        deadlines=_unique(folder / "deadlines.yml", deadlines),
    )
    _check_references(folder, kb)
    return kb


class KnowledgeStore:
    """Serves the last good knowledge base and reloads it when a file changes (no restart).

    Each access compares the files' mtimes and sizes: cheap, and needs no watcher thread. A change
    that fails validation is logged and the last good data is kept; it is not retried until a file
    changes again.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._kb: Optional[KnowledgeBase] = None
        self._stamp = None

    def _current_stamp(self):
        stamp = []
        for name in FILES:
            try:
                info = (self.folder / name).stat()
                stamp.append((name, info.st_mtime_ns, info.st_size))
            except OSError:
                stamp.append((name, None, None))
        return tuple(stamp)

    def get(self) -> KnowledgeBase:
        stamp = self._current_stamp()
        if stamp != self._stamp:
            try:
                kb = load(self.folder)
            except KnowledgeBaseError as error:
                if self._kb is None:
                    raise  # nothing good to fall back on: the caller must stop
                logger.error("Knowledge base reload failed, keeping the last good data:\n%s", error)
            else:
                if self._kb is not None:
                    logger.info("Knowledge base reloaded from %s", self.folder)
                self._kb = kb
            self._stamp = stamp
        return self._kb


_store: Optional[KnowledgeStore] = None


def get_kb() -> KnowledgeBase:
    """The current knowledge base of the folder settings.kb_dir() names."""
    global _store
    folder = settings.kb_dir()
    if _store is None or _store.folder != folder:
        _store = KnowledgeStore(folder)
    return _store.get()
