"""`python -m actions [rasa_sdk options]`: check the knowledge base, then serve the actions.

A broken knowledge base file stops the start (exit 1) with a message naming the file, the entry
and the field, rather than failing on the first student who asks.
"""

import logging
import sys

from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser

from actions import settings
from actions.knowledge_base import KnowledgeBaseError, get_kb


def main(argv=None) -> int:
    args = create_argument_parser().parse_args(argv)
    args.actions = args.actions or "actions"
    try:
        kb = get_kb()  # also primes the cache the actions reuse
    except KnowledgeBaseError as error:
        print(f"Knowledge base is invalid, not starting:\n{error}", file=sys.stderr)
        return 1
    logging.getLogger(__name__).info(
        "Knowledge base %s: %d services, %d contacts, %d deadlines",
        settings.kb_dir(), len(kb.services), len(kb.contacts), len(kb.deadlines),
    )
    main_from_args(args)  # port 5055 unless -p says otherwise
    return 0


if __name__ == "__main__":
    sys.exit(main())
