"""Action server of the student-services assistant: contact and deadline look-ups.

Start it with `python -m actions` (checks the knowledge base first); `python -m actions.kb_check`
reports on the knowledge base. Importing the package does no work.
"""
