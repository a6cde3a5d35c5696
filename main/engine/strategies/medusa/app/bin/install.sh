#!/bin/sh
# Installs one part of the Storedeck Medusa template from its lockfile and the npm registry.
#   install.sh server     TEMPLATE_DIR APP_DIR   npm ci + `medusa build` (admin included)
#   install.sh storefront TEMPLATE_DIR APP_DIR   npm ci of the storefront
# Used by the server's and storefront's init containers (TEMPLATE_DIR is the ConfigMap mount)
# and by the real test. Work already done for the same template is skipped: dependencies are
# keyed by the lockfile's hash, the build by the hash of every template file. Markers are
# written last, so an interrupted run is simply redone.
set -eu
part=$1
template=$2
app=$3
case "$part" in server | storefront) ;; *) echo "install.sh: unknown part '$part'" >&2; exit 2 ;; esac

files_hash() {
  # A ConfigMap volume holds its files behind ..data symlinks: follow links, skip the dot-dirs.
  (cd "$1" && find -L . -type f ! -path '*/..*' ! -path './node_modules/*' ! -path './storefront/*' \
    | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32)
}

src=$template
[ "$part" = storefront ] && src=$template/storefront
want=$(files_hash "$src")
mkdir -p "$app"
if [ "$(cat "$app/.storedeck-build" 2>/dev/null || true)" = "$want" ]; then
  echo "install.sh: $part is up to date ($want)"
  exit 0
fi

echo "install.sh: copying the $part template into $app"
rm -rf "$app/src" "$app/.medusa" "$app/.storedeck-build"
for entry in "$src"/* "$src"/.[!.]*; do
  [ -e "$entry" ] || continue
  name=$(basename "$entry")
  case "$name" in node_modules | storefront | ..*) continue ;; esac
  # Replace, never merge: cp into an existing directory would nest the new copy inside it.
  rm -rf "${app:?}/$name"
  cp -RL "$entry" "$app/$name"
done

lock_hash=$(sha256sum "$app/package-lock.json" | cut -c1-32)
if [ "$(cat "$app/node_modules/.storedeck-lock" 2>/dev/null || true)" != "$lock_hash" ]; then
  echo "install.sh: installing $part dependencies from the npm registry (first time: minutes)"
  # The line Storedeck's diagnosis looks for when the registry cannot be reached.
  (cd "$app" && npm ci --no-audit --no-fund --loglevel=error) ||
    { echo "install.sh: npm ci failed: could not install the $part dependencies from $(npm config get registry)" >&2; exit 1; }
  echo "$lock_hash" > "$app/node_modules/.storedeck-lock"
fi

if [ "$part" = server ]; then
  echo "install.sh: building the Medusa server and admin dashboard"
  # The build reads medusa-config.ts but connects to nothing: placeholders stand in for the
  # store's secrets, which only the running containers get.
  (cd "$app" && DATABASE_URL=postgres://build-only/none REDIS_URL=redis://build-only \
    JWT_SECRET=build-only COOKIE_SECRET=build-only MEDUSA_DISABLE_TELEMETRY=true \
    ./node_modules/.bin/medusa build) ||
    { echo "install.sh: medusa build failed (see the lines above)" >&2; exit 1; }
  # The build output runs with the dependencies installed above.
  ln -sfn ../../node_modules "$app/.medusa/server/node_modules"
fi
echo "$want" > "$app/.storedeck-build"
echo "install.sh: $part ready"
