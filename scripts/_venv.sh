# Shared by scripts/demo and scripts/test: make a virtualenv and install the project into it.
# Usage: . scripts/_venv.sh [extras] [venv directory, default .venv] [pip constraints file]
# With a constraints file (scripts/test gives the lowest versions pyproject.toml allows), the
# install is redone whenever that file's content changes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
EXTRAS="${1:-}"
VENV="${2:-.venv}"
CONSTRAINTS="${3:-}"
if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating $VENV with $("$PY" --version 2>&1) ..." >&2
    "$PY" -m venv "$VENV"
fi
STAMP="$VENV/.installed${EXTRAS:+-$EXTRAS}"
PIN=()
if [ -n "$CONSTRAINTS" ]; then PIN=(--prefer-binary -c "$CONSTRAINTS"); fi
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] \
        || { [ -n "$CONSTRAINTS" ] && ! cmp -s "$CONSTRAINTS" "$VENV/constraints.txt"; }; then
    echo "Installing osmark-plan${EXTRAS:+[$EXTRAS]} into $VENV" \
         "${CONSTRAINTS:+with the versions pinned in $VENV/constraints.txt }(log: $VENV/install.log) ..." >&2
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip >"$VENV/install.log" 2>&1 || true
    if [ -n "$CONSTRAINTS" ]; then cp "$CONSTRAINTS" "$VENV/constraints.txt"; fi
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check \
           "${PIN[@]}" -e ".${EXTRAS:+[$EXTRAS]}" \
           >>"$VENV/install.log" 2>&1; then
        tail -n 30 "$VENV/install.log" >&2
        rm -f "$STAMP" "$VENV/constraints.txt"
        echo "Installing failed; the whole log is in $VENV/install.log" >&2
        exit 1
    fi
    touch "$STAMP"
fi
# The package is installed editable, so its modules load from the source tree; where
# PYTHONDONTWRITEBYTECODE is set, Python would compile each of them on every start (about 0.1 s
# of `osmark rules`, 0.2 s of a check). Byte-compiled here (up-to-date files are skipped);
# Python still reads these caches with the variable set, and ignores one whose source changed.
"$VENV/bin/python" -m compileall -q osmark_plan || true
