#!/bin/sh
# Waits for PostgreSQL, then runs Medusa's migrations (idempotent). The server's init container
# runs this before the server starts; bin/setup.sh runs it first too.
set -eu
app=${1:-${APP_DIR:-/app}}
here=$(dirname "$0")
if [ -n "${POSTGRES_HOST:-}" ]; then
  node "$here/wait-tcp.mjs" "$POSTGRES_HOST" "${POSTGRES_PORT:-5432}" 300
fi
cd "$app/.medusa/server"
echo "migrate.sh: running database migrations"
./node_modules/.bin/medusa db:migrate
