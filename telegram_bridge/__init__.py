"""The Telegram bridge: a python-telegram-bot Application that relays chats to Rasa's REST channel.

Runs in its own virtual environment (.venv-telegram); it must not import rasa.
"""
