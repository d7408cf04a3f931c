"""Scale-out tests: several Rasa servers, PostgreSQL, Redis and nginx on loopback."""
