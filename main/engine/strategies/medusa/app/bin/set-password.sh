#!/bin/sh
# The password-reset Job's command: applies ADMIN_PASSWORD (from the store's Secret) to the
# admin login of ADMIN_EMAIL.
set -eu
app=${1:-${APP_DIR:-/app}}
cd "$app/.medusa/server"
exec ./node_modules/.bin/medusa exec ./src/scripts/set-admin-password.js
