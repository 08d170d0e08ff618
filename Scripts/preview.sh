#!/usr/bin/env bash
# Builds the sample course in Content/ into Public/, serves it on http://127.0.0.1:8000/
# and rebuilds and reloads open pages whenever a file in Content/ or Templates/ changes.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
bin="$(Scripts/build-release.sh)"
exec "$bin" serve . --port "${PORT:-8000}"
