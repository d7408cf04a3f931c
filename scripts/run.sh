#!/usr/bin/env bash
# Starts the whole assistant on embedded defaults: action server, Rasa server (REST + socket.io,
# SQLite conversations), the website demo page, and the Telegram bridge when a token is set.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

export RASA_PORT="${RASA_PORT:-5005}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export WEB_PORT="${WEB_PORT:-8080}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://localhost:${ACTION_PORT}/webhook}"
export TRACKER_DB="${TRACKER_DB:-var/conversations.db}"
export RASA_URL="${RASA_URL:-http://localhost:${RASA_PORT}}"
# Browsers may call the Rasa server only from these origins (space-separated).
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:${WEB_PORT} http://127.0.0.1:${WEB_PORT}}"
export ACTIONS_URL="${ACTIONS_URL:-http://localhost:${ACTION_PORT}}"
# Rasa's HTTP API is always behind a token; the Telegram bridge uses it to send reminders. Without
# one configured, a random token is made for this run (nothing outside needs to know it).
export RASA_API_TOKEN="${RASA_API_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p var

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping the assistant..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

.venv/bin/python -m actions --port "$ACTION_PORT" &
pids+=($!)

# shellcheck disable=SC2086
.venv/bin/rasa run --model models/assistant.tar.gz --endpoints endpoints.yml \
  --credentials credentials.yml --port "$RASA_PORT" --cors $CORS_ORIGINS \
  --enable-api --auth-token "$RASA_API_TOKEN" &
pids+=($!)

if [ -d web ] && [ -f web/serve.py ]; then
  .venv/bin/python web/serve.py --port "$WEB_PORT" &
  pids+=($!)
fi

if [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then
  .venv-telegram/bin/python -m telegram_bridge &
  pids+=($!)
fi

# Wait until Rasa really answers, then say where to talk to it.
for _ in $(seq 1 180); do
  if curl -sf -o /dev/null "http://localhost:${RASA_PORT}/" \
     && curl -sf -o /dev/null "http://localhost:${ACTION_PORT}/health"; then
    break
  fi
  sleep 1
done
cat <<MSG

The assistant is ready.
  REST:      curl -s localhost:${RASA_PORT}/webhooks/rest/webhook -d '{"sender":"me","message":"Bonjour"}'
  Website:   http://localhost:${WEB_PORT}/  (demo page with the chat window)
  Telegram:  $( [ -n "${TELEGRAM_BOT_TOKEN:-}" ] && echo "bridge running" || echo "set TELEGRAM_BOT_TOKEN to start the bridge" )
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
