#!/bin/sh
# The store's setup (the setup Job's command, and the real test's): database migrations, then
# src/scripts/setup-store.ts, which converges the store idempotently. APP_DIR holds the build.
set -eu
app=${1:-${APP_DIR:-/app}}
here=$(dirname "$0")
sh "$here/migrate.sh" "$app"
cd "$app/.medusa/server"
echo "setup.sh: configuring the store"
./node_modules/.bin/medusa exec ./src/scripts/setup-store.js
