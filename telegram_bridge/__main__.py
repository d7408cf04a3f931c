"""`python -m telegram_bridge` starts the bridge (scripts/run.sh does this when a token is set)."""

from telegram_bridge.app import main

if __name__ == "__main__":
    main()
