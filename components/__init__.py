"""Custom Rasa parts: language handling, the tracker store that can forget a conversation."""
