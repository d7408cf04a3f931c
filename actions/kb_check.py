"""`python -m actions.kb_check`: is the knowledge base valid, and what needs checking again?

Prints the validation result (exit 1 if a file is broken), the entries whose verified_on is over a
year old, every detail left {unknown: true}, and the deadlines with no confirmed coming date.
"""

import argparse
import sys
from datetime import date

from actions import settings
from actions.deadline_dates import CONFIRMED, RELATIVE, next_deadline
from actions.knowledge_base import KnowledgeBaseError, load


def report(folder, today: date, max_age_days: int) -> int:
    try:
        kb = load(folder)
    except KnowledgeBaseError as error:
        print(f"INVALID knowledge base in {folder}:\n{error}")
        return 1
    print(
        f"OK: {folder}: {len(kb.services)} services, {len(kb.contacts)} contacts, "
        f"{len(kb.deadlines)} deadlines (today is {today.isoformat()})."
    )
    sections = [
        (f"verified_on older than {max_age_days} days", kb.stale(today, max_age_days)),
        ("unknown ({unknown: true}): to obtain from the school or a live official page", kb.unknown_fields()),
        (
            "deadlines with no confirmed coming date",
            [
                f"deadlines.yml: {d.id}"
                for d in kb.deadlines.values()
                if next_deadline(d, today).status not in (CONFIRMED, RELATIVE)
            ],
        ),
    ]
    for title, lines in sections:
        print(f"\n{title}: {len(lines) or 'none'}")
        for line in lines:
            print(f"  - {line}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actions.kb_check", description=__doc__)
    parser.add_argument("--dir", help="knowledge base folder (default: ACTIONS_KB_DIR or actions/knowledge)")
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today in Europe/Paris)")
    parser.add_argument("--max-age-days", type=int, default=settings.STALE_AFTER_DAYS)
    args = parser.parse_args(argv)
    return report(args.dir or settings.kb_dir(), args.today or settings.today(), args.max_age_days)


if __name__ == "__main__":
    sys.exit(main())
