# Shared by scripts/demo and scripts/test: make .venv and install the project into it.
# Usage: . scripts/_venv.sh [extras]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv with $("$PY" --version 2>&1) ..." >&2
    "$PY" -m venv .venv
fi
EXTRAS="${1:-}"
STAMP=".venv/.installed${EXTRAS:+-$EXTRAS}"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    echo "Installing osmark-plan${EXTRAS:+[$EXTRAS]} into .venv (log: .venv/install.log) ..." >&2
    .venv/bin/python -m pip install --disable-pip-version-check -q --upgrade pip >.venv/install.log 2>&1 || true
    if ! .venv/bin/python -m pip install --disable-pip-version-check -e ".${EXTRAS:+[$EXTRAS]}" \
           >>.venv/install.log 2>&1; then
        tail -n 30 .venv/install.log >&2
        echo "Installing failed; the whole log is in .venv/install.log" >&2
        exit 1
    fi
    touch "$STAMP"
fi
# The package is installed editable, so its modules load from the source tree; where
# PYTHONDONTWRITEBYTECODE is set, Python would compile each of them on every start (about 0.1 s
# of `osmark rules`, 0.2 s of a check). Byte-compiled here (up-to-date files are skipped);
# Python still reads these caches with the variable set, and ignores one whose source changed.
.venv/bin/python -m compileall -q osmark_plan || true
