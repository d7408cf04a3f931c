"""Load benchmark of the assistant against Rasa's starter bot: `make bench` (bench/load.py)."""
