#!/usr/bin/env bash
# Builds the sample course in Content/ into Public/ and serves it on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product lectern
bin="$(swift build -c release --show-bin-path)/lectern"
"$bin" build .
echo "Serving Public/ on http://127.0.0.1:${PORT:-8000}/ (Ctrl-C to stop)"
cd Public && exec python3 -m http.server "${PORT:-8000}" --bind 127.0.0.1
