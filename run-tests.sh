#!/usr/bin/env bash
# Runs every Trame test. Installs what the browser tests need (Debian's chromium and chromium-driver) when missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installation de chromium et chromium-driver pour les tests dans le navigateur…"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exec mvn -B -ntp verify "$@"
