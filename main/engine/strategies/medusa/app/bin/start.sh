#!/bin/sh
# Starts the built Medusa server (API + admin at /app) on PORT (9000).
set -eu
app=${1:-${APP_DIR:-/app}}
cd "$app/.medusa/server"
exec ./node_modules/.bin/medusa start --host "${HOST:-0.0.0.0}" --port "${PORT:-9000}"
