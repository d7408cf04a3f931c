"""`python -m actions [rasa_sdk options]`: check the knowledge base, then serve the actions.

A broken knowledge base file stops the start (exit 1) with a message naming the file, the entry
and the field, rather than failing on the first student who asks.

The server is rasa_sdk's own (its app, /webhook, /health, /actions), plus GET /checklist.ics:
the pre-arrival checklist as a calendar file (actions/prearrival.py).
And the Telegram bridge's deadline-reminder endpoints, /reminders/* (actions/reminder_api.py).
"""

import logging
import os
import sys

from rasa_sdk import endpoint, utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_argument_parser

from actions import prearrival, reminder_api, settings
from actions.knowledge_base import KnowledgeBaseError, get_kb


def serve(args) -> None:
    """rasa_sdk's main_from_args() and endpoint.run(), with the calendar route added to the app."""
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file,
                                 args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()
    app = endpoint.create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload)
    prearrival.add_routes(app)
    reminder_api.add_routes(app)  # the Telegram bridge's /reminders/* (actions/reminder_api.py)
    ssl_context = endpoint.create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.run(os.environ.get("SANIC_HOST", "0.0.0.0"), args.port, ssl=ssl_context,
            workers=utils.number_of_sanic_workers())


def main(argv=None) -> int:
    args = create_argument_parser().parse_args(argv)
    args.actions = args.actions or "actions"
    try:
        kb = get_kb()  # also primes the cache the actions reuse
        prearrival.check_data()  # checklist.yml, countries.yml
    except KnowledgeBaseError as error:
        print(f"Knowledge base is invalid, not starting:\n{error}", file=sys.stderr)
        return 1
    logging.getLogger(__name__).info(
        "Knowledge base %s: %d services, %d contacts, %d deadlines",
        settings.kb_dir(), len(kb.services), len(kb.contacts), len(kb.deadlines),
    )
    serve(args)  # port 5055 unless -p says otherwise
    return 0


if __name__ == "__main__":
    sys.exit(main())
