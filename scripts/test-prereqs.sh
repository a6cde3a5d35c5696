#!/usr/bin/env bash
# What the test suite needs beyond npm packages, installed when missing so `npm run test:all`
# works on a fresh Debian/Ubuntu machine: Chromium (end-to-end tests), shellcheck (the setup
# script's lint test), helm (chart tests), and a better-sqlite3 built for this Node (`npm start`
# rebuilds it for Electron's ABI, which plain Node cannot load).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
# The one-click login plugin's PHP is run under php-cli in its tests.
command -v php >/dev/null 2>&1 || missing+=(php-cli)
# The real MedusaJS test (test/medusa-real) starts its own PostgreSQL and Redis on 127.0.0.1.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || {
      echo "test-prereqs: please install ${missing[*]} (apt-get install ${missing[*]}); not root and no sudo" >&2
      exit 1
    }
    sudo_cmd=(sudo)
  fi
  echo "test-prereqs: installing ${missing[*]} from Debian"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

bash scripts/fetch-helm.sh >/dev/null

if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
  echo 'test-prereqs: rebuilding better-sqlite3 for this Node.js (it was built for Electron)'
  npm rebuild better-sqlite3
fi
