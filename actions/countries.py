"""Nationalities written freely ("India", "indienne", "je suis marocaine", "Brazilian", "RDC"):
country names from Babel (CLDR, French and English), aliases and demonyms from
actions/knowledge/countries.yml, and the nationality group each belongs to.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from babel import Locale
from pydantic import constr, validator

from actions.knowledge_base import KnowledgeBaseError, Model, NonEmpty, _parse, normalise

Code = constr(regex=r"^[A-Z]{2}$")
# Babel territories that are not countries one holds the nationality of.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "BV", "HM", "UM", "IO", "TF", "CP",
                 "DG", "EA", "IC", "AC", "TA", "CQ"}
# Words that, right before a country or a nationality, say it is the student's (strict mode).
CUES = ("je suis", "suis", "i am", "i m", "im", "from", "du", "de", "d", "des", "de l", "de la",
        "nationalite", "nationality", "citoyen", "citoyenne", "citizen", "citizen of", "passeport",
        "passport", "originaire", "originaire du", "originaire de", "viens", "venant")


class Demonyms(Model):
    fr: List[NonEmpty]
    en: List[NonEmpty]


class Groups(Model):
    french: List[Code]
    eu: List[Code]
    algerian: List[Code]


class CountriesFile(Model):
    groups: Groups
    aliases: Dict[Code, List[NonEmpty]]
    demonyms: Dict[Code, Demonyms]
    not_a_nationality: List[NonEmpty]

    @validator("groups")
    def _disjoint(cls, value):
        codes = value.french + value.eu + value.algerian
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError(f"in more than one group: {', '.join(twice)}")
        return value


@dataclass(frozen=True)
class CountryReading:
    code: Optional[str]  # None: several countries named, none preferred
    candidates: Tuple[str, ...]  # every country named (several: ambiguous)


class Countries:
    def __init__(self, data: CountriesFile):
        self.data = data
        self.names = {lang: {code: name for code, name in Locale(lang).territories.items()
                             if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES}
                      for lang in ("fr", "en")}
        unknown = sorted((set(data.aliases) | set(data.demonyms) | set(data.groups.eu)
                          | set(data.groups.french) | set(data.groups.algerian)) - set(self.names["en"]))
        if unknown:
            raise KnowledgeBaseError(f"countries.yml: not country codes known to Babel: {', '.join(unknown)}")
        self._groups = {code: group for group in ("french", "eu", "algerian")
                        for code in getattr(data.groups, group)}
        entries: Dict[str, Tuple[str, bool]] = {}  # normalised words -> (code, is a demonym)
        for lang in ("fr", "en"):
            for code, name in self.names[lang].items():
                entries.setdefault(normalise(name), (code, False))
        for code, aliases in data.aliases.items():
            for alias in aliases:
                entries[normalise(alias)] = (code, False)
        for code, demonyms in data.demonyms.items():
            for word in demonyms.fr:
                entries[normalise(word)] = (code, True)
                entries.setdefault(normalise(word) + "s", (code, True))
            for word in demonyms.en:
                entries[normalise(word)] = (code, True)
        self._index = sorted(entries.items(), key=lambda e: (-len(e[0]), e[0]))
        self._noise = sorted((normalise(p) for p in data.not_a_nationality), key=len, reverse=True)

    def known(self, code: str) -> bool:
        return code in self.names["en"]

    def group(self, code: str) -> str:
        return self._groups.get(code, "non_eu")

    def name(self, code: str, lang: str) -> str:
        return self.names["en" if lang == "en" else "fr"][code]

    def find(self, text: str, strict: bool = False) -> Optional[CountryReading]:
        """The nationality a message gives. Whole words only, longest first; a nationality word
        wins over a country name ("je vis au Maroc, je suis française": France). Several left:
        ambiguous (code None). strict: only after a cue such as "je suis", "from", "du"."""
        padded = f" {normalise(text)} "
        for phrase in self._noise:
            padded = padded.replace(f" {phrase} ", "  ")
        found: List[Tuple[str, bool]] = []
        for words, (code, demonym) in self._index:
            target = f" {words} "
            start = padded.find(target)
            while start != -1:
                before = padded[:start + 1]
                if not strict or any(before.endswith(f" {cue} ") for cue in CUES):
                    found.append((code, demonym))
                    padded = padded[:start] + " " * len(target) + padded[start + len(target):]
                    break
                start = padded.find(target, start + 1)
        if not found:
            return None
        codes = tuple(dict.fromkeys(code for code, _ in found))
        preferred = tuple(dict.fromkeys(code for code, demonym in found if demonym)) or codes
        return CountryReading(preferred[0] if len(preferred) == 1 else None, codes)


@lru_cache(maxsize=4)
def _load(path: str, stamp) -> Countries:
    return Countries(_parse(Path(path), CountriesFile))


def load(folder: Path) -> Countries:
    path = Path(folder) / "countries.yml"
    try:
        info = path.stat()
    except OSError as error:
        raise KnowledgeBaseError(f"{path}: cannot be read ({error.strerror})") from None
    return _load(str(path), (info.st_mtime_ns, info.st_size))
