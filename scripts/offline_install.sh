#!/usr/bin/env bash
# Carry renewals to an air-gapped machine as a folder of wheels, and prove the folder is enough.
#
#   scripts/offline_install.sh [WHEEL_DIR]      (on a machine that can reach the package index)
#
# 1. builds the renewal-planner wheel and downloads every dependency as a wheel into WHEEL_DIR;
# 2. installs from that folder alone (--no-index) into a fresh venv, as the air-gapped machine will;
# 3. runs the installed command on the shipped demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
wheels=${1:-wheelhouse}
python3 -m pip wheel --quiet --wheel-dir "$wheels" .
target=$(mktemp -d)
trap 'rm -rf "$target"' EXIT
python3 -m venv "$target/venv"
"$target/venv/bin/pip" install --quiet --no-index --find-links "$wheels" renewal-planner
status=0
"$target/venv/bin/renewals" --demo --today 2026-11-27 due --within 30 || status=$?
[ "$status" -eq 1 ] || { echo "unexpected exit status $status from the installed renewals" >&2; exit 1; }
echo "offline install OK: $(ls "$wheels" | wc -l) wheels in $wheels"
