#!/usr/bin/env bash
# Prints the path of a Python 3.10 that really runs (Rasa 3.6 supports 3.8-3.10 only).
# A pyenv shim named python3.10 can exist and still fail, so each candidate is run, not just found.
set -u
candidates=("${PYTHON310:-}" python3.10)
if command -v pyenv >/dev/null 2>&1; then
  candidates+=("$(pyenv root)"/versions/3.10.*/bin/python3.10)
fi
candidates+=("$HOME"/.pyenv/versions/3.10.*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10 python3 python)
for candidate in "${candidates[@]}"; do
  [ -n "$candidate" ] || continue
  if "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
cat >&2 <<'MSG'
No working Python 3.10 was found, and Rasa 3.6 needs exactly Python 3.10.
Install one, for example:
  - Debian/Ubuntu:  apt-get install python3.10 python3.10-venv
  - pyenv:          pyenv install 3.10.13
then run the command again, or point to it with PYTHON310=/path/to/python3.10.
MSG
exit 1
