#!/usr/bin/env bash
# Installs what the generator needs on Debian/Ubuntu, then the Python environment in .venv.
# Safe to run again: it installs only what is missing. Uses sudo when not root.
# (grep reads all of fc-list's output: with pipefail, grep -q would end the pipe early and fail it)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# python3-uno lets the generator keep LibreOffice running between builds (generator/pdf/lo_server.py).
if ! command -v soffice >/dev/null 2>&1; then
  need+=(libreoffice-writer-nogui libreoffice-calc-nogui python3-uno)
elif [ "$(readlink -f "$(command -v soffice)")" = /usr/lib/libreoffice/program/soffice ] \
     && ! /usr/bin/python3 -c "import uno" >/dev/null 2>&1; then
  need+=(python3-uno)
fi
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -i carlito >/dev/null || need+=(fonts-crosextra-carlito)
fc-list 2>/dev/null | grep -i caladea >/dev/null || need+=(fonts-crosextra-caladea)
fc-list 2>/dev/null | grep -i "liberation sans" >/dev/null || need+=(fonts-liberation2)
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
# The website's browser test (tests/web/): headless Chromium driven by selenium, and npm for axe-core.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(npm)

if [ ${#need[@]} -gt 0 ]; then
  echo "==> Installerar systempaket: ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
else
  echo "==> Systempaket finns redan (LibreOffice, poppler, typsnitt)"
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Skapar Python-miljön i .venv"
  python3 -m venv .venv
fi
echo "==> Installerar Python-paket (pyproject.toml)"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
# axe-core (Deque, MPL-2.0) checks the website against WCAG 2.1 AA in the browser test.
AXE=4.14.1
if ! grep -q "\"version\": \"$AXE\"" .venv/node_modules/axe-core/package.json 2>/dev/null; then
  echo "==> Installerar axe-core $AXE (npm) i .venv/node_modules"
  npm install --silent --no-audit --no-fund --no-save --prefix .venv "axe-core@$AXE" >/dev/null
fi
touch .venv/.stamp
echo "==> Miljön är klar"
