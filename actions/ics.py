"""iCalendar (RFC 5545) files of all-day events: the checklist as a calendar to download (pure).

All-day events (DTSTART;VALUE=DATE) carry no time zone: a student's calendar shows them on that
day wherever they are, which is what a deadline "by 2 September" means. Text values are escaped
(RFC 5545 3.3.11) and lines folded at 75 octets without cutting a UTF-8 character (3.1).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, List

PRODID = "-//IMT Mines Ales assistant//Pre-arrival checklist//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    day: date
    summary: str
    description: str


def escape(text: str) -> str:
    """TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> List[str]:
    """A content line cut into lines of at most 75 octets; each continuation starts with a space."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return parts


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def calendar(events: Iterable[Event], name: str, stamp: datetime) -> str:
    """The VCALENDAR text, CRLF line endings. `stamp`: when the file is made (DTSTAMP, UTC)."""
    stamp_text = stamp.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{_day(event.day)}",
            f"DTEND;VALUE=DATE:{_day(event.day + timedelta(days=1))}",  # exclusive: one whole day
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            "TRANSP:TRANSPARENT",  # a reminder, not a busy slot
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{part}\r\n" for line in lines for part in fold(line))
